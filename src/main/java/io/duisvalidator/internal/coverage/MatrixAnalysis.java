package io.duisvalidator.internal.coverage;

import io.duisvalidator.context.Role;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleInfo;
import io.duisvalidator.internal.engine.RuleTables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Static analysis of the eligibility and TRT tables (docs/coverage.md): no gap (a User Role and SRV, or an SRV,
 * sender, SMETS generation and mode, that no row decides), no overlap (two rows deciding the same cell), no row
 * unreachable from a valid message, and N/A cells that reject with the code of D-NA-CODE consistently.
 *
 * <p>"Reachable": a TRT cell is reachable when a message that is valid against the DUIS schema and comes from a User
 * Role eligible for the SRV (for a Scheduled cell: eligible for 5.1 and for the scheduled SRV) takes it. DUIS lets a
 * 5.1 schedule only the SRVs of its schedulable list ({@link SchemaFacts#schedulableSrvs()}; the catalogue's SRVs with
 * a DSP body element must be the same, and the rule generator reads those); the Scheduled
 * cells of any other SRV are {@link Reach#NOT_SCHEDULABLE}: no message reaches them (the schema rejects it first),
 * so they must be N/A, and their requirement is discharged here, not by a message corpus.
 */
public final class MatrixAnalysis {
    private static final List<String> SENDERS = List.of("EXISTING", "MDR");
    private static final List<String> GENERATIONS = List.of("1", "2");
    private static final List<String> MODES = List.of("SCHEDULED", "ON_DEMAND");

    /** How messages reach a TRT cell. */
    public enum Reach {
        /** a valid message takes its TRT from the cell */
        DECIDES,
        /** a valid message is rejected by the cell (N/A) */
        REJECTS,
        /** a Scheduled cell of an SRV a 5.1 cannot schedule: no schema-valid message reaches it */
        NOT_SCHEDULABLE,
        /** no role eligible for the SRV sends through the cell's sender column */
        UNREACHABLE
    }

    /**
     * One TRT table cell, how it is reached, the code its N/A rejects with (null when it decides), and why no message
     * reaches it (null when one does): the requirement or schema fact that makes it so.
     */
    public record TrtCell(String requirement, String srv, String sender, String smets, String mode, String value,
                          Reach reach, String code, String reason) {
        public boolean reachable() {
            return reach == Reach.DECIDES || reach == Reach.REJECTS;
        }
    }

    /** What the analysis found; {@link #sound()} when no list of problems has an entry. */
    public record Result(int eligibilityRows, int trtRowCount, List<TrtCell> trtCells, List<String> gaps,
                         List<String> overlaps, List<String> unreachable, List<String> inconsistent) {
        public boolean sound() {
            return gaps.isEmpty() && overlaps.isEmpty() && unreachable.isEmpty() && inconsistent.isEmpty();
        }

        /** Requirement ids that no schema-valid message can exercise (discharged statically). */
        public Set<String> unreachableRequirements() {
            return trtCells.stream().filter(c -> c.reach() == Reach.NOT_SCHEDULABLE || c.reach() == Reach.UNREACHABLE)
                    .map(TrtCell::requirement).collect(Collectors.toCollection(TreeSet::new));
        }

        public long count(Reach r) {
            return trtCells.stream().filter(c -> c.reach() == r).count();
        }
    }

    private MatrixAnalysis() {}

    public static Result analyse(RuleBase rules) {
        return analyse(rules.tables(), rules);
    }

    /** Analyses the tables; {@code rules} (may be null) is checked for the codes its generated TRT rules carry. */
    public static Result analyse(RuleTables tables, RuleBase rules) {
        List<String> gaps = new ArrayList<>();
        List<String> overlaps = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        List<String> inconsistent = new ArrayList<>();

        Map<String, Map<String, String>> catalogue = new LinkedHashMap<>();
        for (Map<String, String> r : tables.rows(RuleTables.SRV_CATALOGUE)) catalogue.put(r.get("srv"), r);
        List<String> roles = Arrays.stream(Role.values()).map(Role::name).toList();

        List<Map<String, String>> eligRows = tables.rows(RuleTables.ELIGIBILITY);
        Map<String, String> elig = cells(eligRows, List.of("srv", "role"), "eligible", "eligibility.csv", overlaps);
        for (Map<String, String> r : eligRows) {
            if (!catalogue.containsKey(r.get("srv")) || !roles.contains(r.get("role"))) {
                unreachable.add("eligibility.csv: row " + r.get("srv") + " / " + r.get("role")
                        + " names an SRV or User Role the project does not know: no message reaches it");
            }
        }
        for (String srv : catalogue.keySet()) {
            for (String role : roles) {
                if (!elig.containsKey(srv + "|" + role)) gaps.add("eligibility.csv: no row decides SRV " + srv + " for User Role " + role);
            }
        }

        List<Map<String, String>> trtRows = tables.rows(RuleTables.TRT);
        Map<String, String> trt = cells(trtRows, List.of("srv", "sender", "smets", "mode"), "trt_seconds", "trt.csv", overlaps);
        for (Map<String, String> r : trtRows) {
            if (!catalogue.containsKey(r.get("srv")) || !SENDERS.contains(r.get("sender"))
                    || !GENERATIONS.contains(r.get("smets")) || !MODES.contains(r.get("mode"))) {
                unreachable.add("trt.csv: row " + key(r, List.of("srv", "sender", "smets", "mode"))
                        + " names an SRV, sender, generation or mode the project does not know: no message reaches it");
            }
        }

        Map<String, RuleInfo> ruleById = new HashMap<>();
        if (rules != null) rules.rules().values().forEach(i -> ruleById.put(i.ruleId(), i));

        List<TrtCell> cells = new ArrayList<>();
        Set<String> schemaSchedulable = SchemaFacts.schedulableSrvs();
        for (String srv : catalogue.keySet()) {
            boolean withDspBody = !catalogue.get(srv).get("dsp_body_element").isEmpty();
            if (withDspBody != schemaSchedulable.contains(srv)) {
                inconsistent.add(withDspBody
                        ? "srv-catalogue.csv gives SRV " + srv + " a DSP body element, but the schema's "
                        + SchemaFacts.SCHEDULABLE_TYPE + " does not list it: no 5.1 can schedule it"
                        : "the schema's " + SchemaFacts.SCHEDULABLE_TYPE + " lists SRV " + srv
                        + ", but srv-catalogue.csv gives it no DSP body element: its scheduled rules are not generated");
            }
        }
        for (String srv : catalogue.keySet()) {
            boolean schedulable = schemaSchedulable.contains(srv);
            boolean generationIndependent = "NON_DEVICE".equals(catalogue.get(srv).get("kind")) && !"5.1".equals(srv);
            for (String sender : SENDERS) {
                List<String> eligibleRoles = roles.stream().filter(ro -> sender.equals(senderOf(ro))
                        && "yes".equals(elig.get(srv + "|" + ro))).toList();
                List<String> schedulingRoles = eligibleRoles.stream().filter(ro -> "yes".equals(elig.get("5.1|" + ro))).toList();
                for (String g : GENERATIONS) {
                    for (String mode : MODES) {
                        String value = trt.get(srv + "|" + sender + "|" + g + "|" + mode);
                        String req = RuleTables.trtRequirement(srv, sender, g, mode);
                        if (value == null) {
                            gaps.add("trt.csv: no row decides SRV " + srv + " sent by " + sender + " on SMETS" + g + " " + mode);
                            continue;
                        }
                        boolean na = "N/A".equals(value);
                        Reach reach;
                        String reason = null;
                        if ("SCHEDULED".equals(mode) && !schedulable) {
                            reach = Reach.NOT_SCHEDULABLE;
                            reason = notSchedulable(srv);
                        } else if (("SCHEDULED".equals(mode) ? schedulingRoles : eligibleRoles).isEmpty()) {
                            reach = Reach.UNREACHABLE;
                            reason = "no " + sender + " User Role is eligible for SRV " + srv
                                    + ("SCHEDULED".equals(mode) ? " and for 5.1" : "") + " (eligibility.csv)";
                        } else {
                            reach = na ? Reach.REJECTS : Reach.DECIDES;
                        }
                        if (!na && (reach == Reach.NOT_SCHEDULABLE || reach == Reach.UNREACHABLE)) {
                            unreachable.add("trt.csv: " + req + " holds " + value + " s but "
                                    + (reach == Reach.NOT_SCHEDULABLE ? "a 5.1 cannot schedule SRV " + srv
                                    : "no " + sender + " User Role is eligible for SRV " + srv) + ": the value is never used");
                        }
                        String code = na && reach == Reach.REJECTS ? naCode(trt, srv, sender, g, mode) : null;
                        RuleInfo rule = ruleById.get(req);
                        if (rules != null && rule == null && reach != Reach.NOT_SCHEDULABLE) {
                            inconsistent.add(req + ": no rule of the built rule base encodes this cell");
                        } else if (code != null && rule != null && !code.equals(rule.code())) {
                            inconsistent.add(req + ": N/A rejects with " + rule.code() + ", D-NA-CODE says " + code);
                        }
                        cells.add(new TrtCell(req, srv, sender, g, mode, value, reach, code, reason));
                    }
                    if (generationIndependent) {
                        String s1 = trt.get(srv + "|" + sender + "|1|ON_DEMAND");
                        String s2 = trt.get(srv + "|" + sender + "|2|ON_DEMAND");
                        if ("2".equals(g) && s1 != null && !s1.equals(s2)) {
                            inconsistent.add("SRV " + srv + " does not depend on the SMETS generation (D-DEVICE-SCOPE), but its "
                                    + sender + " On-Demand cells differ: SMETS1 " + s1 + ", SMETS2 " + s2);
                        }
                    }
                }
                for (String role : eligibleRoles) {
                    boolean served = GENERATIONS.stream().anyMatch(g -> {
                        String v = trt.get(srv + "|" + sender + "|" + g + "|ON_DEMAND");
                        return v != null && !"N/A".equals(v);
                    });
                    if (!served) {
                        inconsistent.add("eligibility.csv says User Role " + role + " may send SRV " + srv
                                + ", but every On-Demand TRT cell of " + sender + " is N/A: no request of it is ever served");
                    }
                }
            }
        }
        return new Result(eligRows.size(), trtRows.size(), List.copyOf(cells), gaps, overlaps, unreachable, inconsistent);
    }

    /** Why no message reaches a Scheduled cell, or a scheduled rule, of an SRV the schema does not let a 5.1 schedule. */
    public static String notSchedulable(String srv) {
        return "a 5.1 cannot schedule SRV " + srv + ": the DUIS schema's " + SchemaFacts.SCHEDULABLE_TYPE
                + " does not list it, so a Create Schedule naming it is DV-SCHEMA before any rule runs";
    }

    /** D-NA-CODE and D-5.1-ELIGIBILITY, stated independently of the rule generator. */
    static String naCode(Map<String, String> trt, String srv, String sender, String g, String mode) {
        boolean everySender = SENDERS.stream().allMatch(s -> MODES.stream()
                .allMatch(m -> "N/A".equals(trt.get(srv + "|" + s + "|" + g + "|" + m))));
        if (everySender) return "E11";
        boolean thisSender = MODES.stream().allMatch(m -> "N/A".equals(trt.get(srv + "|" + sender + "|" + g + "|" + m)));
        if (thisSender || "ON_DEMAND".equals(mode)) return "E2";
        return "DV-SCHEDULE";
    }

    private static String senderOf(String role) {
        return "MDR".equals(role) ? "MDR" : "EXISTING";
    }

    /** The table's cells by key; a key decided twice is an overlap (with the values when they differ). */
    private static Map<String, String> cells(List<Map<String, String>> rows, List<String> keyColumns, String valueColumn,
                                             String table, List<String> overlaps) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String k = String.join("|", keyColumns.stream().map(r::get).toList());
            String previous = out.putIfAbsent(k, r.get(valueColumn));
            if (previous != null) {
                overlaps.add(table + ": two rows decide " + key(r, keyColumns)
                        + (previous.equals(r.get(valueColumn)) ? " (both " + previous + ")" : ": " + previous + " and " + r.get(valueColumn)));
            }
        }
        return out;
    }

    private static String key(Map<String, String> r, List<String> cols) {
        return String.join(" / ", cols.stream().map(r::get).toList());
    }
}
