package io.duisvalidator.internal.xml;

import org.xml.sax.SAXException;

/** Thrown inside the SAX pipeline to stop reading a message the reader refuses (DV-XML). */
final class Rejection extends SAXException {
    private static final long serialVersionUID = 1L;

    final ReadResult.Reason reason;
    final int line;
    final int column;

    Rejection(ReadResult.Reason reason, String message, int line, int column) {
        super(message);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a verdict, not a bug: no stack trace needed
    }
}
