package io.duisvalidator.internal.coverage;

import io.duisvalidator.Finding;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.Evaluation;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleInfo;
import io.duisvalidator.internal.engine.RuleTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The mutants of a rule base, one requirement at a time (docs/coverage.md, "Mutation analysis"):
 * <ul>
 *   <li>an eligibility cell flipped (yes to no, no to yes);</li>
 *   <li>a TRT cell given another value, made N/A, or given a value where it was N/A;</li>
 *   <li>a hand-written rule that reports a finding: its condition negated, or its finding dropped.</li>
 * </ul>
 * Each mutant is applied to what the rules found for a request ({@link Outcome}), not by building the rule base
 * again: the rules of this rule base only report to the {@code findings} global (none inserts, changes or deletes a
 * fact, none reads what another found), so the findings of a rule base with one rule changed are those of the
 * original with that rule's findings replaced by the changed rule's. A table cell's rules fire on the same requests
 * whatever the cell says (their condition names the SRV, role or sender, generation and mode, never the value), so
 * changing the cell changes only what they report. A negated condition fires on other requests: those rules are
 * compiled once, together, into a second rule base evaluated over the same facts ({@link RuleNegation}).
 * {@code MutantEquivalenceTest} builds mutated rule bases from mutated tables and checks the decisions are the same.
 */
public final class Mutants {
    public enum Kind { ELIGIBILITY_CELL, TRT_CELL, CONDITION_NEGATED, FINDING_DROPPED }

    /** What the rules found for one request: the decision step's inputs that a mutant may change. */
    public record Outcome(List<Finding> findings, Long trt, Long scheduledTrt, List<String> fired) {
        static Outcome of(Evaluation e) {
            return new Outcome(e.findings(), e.trtSeconds(), e.scheduledTrtSeconds(), e.firedRules());
        }

        Evaluation evaluation() {
            return new Evaluation(findings, fired, trt, scheduledTrt);
        }

        boolean firedAny(Set<String> ruleIds) {
            for (String r : fired) if (ruleIds.contains(r)) return true;
            return false;
        }

        List<Finding> without(Set<String> ruleIds) {
            List<Finding> out = new ArrayList<>(findings.size());
            for (Finding f : findings) if (!ruleIds.contains(f.ruleId())) out.add(f);
            return out;
        }
    }

    /** A change of the rule base. */
    interface Change {
        /** The outcome with the change made, or null when the change does not touch this request. */
        Outcome apply(Outcome original, Outcome negated);
    }

    /**
     * One mutant.
     *
     * @param requirement the requirement whose rule or cell is changed
     * @param mutation    what is changed, in words (e.g. "eligibility cell 4.8.1 x OU: yes -> no")
     * @param ruleIds     the rules it changes
     */
    public record Mutant(String requirement, Kind kind, String mutation, Set<String> ruleIds, Change change) {}

    private Mutants() {}

