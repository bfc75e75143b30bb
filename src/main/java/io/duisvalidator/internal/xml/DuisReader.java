package io.duisvalidator.internal.xml;

import io.duisvalidator.ReaderOptions;

import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.xml.bind.ObjectFactory;
import io.duisvalidator.internal.xml.bind.Request;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.UnmarshallerHandler;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.time.DateTimeException;
import java.util.Locale;
import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.io.Stax2CharArraySource;
import org.codehaus.stax2.validation.ValidationProblemHandler;
import org.codehaus.stax2.validation.XMLValidationException;
import org.codehaus.stax2.validation.XMLValidationProblem;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one DUIS Service Request from bytes, safely: bytes in, a {@link ReadResult} out, never an exception.
 *
 * <p>Construct once and share: instances are thread-safe. The schemas are compiled at construction; each
 * thread that calls {@link #read(byte[])} gets its own reused parser, validators and unmarshaller.
 *
 * <p>Pipeline per message: size and encoding checks, the JDK's strict UTF-8 decoder, then a hardened Woodstox
 * stream reader (no DTD: a DOCTYPE is refused; no external entities; explicit limits) validating against the project
 * schema as it reads (Woodstox's W3C XML Schema validator, MSV), its events handed as SAX events by
 * {@link StaxEvents} to {@link GuardHandler} (depth, name length, root element, header notes) → optional extra
 * schema validator (the JDK's) → {@link PruningHandler} (drops ds:Signature and unbound bodies) → JAXB, then
 * {@link DuisRequestMapper}. Nothing is ever printed: every stage has an error handler.
 */
public final class DuisReader {

    private static final class ContextHolder {
        static final JAXBContext CONTEXT = newContext();

        private static JAXBContext newContext() {
            try {
                return JAXBContext.newInstance(ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot build the JAXB context: " + e, e);
            }
        }
    }

    private final ReaderOptions options;
    private final Schema extraSchema;
    private final String extraSchemaName;
    private final ThreadLocal<Pipeline> pipelines = new ThreadLocal<>();

    /** A reader with {@link ReaderOptions#defaults()}. */
    public DuisReader() {
        this(ReaderOptions.defaults());
    }

    /**
     * @throws IllegalArgumentException when the extra schema cannot be read or compiled (message says why)
     * @throws IllegalStateException    when the project's own schema or binding cannot be loaded (a packaging fault)
     */
    public DuisReader(ReaderOptions options) {
        Schemas.projectForStreams(); // fail at construction if the project schema cannot be compiled
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.extraSchema = options.extraSchema() == null ? null : Schemas.extra(options.extraSchema());
        this.extraSchemaName = options.extraSchema() == null ? null
                : String.valueOf(options.extraSchema().getFileName());
        // Fail at construction, not on the first message, if the binding cannot be built.
        JAXBContext context = ContextHolder.CONTEXT;
        assert context != null;
    }

    public ReaderOptions options() {
        return options;
    }

    /**
     * Reads one message. Never throws (other than a {@link VirtualMachineError}, which must propagate).
     *
     * @param message the raw bytes of the file, any encoding the XML declaration states (UTF-8 by default)
     */
    public ReadResult read(byte[] message) {
        try {
            if (message == null || message.length == 0) {
                return new ReadResult.Rejected(ReadResult.Reason.EMPTY, "empty message", -1, -1, null);
            }
            if (message.length > options.maxMessageBytes()) {
                // a batch reads one byte past the limit, not the whole file: then its size is not known here
                return new ReadResult.Rejected(ReadResult.Reason.TOO_LARGE, "message over the limit of "
                        + options.maxMessageBytes() + " bytes" + (message.length > options.maxMessageBytes() + 1
                        ? " (" + message.length + " bytes)" : ""), -1, -1, null);
            }
            String encoding = Utf8Only.problem(message);
            if (encoding != null) {
                return new ReadResult.Rejected(ReadResult.Reason.BAD_ENCODING, "bad character encoding: " + encoding,
                        -1, -1, null);
            }
            Pipeline pipeline = pipelines.get();
            if (pipeline == null) {
                pipeline = new Pipeline();
                pipelines.set(pipeline);
            }
            ReadResult result;
            try {
                result = pipeline.read(message);
            } catch (VirtualMachineError e) {
                pipelines.remove();
                throw e;
            } catch (Throwable t) {
                pipelines.remove();
                return new ReadResult.Failed("XML reader failure: " + t, t);
            }
            if (result instanceof ReadResult.Failed) {
                pipelines.remove(); // stopped by something unforeseen: not trusted again, the next read starts afresh
            } else if (result instanceof ReadResult.Rejected) {
                try {
                    pipeline.afterRejection();
                } catch (JAXBException | SAXException e) {
                    pipelines.remove(); // cannot renew its parts: the next read builds a whole new pipeline
                }
            }
            return result;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return new ReadResult.Failed("XML reader failure: " + t, t);
        }
    }

    /** One thread's parser, validators and unmarshaller. */
    private final class Pipeline {
        private final XMLInputFactory2 streams;
        private final StaxEvents events;
        private final StreamProblems problems;
        private final Utf8Only.Decoder decoder = new Utf8Only.Decoder();
        private final GuardHandler guard;
        private ValidatorHandler extraValidator;
        private final PruningHandler pruner = new PruningHandler();
        private final SchemaErrors schemaErrors = new SchemaErrors();
        private Unmarshaller unmarshaller;
        private final BindingEvents bindingEvents = new BindingEvents();

        Pipeline() throws SAXException, JAXBException {
            // The project schema is validated by the parser itself (one pass, no second symbol table): its
            // violations come to the error handler as recoverable errors and are filed, well-formedness errors are
            // fatal and stop the parse. The guard then sees the events, and an extra schema validates after it.
            guard = new GuardHandler(options.maxElementDepth());
            streams = newStreamFactory(options);
            events = new StaxEvents();
            problems = new StreamProblems(schemaErrors.handler(ReadResult.Reason.SCHEMA), events);

            extraValidator = newExtraValidator();
            unmarshaller = newUnmarshaller();
        }

        private ValidatorHandler newExtraValidator() throws SAXException {
            if (extraSchema == null) return null;
            ValidatorHandler v = newValidator(extraSchema, schemaErrors.handler(ReadResult.Reason.EXTRA_SCHEMA));
            v.setContentHandler(pruner);
            return v;
        }

        private Unmarshaller newUnmarshaller() throws JAXBException {
            Unmarshaller u = ContextHolder.CONTEXT.createUnmarshaller();
            u.setEventHandler(bindingEvents);
            return u;
        }

        /**
         * After a rejection, which may have stopped the parse in the middle of the document: JAXB's unmarshalling
         * context keeps its half-built state across reads, so the unmarshaller is replaced (a few microseconds), and so
         * is the validator of an extra schema. The parser and its schema validator, the costly part (200-400 us to
         * build), reset themselves at every parse, and the guard, pruner and error collectors are reset by
         * {@link #read}: they are kept. DuisReaderReuseTest checks that every read after rejections on one thread is
         * what a fresh reader gives.
         */
        void afterRejection() throws JAXBException, SAXException {
            unmarshaller = newUnmarshaller();
            if (extraValidator != null) extraValidator = newExtraValidator();
        }

        ReadResult read(byte[] message) throws JAXBException {
            schemaErrors.reset();
            bindingEvents.reset();
            UnmarshallerHandler binder = unmarshaller.getUnmarshallerHandler();
            pruner.reset(binder, schemaErrors);
            guard.reset(extraValidator != null ? extraValidator : pruner);
            try {
                parseStream(message);
            } catch (XMLStreamException e) {
                return streamFault(e);
            } catch (Utf8Only.Malformed e) {
                return new ReadResult.Rejected(ReadResult.Reason.BAD_ENCODING, where(e.line, e.column)
                        + "bad character encoding: " + e.getMessage(), e.line, e.column, null);
            } catch (Rejection r) {
                return new ReadResult.Rejected(r.reason, where(r.line, r.column) + r.getMessage(), r.line, r.column, null);
            } catch (SAXException e) {
                if (e.getException() instanceof Rejection r) {
                    return new ReadResult.Rejected(r.reason, where(r.line, r.column) + r.getMessage(), r.line, r.column, null);
                }
                // a stage after the parser refused the events (the parser's own faults are XMLStreamExceptions)
                int line = e instanceof SAXParseException p ? p.getLineNumber() : -1;
                int column = e instanceof SAXParseException p ? p.getColumnNumber() : -1;
                return new ReadResult.Rejected(ReadResult.Reason.NOT_WELL_FORMED,
                        where(line, column) + "not well-formed: " + clean(e.getMessage()), line, column, null);
            }

            return outcome(binder);
        }

        /**
         * The bytes are decoded by the JDK's strict UTF-8 decoder into a reused buffer (Woodstox's own decoder accepts
         * overlong forms such as C0 BC for '<'), then Woodstox reads the characters, validating against the project
         * schema as it goes (violations are filed, the read goes on to the end for well-formedness), and
         * {@link StaxEvents} hands every event to the guard.
         */
        private void parseStream(byte[] message) throws XMLStreamException, SAXException, Utf8Only.Malformed {
            decoder.decode(message);
            XMLStreamReader2 r = (XMLStreamReader2) streams.createXMLStreamReader(
                    new Stax2CharArraySource(decoder.chars(), 0, decoder.length()));
            try {
                r.setValidationProblemHandler(problems);
                r.validateAgainst(Schemas.projectForStreams());
                events.run(r, guard, guard);
            } finally {
                r.closeCompletely();
            }
        }

        private ReadResult outcome(UnmarshallerHandler binder) throws JAXBException {
            if (schemaErrors.any()) {
                SAXParseException e = schemaErrors.first();
                String prefix = schemaErrors.firstReason() == ReadResult.Reason.EXTRA_SCHEMA
                        ? "invalid against " + extraSchemaName + ": " : "invalid: ";
                return new ReadResult.Rejected(schemaErrors.firstReason(),
                        where(e.getLineNumber(), e.getColumnNumber()) + prefix + clean(e.getMessage()),
                        e.getLineNumber(), e.getColumnNumber(), DuisRequestMapper.partial(guard));
            }

            Object bound = binder.getResult();
            if (bindingEvents.first != null || !(bound instanceof JAXBElement<?> element)
                    || !(element.getValue() instanceof Request request)) {
                String why = bindingEvents.first == null ? "unexpected result " + bound : bindingEvents.first;
                return new ReadResult.Failed("XML binding failed on a schema-valid message: " + why, null);
            }
            try {
                DuisRequest mapped = DuisRequestMapper.map(request, guard.bodyElement, guard.signed);
                return new ReadResult.Ok(mapped);
            } catch (DateTimeException | ArithmeticException e) {
                return new ReadResult.Rejected(ReadResult.Reason.UNREPRESENTABLE_VALUE,
                        "value out of the supported range: " + clean(e.getMessage()), -1, -1, DuisRequestMapper.partial(guard));
            }
        }
    }

    /**
     * Schema violations found by the stream reader's validator, filed like those of any validator (the first is the
     * DV-SCHEMA); the read goes on. Warnings do not make a message invalid.
     */
    private static final class StreamProblems implements ValidationProblemHandler {
        private final ErrorHandler schema;
        private final StaxEvents events;

        StreamProblems(ErrorHandler schema, StaxEvents events) {
            this.schema = schema;
            this.events = events;
        }

        @Override
        public void reportProblem(XMLValidationProblem problem) throws XMLValidationException {
            if (problem.getSeverity() < XMLValidationProblem.SEVERITY_ERROR) {
                return;
            }
            Location at = problem.getLocation();
            // The validator's words name the type or facet, not the value: say which element and value it is about.
            String value = events.valueInProgress();
            String message = value == null ? problem.getMessage() : value + ": " + problem.getMessage();
            SAXParseException e = new SAXParseException(message, null, null,
                    at == null ? -1 : at.getLineNumber(), at == null ? -1 : at.getColumnNumber());
            try {
                schema.error(e);
            } catch (SAXException unexpected) {
                throw problem.toException();
            }
        }
    }

    /**
     * A fault of the stream reader: not well-formed or a parser limit (it reads characters the strict decoder made, so
     * encoding faults are found before it).
     */
    private static ReadResult streamFault(XMLStreamException e) {
        String msg = clean(withoutLocation(e.getMessage()));
        Location at = e.getLocation();
        int line = at == null ? -1 : at.getLineNumber();
        int column = at == null ? -1 : at.getColumnNumber();
        ReadResult.Reason reason;
        String text;
        if (PARSER_LIMIT.matcher(msg).find()) {
            reason = msg.contains("Depth") ? ReadResult.Reason.TOO_DEEP : ReadResult.Reason.LIMIT_EXCEEDED;
            text = "parser limit exceeded: " + msg;
        } else {
            reason = ReadResult.Reason.NOT_WELL_FORMED;
            text = "not well-formed: " + msg;
        }
        return new ReadResult.Rejected(reason, where(line, column) + text, line, column, null);
    }

    /**
     * A stream exception's own words, without the location text StAX appends ("\n at [row,col {unknown-source}]: [7,3]")
     * or prepends ("ParseError at [row,col]:[7,3]\nMessage: "): the reader gives line and column its own way.
     */
    private static String withoutLocation(String message) {
        if (message == null) {
            return "";
        }
        int m = message.indexOf("\nMessage: ");
        if (message.startsWith("ParseError at ") && m >= 0) {
            return message.substring(m + "\nMessage: ".length());
        }
        int at = message.indexOf("\n at [row,col");
        return at >= 0 ? message.substring(0, at) : message;
    }

    /** How Woodstox words a broken limit: "... limit (256) exceeded", "Maximum attribute size limit (..) Exceeded". */
    private static final java.util.regex.Pattern PARSER_LIMIT =
            java.util.regex.Pattern.compile("(?i)limit \\(\\d+\\) exceeded|^Maximum ");

    /**
     * One thread's Woodstox factory, with every defence set explicitly: namespaces on; no DTD (a DOCTYPE reaches the
     * guard as an event and is refused there), no external entities, and a resolver that refuses anything external
     * should one ever be asked for; no lazy parsing (every fault is found by the read itself); limits: 256 attributes
     * per element, element depth the reader's limit + 1 (the guard reports depth first, in its own words), 64 entity
     * expansions, attribute values up to the message size (a long value is the schema's to judge, as before).
     */
    private static XMLInputFactory2 newStreamFactory(ReaderOptions options) {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        XMLResolver refuse = (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        };
        f.setXMLResolver(refuse);
        f.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        f.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        f.setProperty(XMLInputFactory2.P_PRESERVE_LOCATION, true);
        f.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, false);
        f.setProperty(XMLInputFactory2.P_INTERN_NAMES, true);
        f.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, true);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 256);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, Math.max(options.maxMessageBytes(), 1));
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, options.maxElementDepth() + 1);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 64);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 4);
        f.setProperty(WstxInputProperties.P_MAX_DTD_DEPTH, 4);
        return f;
    }


    private static String where(int line, int column) {
        return line > 0 ? "line " + line + ", column " + column + ": " : "";
    }

    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String one = message.replaceAll("\\s+", " ").trim();
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    // ---- hardened parts ----

    private static ValidatorHandler newValidator(Schema schema, ErrorHandler errors) throws SAXException {
        ValidatorHandler validator = schema.newValidatorHandler();
        validator.setErrorHandler(errors);
        validator.setResourceResolver(Schemas.NOTHING);
        validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            validator.setProperty("http://apache.org/xml/properties/locale", Locale.ROOT);
        } catch (SAXException e) {
            // optional
        }
        return validator;
    }

    /** JAXB binding events; after schema validation there should be none. */
    private static final class BindingEvents implements jakarta.xml.bind.ValidationEventHandler {
        String first;

        void reset() {
            first = null;
        }

        @Override
        public boolean handleEvent(ValidationEvent event) {
            if (first == null) {
                first = event.getMessage();
            }
            return false;
        }
    }
}
