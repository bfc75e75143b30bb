package io.duisvalidator.internal.xml;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.ext.Locator2;
import org.xml.sax.SAXException;
import org.xml.sax.ext.LexicalHandler;

/**
 * First stage after the parser: enforces the element-depth limit and the root element, refuses any DTD,
 * and notes, as raw text, the header fields, the body element name and whether a ds:Signature is present.
 * Those notes give the partial request of a DV-SCHEMA rejection without a second pass.
 * Forwards every event unchanged to the next stage (the schema validator).
 */
final class GuardHandler implements ContentHandler, LexicalHandler {

    private static final java.util.Set<String> BUILT_IN = java.util.Set.of("amp", "lt", "gt", "apos", "quot");

    private final int maxDepth;
    private ContentHandler next;
    private Locator locator;

    private int depth;
    /** Header field being captured (local name), or null. */
    private String capturing;
    private final StringBuilder text = new StringBuilder(64);
    private boolean inHeader;
    private boolean inBody;

    // Notes of the current message.
    String schemaVersion;
    String requestId;
    String firstInSequence;
    String precedingRequestId;
    String commandVariant;
    String serviceReference;
    String serviceReferenceVariant;
    String bodyElement;
    String bodyNamespace;
    boolean signed;

    GuardHandler(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    void reset(ContentHandler next) {
        this.next = next;
        locator = null;
        depth = 0;
        capturing = null;
        text.setLength(0);
        inHeader = false;
        inBody = false;
        schemaVersion = null;
        requestId = null;
        firstInSequence = null;
        precedingRequestId = null;
        commandVariant = null;
        serviceReference = null;
        serviceReferenceVariant = null;
        bodyElement = null;
        bodyNamespace = null;
        signed = false;
    }

    private Rejection reject(ReadResult.Reason reason, String message) {
        int line = locator == null ? -1 : locator.getLineNumber();
        int column = locator == null ? -1 : locator.getColumnNumber();
        return new Rejection(reason, message, line, column);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        next.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        next.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        next.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        next.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        depth++;
        if (depth > maxDepth) {
            throw reject(ReadResult.Reason.TOO_DEEP, "elements nested deeper than the limit of " + maxDepth);
        }
        switch (depth) {
            case 1 -> {
                // DUIS is XML 1.0: 1.1 admits control characters (ESC, BEL) into values that reach reports
                if (locator instanceof Locator2 l2 && l2.getXMLVersion() != null && !"1.0".equals(l2.getXMLVersion())) {
                    throw reject(ReadResult.Reason.XML_VERSION, "XML " + l2.getXMLVersion()
                            + " document: DUIS messages are XML 1.0");
                }
                if (!"Request".equals(localName)) {
                    throw reject(ReadResult.Reason.WRONG_ROOT,
                            "root element is '" + qName + "', expected sr:Request in namespace " + Names.SR);
                }
                if (!Names.SR.equals(uri)) {
                    throw reject(ReadResult.Reason.WRONG_NAMESPACE, "root element Request is in namespace '"
                            + uri + "', expected " + Names.SR);
                }
                schemaVersion = atts.getValue("", "schemaVersion");
            }
            case 2 -> {
                boolean sr = Names.SR.equals(uri);
                inHeader = sr && "Header".equals(localName);
                inBody = sr && "Body".equals(localName);
                if (Names.DS.equals(uri) && "Signature".equals(localName)) {
                    signed = true;
                }
            }
            case 3 -> {
                if (inHeader && Names.SR.equals(uri)) {
                    capturing = localName;
                    text.setLength(0);
                } else if (inBody && bodyElement == null) {
                    bodyElement = localName;
                    bodyNamespace = uri;
                }
            }
            default -> {
                capturing = null; // header fields are simple: nested content means a broken header
            }
        }
        next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if (depth == 3 && capturing != null) {
            note(capturing, text.toString());
            capturing = null;
        } else if (depth == 2) {
            inHeader = false;
            inBody = false;
        }
        depth--;
        next.endElement(uri, localName, qName);
    }

    private void note(String field, String value) {
        switch (field) {
            case "RequestID" -> requestId = requestId == null ? value : requestId;
            case "FirstInSequence" -> firstInSequence = firstInSequence == null ? value : firstInSequence;
            case "PrecedingServiceRequestID" -> precedingRequestId = precedingRequestId == null ? value : precedingRequestId;
            case "CommandVariant" -> commandVariant = commandVariant == null ? value : commandVariant;
            case "ServiceReference" -> serviceReference = serviceReference == null ? value : serviceReference;
            case "ServiceReferenceVariant" ->
                    serviceReferenceVariant = serviceReferenceVariant == null ? value : serviceReferenceVariant;
            default -> {
                // not a header field the reader reports
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (capturing != null && text.length() < 256) {
            text.append(ch, start, Math.min(length, 256 - text.length()));
        }
        next.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        next.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        next.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        // Only possible with a DTD, which is refused before we get here; refuse anyway.
        throw reject(ReadResult.Reason.DOCTYPE, "entity reference &" + name + "; cannot be resolved (no DTD allowed)");
    }

    // LexicalHandler: a second lock on the DOCTYPE door (the parser refuses it first).

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        throw reject(ReadResult.Reason.DOCTYPE, "DOCTYPE declarations are not allowed");
    }

    @Override
    public void endDTD() {
    }

    @Override
    public void startEntity(String name) throws SAXException {
        if (!name.startsWith("[") && !BUILT_IN.contains(name)) {
            throw reject(ReadResult.Reason.DOCTYPE, "entity references are not allowed: " + name);
        }
    }

    @Override
    public void endEntity(String name) {
    }

    @Override
    public void startCDATA() {
    }

    @Override
    public void endCDATA() {
    }

    @Override
    public void comment(char[] ch, int start, int length) {
    }
}
