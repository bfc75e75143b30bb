package io.duisvalidator.internal.decision;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.RuleSetId;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.Evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The small, separate step that turns what was found into accept or reject: {@link Header} (what is known of the
 * request) + {@link Evaluation} (findings, fired rules, TRTs) + {@link SeverityPolicy} + {@link RuleSetId} →
 * {@link Decision}. It fails closed: a request is ACCEPTED only when no ERROR finding stands and, when the facts say
 * it needs one, a TRT was decided. It knows no rule, no SRV and no XML.
 */
public final class DecisionMaker {
    private static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.severity().ordinal())
            .thenComparingInt(f -> ResponseCodes.rank(f.code()))
            .thenComparing(f -> f.ruleId() == null ? "" : f.ruleId())
            .thenComparing(Finding::message);

    private DecisionMaker() {}

    /** The decision: findings under the policy, ordered by precedence; the first ERROR's code, or accepted. */
    public static Decision decide(Header header, Evaluation evaluation, SeverityPolicy policy, RuleSetId ruleSet) {
        List<Finding> found = evaluation.findings();
        List<Finding> findings = new ArrayList<>(found.size() + 1);
        List<String> lowered = null;
        for (Finding f : found) {
            Finding g = policy.apply(f);
            if (f.severity() == Severity.ERROR && g.severity() != Severity.ERROR) {
                if (lowered == null) lowered = new ArrayList<>(2);
                lowered.add(f.code() + " (" + f.requirement() + ")");
            }
            findings.add(g);
        }
        findings.sort(ORDER);
        Finding firstError = findings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElse(null);
        if (firstError != null) {
            return decision(header, Outcome.REJECTED, firstError.code(), null, findings, evaluation, ruleSet);
        }
        if ((header.trtRequired() && evaluation.trtSeconds() == null)
                || (header.scheduledTrtRequired() && evaluation.scheduledTrtSeconds() == null)) {
            findings.add(new Finding(ResponseCodes.INTERNAL, Severity.ERROR, "DECIDE-TRT", "TRT-DECIDED",
                    "Project decision: fail closed", lowered == null
                    ? "No TRT cell decided this request: the rule tables have a gap"
                    : "No TRT cell decided this request, and the severity policy lowered what rejected it: " + lowered));
            return decision(header, Outcome.ERROR, ResponseCodes.INTERNAL, null, findings, evaluation, ruleSet);
        }
        return decision(header, Outcome.ACCEPTED, ResponseCodes.ACCEPTED, evaluation, findings, evaluation, ruleSet);
    }

    private static Decision decision(Header h, Outcome outcome, String code, Evaluation trts, List<Finding> findings,
                                     Evaluation evaluation, RuleSetId ruleSet) {
        return new Decision(h.requestId(), h.userId(), h.role(), h.srv(), h.mode(), outcome, code,
                trts == null ? null : trts.trtSeconds(), trts == null ? null : trts.scheduledTrtSeconds(), findings,
                evaluation.firedRules(), ruleSet, h.scheduledSrv());
    }

    /** A message that could not be processed at all (unreadable input, failure of the validator). */
    public static Decision error(Header header, String code, String message, RuleSetId ruleSet) {
        Finding f = new Finding(code, Severity.ERROR, "PROCESS", "PROCESSED", "Project decision: fail closed", message);
        return decision(header, Outcome.ERROR, code, null, List.of(f), Evaluation.NONE, ruleSet);
    }

    /**
     * What is known of a request for its decision; any part may be null.
     *
     * @param trtRequired          an accepted request needs a TRT (the facts: a known User, an SRV of the TRT table)
     * @param scheduledTrtRequired an accepted 5.1 also needs the TRT of its executions (scheduled SRV in the table)
     */
    public record Header(String requestId, String userId, String role, String srv, String mode, String scheduledSrv,
                         boolean trtRequired, boolean scheduledTrtRequired) {
        public static final Header UNKNOWN = new Header(null, null, null, null, null, null, false, false);
    }
}
