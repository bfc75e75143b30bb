package io.duisvalidator.internal.engine;

import io.duisvalidator.Finding;
import org.drools.model.Drools;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the rules of one evaluation find: the rules' global {@code findings} (the engine keeps one per
 * session, empties it before each evaluation and hands out its {@link #snapshot()}, an {@link Evaluation}). The rules
 * call it from their consequences and it reads each rule's metadata (code, severity, requirement, reference) from
 * the rule itself, so a rule's consequence only says what it found.
 */
public final class Findings {
    private final Map<String, RuleInfo> rules;
    /** The same metadata by the rule itself (the rule base's object, the same on every firing): no name hashed. */
    private final Map<Rule, RuleInfo> byRule = new IdentityHashMap<>();
    private final PassCells passCells;
    private final List<Finding> findings = new ArrayList<>(4);
    private final List<String> fired = new ArrayList<>(16);
    private Long trtSeconds;
    private Long scheduledTrtSeconds;

    Findings(Map<String, RuleInfo> rules, PassCells passCells) {
        this.rules = rules;
        this.passCells = passCells;
    }

    private RuleInfo info(RuleContext ctx) {
        Rule rule = ctx.getRule();
        RuleInfo i = byRule.get(rule);
        if (i == null) {
            i = rules.get(rule.getName());
            if (i == null) throw new IllegalStateException("rule without metadata: " + rule.getName());
            byRule.put(rule, i);
        }
        return i;
    }

    /** Counts the pass cells the request of {@code facts} falls in as fired (none when they fire as rules). */
    void passCells(List<?> facts) {
        if (passCells == null) return;
        PassCells.Request r = PassCells.request(facts);
        if (r != null) passCells.addFired(r, fired);
    }

    /** The rule found what it looks for: a finding with the rule's code and severity. */
    public void fail(RuleContext ctx, String message) {
        RuleInfo i = info(ctx);
        fired.add(i.ruleId());
        findings.add(new Finding(i.code(), i.severity(), i.ruleId(), i.requirement(), i.reference(), message));
    }

    /** The rule applied and found nothing wrong (recorded for coverage). */
    public void pass(RuleContext ctx) {
        fired.add(info(ctx).ruleId());
    }

    /** A TRT table cell that gives the request its TRT (On-Demand cell; on demand and future-dated requests). */
    public void trt(RuleContext ctx, long seconds) {
        pass(ctx);
        // two cells can decide a request whose generation is unknown (8.2 of a device not in the inventory): the
        // longer TRT, whatever the firing order (docs/decisions.md D-RULESET-8.2)
        trtSeconds = trtSeconds == null ? seconds : Math.max(trtSeconds, seconds);
    }

    /** A Scheduled TRT table cell that gives each execution of a 5.1 schedule its TRT. */
    public void scheduledTrt(RuleContext ctx, long seconds) {
        pass(ctx);
        scheduledTrtSeconds = seconds;
    }

    // The same calls from rules of the executable model, whose consequences see `drools` as the model's Drools
    // (implemented by a RuleContext at run time).
    public void fail(Drools drools, String message) { fail((RuleContext) drools, message); }

    public void pass(Drools drools) { pass((RuleContext) drools); }

    public void trt(Drools drools, long seconds) { trt((RuleContext) drools, seconds); }

    public void scheduledTrt(Drools drools, long seconds) { scheduledTrt((RuleContext) drools, seconds); }

    /** Empties this collector for the next evaluation (the engine keeps one per session). */
    void clear() {
        findings.clear();
        fired.clear();
        trtSeconds = null;
        scheduledTrtSeconds = null;
    }

    /**
     * What this evaluation found, as a value the caller keeps after the next evaluation. Fired rules in rule-id order,
     * not firing order: rules of equal salience fire in an order that depends on how the rule base was built (prebuilt
     * model or compiled at start), and a decision must not.
     */
    Evaluation snapshot() {
        String[] ids = fired.toArray(new String[0]);
        java.util.Arrays.sort(ids);
        return new Evaluation(findings, List.of(ids), trtSeconds, scheduledTrtSeconds);
    }
}
