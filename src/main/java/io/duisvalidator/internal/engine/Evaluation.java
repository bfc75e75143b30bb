package io.duisvalidator.internal.engine;

import io.duisvalidator.Finding;

import java.util.List;

/**
 * What the rules found for one request: an immutable value, the rule base's answer to {@link RuleBase#evaluate}
 * and the input of the decision step.
 *
 * @param findings            every finding, in the order the rules reported them
 * @param firedRules          the ids of the rules that fired, in rule-id order (firing order depends on how the
 *                            rule base was built; a decision must not)
 * @param trtSeconds          the TRT a TRT cell decided, or null
 * @param scheduledTrtSeconds for a 5.1: the TRT of each scheduled execution a Scheduled cell decided, or null
 */
public record Evaluation(List<Finding> findings, List<String> firedRules, Long trtSeconds, Long scheduledTrtSeconds) {
    /** Nothing found, nothing fired, no TRT. */
    public static final Evaluation NONE = new Evaluation(List.of(), List.of(), null, null);

    public Evaluation {
        findings = List.copyOf(findings);
        firedRules = List.copyOf(firedRules);
    }

    /** Findings of a step before the rules (the XML reader): no rule fired, no TRT. */
    public static Evaluation of(List<Finding> findings) {
        return new Evaluation(findings, List.of(), null, null);
    }
}
