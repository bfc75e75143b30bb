package io.duisvalidator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Limits and extras of the validator's message reader. Immutable.
 *
 * @param maxMessageBytes largest message accepted, in bytes (default 1 MiB); a larger one is DV-XML
 * @param maxElementDepth deepest element nesting accepted (default 100; a DUIS request needs about 8)
 * @param extraSchema     an XSD validated in addition to the project schema (the CLI's {@code --schema FILE},
 *                        e.g. the official DUIS schema), or null. Its imports are read from local files only.
 */
public record ReaderOptions(int maxMessageBytes, int maxElementDepth, Path extraSchema) {

    /** Default largest message: 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;
    /** Default deepest element nesting: 100. */
    public static final int DEFAULT_MAX_ELEMENT_DEPTH = 100;

    /**
     * Checks the limits.
     *
     * @param maxMessageBytes largest message accepted, in bytes (default 1 MiB); a larger one is DV-XML
     * @param maxElementDepth deepest element nesting accepted (default 100; a DUIS request needs about 8)
     * @param extraSchema     an XSD validated in addition to the project schema (the CLI's {@code --schema FILE},
     *                        e.g. the official DUIS schema), or null. Its imports are read from local files only.
     * @throws IllegalArgumentException when a limit is out of range
     */
    public ReaderOptions {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
        }
        if (maxElementDepth < 4) {
            throw new IllegalArgumentException("maxElementDepth must be at least 4 (Request/Body/body/field): " + maxElementDepth);
        }
    }

    /**
     * The default limits.
     *
     * @return 1 MiB, depth 100, no extra schema
     */
    public static ReaderOptions defaults() {
        return new ReaderOptions(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_ELEMENT_DEPTH, null);
    }

    /**
     * Another size limit.
     *
     * @param bytes largest message accepted, positive
     * @return a copy with that limit
     */
    public ReaderOptions withMaxMessageBytes(int bytes) {
        return new ReaderOptions(bytes, maxElementDepth, extraSchema);
    }

    /**
     * Another depth limit.
     *
     * @param depth deepest element nesting accepted, at least 4
     * @return a copy with that limit
     */
    public ReaderOptions withMaxElementDepth(int depth) {
        return new ReaderOptions(maxMessageBytes, depth, extraSchema);
    }

    /**
     * An XSD every message is validated against as well (e.g. the official DUIS schema).
     *
     * @param xsd the schema file; its imports are read from local files only
     * @return a copy with that schema
     */
    public ReaderOptions withExtraSchema(Path xsd) {
        return new ReaderOptions(maxMessageBytes, maxElementDepth, Objects.requireNonNull(xsd, "xsd"));
    }
}
