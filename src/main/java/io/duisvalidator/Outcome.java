package io.duisvalidator;

/** What became of a request. ERROR is never counted as accepted. */
public enum Outcome {
    /** The request may be sent: no ERROR finding, and for an SRV of the TRT table a TRT was decided. */
    ACCEPTED,
    /** A rule (or the reader: DV-XML, DV-SCHEMA) rejects the request; the DCC would reject it too. */
    REJECTED,
    /**
     * The request could not be judged: an input that could not be read (DV-INPUT), a context source that failed
     * (DV-CONTEXT) or a failure of the validator itself (DV-INTERNAL).
     */
    ERROR
}
