package io.duisvalidator.internal.engine;

import io.duisvalidator.Finding;
import org.drools.model.Drools;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects what the rules of one evaluation find. The rules' global {@code findings} (the engine keeps one per session,
 * emptied before each evaluation, and hands out a {@link #copy()}); the rules call it
 * from their consequences and it reads each rule's metadata (code, severity, requirement, reference) from the rule
 * itself, so a rule's consequence only says what it found.
 */
public final class Findings {
    private final Map<String, RuleInfo> rules;
    private final List<Finding> findings = new ArrayList<>(4);
    private final List<String> fired = new ArrayList<>(16);
    private Long trtSeconds;
    private Long scheduledTrtSeconds;

    Findings(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    private RuleInfo info(RuleContext ctx) {
        RuleInfo i = rules.get(ctx.getRule().getName());
        if (i == null) throw new IllegalStateException("rule without metadata: " + ctx.getRule().getName());
        return i;
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

    /** A table cell that either allows the request or, when {@code ok} is false, fails it. */
    public void cell(RuleContext ctx, boolean ok, String failMessage) {
        if (ok) pass(ctx); else fail(ctx, failMessage);
    }

    /** A TRT table cell: a number of seconds, or "N/A" (the request cannot be served that way). */
    public void trtCell(RuleContext ctx, String mode, String trt, String naMessage) {
        if ("N/A".equals(trt)) {
            fail(ctx, naMessage);
            return;
        }
        pass(ctx);
        long seconds = Long.parseLong(trt);
        if ("SCHEDULED".equals(mode)) scheduledTrtSeconds = seconds; else trtSeconds = seconds;
    }

    // The same calls from rules of the executable model, whose consequences see `drools` as the model's Drools
    // (implemented by a RuleContext at run time).
    public void fail(Drools drools, String message) { fail((RuleContext) drools, message); }

    public void pass(Drools drools) { pass((RuleContext) drools); }

    public void cell(Drools drools, boolean ok, String failMessage) { cell((RuleContext) drools, ok, failMessage); }

    public void trtCell(Drools drools, String mode, String trt, String naMessage) {
        trtCell((RuleContext) drools, mode, trt, naMessage);
    }

    /** Empties this collector for the next evaluation (the engine keeps one per session). */
    void clear() {
        findings.clear();
        fired.clear();
        trtSeconds = null;
        scheduledTrtSeconds = null;
    }

    /** What this evaluation found, as a collector of its own (the caller keeps it after the next evaluation). */
    Findings copy() {
        Findings c = new Findings(rules);
        c.findings.addAll(findings);
        c.fired.addAll(fired);
        // rule-id order, not firing order: rules of equal salience fire in an order that depends on how the rule base
        // was built (prebuilt model or compiled at start), and a decision must not
        c.fired.sort(null);
        c.trtSeconds = trtSeconds;
        c.scheduledTrtSeconds = scheduledTrtSeconds;
        return c;
    }

    public List<Finding> findings() { return findings; }

    /** Ids of the rules that fired; in rule-id order in a {@link #copy()} (what the engine hands out). */
    public List<String> firedRules() { return fired; }

    public Long trtSeconds() { return trtSeconds; }

    public Long scheduledTrtSeconds() { return scheduledTrtSeconds; }
}
