package io.duisvalidator.context;

/**
 * A context source (User registry, device inventory, Registration Data, schedule history) failed to answer: it threw,
 * answered something unusable, or did not answer within the lookup timeout. The validator turns it into an ERROR
 * decision with code {@code DV-CONTEXT} and this message, for the one request that needed the answer.
 */
public final class ContextLookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The source that failed. */
    private final String source;

    /**
     * A failed lookup.
     *
     * @param source  which source failed, e.g. {@code "Registration Data"}
     * @param message what failed, naming the source, the key asked and the implementation
     * @param cause   what the source threw, or null
     */
    public ContextLookupException(String source, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
    }

    /**
     * The source that failed.
     *
     * @return {@code "User registry"}, {@code "device inventory"}, {@code "Registration Data"} or
     *         {@code "schedule history"}
     */
    public String source() { return source; }
}