    /**
     * Every mutant of {@code rules}; {@code negatedFound} tells for which rules a negated twin was compiled (the
     * others, with the reason, go to {@code notBuilt}).
     */
    static List<Mutant> of(RuleBase rules, List<RuleNegation.Negated> negated, Map<String, String> notBuilt) {
        Map<String, List<RuleInfo>> byRequirement = new LinkedHashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (RuleInfo r : rules.rules().values()) {
            byRequirement.computeIfAbsent(r.requirement(), k -> new ArrayList<>()).add(r);
            byId.put(r.ruleId(), r);
        }
        List<Mutant> out = new ArrayList<>();
        RuleTables tables = rules.tables();
        for (Map<String, String> row : tables.rows(RuleTables.ELIGIBILITY)) {
            String srv = row.get("srv");
            String role = row.get("role");
            String req = "ELIG-" + srv + "-" + role;
            List<RuleInfo> cellRules = byRequirement.get(req);
            if (cellRules == null) continue;
            boolean was = "yes".equals(row.get("eligible"));
            out.add(new Mutant(req, Kind.ELIGIBILITY_CELL, "eligibility cell " + srv + " x " + role + ": "
                    + (was ? "yes -> no" : "no -> yes"), ids(cellRules), eligibility(cellRules, !was, role, srv)));
        }
        Map<String, String> trt = new HashMap<>();
        for (Map<String, String> row : tables.rows(RuleTables.TRT)) {
            trt.put(row.get("srv") + "|" + row.get("sender") + "|" + row.get("smets") + "|" + row.get("mode"), row.get("trt_seconds"));
        }
        for (Map<String, String> row : tables.rows(RuleTables.TRT)) {
            String srv = row.get("srv");
            String sender = row.get("sender");
            String gen = row.get("smets");
            String mode = row.get("mode");
            String req = "TRT-" + srv + "-" + sender + "-S" + gen + "-" + mode;
            List<RuleInfo> cellRules = byRequirement.get(req);
            if (cellRules == null) continue; // not generated: no message reaches it (D-NO-UNREACHABLE-RULE)
            String value = row.get("trt_seconds");
            String cell = "TRT cell " + srv + " " + sender + " SMETS" + gen + " " + mode + ": ";
            boolean scheduled = "SCHEDULED".equals(mode);
            if ("N/A".equals(value)) {
                out.add(new Mutant(req, Kind.TRT_CELL, cell + "N/A -> 86400", ids(cellRules),
                        trt(cellRules, scheduled, 86400L, null)));
            } else {
                long v = Long.parseLong(value);
                long other = v == 86400L ? 30L : 86400L;
                out.add(new Mutant(req, Kind.TRT_CELL, cell + v + " -> " + other, ids(cellRules),
                        trt(cellRules, scheduled, other, null)));
                Map<String, String> mutated = new HashMap<>(trt);
                mutated.put(srv + "|" + sender + "|" + gen + "|" + mode, "N/A");
                String code = MatrixAnalysis.naCode(mutated, srv, sender, gen, mode);
                out.add(new Mutant(req, Kind.TRT_CELL, cell + v + " -> N/A (" + code + ")", ids(cellRules),
                        trt(cellRules, scheduled, null, code)));
            }
        }
        for (RuleNegation.Negated n : negated) {
            RuleInfo r = byId.get(n.ruleId());
            if (r == null) continue;
            Set<String> one = Set.of(r.ruleId());
            if (n.drl() != null) {
                out.add(new Mutant(r.requirement(), Kind.CONDITION_NEGATED, "rule " + r.ruleId() + ": condition negated",
                        one, negatedCondition(r.ruleId())));
            } else {
                notBuilt.put("rule " + r.ruleId() + ": condition negated", n.why());
            }
            out.add(new Mutant(r.requirement(), Kind.FINDING_DROPPED, "rule " + r.ruleId() + ": finding dropped", one,
                    (o, neg) -> {
                        List<Finding> kept = o.without(one);
                        return kept.size() == o.findings().size() ? null : new Outcome(kept, o.trt(), o.scheduledTrt(), o.fired());
                    }));
        }
        return out;
    }

    private static Set<String> ids(List<RuleInfo> rules) {
        Set<String> out = new LinkedHashSet<>();
        for (RuleInfo r : rules) out.add(r.ruleId());
        return out;
    }

    /** The cell's rules pass (eligible) or report E2, on every request they fire on. */
    private static Change eligibility(List<RuleInfo> cellRules, boolean eligible, String role, String srv) {
        Set<String> ids = ids(cellRules);
        return (o, neg) -> {
            if (!o.firedAny(ids)) return null;
            List<Finding> f = o.without(ids);
            if (!eligible) {
                for (RuleInfo r : cellRules) {
                    if (o.fired().contains(r.ruleId())) {
                        f.add(new Finding("E2", Severity.ERROR, r.ruleId(), r.requirement(), r.reference(),
                                "User Role " + role + " may not send SRV " + srv + " (mutant: eligibility cell changed)"));
                    }
                }
            }
            return new Outcome(f, o.trt(), o.scheduledTrt(), o.fired());
        };
    }

    /** The cell's rule gives {@code seconds}, or, with {@code naCode}, rejects as N/A with that code. */
    private static Change trt(List<RuleInfo> cellRules, boolean scheduled, Long seconds, String naCode) {
        Set<String> ids = ids(cellRules);
        return (o, neg) -> {
            if (!o.firedAny(ids)) return null;
            List<Finding> f = o.without(ids);
            if (naCode != null) {
                for (RuleInfo r : cellRules) {
                    if (o.fired().contains(r.ruleId())) {
                        f.add(new Finding(naCode, Severity.ERROR, r.ruleId(), r.requirement(), r.reference(),
                                "TRT table cell N/A (mutant: TRT cell changed)"));
                    }
                }
            }
            return scheduled ? new Outcome(f, o.trt(), seconds, o.fired()) : new Outcome(f, seconds, o.scheduledTrt(), o.fired());
        };
    }

    /** The rule's findings and firing replaced by those of its negated twin. */
    private static Change negatedCondition(String ruleId) {
        Set<String> one = Set.of(ruleId);
        return (o, neg) -> {
            boolean twinFired = neg != null && neg.fired().contains(ruleId);
            if (!o.fired().contains(ruleId) && !twinFired) return null;
            List<Finding> f = o.without(one);
            if (twinFired) for (Finding x : neg.findings()) if (ruleId.equals(x.ruleId())) f.add(x);
            Set<String> fired = new TreeSet<>(o.fired());
            fired.remove(ruleId);
            if (twinFired) fired.add(ruleId);
            return new Outcome(f, o.trt(), o.scheduledTrt(), List.copyOf(fired));
        };
    }
}
