package io.duisvalidator.internal.xml;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Error handler of the schema validators: keeps the first violation, lets validation run on (so the
 * parser still checks well-formedness to the end: DV-XML outranks DV-SCHEMA), never prints anything.
 */
final class SchemaErrors {

    private SAXParseException first;
    private ReadResult.Reason firstReason;

    void reset() {
        first = null;
        firstReason = null;
    }

    boolean any() {
        return first != null;
    }

    SAXParseException first() {
        return first;
    }

    ReadResult.Reason firstReason() {
        return firstReason;
    }

    /** An ErrorHandler that files violations under the given reason. */
    ErrorHandler handler(ReadResult.Reason reason) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a message invalid
            }

            @Override
            public void error(SAXParseException e) {
                record(reason, e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                record(reason, e);
            }
        };
    }

    private void record(ReadResult.Reason reason, SAXParseException e) {
        if (first == null) {
            first = e;
            firstReason = reason;
        }
    }
}
