package io.duisvalidator;

import io.duisvalidator.context.Context;
import io.duisvalidator.internal.decision.DecisionMaker;
import io.duisvalidator.internal.decision.ResponseCodes;
import io.duisvalidator.internal.decision.SeverityPolicy;
import io.duisvalidator.internal.engine.Evaluation;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.facts.FactBuilder;
import io.duisvalidator.internal.facts.RequestFact;

import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The library's entry point: one request in, one {@link Decision} out. Build once (the rule base is built with it)
 * and share between threads; every method is thread-safe and never throws for bad input.
 */
public final class Validator {
    /** Requirement encoded by the XML reader (not by a rule): the message is well-formed DUIS XML (DV-XML). */
    public static final String WELL_FORMED_REQUIREMENT = "MSG-WELL-FORMED";
    /** Requirement encoded by the XML reader (not by a rule): the message is valid against the schema (DV-SCHEMA). */
    public static final String SCHEMA_REQUIREMENT = "MSG-SCHEMA";
    /** Every requirement the reader encodes; rules/requirements.csv lists them with {@code encoded_by=reader}. */
    public static final java.util.Set<String> READER_REQUIREMENTS = java.util.Set.of(WELL_FORMED_REQUIREMENT, SCHEMA_REQUIREMENT);

    private final RuleBase rules;
    private final Context context;
    private final FactBuilder facts;
    private final Clock clock;
    private final DuisReader reader;

    private Validator(RuleBase rules, Context context, ReaderOptions readerOptions, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.context = Objects.requireNonNull(context, "context");
        this.clock = clock;
        this.facts = new FactBuilder(rules.tables());
        this.reader = new DuisReader(readerOptions);
    }

    /** A validator over the given context, with the rule set of the classpath and the default reader limits. */
    public static Validator create(Context context) {
        return create(RuleBase.load(), context);
    }

    /** A validator sharing an already-built rule base (building it is the expensive part). */
    public static Validator create(RuleBase rules, Context context) {
        return create(rules, context, ReaderOptions.defaults());
    }

    /** A validator with its own reader limits or an extra schema to check messages against. */
    public static Validator create(RuleBase rules, Context context, ReaderOptions readerOptions) {
        return new Validator(rules, context, readerOptions, Clock.systemUTC());
    }

    /** Largest message accepted, in bytes (larger ones are DV-XML). */
    public int maxMessageBytes() { return reader.options().maxMessageBytes(); }

    /**
     * Reads and judges one DUIS request message. Never throws for any message.
     *
     * @throws IllegalArgumentException when the settings' severity policy names an id the rule set does not know
     *                                  ({@link #checkSettings})
     */
    public Decision validate(byte[] message, ValidationSettings settings) {
        checkSettings(rules, settings);
        ReadResult read;
        try {
            read = reader.read(message == null ? new byte[0] : message);
        } catch (RuntimeException | StackOverflowError e) {
            return DecisionMaker.error(DecisionMaker.Header.UNKNOWN, ResponseCodes.INTERNAL,
                    "The reader failed on this message: " + e, rules.id());
        }
        if (read instanceof ReadResult.Ok ok) return validate(ok.request(), settings);
        if (read instanceof ReadResult.Rejected rej) {
            DuisRequest partial = rej.request();
            String requirement = rej.code().equals(ResponseCodes.XML) ? WELL_FORMED_REQUIREMENT : SCHEMA_REQUIREMENT;
            Finding f = new Finding(rej.code(), Severity.ERROR, "READ-" + rej.reason().name(), requirement,
                    rules.reference(requirement), rej.message());
            // the reader's findings are never changed by the severity policy (checkSettings refuses their ids)
            return DecisionMaker.decide(header(partial, null), Evaluation.of(List.of(f)), SeverityPolicy.NONE, rules.id());
        }
        return DecisionMaker.error(header(read.request(), null), ResponseCodes.INTERNAL,
                "The reader failed on this message: " + read.message(), rules.id());
    }

    /** Reads a message without judging it: the request, or empty when the message is not a valid DUIS request. */
    public java.util.Optional<DuisRequest> read(byte[] message) {
        try {
            ReadResult r = reader.read(message == null ? new byte[0] : message);
            return r instanceof ReadResult.Ok ok ? java.util.Optional.of(ok.request()) : java.util.Optional.empty();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The decision for an input that could not be read at all (e.g. a file that vanished). */
    public Decision unreadable(String message) {
        return DecisionMaker.error(DecisionMaker.Header.UNKNOWN, ResponseCodes.INPUT, message, rules.id());
    }

    public RuleBase ruleBase() { return rules; }

    public Context context() { return context; }

    /** Judges a request that has already been read ({@link #validate(byte[], ValidationSettings)}). */
    public Decision validate(DuisRequest request, ValidationSettings settings) {
        checkSettings(rules, settings);
        DecisionMaker.Header header = header(request, null);
        try {
            Instant at = settings.receivedAt() != null ? settings.receivedAt() : clock.instant();
            List<Object> f = facts.facts(request, context, settings, at);
            header = header(request, (RequestFact) f.get(0));
            return DecisionMaker.decide(header, rules.evaluate(f), SeverityPolicy.of(settings), rules.id());
        } catch (RuntimeException | StackOverflowError e) {
            return DecisionMaker.error(header, ResponseCodes.INTERNAL,
                    "The validator failed on this request: " + e, rules.id());
        }
    }

    /**
     * Refuses settings whose severity policy names an id that the rule set does not know (neither a requirement id
     * of its rules nor a code they report), or one whose findings cannot be changed: those of the XML reader
     * ({@link #READER_REQUIREMENTS}, DV-XML, DV-SCHEMA: no rule judges a message it rejects) and of the validator's
     * own failures (DV-INTERNAL, DV-INPUT).
     *
     * @throws IllegalArgumentException naming every such id
     */
    public static void checkSettings(RuleBase rules, ValidationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.severities().isEmpty()) return;
        boolean allKnown = true;
        for (String id : settings.severities().keySet()) {
            if (FIXED_CODES.contains(id) || READER_REQUIREMENTS.contains(id) || !rules.policyIds().contains(id)) allKnown = false;
        }
        if (allKnown) return; // checked on every call: no allocation when the policy is sound
        List<String> problems = new java.util.ArrayList<>();
        for (String id : new java.util.TreeSet<>(settings.severities().keySet())) {
            if (READER_REQUIREMENTS.contains(id) || FIXED_CODES.contains(id)) {
                problems.add(id + ": judged before any rule (or a failure to judge): its severity cannot be changed");
            } else if (!rules.policyIds().contains(id)) {
                problems.add(id + ": neither a requirement id of the rule set " + rules.id().id() + " nor a code its rules report");
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("severity policy: " + String.join("; ", problems));
    }

    /** Codes that no severity policy changes: the reader's, and the validator's own failures. */
    private static final java.util.Set<String> FIXED_CODES = java.util.Set.of(ResponseCodes.XML, ResponseCodes.SCHEMA,
            ResponseCodes.INTERNAL, ResponseCodes.INPUT);

    private static DecisionMaker.Header header(DuisRequest r, RequestFact f) {
        if (r == null) return DecisionMaker.Header.UNKNOWN;
        return new DecisionMaker.Header(r.requestId(), r.originatorId(), f == null ? null : f.getRole(),
                r.serviceReferenceVariant(), f == null ? null : f.getMode().name(),
                r.schedule() == null ? null : r.schedule().scheduledSrv(),
                f != null && f.isTrtRequired(), f != null && f.isScheduledTrtRequired());
    }
}
