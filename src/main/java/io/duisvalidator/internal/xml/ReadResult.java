package io.duisvalidator.internal.xml;

import io.duisvalidator.ReaderOptions;

import io.duisvalidator.internal.facts.DuisRequest;

/**
 * What {@link DuisReader#read(byte[])} made of one message: exactly one of
 * <ul>
 *   <li>{@link Ok}: the message is sound XML, valid against the project schema (and the extra schema
 *       when one is configured); carries the {@link DuisRequest};</li>
 *   <li>{@link Rejected}: the message breaks the XML rules ({@link Code#DV_XML}) or the schema
 *       ({@link Code#DV_SCHEMA}); carries a one-line message and, for DV-SCHEMA, the header fields that
 *       could still be read;</li>
 *   <li>{@link Failed}: the reader itself failed (a bug or a resource problem, not the message's fault);
 *       the CLI reports it as outcome ERROR.</li>
 * </ul>
 */
public sealed interface ReadResult permits ReadResult.Ok, ReadResult.Rejected, ReadResult.Failed {

    /** The request read: complete for {@link Ok}, partial or null for {@link Rejected}, null for {@link Failed}. */
    DuisRequest request();

    /** True only for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The response code of a rejection ("DV-XML", "DV-SCHEMA"), else null. */
    default String code() {
        return this instanceof Rejected r ? r.rejection().code() : null;
    }

    /** A one-line human message, null for {@link Ok}. */
    String message();

    /** Project response codes the reader can give. */
    enum Code {
        DV_XML("DV-XML"),
        DV_SCHEMA("DV-SCHEMA");

        private final String code;

        Code(String code) {
            this.code = code;
        }

        /** The code as written in reports, e.g. "DV-XML". */
        public String code() {
            return code;
        }
    }

    /** Why a message was rejected; each maps to one {@link Code}. */
    enum Reason {
        EMPTY(Code.DV_XML),
        TOO_LARGE(Code.DV_XML),
        NOT_WELL_FORMED(Code.DV_XML),
        BAD_ENCODING(Code.DV_XML),
        /** An XML version other than 1.0 (DUIS is XML 1.0). */
        XML_VERSION(Code.DV_XML),
        DOCTYPE(Code.DV_XML),
        TOO_DEEP(Code.DV_XML),
        LIMIT_EXCEEDED(Code.DV_XML),
        WRONG_ROOT(Code.DV_XML),
        WRONG_NAMESPACE(Code.DV_XML),
        /** Breaks the project schema. */
        SCHEMA(Code.DV_SCHEMA),
        /** Breaks the extra schema given in {@link ReaderOptions#extraSchema()}. */
        EXTRA_SCHEMA(Code.DV_SCHEMA),
        /** Valid, but a value cannot be represented (e.g. a date beyond the supported range). */
        UNREPRESENTABLE_VALUE(Code.DV_SCHEMA);

        private final Code code;

        Reason(Code code) {
            this.code = code;
        }

        public Code code() {
            return code;
        }
    }

    /** A readable, valid request. */
    record Ok(DuisRequest request) implements ReadResult {
        public Ok {
            java.util.Objects.requireNonNull(request, "request");
        }

        @Override
        public String message() {
            return null;
        }
    }

    /**
     * A message the DCC would reject before looking at its content.
     *
     * @param reason  why; {@code reason.code()} is the response code
     * @param message one line, starting with "line L, column C: " where the position is known
     * @param line    1-based line of the fault, or -1
     * @param column  1-based column of the fault, or -1
     * @param request for DV-SCHEMA the header fields that could be read (other fields null), else null
     */
    record Rejected(Reason reason, String message, int line, int column, DuisRequest request) implements ReadResult {
        public Rejected {
            java.util.Objects.requireNonNull(reason, "reason");
            java.util.Objects.requireNonNull(message, "message");
        }

        public Code rejection() {
            return reason.code();
        }
    }

    /** The reader could not do its work; not a judgement on the message. */
    record Failed(String message, Throwable cause) implements ReadResult {
        @Override
        public DuisRequest request() {
            return null;
        }
    }
}
