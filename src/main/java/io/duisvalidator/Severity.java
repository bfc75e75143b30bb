package io.duisvalidator;

/** How much a finding weighs. */
public enum Severity {
    /** Rejects the request. */
    ERROR,
    /** Reported; the request is not rejected for it. */
    WARNING,
    /** Reported for information (e.g. a check that could not be made). */
    INFO
}
