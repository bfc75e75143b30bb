package io.duisvalidator.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What one rule set is made of, as its manifest {@code rules/rule-sets/<id>/rule-set.properties} says: its id,
 * version and title, the period it is in force ({@code in_force_from} inclusive, {@code in_force_to} exclusive; null
 * is open), and the files under {@code rules/} it is built from: hand-written DRL, requirements catalogues, and the
 * table that each logical table name ({@link RuleTables#ALL}) is read from. Shared files are named by several
 * manifests; nothing is copied (docs/rule-sets.md).
 */
public record RuleSetManifest(String id, String version, String title, Instant from, Instant to, List<String> drl,
                              List<String> requirements, Map<String, String> tables) {
    /** The folder of the rule sets under {@code rules/}, and the list of them. */
    static final String FOLDER = "rule-sets/";
    static final String LIST = "rule-sets.properties";
    static final String FILE = "rule-set.properties";

    public RuleSetManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        drl = List.copyOf(drl);
        requirements = List.copyOf(requirements);
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalStateException("rule set " + id + ": in force from " + from + " is not before its end " + to);
        }
    }

    /** The manifest path of a rule set, under {@code rules/}. */
    static String path(String id) {
        return FOLDER + id + "/" + FILE;
    }

    /** The ids the list {@code rules/rule-sets.properties} names, in its order. */
    static List<String> listed() {
        Properties p = properties(LIST);
        List<String> out = new ArrayList<>();
        for (String s : p.getProperty("rule-sets", "").split(",")) if (!s.isBlank()) out.add(s.trim());
        if (out.isEmpty()) throw new IllegalStateException("rules/" + LIST + " names no rule set (rule-sets=...)");
        return out;
    }

    /** Reads the manifest of rule set {@code id} from the classpath. */
    static RuleSetManifest read(String id) {
        Properties p = properties(path(id));
        String declared = p.getProperty("id", "").trim();
        if (!declared.equals(id)) {
            throw new IllegalStateException("rules/" + path(id) + ": id is '" + declared + "', not the folder's name " + id);
        }
        Map<String, String> tables = new LinkedHashMap<>();
        for (String t : RuleTables.ALL) {
            String key = "table." + t.replace(".csv", "");
            String file = p.getProperty(key, "").trim();
            if (file.isEmpty()) throw new IllegalStateException("rules/" + path(id) + ": no " + key);
            tables.put(t, file);
        }
        return new RuleSetManifest(id, required(p, id, "version"), p.getProperty("title", id).trim(),
                instant(p, id, "in_force_from"), instant(p, id, "in_force_to"), list(p, "drl"), list(p, "requirements"),
                tables);
    }

    private static String required(Properties p, String id, String key) {
        String v = p.getProperty(key, "").trim();
        if (v.isEmpty()) throw new IllegalStateException("rules/" + path(id) + ": no " + key);
        return v;
    }

    private static List<String> list(Properties p, String key) {
        List<String> out = new ArrayList<>();
        for (String s : p.getProperty(key, "").split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    /**
     * An instant of a validity period: empty (open), an ISO-8601 instant ({@code 2024-06-26T23:00:00Z}), or a
     * wall-clock time and a zone ({@code 2024-06-27T00:00 Europe/London}), the way a SEC Release is announced.
     */
    static Instant instant(Properties p, String id, String key) {
        String v = p.getProperty(key, "").trim();
        if (v.isEmpty()) return null;
        try {
            int space = v.indexOf(' ');
            if (space < 0) return Instant.parse(v);
            return LocalDateTime.parse(v.substring(0, space)).atZone(ZoneId.of(v.substring(space + 1).trim())).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalStateException("rules/" + path(id) + ": " + key + " '" + v
                    + "' is neither an instant (2024-06-26T23:00:00Z) nor a local time and zone (2024-06-27T00:00 Europe/London)", e);
        }
    }

    private static Properties properties(String path) {
        Properties p = new Properties();
        try (InputStream in = RuleSources.open(path)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/" + path, e);
        }
        return p;
    }

    /** Whether the rule set is in force at the instant. */
    public boolean covers(Instant at) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    /** The period in words, e.g. {@code [2024-06-26T23:00:00Z, open)}. */
    public String period() {
        return "[" + (from == null ? "open" : from.toString()) + ", " + (to == null ? "open" : to.toString()) + ")";
    }

    /** Every file under {@code rules/} this rule set is made of (manifest, DRL, requirements, tables), in a stable order. */
    List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(path(id));
        files.addAll(drl);
        files.addAll(requirements);
        files.addAll(tables.values());
        return files;
    }

    /** The Java package the rule set's rules are compiled into: each rule set has its own, so models can coexist. */
    public String rulePackage() {
        return RuleModelGenerator.RULE_PACKAGE + "." + id.replaceAll("[^A-Za-z0-9]", "_");
    }
}
