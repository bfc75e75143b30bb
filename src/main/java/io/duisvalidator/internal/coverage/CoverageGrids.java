package io.duisvalidator.internal.coverage;

import io.duisvalidator.context.Role;
import io.duisvalidator.internal.coverage.CoverageGrid.Cell;
import io.duisvalidator.internal.coverage.CoverageGrid.Column;
import io.duisvalidator.internal.coverage.CoverageGrid.Row;
import io.duisvalidator.internal.coverage.CoverageGrid.Status;
import io.duisvalidator.internal.coverage.CoverageReport.RequirementCoverage;
import io.duisvalidator.internal.engine.RuleTables;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the eligibility matrix and the TRT table as {@link CoverageGrid}s, laid out as MP162 and the DUIS matrix lay
 * them out: SRVs down; User Roles across (eligibility); existing roles / MDR, then SMETS2 / SMETS1, then Scheduled /
 * On-Demand across (TRT, MP162 section 3).
 */
public final class CoverageGrids {
    static final String EXISTING_HEADER = "SR sent by existing User Roles";
    static final String MDR_HEADER = "SR sent by \u2018MDR\u2019 User Role";

    private CoverageGrids() {}

    /** Both grids of a rule set's tables, filled from a run's requirement coverage. */
    public static List<CoverageGrid> of(RuleTables tables, String ruleSet, List<RequirementCoverage> coverage,
                                        Reachability reach) {
        Map<String, RequirementCoverage> byId = new LinkedHashMap<>();
        for (RequirementCoverage q : coverage) byId.put(q.requirement().id(), q);
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> r : tables.rows(RuleTables.SRV_CATALOGUE)) names.put(r.get("srv"), r.get("name"));
        return List.of(eligibility(tables, ruleSet, names, byId, reach), trt(tables, ruleSet, names, byId, reach));
    }

    static CoverageGrid eligibility(RuleTables tables, String ruleSet, Map<String, String> names,
                                    Map<String, RequirementCoverage> byId, Reachability reach) {
        Map<String, Map<String, String>> rows = index(tables.rows(RuleTables.ELIGIBILITY), "srv", "role");
        List<Column> columns = new ArrayList<>();
        for (Role r : Role.values()) columns.add(new Column(r.name(), List.of(r.name())));
        List<Row> out = new ArrayList<>();
        names.forEach((srv, name) -> {
            List<Cell> cells = new ArrayList<>();
            for (Column c : columns) {
                Map<String, String> row = rows.get(srv + "|" + c.key());
                cells.add(cell(c.key(), "ELIG-" + srv + "-" + c.key(), row == null ? "?" : row.get("eligible"),
                        "", row == null ? "" : row.get("source"), byId, reach));
            }
            out.add(new Row(srv, name, cells));
        });
        return new CoverageGrid("eligibility", "Eligibility matrix: which User Roles may send each Service Request",
                "DUIS Section 3 SRV matrix (existing User Roles) and MP162 section 3 'Valid Service Requests for an MDR User' (MDR); rules/tables/eligibility.csv",
                ruleSet, "DCC SR ref.", columns, out);
    }

    static CoverageGrid trt(RuleTables tables, String ruleSet, Map<String, String> names,
                            Map<String, RequirementCoverage> byId, Reachability reach) {
        Map<String, Map<String, String>> rows = index(tables.rows(RuleTables.TRT), "srv", "sender", "smets", "mode");
        List<Column> columns = new ArrayList<>();
        for (String sender : List.of("EXISTING", "MDR")) {
            for (String g : List.of("2", "1")) {
                for (String mode : List.of("SCHEDULED", "ON_DEMAND")) {
                    columns.add(new Column(sender + "-S" + g + "-" + mode, List.of("EXISTING".equals(sender) ? EXISTING_HEADER : MDR_HEADER,
                            "SMETS" + g, "SCHEDULED".equals(mode) ? "Scheduled" : "On-Demand")));
                }
            }
        }
        List<Row> out = new ArrayList<>();
        names.forEach((srv, name) -> {
            List<Cell> cells = new ArrayList<>();
            for (Column c : columns) {
                String[] k = c.key().split("-");
                Map<String, String> row = rows.get(srv + "|" + k[0] + "|" + k[1].substring(1) + "|" + k[2]);
                cells.add(cell(c.key(), RuleTables.trtRequirement(srv, k[0], k[1].substring(1), k[2]), row == null ? "?" : trtText(row.get("trt_seconds")),
                        row == null ? "" : row.get("note"), "", byId, reach));
            }
            out.add(new Row(srv, name, cells));
        });
        return new CoverageGrid("trt", "TRTs for Eligible Users for MHHS data retrieval Service Requests",
                "MP162 section 3 table; rules/tables/trt.csv", ruleSet, "DCC SR ref.", columns, out);
    }

    private static Cell cell(String column, String requirement, String value, String note, String tableSource,
                             Map<String, RequirementCoverage> byId, Reachability reach) {
        RequirementCoverage q = byId.get(requirement);
        long ex = q == null ? 0 : q.exercised();
        long acc = q == null ? 0 : q.accepted();
        long rej = q == null ? 0 : q.rejected();
        String reason = reach.requirements().get(requirement);
        Status s = ex == 0 && reason != null ? Status.UNREACHABLE : Status.of(acc, rej, ex);
        String source = q != null ? q.requirement().source() : tableSource;
        return new Cell(column, requirement, value, note == null ? "" : note, source, s, ex, acc, rej,
                q == null ? List.of() : q.examples(), reason, List.of());
    }

    /** A TRT as MP162 writes it: "24 hrs", "30 secs", "5,600 secs", or N/A. */
    static String trtText(String seconds) {
        if (seconds == null || seconds.isBlank()) return "?";
        if ("N/A".equals(seconds)) return "N/A";
        try {
            long s = Long.parseLong(seconds.trim());
            if (s >= 3600 && s % 3600 == 0) return s / 3600 + " hrs";
            return NumberFormat.getIntegerInstance(Locale.UK).format(s) + " secs";
        } catch (NumberFormatException e) {
            return seconds;
        }
    }

    private static Map<String, Map<String, String>> index(List<Map<String, String>> rows, String... key) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            List<String> k = new ArrayList<>();
            for (String c : key) k.add(r.get(c));
            out.putIfAbsent(String.join("|", k), r);
        }
        return out;
    }
}
