package io.duisvalidator;

import java.util.List;

/**
 * The validator's answer for one request. Immutable.
 *
 * @param requestId           RequestID, or null when it could not be read
 * @param userId              originator User ID, or null
 * @param role                the originator's User Role from the User registry, or null when unknown
 * @param srv                 ServiceReferenceVariant, or null
 * @param mode                ON_DEMAND, FUTURE_DATED, SCHEDULE or NON_DEVICE, or null
 * @param outcome             ACCEPTED, REJECTED or ERROR
 * @param responseCode        I99 when accepted, else the code of the highest-precedence ERROR finding
 * @param trtSeconds          Target Response Time of the request when accepted, else null
 * @param scheduledTrtSeconds for an accepted 5.1: the TRT of each scheduled execution
 * @param findings            every finding, highest precedence first
 * @param firedRules          ids of every rule that fired for the request, in rule-id order (for coverage)
 * @param ruleSet             the rule set that judged it (id, version, digest)
 * @param scheduledSrv        for a 5.1: the SRV it schedules, else null
 */
public record Decision(String requestId, String userId, String role, String srv, String mode, Outcome outcome,
                       String responseCode, Long trtSeconds, Long scheduledTrtSeconds, List<Finding> findings,
                       List<String> firedRules, RuleSetId ruleSet, String scheduledSrv) {
    /**
     * Copies the lists: the decision is immutable.
     *
     * @param requestId           RequestID, or null when it could not be read
     * @param userId              originator User ID, or null
     * @param role                the originator's User Role from the User registry, or null when unknown
     * @param srv                 ServiceReferenceVariant, or null
     * @param mode                ON_DEMAND, FUTURE_DATED, SCHEDULE or NON_DEVICE, or null
     * @param outcome             ACCEPTED, REJECTED or ERROR
     * @param responseCode        I99 when accepted, else the code of the highest-precedence ERROR finding
     * @param trtSeconds          Target Response Time of the request when accepted, else null
     * @param scheduledTrtSeconds for an accepted 5.1: the TRT of each scheduled execution
     * @param findings            every finding, highest precedence first
     * @param firedRules          ids of every rule that fired for the request, in rule-id order (for coverage)
     * @param ruleSet             the identity (name, version, digest) of the rule set that judged it
     * @param scheduledSrv        for a 5.1: the SRV it schedules, else null
     * @throws NullPointerException when {@code findings} or {@code firedRules} is null
     */
    public Decision {
        findings = List.copyOf(findings);
        firedRules = List.copyOf(firedRules);
    }

    /**
     * A decision for a request that schedules nothing.
     *
     * @param requestId           RequestID, or null
     * @param userId              originator User ID, or null
     * @param role                the originator's User Role, or null
     * @param srv                 ServiceReferenceVariant, or null
     * @param mode                ON_DEMAND, FUTURE_DATED, SCHEDULE or NON_DEVICE, or null
     * @param outcome             ACCEPTED, REJECTED or ERROR
     * @param responseCode        I99 when accepted, else the code of the highest-precedence ERROR finding
     * @param trtSeconds          Target Response Time when accepted, else null
     * @param scheduledTrtSeconds for an accepted 5.1: the TRT of each scheduled execution
     * @param findings            every finding, highest precedence first
     * @param firedRules          ids of every rule that fired
     * @param ruleSet             the rule set that judged it
     */
    public Decision(String requestId, String userId, String role, String srv, String mode, Outcome outcome,
                    String responseCode, Long trtSeconds, Long scheduledTrtSeconds, List<Finding> findings,
                    List<String> firedRules, RuleSetId ruleSet) {
        this(requestId, userId, role, srv, mode, outcome, responseCode, trtSeconds, scheduledTrtSeconds, findings,
                firedRules, ruleSet, null);
    }

    /**
     * Whether the request may be sent.
     *
     * @return true when the outcome is {@link Outcome#ACCEPTED}
     */
    public boolean accepted() { return outcome == Outcome.ACCEPTED; }
}
