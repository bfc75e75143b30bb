package io.duisvalidator.internal.xml;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import com.ctc.wstx.msv.W3CSchemaFactory;
import org.codehaus.stax2.validation.XMLValidationSchema;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Compiles the project schema (once per JVM, for Woodstox's validator) and a user's extra schema (with the JDK's
 * validator), without network access.
 */
final class Schemas {

    static final String PROJECT_XSD = "xsd/duis-mp162.xsd";
    static final String DSIG_XSD = "xsd/xmldsig-lite.xsd";

    private Schemas() {
    }

    private static final class StreamHolder {
        static final XMLValidationSchema SCHEMA = loadProjectForStreams();
    }

    /**
     * The project schema compiled by Woodstox's W3C XML Schema validator (MSV), which validates inside the
     * stream reader. Compiled on first use and shared: the compiled grammar is read-only, each reader gets its own
     * validator from it.
     */
    static XMLValidationSchema projectForStreams() {
        return StreamHolder.SCHEMA;
    }

    private static XMLValidationSchema loadProjectForStreams() {
        URL main = resource(PROJECT_XSD);
        resource(DSIG_XSD); // imported by the main document, from beside it
        try {
            // The schema documents are the project's own, read from the class path (the import resolves beside them).
            return new W3CSchemaFactory().createSchema(main);
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalStateException("cannot compile the project schema " + PROJECT_XSD + " for the stream reader: "
                    + e.getMessage(), e);
        }
    }

    private static URL resource(String name) {
        URL url = Schemas.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("project schema resource missing from the class path: " + name);
        }
        return url;
    }

    /**
     * Compiles a user-supplied XSD. Imports and includes are read from local files only (no http, no jar);
     * DTDs referenced by schema documents (the W3C xmldsig schema names one) are not fetched.
     *
     * @throws IllegalArgumentException when the file is missing or not a usable schema, naming the cause
     */
    static Schema extra(Path xsd) {
        if (!Files.isRegularFile(xsd)) {
            throw new IllegalArgumentException("schema file not found: " + xsd);
        }
        try {
            SchemaFactory factory = newFactory("file");
            factory.setResourceResolver((type, namespaceURI, publicId, systemId, baseURI) -> {
                if ("http://www.w3.org/TR/REC-xml".equals(type)) {
                    return SimpleInput.empty(publicId, systemId); // external DTD subset of a schema document
                }
                if (systemId == null) {
                    return null;
                }
                URI resolved = baseURI == null ? URI.create(systemId) : URI.create(baseURI).resolve(encodeSpaces(systemId));
                if (!"file".equalsIgnoreCase(resolved.getScheme())) {
                    return SimpleInput.refused(systemId);
                }
                return null; // let the factory read the local file (ACCESS_EXTERNAL_SCHEMA = "file")
            });
            return factory.newSchema(xsd.toUri().toURL());
        } catch (SAXException e) {
            throw new IllegalArgumentException("cannot compile schema " + xsd + ": " + oneLine(e), e);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read schema " + xsd + ": " + e, e);
        }
    }

    private static String encodeSpaces(String systemId) {
        return systemId.replace(" ", "%20");
    }

    private static SchemaFactory newFactory(String allowedSchemaAccess) throws SAXException {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, allowedSchemaAccess);
        trySetProperty(factory, "http://apache.org/xml/properties/locale", Locale.ROOT);
        factory.setErrorHandler(THROWING);
        return factory;
    }

    private static void trySetProperty(SchemaFactory factory, String name, Object value) {
        try {
            factory.setProperty(name, value);
        } catch (SAXException e) {
            // optional refinement
        }
    }

    static String oneLine(SAXException e) {
        String msg = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
        if (e instanceof SAXParseException p && p.getLineNumber() > 0) {
            String where = p.getSystemId() == null ? "" : p.getSystemId() + " ";
            return where + "line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": " + msg;
        }
        return msg;
    }

    /** Fails on errors, ignores warnings, prints nothing. */
    static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** Minimal LSInput. */
    static final class SimpleInput implements LSInput {
        private String publicId;
        private String systemId;
        private String baseURI;
        private InputStream byteStream;
        private Reader characterStream;
        private String stringData;
        private String encoding;
        private boolean certifiedText;

        static SimpleInput empty(String publicId, String systemId) {
            SimpleInput in = new SimpleInput();
            in.characterStream = new StringReader("");
            in.publicId = publicId;
            in.systemId = systemId;
            return in;
        }

        static SimpleInput refused(String systemId) {
            throw new IllegalStateException("schema reference refused (only local files are read): " + systemId);
        }

        @Override public Reader getCharacterStream() { return characterStream; }
        @Override public void setCharacterStream(Reader characterStream) { this.characterStream = characterStream; }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream byteStream) { this.byteStream = byteStream; }
        @Override public String getStringData() { return stringData; }
        @Override public void setStringData(String stringData) { this.stringData = stringData; }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { this.systemId = systemId; }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { this.publicId = publicId; }
        @Override public String getBaseURI() { return baseURI; }
        @Override public void setBaseURI(String baseURI) { this.baseURI = baseURI; }
        @Override public String getEncoding() { return encoding; }
        @Override public void setEncoding(String encoding) { this.encoding = encoding; }
        @Override public boolean getCertifiedText() { return certifiedText; }
        @Override public void setCertifiedText(boolean certifiedText) { this.certifiedText = certifiedText; }
    }

    /**
     * Installed on validators so that no reference (xsi:schemaLocation hints) is ever fetched: every
     * request gets an empty document. The compiled schemas are complete, so validators do not ask.
     */
    static final LSResourceResolver NOTHING = (type, namespaceURI, publicId, systemId, baseURI) ->
            SimpleInput.empty(publicId, systemId);
}
