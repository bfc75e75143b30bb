package io.duisvalidator.internal.engine;

import io.duisvalidator.context.Role;
import org.drools.template.ObjectDataCompiler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Generates the per-cell rules of a rule set from its tables (its manifest names them) and the templates of {@code rules/templates/}.
 * One generated rule per table cell, so that every cell is a rule of its own with its own requirement id; the rows
 * of a table are split by what their cell says, and each group is fed to the template that says it ("may" and "may
 * not", a TRT and N/A, on demand and scheduled), so that a generated rule reads as its cell. Only table values go
 * into a template, never a piece of DRL. A rule that can never fire is not generated (docs/decisions.md
 * D-NO-UNREACHABLE-RULE): the scheduled readings (eligibility, TRT, scheduled SRV) only for SRVs a 5.1 can schedule.
 */
final class RuleGenerator {
    /** The templates of {@code rules/templates/} that {@link #generate} reads. */
    static final List<String> TEMPLATES = List.of("eligibility-allowed.drt", "eligibility-forbidden.drt",
            "eligibility-scheduled-allowed.drt", "eligibility-scheduled-forbidden.drt", "trt-on-demand.drt", "trt-on-demand-na.drt", "trt-scheduled.drt", "trt-scheduled-na.drt",
            "srv-catalogue.drt", "scheduled-srv.drt", "device-types.drt", "user-roles.drt");

    private static final String NA = "N/A";

    private final RuleTables tables;
    private final RuleSetManifest ruleSet;

    RuleGenerator(RuleTables tables, RuleSetManifest ruleSet) {
        this.tables = tables;
        this.ruleSet = ruleSet;
    }

    /** Generated DRL by file name ({@code generated/<template>.drl}). */
    Map<String, String> generate() {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> schedulable = schedulableSrvs(tables.rows(RuleTables.SRV_CATALOGUE));
        List<Map<String, String>> eligibility = eligibilityRows();
        put(out, "eligibility-allowed.drt", eligibility, r -> "yes".equals(r.get("eligible")));
        put(out, "eligibility-forbidden.drt", eligibility, r -> !"yes".equals(r.get("eligible")));
        // no rule that can never fire (issue 17): the scheduled reading of a cell only for SRVs a 5.1 can schedule
        put(out, "eligibility-scheduled-allowed.drt", eligibility,
                r -> schedulable.contains(r.get("srv")) && "yes".equals(r.get("eligible")));
        put(out, "eligibility-scheduled-forbidden.drt", eligibility,
                r -> schedulable.contains(r.get("srv")) && !"yes".equals(r.get("eligible")));
        List<Map<String, String>> trt = trtRows(schedulable);
        put(out, "trt-on-demand.drt", trt, r -> "ON_DEMAND".equals(r.get("mode")) && !NA.equals(r.get("trt")));
        put(out, "trt-on-demand-na.drt", trt, r -> "ON_DEMAND".equals(r.get("mode")) && NA.equals(r.get("trt")));
        put(out, "trt-scheduled.drt", trt, r -> "SCHEDULED".equals(r.get("mode")) && !NA.equals(r.get("trt")));
        put(out, "trt-scheduled-na.drt", trt, r -> "SCHEDULED".equals(r.get("mode")) && NA.equals(r.get("trt")));
        List<Map<String, String>> catalogue = catalogueRows(tables.rows(RuleTables.SRV_CATALOGUE));
        put(out, "srv-catalogue.drt", catalogue, r -> true);
        put(out, "scheduled-srv.drt", catalogue, r -> schedulable.contains(r.get("srv")));
        put(out, "device-types.drt", deviceTypeRows(), r -> true);
        put(out, "user-roles.drt", absentRoleRows(), r -> true);
        out.replaceAll((file, drl) -> RuleSources.inPackage(drl, ruleSet.rulePackage()));
        return out;
    }

    /**
     * The User Roles the rule set does not have: those its eligibility table has no column for (docs/decisions.md
     * D-RULESET-ROLES), e.g. MDR before MP162.
     */
    private List<Map<String, String>> absentRoleRows() {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (Map<String, String> r : tables.rows(RuleTables.ELIGIBILITY)) present.add(r.get("role"));
        List<Map<String, String>> out = new ArrayList<>();
        for (Role role : Role.values()) {
            if (!present.contains(role.name())) {
                out.add(Map.of("role", role.name(), "roleName", role.title(), "ruleSet", ruleSet.id()));
            }
        }
        return out;
    }

    /** The rows {@code which} selects, through {@code template}, as {@code generated/<template>.drl} (none: no file). */
    private static void put(Map<String, String> out, String template, List<Map<String, String>> rows,
                            java.util.function.Predicate<Map<String, String>> which) {
        List<Map<String, String>> selected = rows.stream().filter(which).toList();
        if (!selected.isEmpty()) out.put("generated/" + template.replace(".drt", ".drl"), compile(template, selected));
    }

    private static String compile(String template, Collection<? extends Map<String, ?>> rows) {
        // the prebuilt rule model's staleness check hashes the templates named there (RuleSources.inputsDigest)
        if (!TEMPLATES.contains(template)) throw new IllegalStateException("template not in TEMPLATES: " + template);
        String text = RuleSources.text("templates/" + template);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Map<String, ?> r : rows) data.add(new HashMap<>(r));
        return new ObjectDataCompiler().compile(data,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** eligibility.csv with the names of the User Role and of the SRV, for the generated rules' comments. */
    List<Map<String, String>> eligibilityRows() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : tables.rows(RuleTables.ELIGIBILITY)) {
            Map<String, String> m = new HashMap<>(r);
            String role = r.get("role");
            m.put("roleName", java.util.Arrays.stream(Role.values()).filter(x -> x.name().equals(role))
                    .map(Role::title).findFirst().orElse(role));
            m.put("srvName", tables.srv(r.get("srv")).map(c -> c.get("name")).orElse(""));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, String>> catalogueRows(List<Map<String, String>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            Map<String, String> m = new HashMap<>();
            m.put("srv", r.get("srv"));
            m.put("serviceReference", r.get("service_reference"));
            m.put("bodyElement", r.get("body_element"));
            m.put("dspBodyElement", r.get("dsp_body_element"));
            m.put("commandVariants", r.get("command_variants"));
            m.put("kind", r.get("kind"));
            out.add(m);
        }
        return out;
    }

    /** The SRVs a 5.1 can schedule: the catalogue's rows with a DSP body element (DUIS's schedulable list). */
    static Set<String> schedulableSrvs(List<Map<String, String>> catalogue) {
        Set<String> out = new TreeSet<>();
        for (Map<String, String> r : catalogue) if (!r.get("dsp_body_element").isEmpty()) out.add(r.get("srv"));
        return out;
    }

    /**
     * The TRT table's rows, each with its requirement id, the sender in words and the code an N/A cell rejects with.
     * A Scheduled row of an SRV a 5.1 cannot schedule gets no rule: no schema-valid message reaches it (its
     * requirement is discharged by the schema, see MatrixAnalysis).
     */
    private List<Map<String, String>> trtRows(Set<String> schedulable) {
        List<Map<String, String>> rows = tables.rows(RuleTables.TRT);
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String srv = r.get("srv");
            String sender = r.get("sender");
            String smets = r.get("smets");
            String mode = r.get("mode");
            if ("SCHEDULED".equals(mode) && !schedulable.contains(srv)) continue;
            Map<String, String> m = new HashMap<>();
            m.put("srv", srv);
            m.put("sender", sender);
            m.put("senderText", "MDR".equals(sender) ? "an MDR" : "existing User Roles");
            m.put("smets", smets);
            m.put("mode", mode);
            m.put("trt", r.get("trt_seconds"));
            m.put("note", r.get("note"));
            m.put("requirement", RuleTables.trtRequirement(srv, sender, smets, mode));
            m.put("code", naCode(rows, srv, sender, smets, mode));
            out.add(m);
        }
        return out;
    }

    /**
     * The code of an N/A cell (docs/decisions.md D-NA-CODE): E11 when the SRV is N/A for every sender on the
     * generation, E2 when only this sender's cells are, DV-SCHEDULE when only the Scheduled cell is.
     */
    static String naCode(List<Map<String, String>> rows, String srv, String sender, String smets, String mode) {
        boolean allSenders = rows.stream().filter(r -> srv.equals(r.get("srv")) && smets.equals(r.get("smets")))
                .allMatch(r -> NA.equals(r.get("trt_seconds")));
        if (allSenders) return "E11";
        boolean thisSender = rows.stream().filter(r -> srv.equals(r.get("srv")) && smets.equals(r.get("smets"))
                && sender.equals(r.get("sender"))).allMatch(r -> NA.equals(r.get("trt_seconds")));
        if (thisSender) return "E2";
        return "SCHEDULED".equals(mode) ? "DV-SCHEDULE" : "E2";
    }

    /** device-types.csv aggregated per SRV: the space-separated device types it is valid for. */
    List<Map<String, String>> deviceTypeRows() {
        Map<String, List<String>> bySrv = new TreeMap<>();
        for (Map<String, String> r : tables.rows(RuleTables.DEVICE_TYPES)) {
            if ("yes".equals(r.get("valid"))) {
                bySrv.computeIfAbsent(r.get("srv"), k -> new ArrayList<>()).add(r.get("device_type"));
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        bySrv.forEach((srv, types) -> out.add(Map.of("srv", srv, "deviceTypes", String.join(" ", types))));
        return out;
    }
}
