package io.duisvalidator.internal.engine;

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
 * Generates the per-cell rules from the tables of {@code rules/tables/} and the templates of {@code rules/templates/}.
 * One generated rule per table row, so that every cell is a rule of its own with its own requirement id.
 */
final class RuleGenerator {
    /** The templates of {@code rules/templates/} that {@link #generate} reads. */
    static final List<String> TEMPLATES = List.of("eligibility.drt", "trt.drt", "srv-catalogue.drt",
            "scheduled-srv.drt", "device-types.drt", "eligibility-scheduled.drt");

    private final RuleTables tables;

    RuleGenerator(RuleTables tables) {
        this.tables = tables;
    }

    /** Generated DRL by file name ({@code generated/<template>.drl}). */
    Map<String, String> generate() {
        Map<String, String> out = new LinkedHashMap<>();
        List<Map<String, String>> catalogue = tables.rows(RuleTables.SRV_CATALOGUE);
        Set<String> schedulable = schedulableSrvs(catalogue);
        out.put("generated/eligibility.drl", compile("eligibility.drt", tables.rows(RuleTables.ELIGIBILITY)));
        // no rule that can never fire (issue 17): the scheduled reading of a cell only for SRVs a 5.1 can schedule
        out.put("generated/eligibility-scheduled.drl", compile("eligibility-scheduled.drt", tables.rows(RuleTables.ELIGIBILITY)
                .stream().filter(r -> schedulable.contains(r.get("srv"))).toList()));
        out.put("generated/trt.drl", compile("trt.drt", trtRows(schedulable)));
        out.put("generated/srv-catalogue.drl", compile("srv-catalogue.drt", catalogueRows(catalogue)));
        out.put("generated/scheduled-srv.drl", compile("scheduled-srv.drt", catalogueRows(catalogue.stream()
                .filter(r -> schedulable.contains(r.get("srv"))).toList())));
        out.put("generated/device-types.drl", compile("device-types.drt", deviceTypeRows()));
        return out;
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
     * The TRT table's rows, each with the requirement id, the pattern it matches and the code of an N/A cell. A
     * Scheduled row of an SRV a 5.1 cannot schedule gets no rule: no schema-valid message reaches it (its requirement
     * is discharged by the schema, see MatrixAnalysis).
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
            m.put("smets", smets);
            m.put("mode", mode);
            m.put("trt", r.get("trt_seconds"));
            m.put("note", r.get("note"));
            m.put("reference", "MP162 s3 table TRTs for Eligible Users for MHHS data retrieval Service Requests"
                    + (r.get("note").isEmpty() ? "" : " (" + r.get("note") + ")"));
            m.put("requirement", trtRequirement(srv, sender, smets, mode));
            m.put("match", "SCHEDULED".equals(mode)
                    ? "srv == \"5.1\", scheduledSrv == \"" + srv + "\""
                    : "srv == \"" + srv + "\"");
            m.put("naCode", naCode(rows, srv, sender, smets, mode));
            out.add(m);
        }
        return out;
    }

    /** Requirement id of a TRT cell, e.g. TRT-4.8.1-MDR-S2-ON_DEMAND. */
    static String trtRequirement(String srv, String sender, String smets, String mode) {
        return "TRT-" + srv + "-" + sender + "-S" + smets + "-" + mode;
    }

    /**
     * The code of an N/A cell (docs/decisions.md D-NA-CODE): E11 when the SRV is N/A for every sender on the
     * generation, E2 when only this sender's cells are, DV-SCHEDULE when only the Scheduled cell is.
     */
    static String naCode(List<Map<String, String>> rows, String srv, String sender, String smets, String mode) {
        boolean allSenders = rows.stream().filter(r -> srv.equals(r.get("srv")) && smets.equals(r.get("smets")))
                .allMatch(r -> "N/A".equals(r.get("trt_seconds")));
        if (allSenders) return "E11";
        boolean thisSender = rows.stream().filter(r -> srv.equals(r.get("srv")) && smets.equals(r.get("smets"))
                && sender.equals(r.get("sender"))).allMatch(r -> "N/A".equals(r.get("trt_seconds")));
        if (thisSender) return "E2";
        return "SCHEDULED".equals(mode) ? "DV-SCHEDULE" : "E2";
    }

    /** device-types.csv aggregated per SRV: the space-separated device types it is valid for. */
    private List<Map<String, String>> deviceTypeRows() {
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
