package io.duisvalidator.internal.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.ext.Locator2;

/**
 * Turns the events of a Woodstox stream reader into SAX events for the reader's handler chain
 * ({@link GuardHandler} → optional extra schema → {@link PruningHandler} → JAXB), so that the chain is the same
 * whatever parser feeds it. One instance per thread: it keeps its attribute view and a small cache of prefixed
 * names, so that a message allocates no SAX objects.
 *
 * <p>As SAX does, it reports no text outside the root element, no comments, and namespace declarations as prefix
 * mappings rather than attributes. A DOCTYPE or an entity reference (which the parser does not expand: no DTD) goes
 * to the {@link LexicalHandler}, where the guard refuses it.
 */
final class StaxEvents {

    private final StreamAttributes attributes = new StreamAttributes();
    private final StreamLocator locator = new StreamLocator();
    private final QNames names = new QNames();
    /** The open element's name and the start of its text, to name the value a schema violation is about. */
    private String element;
    private final StringBuilder text = new StringBuilder(VALUE_SHOWN + 1);
    private static final int VALUE_SHOWN = 100;
    /** The event the loop has in hand, or -1 while the parser is reading the next one. */
    private int handled = -1;

    /**
     * Reads the whole document (or until a handler throws) and forwards every event.
     *
     * @throws XMLStreamException when the document is not well-formed or breaks a parser limit
     * @throws SAXException       when a handler refuses the message (e.g. {@link Rejection})
     */
    void run(XMLStreamReader2 r, ContentHandler h, LexicalHandler lexical) throws XMLStreamException, SAXException {
        attributes.reader = r;
        locator.reader = r;
        try {
            h.setDocumentLocator(locator);
            h.startDocument();
            int depth = 0;
            while (r.hasNext()) {
                handled = -1;
                int event = r.next();
                handled = event;
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
                            h.startPrefixMapping(empty(r.getNamespacePrefix(i)), empty(r.getNamespaceURI(i)));
                        }
                        String local = r.getLocalName();
                        element = names.of(r.getPrefix(), local);
                        text.setLength(0);
                        h.startElement(empty(r.getNamespaceURI()), local, element, attributes);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        String local = r.getLocalName();
                        h.endElement(empty(r.getNamespaceURI()), local, names.of(r.getPrefix(), local));
                        element = null;
                        text.setLength(0);
                        for (int i = r.getNamespaceCount() - 1; i >= 0; i--) {
                            h.endPrefixMapping(empty(r.getNamespacePrefix(i)));
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (depth > 0) {
                            char[] chars = r.getTextCharacters();
                            int start = r.getTextStart();
                            int length = r.getTextLength();
                            if (element != null && text.length() <= VALUE_SHOWN) {
                                text.append(chars, start, Math.min(length, VALUE_SHOWN + 1 - text.length()));
                            }
                            h.characters(chars, start, length);
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> h.processingInstruction(r.getPITarget(), r.getPIData());
                    case XMLStreamConstants.DTD -> lexical.startDTD(null, null, null);
                    case XMLStreamConstants.ENTITY_REFERENCE -> lexical.startEntity(r.getLocalName());
                    case XMLStreamConstants.END_DOCUMENT -> h.endDocument();
                    default -> {
                        // comments: SAX content handlers do not see them either
                    }
                }
            }
        } finally {
            attributes.reader = null;
            locator.reader = null;
            element = null;
            text.setLength(0);
        }
    }

    /**
     * The element whose text is being read and that text, e.g. {@code sr:CommandVariant '12'}, or null when the parser
     * is not inside the text of an element (between tags, or in an element whose text has not started). Schema
     * validators report a bad value when its element ends, before the end tag is handed on: this names the value.
     */
    String valueInProgress() {
        if (element == null) {
            return null;
        }
        String value = text.toString();
        XMLStreamReader2 r = attributes.reader;
        if (handled == -1 && r != null && value.length() <= VALUE_SHOWN && isText(r.getEventType())) {
            // reported while the parser reads the text itself (before the loop has it): take it from the parser
            value += new String(r.getTextCharacters(), r.getTextStart(), Math.min(r.getTextLength(), VALUE_SHOWN + 1));
        }
        value = value.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > VALUE_SHOWN) {
            value = value.substring(0, VALUE_SHOWN) + "...";
        }
        return element + " '" + value + "'";
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private static String empty(String s) {
        return s == null ? "" : s;
    }

