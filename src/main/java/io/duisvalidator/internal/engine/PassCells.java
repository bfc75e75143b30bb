package io.duisvalidator.internal.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The generated rules that only record that a table cell passed (templates marked {@code @passCell}: an eligibility
 * cell that says "yes", read for the request or for the SRV a 5.1 schedules, and the device types an SRV is served
 * on). Such a rule changes no decision, so the engine does not fire it: it is taken out of the session's rule base
 * and the request is counted from the cell it falls in, as if the rule had fired ({@link Evaluation#firedRules()} is
 * the same; docs/decisions.md D-PASS-CELLS). The rule stays in the DRL and in {@link RuleBase#rules()} with its
 * metadata, so traceability, coverage and mutation analysis see it as before. Which rows become such rules is the
 * generator's ({@link RuleGenerator}); the conditions below are those of the templates, and the rule base refuses
 * to build when the cells here and the rules marked {@code @passCell} are not the same set of rule ids.
 */
public final class PassCells {
    /** The metadata key that marks a generated rule as a pass cell. */
    static final String MARK = "passCell";

    /** What a pass cell's condition reads of the request (the request fact implements it). */
    public interface Request {
        String getSrv();

        String getRole();

        String getScheduledSrv();

        String getDeviceSrv();

        boolean isDeviceKnown();

        boolean deviceTypeIn(String types);
    }

    /** SRV to role to rule id of the "yes" eligibility cells: eligibility-allowed.drt. */
    private final Map<String, Map<String, String>> allowed = new HashMap<>();
    /** The same for the SRVs a 5.1 can schedule: eligibility-scheduled-allowed.drt. */
    private final Map<String, Map<String, String>> scheduledAllowed = new HashMap<>();
    /** SRV to its device types and rule id: the served rule of device-types.drt. */
    private final Map<String, String[]> served = new HashMap<>();
    private final Set<String> ids;

    private PassCells(List<Map<String, String>> eligibility, Set<String> schedulable, List<Map<String, String>> deviceTypes) {
        Set<String> all = new TreeSet<>();
        for (Map<String, String> r : eligibility) {
            if (!"yes".equals(r.get("eligible"))) continue;
            String srv = r.get("srv");
            String role = r.get("role");
            String id = "ELIG-" + srv + "-" + role;
            allowed.computeIfAbsent(srv, k -> new HashMap<>()).put(role, id);
            all.add(id);
            if (schedulable.contains(srv)) {
                scheduledAllowed.computeIfAbsent(srv, k -> new HashMap<>()).put(role, id + "-SCHED");
                all.add(id + "-SCHED");
            }
        }
        for (Map<String, String> r : deviceTypes) {
            String id = "DEVTYPE-" + r.get("srv") + "-SERVED";
            served.put(r.get("srv"), new String[]{r.get("deviceTypes"), id});
            all.add(id);
        }
        this.ids = Collections.unmodifiableSet(all);
    }

    /** The pass cells of a rule set's tables: the rows the generator feeds to the templates marked {@code @passCell}. */
    static PassCells of(RuleTables tables) {
        RuleGenerator g = new RuleGenerator(tables, null);
        return new PassCells(g.eligibilityRows(), RuleGenerator.schedulableSrvs(tables.rows(RuleTables.SRV_CATALOGUE)),
                g.deviceTypeRows());
    }

    /** The rule ids of every pass cell. */
    Set<String> ids() { return ids; }

    /** Adds the rule id of each pass cell the request falls in to {@code fired}. */
    void addFired(Request r, List<String> fired) {
        String srv = r.getSrv();
        String role = r.getRole();
        if (srv != null && role != null) {
            // RequestFact( srv == "@{srv}", role == "@{role}" )
            String id = cell(allowed, srv, role);
            if (id != null) fired.add(id);
            // RequestFact( srv == "5.1", scheduledSrv == "@{srv}", role == "@{role}" )
            String scheduled = r.getScheduledSrv();
            if ("5.1".equals(srv) && scheduled != null) {
                id = cell(scheduledAllowed, scheduled, role);
                if (id != null) fired.add(id);
            }
        }
        // RequestFact( deviceSrv == "@{srv}", deviceKnown, deviceTypeIn("@{deviceTypes}") )
        String deviceSrv = r.getDeviceSrv();
        if (deviceSrv != null && r.isDeviceKnown()) {
            String[] cell = served.get(deviceSrv);
            if (cell != null && r.deviceTypeIn(cell[0])) fired.add(cell[1]);
        }
    }

    private static String cell(Map<String, Map<String, String>> table, String srv, String role) {
        Map<String, String> row = table.get(srv);
        return row == null ? null : row.get(role);
    }

    /** The pass cells of {@code facts}: the first fact that is a {@link Request}, or null. */
    static Request request(List<?> facts) {
        for (Object f : facts) if (f instanceof Request r) return r;
        return null;
    }

    /** The rule ids marked {@code @passCell} in the rule base's metadata must be those of the cells here. */
    void check(Map<String, RuleInfo> rules, Set<String> marked) {
        if (!marked.equals(ids)) {
            Set<String> onlyMarked = new TreeSet<>(marked);
            onlyMarked.removeAll(ids);
            Set<String> onlyCells = new TreeSet<>(ids);
            onlyCells.removeAll(marked);
            throw new IllegalStateException("pass cells: rules marked @" + MARK + " without a cell " + onlyMarked
                    + ", cells without a rule marked @" + MARK + " " + onlyCells);
        }
        List<String> notInfo = new ArrayList<>();
        for (RuleInfo i : rules.values()) {
            if (marked.contains(i.ruleId()) && i.severity() != io.duisvalidator.Severity.INFO) notInfo.add(i.ruleId());
        }
        if (!notInfo.isEmpty()) throw new IllegalStateException("pass cells must be INFO rules: " + notInfo);
    }
}
