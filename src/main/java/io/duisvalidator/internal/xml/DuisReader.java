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
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads one DUIS Service Request from bytes, safely: bytes in, a {@link ReadResult} out, never an exception.
 *
 * <p>Construct once and share: instances are thread-safe. The schemas are compiled at construction; each
 * thread that calls {@link #read(byte[])} gets its own reused parser, validators and unmarshaller.
 *
 * <p>Pipeline per message: size check, then a hardened SAX parser (no DOCTYPE, no external entities or
 * DTDs, no XInclude, secure processing, explicit limits) feeding
 * {@link GuardHandler} (depth limit, root element, header notes) → project schema validator → optional
 * extra schema validator → {@link PruningHandler} (drops ds:Signature and unbound bodies) → JAXB,
 * then {@link DuisRequestMapper}. Nothing is ever printed: every stage has an error handler.
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

    /** Limits given to the JDK parser (its own names); the SAX guard enforces depth as well, whatever JDK runs. */
    private static final String JDK_PROP = "http://www.oracle.com/xml/jaxp/properties/";

    private final ReaderOptions options;
    private final Schema projectSchema;
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
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.projectSchema = Schemas.project();
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
        private final XMLReader reader;
        private final GuardHandler guard;
        private ValidatorHandler extraValidator;
        private final PruningHandler pruner = new PruningHandler();
        private final SchemaErrors schemaErrors = new SchemaErrors();
        private Unmarshaller unmarshaller;
        private final BindingEvents bindingEvents = new BindingEvents();

        Pipeline() throws ParserConfigurationException, SAXException, JAXBException {
            // The project schema is validated by the parser itself (one pass, no second symbol table): its
            // violations come to the error handler as recoverable errors and are filed, well-formedness errors are
            // fatal and stop the parse. The guard then sees the events, and an extra schema validates after it.
            reader = newXmlReader(options.maxElementDepth(), projectSchema);
            reader.setErrorHandler(new ParseErrors(schemaErrors.handler(ReadResult.Reason.SCHEMA)));
            guard = new GuardHandler(options.maxElementDepth());
            reader.setContentHandler(guard);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", guard);

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

        ReadResult read(byte[] message) throws IOException, JAXBException {
            schemaErrors.reset();
            bindingEvents.reset();
            UnmarshallerHandler binder = unmarshaller.getUnmarshallerHandler();
            pruner.reset(binder, schemaErrors);
            guard.reset(extraValidator != null ? extraValidator : pruner);
            try {
                reader.parse(new InputSource(new ByteArrayInputStream(message)));
            } catch (Rejection r) {
                return new ReadResult.Rejected(r.reason, where(r.line, r.column) + r.getMessage(), r.line, r.column, null);
            } catch (SAXParseException e) {
                return parseFault(e);
            } catch (CharConversionException e) {
                return new ReadResult.Rejected(ReadResult.Reason.BAD_ENCODING,
                        "bad character encoding: " + clean(e.getMessage()), -1, -1, null);
            } catch (SAXException e) {
                if (e.getException() instanceof Rejection r) {
                    return new ReadResult.Rejected(r.reason, where(r.line, r.column) + r.getMessage(), r.line, r.column, null);
                }
                return new ReadResult.Rejected(ReadResult.Reason.NOT_WELL_FORMED, "not well-formed: " + clean(e.getMessage()), -1, -1, null);
            } catch (IOException e) {
                // Only encoding faults can come from a byte array: unsupported or malformed encodings.
                return new ReadResult.Rejected(ReadResult.Reason.BAD_ENCODING,
                        "bad character encoding: " + clean(String.valueOf(e.getMessage())), -1, -1, null);
            }

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

    private static ReadResult parseFault(SAXParseException e) {
        String msg = clean(e.getMessage());
        ReadResult.Reason reason = ReadResult.Reason.NOT_WELL_FORMED;
        String text;
        if (msg.contains("DOCTYPE")) {
            reason = ReadResult.Reason.DOCTYPE;
            text = "DOCTYPE declarations are not allowed";
        } else if (msg.contains("JAXP0001") || msg.contains("jdk.xml.")) {
            reason = msg.contains("maxElementDepth") ? ReadResult.Reason.TOO_DEEP : ReadResult.Reason.LIMIT_EXCEEDED;
            text = "parser limit exceeded: " + msg;
        } else if (msg.contains("byte") && (msg.contains("UTF-8") || msg.contains("sequence"))
                || msg.contains("encoding")) {
            reason = ReadResult.Reason.BAD_ENCODING;
            text = "bad character encoding: " + msg;
        } else {
            text = "not well-formed: " + msg;
        }
        return new ReadResult.Rejected(reason, where(e.getLineNumber(), e.getColumnNumber()) + text,
                e.getLineNumber(), e.getColumnNumber(), null);
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

    /**
     * Errors of the parser: fatal ones (not well-formed) stop the parse; recoverable ones are violations of the
     * schema the parser validates against, filed like those of any validator so that parsing checks
     * well-formedness to the end (DV-XML outranks DV-SCHEMA). Nothing printed.
     */
    private static final class ParseErrors implements ErrorHandler {
        private final ErrorHandler schema;

        ParseErrors(ErrorHandler schema) {
            this.schema = schema;
        }

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            schema.error(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static XMLReader newXmlReader(int maxDepth, Schema schema) throws ParserConfigurationException, SAXException {
        // The JDK's own parser, whatever else is on the class path, so that the settings below are known to hold.
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false); // no DTD validation; the schema below is W3C XML Schema
        factory.setSchema(schema);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // Explicit limits, not the JDK defaults (which differ between releases). Entities cannot be
        // declared at all (no DOCTYPE), so the entity limits are a second line only.
        setJdkLimit(reader, "entityExpansionLimit", 64);
        setJdkLimit(reader, "maxGeneralEntitySizeLimit", 4096);
        setJdkLimit(reader, "maxParameterEntitySizeLimit", 4096);
        setJdkLimit(reader, "totalEntitySizeLimit", 65536);
        setJdkLimit(reader, "elementAttributeLimit", 256);
        setJdkLimit(reader, "maxXMLNameLimit", 1000);
        setJdkLimit(reader, "maxElementDepth", maxDepth + 1); // the guard reports depth first, with its own words
        tryProperty(reader, "http://apache.org/xml/properties/locale", Locale.ROOT);
        return reader;
    }

    private static void setJdkLimit(XMLReader reader, String name, int value) {
        tryProperty(reader, JDK_PROP + name, String.valueOf(value));
    }

    private static void tryProperty(XMLReader reader, String name, Object value) {
        try {
            reader.setProperty(name, value);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // not this parser's property: the SAX guard and the size check still hold
        }
    }

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
