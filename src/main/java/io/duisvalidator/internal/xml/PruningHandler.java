package io.duisvalidator.internal.xml;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Last stage before JAXB, after validation: drops the ds:Signature subtree (binding it as DOM for every
 * message was the largest single cost measured) and the subtree of any body the project does not bind
 * (its name is already noted by {@link GuardHandler}). Once a schema violation has been recorded it
 * forwards nothing more: the message will be rejected, so binding it is wasted work.
 */
final class PruningHandler implements ContentHandler {

    private ContentHandler next;
    private SchemaErrors errors;
    private int depth;
    /** Depth of the element whose subtree is being dropped, or 0. */
    private int droppingFrom;
    private boolean inBody;

    void reset(ContentHandler next, SchemaErrors errors) {
        this.next = next;
        this.errors = errors;
        depth = 0;
        droppingFrom = 0;
        inBody = false;
    }

    private boolean closed() {
        return errors.any();
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        next.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        next.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        if (!closed()) {
            next.endDocument();
        }
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        if (droppingFrom == 0 && !closed()) {
            next.startPrefixMapping(prefix, uri);
        }
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        if (droppingFrom == 0 && !closed()) {
            next.endPrefixMapping(prefix);
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        depth++;
        if (droppingFrom != 0 || closed()) {
            return;
        }
        if (depth == 2) {
            inBody = Names.SR.equals(uri) && "Body".equals(localName);
            if (Names.DS.equals(uri)) {
                droppingFrom = depth;
                return;
            }
        } else if (depth == 3 && inBody && !(Names.SR.equals(uri) && Names.KNOWN_BODIES.contains(localName))) {
            droppingFrom = depth;
            return;
        }
        next.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        int d = depth--;
        if (droppingFrom != 0) {
            if (d == droppingFrom) {
                droppingFrom = 0;
            }
            return;
        }
        if (!closed()) {
            next.endElement(uri, localName, qName);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (droppingFrom == 0 && !closed()) {
            next.characters(ch, start, length);
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        if (droppingFrom == 0 && !closed()) {
            next.ignorableWhitespace(ch, start, length);
        }
    }

    @Override
    public void processingInstruction(String target, String data) {
        // not needed by the binding
    }

    @Override
    public void skippedEntity(String name) {
        // refused upstream
    }
}
