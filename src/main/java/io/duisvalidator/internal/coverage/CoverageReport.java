package io.duisvalidator.internal.coverage;

import java.util.List;
import java.util.Map;

/**
 * What a corpus exercised, per requirement of the catalogue, with the static analysis of the tables and the
 * traceability check alongside. Counts are exact numbers of messages.
 *
 * @param ruleSet             id, version and digest of the rule set
 * @param messages            messages run
 * @param accepted            of which ACCEPTED
 * @param rejected            of which REJECTED
 * @param errors              of which ERROR (unreadable input, validator failure)
 * @param requirements        every requirement of the catalogue, in catalogue order
 * @param neverExercised      ids of the requirements no message exercised (including the unreachable ones)
 * @param unreachable         ids of the requirements no schema-valid message can exercise (static analysis)
 * @param rulesNeverFired     ids of the rules that fired for no message
 * @param unknownRequirements requirement ids found in decisions but not in the catalogue (e.g. the fail-closed
 *                            TRT-DECIDED, PROCESSED), with the number of messages
 * @param traceability        broken links between the catalogue and its encoders (empty when sound)
 * @param matrix              static analysis of the eligibility and TRT tables
 * @param reachability        what no schema-valid message reaches, and why (requirements and rules)
 * @param rulesNotFired       the rules never fired, each with the reason it cannot fire, or none when this corpus
 *                            merely did not exercise it
 * @param grids               the eligibility matrix and the TRT table as coverage grids (one pair per rule set)
 */
public record CoverageReport(io.duisvalidator.RuleSetId ruleSet, long messages, long accepted, long rejected, long errors,
                             List<RequirementCoverage> requirements, List<String> neverExercised,
                             List<String> unreachable, List<String> rulesNeverFired,
                             Map<String, Long> unknownRequirements, List<String> traceability,
                             MatrixAnalysis.Result matrix, Reachability reachability,
                             List<RuleNotFired> rulesNotFired, List<CoverageGrid> grids) {

    /**
     * A rule that fired for no message of the run.
     *
     * @param reason why no schema-valid message can fire it (the requirement or schema fact), or null when one could
     *               and this corpus has none
     */
    public record RuleNotFired(String ruleId, String requirement, String reason) {
        public boolean unreachable() {
            return reason != null;
        }
    }

    /** Rules never fired that no message can fire, with their reasons. */
    public List<RuleNotFired> rulesUnreachable() {
        return rulesNotFired.stream().filter(RuleNotFired::unreachable).toList();
    }

    /** Rules never fired that a message could fire: what a corpus could add. */
    public List<RuleNotFired> rulesNotExercised() {
        return rulesNotFired.stream().filter(r -> !r.unreachable()).toList();
    }

    /** Status of a requirement in a run. */
    public enum Status { EXERCISED, NOT_EXERCISED, UNREACHABLE }

    /**
     * @param exercised number of messages in which a rule (or the reader) encoding the requirement fired
     * @param accepted  of which the message was accepted
     * @param rejected  of which the message was rejected
     * @param examples  the first few of those messages, in run order
     */
    public record RequirementCoverage(Requirement requirement, Status status, long exercised, long accepted,
                                      long rejected, List<String> examples) {}

    public long exercisedCount() {
        return requirements.stream().filter(r -> r.exercised() > 0).count();
    }

    /** Requirements that a message could exercise but none did: what a corpus should add. */
    public List<String> missing() {
        return requirements.stream().filter(r -> r.status() == Status.NOT_EXERCISED).map(r -> r.requirement().id()).toList();
    }
}
