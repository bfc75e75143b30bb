package io.duisvalidator.internal.decision;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The small, separate step that turns findings into accept or reject. It fails closed: a request is ACCEPTED only
 * when no ERROR finding stands and, for an SRV the TRT table covers, a TRT was decided.
 */
public final class DecisionMaker {
    private static final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> f.severity().ordinal())
            .thenComparingInt(f -> ResponseCodes.rank(f.code()))
            .thenComparing(f -> f.ruleId() == null ? "" : f.ruleId())
            .thenComparing(Finding::message);

    private DecisionMaker() {}

    /**
     * @param header         what is known of the request (ids, role, SRV, mode)
     * @param found          findings of the reader or the rules
     * @param severityPolicy severity overrides by code (e.g. DV-H3.13A to WARNING)
     * @param trtRequired    true when an accepted request must have a TRT (SRVs of the TRT table)
     */
    public static Decision decide(Header header, List<Finding> found, Map<String, Severity> severityPolicy,
                                  Long trt, Long scheduledTrt, boolean trtRequired, List<String> firedRules,
                                  String ruleSet) {
        List<Finding> findings = new ArrayList<>(found.size());
        for (Finding f : found) {
            Severity s = severityPolicy.get(f.code());
            findings.add(s == null || f.severity() != Severity.ERROR ? f : f.withSeverity(s));
        }
        findings.sort(ORDER);
        Finding firstError = findings.stream().filter(f -> f.severity() == Severity.ERROR).findFirst().orElse(null);
        if (firstError != null) {
            return new Decision(header.requestId(), header.userId(), header.role(), header.srv(), header.mode(),
                    Outcome.REJECTED, firstError.code(), null, null, findings, firedRules, ruleSet, header.scheduledSrv());
        }
        if (trtRequired && (trt == null || ("5.1".equals(header.srv()) && scheduledTrt == null && header.scheduledInTable()))) {
            findings.add(new Finding(ResponseCodes.INTERNAL, Severity.ERROR, "DECIDE-TRT", "TRT-DECIDED",
                    "Project decision: fail closed", "No TRT cell decided this request: the rule tables have a gap"));
            return new Decision(header.requestId(), header.userId(), header.role(), header.srv(), header.mode(),
                    Outcome.ERROR, ResponseCodes.INTERNAL, null, null, findings, firedRules, ruleSet, header.scheduledSrv());
        }
        return new Decision(header.requestId(), header.userId(), header.role(), header.srv(), header.mode(),
                Outcome.ACCEPTED, ResponseCodes.ACCEPTED, trt, scheduledTrt, findings, firedRules, ruleSet, header.scheduledSrv());
    }

    /** A message that could not be processed at all (unreadable input, failure of the validator). */
    public static Decision error(Header header, String code, String message, String ruleSet) {
        Finding f = new Finding(code, Severity.ERROR, "PROCESS", "PROCESSED", "Project decision: fail closed", message);
        return new Decision(header.requestId(), header.userId(), header.role(), header.srv(), header.mode(),
                Outcome.ERROR, code, null, null, List.of(f), List.of(), ruleSet, header.scheduledSrv());
    }

    /** What is known of a request for its decision; any part may be null. */
    public record Header(String requestId, String userId, String role, String srv, String mode,
                         String scheduledSrv, boolean scheduledInTable) {
        public static final Header UNKNOWN = new Header(null, null, null, null, null, null, false);
    }
}
