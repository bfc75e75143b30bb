package io.duisvalidator.internal.engine;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule tables of {@code rules/tables/}: the data an auditor reads and from which rules are generated.
 * Each table is a list of rows, each row a map from column name to text, in file order.
 */
public final class RuleTables {
    public static final String ELIGIBILITY = "eligibility.csv";
    public static final String TRT = "trt.csv";
    public static final String SRV_CATALOGUE = "srv-catalogue.csv";
    public static final String DEVICE_TYPES = "device-types.csv";
    /** Every table of the rule set, in the order they are read. */
    static final List<String> ALL = List.of(ELIGIBILITY, TRT, SRV_CATALOGUE, DEVICE_TYPES);

    private final Map<String, List<Map<String, String>>> tables;

    private RuleTables(Map<String, List<Map<String, String>>> tables) {
        this.tables = tables;
    }

    /** Reads the tables from the classpath folder {@code rules/tables/}. */
    public static RuleTables fromClasspath() {
        Map<String, List<Map<String, String>>> t = new LinkedHashMap<>();
        for (String name : ALL) {
            t.put(name, read(name, RuleSources.open("tables/" + name)));
        }
        return new RuleTables(t);
    }

    /** Tables from rows already read (e.g. a table with a row removed, to see what the analyses say). */
    public static RuleTables of(Map<String, List<Map<String, String>>> tables) {
        Map<String, List<Map<String, String>>> t = new LinkedHashMap<>();
        tables.forEach((k, v) -> t.put(k, List.copyOf(v)));
        return new RuleTables(t);
    }

    /** Any CSV file of the rule set's classpath folder {@code rules/} (e.g. {@code requirements.csv}), as rows. */
    public static List<Map<String, String>> readRuleFile(String path) {
        return read(path, RuleSources.open(path));
    }

    static List<Map<String, String>> read(String name, InputStream in) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .get().parse(r)) {
                rows.add(Map.copyOf(rec.toMap()));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule table " + name, e);
        }
    }

    public List<Map<String, String>> rows(String table) {
        List<Map<String, String>> rows = tables.get(table);
        if (rows == null) throw new IllegalArgumentException("no rule table " + table);
        return rows;
    }

    /**
     * The SRVs whose data SEC H3.13A says to collect by DCC schedule first: the catalogue's device SRVs that a 5.1 can
     * schedule (those with a DSP body element: DUIS's schedulable list), in catalogue order. 4.1.1 is not among them
     * (docs/decisions.md D-H313A-SCOPE, D-H313A-4.1.1).
     */
    public java.util.Set<String> scheduleFirstSrvs() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Map<String, String> r : rows(SRV_CATALOGUE)) {
            if ("DEVICE".equals(r.get("kind")) && !r.get("dsp_body_element").isEmpty()) out.add(r.get("srv"));
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The SRVs the TRT table has cells for: an accepted request for one of them must have a TRT. */
    public java.util.Set<String> trtSrvs() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Map<String, String> r : rows(TRT)) out.add(r.get("srv"));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** The requirement id of a TRT table cell, e.g. {@code TRT-4.8.1-MDR-S2-ON_DEMAND}: the one place it is built. */
    public static String trtRequirement(String srv, String sender, String smets, String mode) {
        return "TRT-" + srv + "-" + sender + "-S" + smets + "-" + mode;
    }

    /** The SRV catalogue row of an SRV, if the project knows it. */
    public Optional<Map<String, String>> srv(String srv) {
        if (srv == null) return Optional.empty();
        return rows(SRV_CATALOGUE).stream().filter(r -> srv.equals(r.get("srv"))).findFirst();
    }
}