    /** Prefixed names (SAX qNames) without building a string per element: the parser interns prefix and name. */
    private static final class QNames {
        private static final int SIZE = 512;
        private final String[] prefixes = new String[SIZE];
        private final String[] locals = new String[SIZE];
        private final String[] qnames = new String[SIZE];

        String of(String prefix, String local) {
            if (prefix == null || prefix.isEmpty()) {
                return local;
            }
            int h = local.hashCode() * 31 + prefix.hashCode();
            int i = (h ^ (h >>> 9)) & (SIZE - 1);
            String p = prefixes[i];
            String l = locals[i];
            if ((p == prefix || prefix.equals(p)) && (l == local || local.equals(l))) {
                return qnames[i];
            }
            String q = prefix + ':' + local;
            prefixes[i] = prefix;
            locals[i] = local;
            qnames[i] = q;
            return q;
        }
    }

    /** The attributes of the current start tag, read in place from the stream reader. */
    private final class StreamAttributes implements Attributes {
        XMLStreamReader2 reader;

        @Override
        public int getLength() {
            return reader.getAttributeCount();
        }

        @Override
        public String getURI(int index) {
            return ok(index) ? empty(reader.getAttributeNamespace(index)) : null;
        }

        @Override
        public String getLocalName(int index) {
            return ok(index) ? reader.getAttributeLocalName(index) : null;
        }

        @Override
        public String getQName(int index) {
            return ok(index) ? names.of(reader.getAttributePrefix(index), reader.getAttributeLocalName(index)) : null;
        }

        @Override
        public String getType(int index) {
            return ok(index) ? "CDATA" : null;
        }

        @Override
        public String getValue(int index) {
            return ok(index) ? reader.getAttributeValue(index) : null;
        }

        @Override
        public int getIndex(String uri, String localName) {
            for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
                if (localName.equals(reader.getAttributeLocalName(i)) && uri.equals(empty(reader.getAttributeNamespace(i)))) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public int getIndex(String qName) {
            for (int i = 0, n = reader.getAttributeCount(); i < n; i++) {
                if (qName.equals(getQName(i))) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String getType(String uri, String localName) {
            return getIndex(uri, localName) < 0 ? null : "CDATA";
        }

        @Override
        public String getType(String qName) {
            return getIndex(qName) < 0 ? null : "CDATA";
        }

        @Override
        public String getValue(String uri, String localName) {
            int i = getIndex(uri, localName);
            return i < 0 ? null : reader.getAttributeValue(i);
        }

        @Override
        public String getValue(String qName) {
            int i = getIndex(qName);
            return i < 0 ? null : reader.getAttributeValue(i);
        }

        private boolean ok(int index) {
            return index >= 0 && index < reader.getAttributeCount();
        }
    }

    /** Where the parser is (line and column are 1-based), and the document's XML version and encoding. */
    private static final class StreamLocator implements Locator2 {
        XMLStreamReader2 reader;

        private Location at() {
            return reader == null ? null : reader.getLocation();
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public String getSystemId() {
            return null;
        }

        @Override
        public int getLineNumber() {
            Location l = at();
            return l == null ? -1 : l.getLineNumber();
        }

        @Override
        public int getColumnNumber() {
            Location l = at();
            return l == null ? -1 : l.getColumnNumber();
        }

        @Override
        public String getXMLVersion() {
            return reader == null ? null : reader.getVersion();
        }

        @Override
        public String getEncoding() {
            return reader == null ? null : reader.getEncoding();
        }
    }
}
