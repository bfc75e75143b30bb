package io.duisvalidator.internal.rulesets;

import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.engine.RuleTables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed from rule set A to rule set B, requirement by requirement, computed from the rule sets themselves
 * (their requirements catalogues and their tables), never written by hand: the User Roles (an eligibility column
 * added or removed), each eligibility and TRT cell with its old and new value, and every other requirement added,
 * removed or restated. A requirement both have with the same value (a table cell) or the same statement (any other)
 * is not a change, whatever file it comes from.
 */
public record RuleSetDiff(RuleSetManifest from, RuleSetManifest to, List<Change> changes) {
    /** What happened to a requirement. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One change.
     *
     * @param kind        added, removed or changed
     * @param requirement the requirement id ({@code ROLE-<role>} for a User Role)
     * @param category    {@code user role}, {@code eligibility}, {@code trt} or {@code requirement}
     * @param oldValue    A's value (a cell's value, or the requirement's statement); null when added
     * @param newValue    B's value; null when removed
     * @param source      the requirement's source (B's, or A's when removed)
     */
    public record Change(Kind kind, String requirement, String category, String oldValue, String newValue, String source) {}

    /** The difference from {@code a} to {@code b}. */
    public static RuleSetDiff of(RuleSetManifest a, RuleSetManifest b) {
        return of(a, Catalogue.read(a), b, Catalogue.read(b));
    }

    static RuleSetDiff of(RuleSetManifest a, Catalogue ca, RuleSetManifest b, Catalogue cb) {
        List<Change> out = new ArrayList<>();
        // User Roles: a column of the eligibility table
        Set<String> roles = new TreeSet<>(ca.roles);
        roles.addAll(cb.roles);
        for (String role : roles) {
            boolean inA = ca.roles.contains(role);
            boolean inB = cb.roles.contains(role);
            if (inA != inB) {
                out.add(new Change(inB ? Kind.ADDED : Kind.REMOVED, "ROLE-" + role, "user role", inA ? "exists" : null,
                        inB ? "exists" : null, "eligibility table column " + role));
            }
        }
        Set<String> ids = new LinkedHashSet<>(ca.rows.keySet());
        ids.addAll(cb.rows.keySet());
        for (String id : ids) {
            Map<String, String> ra = ca.rows.get(id);
            Map<String, String> rb = cb.rows.get(id);
            String category = ca.cells.containsKey(id) || cb.cells.containsKey(id)
                    ? (id.startsWith("TRT-") ? "trt" : "eligibility") : "requirement";
            String va = ra == null ? null : ca.cells.getOrDefault(id, ra.get("text"));
            String vb = rb == null ? null : cb.cells.getOrDefault(id, rb.get("text"));
            String source = (rb != null ? rb : ra).get("source");
            if (ra == null) out.add(new Change(Kind.ADDED, id, category, null, vb, source));
            else if (rb == null) out.add(new Change(Kind.REMOVED, id, category, va, null, source));
            else if (!Objects.equals(va, vb)) out.add(new Change(Kind.CHANGED, id, category, va, vb, source));
        }
        out.sort(Comparator.comparing((Change c) -> order(c.category())).thenComparing(c -> c.kind().ordinal()));
        return new RuleSetDiff(a, b, List.copyOf(out));
    }

    private static int order(String category) {
        return List.of("user role", "eligibility", "trt", "requirement").indexOf(category);
    }

    /** The number of changes of a kind. */
    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }

    /**
     * A rule set's requirements (every catalogue its manifest names, by id) with the value of each table cell
     * (eligibility {@code yes} / {@code no}; TRT seconds or {@code N/A}) and the User Roles its eligibility table has.
     */
    record Catalogue(Map<String, Map<String, String>> rows, Map<String, String> cells, Set<String> roles) {
        static Catalogue read(RuleSetManifest m) {
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (String file : m.requirements()) {
                for (Map<String, String> r : RuleTables.readRuleFile(file)) rows.put(r.get("id"), r);
            }
            RuleTables tables = RuleTables.fromClasspath(m);
            Map<String, String> cells = new LinkedHashMap<>();
            Set<String> roles = new TreeSet<>();
            for (Map<String, String> r : tables.rows(RuleTables.ELIGIBILITY)) {
                cells.put("ELIG-" + r.get("srv") + "-" + r.get("role"), r.get("eligible"));
                roles.add(r.get("role"));
            }
            for (Map<String, String> r : tables.rows(RuleTables.TRT)) {
                cells.put(RuleTables.trtRequirement(r.get("srv"), r.get("sender"), r.get("smets"), r.get("mode")),
                        r.get("trt_seconds"));
            }
            return new Catalogue(rows, cells, roles);
        }
    }
}
