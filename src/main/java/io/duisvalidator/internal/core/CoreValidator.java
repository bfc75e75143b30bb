package io.duisvalidator.internal.core;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextLookupException;
import io.duisvalidator.internal.decision.DecisionMaker;
import io.duisvalidator.internal.decision.ResponseCodes;
import io.duisvalidator.RuleSetId;
import io.duisvalidator.internal.decision.SeverityPolicy;
import io.duisvalidator.internal.engine.Evaluation;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.facts.FactBuilder;
import io.duisvalidator.internal.facts.RequestFact;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The implementation of {@link Validator}, and the bridge through which the library's own tools (command line,
 * batch, coverage, monitor) reach what the API does not show: the {@link RuleBase}, a request read without being
 * judged, the decision for an unreadable input. Read, build facts, evaluate, decide: one way through.
 */
public final class CoreValidator implements Validator {
    /** Requirement encoded by the XML reader (not by a rule): the message is well-formed DUIS XML (DV-XML). */
    public static final String WELL_FORMED_REQUIREMENT = "MSG-WELL-FORMED";
    /** Requirement encoded by the XML reader (not by a rule): the message is valid against the schema (DV-SCHEMA). */
    public static final String SCHEMA_REQUIREMENT = "MSG-SCHEMA";
    /** Every requirement the reader encodes; rules/requirements.csv lists them with {@code encoded_by=reader}. */
    public static final Set<String> READER_REQUIREMENTS = Set.of(WELL_FORMED_REQUIREMENT, SCHEMA_REQUIREMENT);

    /** The rule set every request is judged by, when fixed (a rule base given, or --rule-set); otherwise null. */
    private final RuleBase fixed;
    /** The rule sets to choose from per request by its receipt instant, when not fixed. */
    private final RuleSets sets;
    private final AtomicReference<Context> context;
    /** The fact builder of each rule set (its tables), by rule set id. */
    private final java.util.concurrent.ConcurrentHashMap<String, FactBuilder> facts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;
    private final DuisReader reader;

    private CoreValidator(RuleBase fixed, RuleSets sets, Context context, ReaderOptions readerOptions, Clock clock) {
        if (fixed == null && sets == null) throw new IllegalArgumentException("a rule base or rule sets");
        this.fixed = fixed;
        this.sets = sets;
        this.context = new AtomicReference<>(Objects.requireNonNull(context, "context"));
        this.clock = clock;
        this.reader = new DuisReader(readerOptions);
    }

    /** A validator over a rule base already built (building it is the expensive part): every request is judged by it. */
    public static CoreValidator create(RuleBase rules, Context context) {
        return create(rules, context, ReaderOptions.defaults());
    }

    /** A validator with its own reader limits or an extra schema to check messages against. */
    public static CoreValidator create(RuleBase rules, Context context, ReaderOptions readerOptions) {
        return new CoreValidator(Objects.requireNonNull(rules, "rules"), null, context, readerOptions, Clock.systemUTC());
    }

    /**
     * A validator that judges each request by the rule set in force at its receipt instant (docs/rule-sets.md), or by
     * the rule set {@code ruleSet} names when it is not null ({@code --rule-set}). The rule sets are built when first
     * needed.
     *
     * @throws IllegalArgumentException when {@code ruleSet} names no rule set (the message names the known ones)
     */
    public static CoreValidator create(RuleSets sets, String ruleSet, Context context, ReaderOptions readerOptions) {
        Objects.requireNonNull(sets, "sets");
        if (ruleSet != null) {
            // forced; the catalogue is kept for the severity policy check (an id another rule set knows is accepted)
            return new CoreValidator(sets.ruleBase(sets.require(ruleSet)), sets, context, readerOptions, Clock.systemUTC());
        }
        return new CoreValidator(null, sets, context, readerOptions, Clock.systemUTC());
    }

    /** The library's implementation behind a {@link Validator} the API built. */
    public static CoreValidator of(Validator v) {
        if (v instanceof CoreValidator c) return c;
        throw new IllegalArgumentException("not a validator of this library: " + v.getClass().getName());
    }

