package io.duisvalidator;

import io.duisvalidator.context.Context;

import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The library's entry point: one DUIS request message in, one {@link Decision} out. Build one when the service
 * starts and share it between threads: every method is thread-safe, and {@link #validate} never throws for any
 * message.
 *
 * <pre>{@code
 * Validator validator = Validator.builder().context(context).build();
 * Decision d = validator.validate(messageBytes, ValidationSettings.defaults().at(receivedAt));
 * }</pre>
 *
 * <p>The rule base is built once per class loader, when the first validator is built (from the rule model the jar
 * carries; about a second on a cold JVM), and shared by every validator built after it: building another validator,
 * e.g. with other reader limits, is cheap. {@link #replaceContext} swaps the context of a running validator
 * atomically, without touching the rule base.
 */
public interface Validator {

    /**
     * Reads and judges one DUIS request message. Never throws for any content: a message that cannot be read is
     * REJECTED ({@code DV-XML}, {@code DV-SCHEMA}); a context source that fails is an ERROR decision
     * ({@code DV-CONTEXT}) naming it; a failure of the validator itself is an ERROR decision ({@code DV-INTERNAL}).
     *
     * @param message  the message's bytes (UTF-8 XML); null is taken as empty
     * @param settings receipt time, declared purpose, severity policy
     * @return the decision
     * @throws IllegalArgumentException when the settings' severity policy names an id that the rule set does not
     *                                  know, or one whose findings no policy changes (the reader's DV-XML and
     *                                  DV-SCHEMA, the validator's own DV-INTERNAL and DV-INPUT); the message names
     *                                  every such id
     */
    Decision validate(byte[] message, ValidationSettings settings);

    /**
     * The context the next request will be judged against.
     *
     * @return the current context
     */
    Context context();

    /**
     * Replaces the context, atomically: a request already being judged finishes with the context it started with,
     * every request that starts afterwards sees the new one, and no request sees a mix. The rule base is kept.
     *
     * @param context the new context
     * @return the context it replaces
     */
    Context replaceContext(Context context);

    /**
     * The reader limits of this validator.
     *
     * @return the limits (size, depth, extra schema)
     */
    ReaderOptions readerOptions();

    /**
     * Id, version and content digest of the rule set, as every decision names it.
     *
     * @return the rule set's identity; its {@link RuleSetId#text()} is e.g.
     *         {@code "duis-mp162-rules 0.2.0 (sha256:0123456789ab)"}
     */
    RuleSetId ruleSet();

    /**
     * A builder of a validator.
     *
     * @return a builder with an empty context and the default reader limits
     */
    static Builder builder() { return new Builder(); }

    /**
     * A validator over a context with the default reader limits; the same as
     * {@code builder().context(context).build()}.
     *
     * @param context what the validator knows besides the message
     * @return the validator
     * @throws IllegalStateException when the rule base cannot be built (the message says why and what to do)
     */
    static Validator create(Context context) { return builder().context(context).build(); }

    /** Builds a {@link Validator}. Not thread-safe; the validator it builds is. */
    final class Builder {
        private Context context = Context.empty();
        private ReaderOptions readerOptions = ReaderOptions.defaults();

        private Builder() {}

        /**
         * The context to judge requests against (default: empty).
         *
         * @param context the context
         * @return this builder
         */
        public Builder context(Context context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Limits of the message reader and an optional extra schema (default: {@link ReaderOptions#defaults()}).
         *
         * @param options the reader options
         * @return this builder
         */
        public Builder readerOptions(ReaderOptions options) {
            this.readerOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Builds the validator; the first build in a class loader also builds the rule base.
         *
         * @return the validator
         * @throws IllegalStateException when the rule base cannot be built (the message says why and what to do)
         */
        public Validator build() {
            return Providers.provider().create(context, readerOptions);
        }
    }

    /**
     * The service that builds validators, found with {@link ServiceLoader}: the library's own implementation
     * provides it (so that this API depends on no implementation package). Adaptors neither call nor implement it.
     */
    interface Provider {
        /**
         * Builds a validator.
         *
         * @param context       the context
         * @param readerOptions the reader limits
         * @return the validator
         */
        Validator create(Context context, ReaderOptions readerOptions);
    }
}
