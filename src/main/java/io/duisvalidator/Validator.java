package io.duisvalidator;

import io.duisvalidator.context.Context;
import io.duisvalidator.decision.Decision;
import io.duisvalidator.decision.DecisionMaker;
import io.duisvalidator.decision.ResponseCodes;
import io.duisvalidator.engine.Findings;
import io.duisvalidator.engine.RuleBase;
import io.duisvalidator.facts.DuisRequest;
import io.duisvalidator.facts.FactBuilder;
import io.duisvalidator.facts.RequestFact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The library's entry point: one request in, one {@link Decision} out. Build once (the rule base is built with it)
 * and share between threads; every method is thread-safe and never throws for bad input.
 */
public final class Validator {
    private final RuleBase rules;
    private final Context context;
    private final FactBuilder facts;
    private final Clock clock;

    private Validator(RuleBase rules, Context context, Clock clock) {
        this.rules = rules;
        this.context = context;
        this.clock = clock;
        this.facts = new FactBuilder(rules.tables());
    }

    /** A validator over the given context, with the rule set of the classpath. */
    public static Validator create(Context context) {
        return new Validator(RuleBase.load(), context, Clock.systemUTC());
    }

    /** A validator sharing an already-built rule base (building it is the expensive part). */
    public static Validator create(RuleBase rules, Context context) {
        return new Validator(rules, context, Clock.systemUTC());
    }

    public RuleBase ruleBase() { return rules; }

    public Context context() { return context; }

    /** Judges a request that has already been read. */
    public Decision validate(DuisRequest request, ValidationSettings settings) {
        Objects.requireNonNull(settings, "settings");
        DecisionMaker.Header header = header(request, null);
        try {
            Instant at = settings.receivedAt() != null ? settings.receivedAt() : clock.instant();
            List<Object> f = facts.facts(request, context, settings, at);
            RequestFact rf = (RequestFact) f.get(0);
            header = header(request, rf);
            Findings found = rules.evaluate(f);
            boolean trtRequired = rf.isMp162Srv() && rf.getRole() != null;
            return DecisionMaker.decide(header, found.findings(), Map.of("DV-H3.13A", settings.h313aSeverity()),
                    found.trtSeconds(), found.scheduledTrtSeconds(), trtRequired, found.firedRules(), rules.version());
        } catch (RuntimeException | StackOverflowError e) {
            return DecisionMaker.error(header, ResponseCodes.INTERNAL,
                    "The validator failed on this request: " + e, rules.version());
        }
    }

    private static DecisionMaker.Header header(DuisRequest r, RequestFact f) {
        if (r == null) return DecisionMaker.Header.UNKNOWN;
        return new DecisionMaker.Header(r.requestId(), r.originatorId(), f == null ? null : f.getRole(),
                r.serviceReferenceVariant(), f == null ? null : f.getMode().name(),
                f != null && f.isScheduledSrvInMp162Set());
    }
}