    @Override
    public Decision validate(byte[] message, ValidationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Instant at = at(settings);
        RuleBase rules = rulesAt(at);
        check(rules, settings);
        ReadResult read;
        try {
            read = reader.read(message == null ? new byte[0] : message);
        } catch (RuntimeException | StackOverflowError e) {
            return DecisionMaker.error(DecisionMaker.Header.UNKNOWN, ResponseCodes.INTERNAL,
                    "The reader failed on this message: " + e, idOf(rules));
        }
        if (read instanceof ReadResult.Ok ok) return validate(ok.request(), settings, context.get(), at, rules);
        if (rules == null) return uncovered(header(read.request(), null), at);
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

    /** Judges a request that has already been read, against the current context. */
    public Decision validate(DuisRequest request, ValidationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Instant at = at(settings);
        RuleBase rules = rulesAt(at);
        check(rules, settings);
        return validate(request, settings, context.get(), at, rules);
    }

    private Decision validate(DuisRequest request, ValidationSettings settings, Context ctx, Instant at, RuleBase rules) {
        return evaluate(request, settings, ctx, at, rules).decision();
    }

    private Traced evaluate(DuisRequest request, ValidationSettings settings, Context ctx, Instant at, RuleBase rules) {
        DecisionMaker.Header header = header(request, null);
        if (rules == null) return Traced.untraced(uncovered(header, at));
        try {
            List<Object> f = factBuilder(rules).facts(request, ctx, settings, at);
            header = header(request, (RequestFact) f.get(0));
            Evaluation found = rules.evaluate(f);
            SeverityPolicy policy = SeverityPolicy.of(settings);
            return new Traced(DecisionMaker.decide(header, found, policy, rules.id()), f, found, header, policy, rules.id());
        } catch (ContextLookupException e) {
            return Traced.untraced(DecisionMaker.error(header, ResponseCodes.CONTEXT, e.getMessage(), rules.id()));
        } catch (RuntimeException | StackOverflowError e) {
            return Traced.untraced(DecisionMaker.error(header, ResponseCodes.INTERNAL,
                    "The validator failed on this request: " + e, rules.id()));
        }
    }

    private Instant at(ValidationSettings settings) {
        return settings.receivedAt() != null ? settings.receivedAt() : clock.instant();
    }

    /** The rule set that judges a request received at the instant: the fixed one, or the one in force; null if none. */
    private RuleBase rulesAt(Instant at) {
        if (fixed != null) return fixed;
        Optional<RuleSetManifest> m = sets.inForce(at);
        return m.isPresent() ? sets.ruleBase(m.get()) : null;
    }

    /** The rule set a request received at the instant is judged by, or empty when no rule set is in force then. */
    public Optional<RuleSetId> ruleSetAt(Instant at) {
        return Optional.ofNullable(rulesAt(at)).map(RuleBase::id);
    }

    private static RuleSetId idOf(RuleBase rules) {
        return rules == null ? null : rules.id();
    }

    private FactBuilder factBuilder(RuleBase rules) {
        return facts.computeIfAbsent(rules.id().id(), k -> new FactBuilder(rules.tables()));
    }

    /** The ERROR decision for an instant no rule set covers (docs/decisions.md D-RULESET-UNCOVERED). */
    private Decision uncovered(DecisionMaker.Header header, Instant at) {
        return DecisionMaker.error(header, ResponseCodes.RULESET, "No rule set is in force at the receipt instant " + at
                + ": the rule sets are " + sets.periods(), null);
    }

    /**
     * The settings' severity policy checked against the rule set that judges the request; an id it does not know is
     * accepted when another rule set of the catalogue knows it (it has nothing to change in this one), so that one
     * policy serves a corpus that straddles a change of rules.
     */
    private void check(RuleBase rules, ValidationSettings settings) {
        if (rules != null && known(rules, settings)) return;
        if (sets == null) {
            checkSettings(rules, settings);
            return;
        }
        checkSettings(sets, settings);
    }

    private static boolean known(RuleBase rules, ValidationSettings settings) {
        for (String id : settings.severities().keySet()) {
            if (FIXED_CODES.contains(id) || READER_REQUIREMENTS.contains(id) || !rules.policyIds().contains(id)) return false;
        }
        return true;
    }

    /**
     * {@link #checkSettings(RuleBase, ValidationSettings)} against every rule set of the catalogue: an id is refused
     * when it is fixed or when no rule set knows it (building the rule sets not yet built, only on this slow path).
     *
     * @throws IllegalArgumentException naming every such id
     */
    public static void checkSettings(RuleSets sets, ValidationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (settings.severities().isEmpty()) return;
        IllegalArgumentException last = null;
        java.util.Set<String> unknown = new TreeSet<>(settings.severities().keySet());
        for (RuleSetManifest m : sets.manifests()) {
            RuleBase r = sets.ruleBase(m);
            try {
                checkSettings(r, settings);
                return;
            } catch (IllegalArgumentException e) {
                last = e;
                unknown.removeIf(id -> !FIXED_CODES.contains(id) && !READER_REQUIREMENTS.contains(id) && r.policyIds().contains(id));
            }
        }
        if (unknown.isEmpty()) return; // each id is known to some rule set
        throw last;
    }

    /**
     * A decision together with what it was decided from, for a tool that decides the request again from other rule
     * outcomes (mutation analysis, docs/coverage.md): the facts given to the rules, what the rules found, and the
     * decision step's other inputs. {@code facts} and {@code found} are null when the request never reached the rules
     * (unreadable, DV-XML / DV-SCHEMA, a failed context lookup).
     */
    public record Traced(Decision decision, List<Object> facts, Evaluation found, DecisionMaker.Header header,
                         SeverityPolicy policy, RuleSetId ruleSet) {
        static Traced untraced(Decision d) {
            return new Traced(d, null, null, null, null, null);
        }

        /** True when the rules judged the request (so other rule outcomes could change its decision). */
        public boolean judgedByRules() { return found != null; }

        /** The decision the same request gets when its rules find {@code other} instead. */
        public Decision decide(Evaluation other) {
            return DecisionMaker.decide(header, other, policy, ruleSet);
        }
    }

    /** Reads and judges a message like {@link #validate(byte[], ValidationSettings)}, keeping what went into it. */
    public Traced trace(byte[] message, ValidationSettings settings) {
        Optional<DuisRequest> r = read(message);
        if (r.isEmpty()) return Traced.untraced(validate(message, settings));
        Objects.requireNonNull(settings, "settings");
        Instant at = at(settings);
        RuleBase rules = rulesAt(at);
        check(rules, settings);
        return evaluate(r.get(), settings, context.get(), at, rules);
    }

    /**
     * Refuses settings whose severity policy names an id that the rule set does not know (neither a requirement id
     * of its rules nor a code they report), or one whose findings cannot be changed: those of the XML reader
     * ({@link #READER_REQUIREMENTS}, DV-XML, DV-SCHEMA: no rule judges a message it rejects) and of the validator's
     * own failures (DV-INTERNAL, DV-INPUT, DV-CONTEXT).
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
        List<String> problems = new ArrayList<>();
        for (String id : new TreeSet<>(settings.severities().keySet())) {
            if (READER_REQUIREMENTS.contains(id) || FIXED_CODES.contains(id)) {
                problems.add(id + ": judged before any rule (or a failure to judge): its severity cannot be changed");
            } else if (!rules.policyIds().contains(id)) {
                problems.add(id + ": neither a requirement id of the rule set " + rules.id().id() + " nor a code its rules report");
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("severity policy: " + String.join("; ", problems));
    }

    /** Codes that no severity policy changes: the reader's, and the validator's own failures. */
    private static final Set<String> FIXED_CODES = Set.of(ResponseCodes.XML, ResponseCodes.SCHEMA,
            ResponseCodes.INTERNAL, ResponseCodes.INPUT, ResponseCodes.CONTEXT, ResponseCodes.RULESET);

    /** Reads a message without judging it: the request, or empty when the message is not a valid DUIS request. */
    public Optional<DuisRequest> read(byte[] message) {
        try {
            ReadResult r = reader.read(message == null ? new byte[0] : message);
            return r instanceof ReadResult.Ok ok ? Optional.of(ok.request()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The decision for an input that could not be read at all (e.g. a file that vanished). */
    public Decision unreadable(String message) {
        return unreadable(message, null);
    }

    /**
     * The decision for an input that could not be read, received at the instant (null: now): it names the rule set in
     * force then.
     */
    public Decision unreadable(String message, Instant at) {
        return DecisionMaker.error(DecisionMaker.Header.UNKNOWN, ResponseCodes.INPUT, message,
                idOf(rulesAt(at == null ? clock.instant() : at)));
    }

    /**
     * The rule base of the validator: the fixed one, or, when it chooses per request, the rule set in force now (for
     * tools that judge no message by date).
     */
    public RuleBase ruleBase() { return fixed != null ? fixed : sets.current(); }

    /** The rule sets of the catalogue it was built from, or null when it was built over one rule base. */
    public RuleSets ruleSets() { return sets; }

    /** Largest message accepted, in bytes (larger ones are DV-XML). */
    public int maxMessageBytes() { return reader.options().maxMessageBytes(); }

    @Override
    public Context context() { return context.get(); }

    @Override
    public Context replaceContext(Context next) {
        return context.getAndSet(Objects.requireNonNull(next, "context"));
    }

    @Override
    public ReaderOptions readerOptions() { return reader.options(); }

    @Override
    public RuleSetId ruleSet() { return ruleSetAt(clock.instant()).orElse(null); }

    private static DecisionMaker.Header header(DuisRequest r, RequestFact f) {
        if (r == null) return DecisionMaker.Header.UNKNOWN;
        return new DecisionMaker.Header(r.requestId(), r.originatorId(), f == null ? null : f.getRole(),
                r.serviceReferenceVariant(), f == null ? null : f.getMode().name(),
                r.schedule() == null ? null : r.schedule().scheduledSrv(),
                f != null && f.isTrtRequired(), f != null && f.isScheduledTrtRequired());
    }
}
