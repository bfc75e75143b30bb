package io.duisvalidator.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads the rule set's files from the classpath folder {@code rules/} (the project's {@code rules/} directory). */
final class RuleSources {
    static final String ROOT = "rules/";
    static final String MANIFEST = "ruleset.properties";

    private RuleSources() {}

    static InputStream open(String path) {
        InputStream in = RuleSources.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) throw new IllegalStateException("rule file missing from the classpath: " + ROOT + path);
        return in;
    }

    static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + path, e);
        }
    }

    static Properties manifest() {
        Properties p = new Properties();
        try (InputStream in = open(MANIFEST)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/ruleset.properties", e);
        }
        return p;
    }

    /** The hand-written DRL files the manifest lists, by file name, in its order. */
    static Map<String, String> handWritten(Properties manifest) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : drlFiles(manifest)) out.put(f, text(f));
        return out;
    }

    private static List<String> drlFiles(Properties manifest) {
        List<String> out = new ArrayList<>();
        for (String f : manifest.getProperty("drl", "").split(",")) {
            if (!f.isBlank()) out.add(f.trim());
        }
        return out;
    }

    /**
     * A digest of everything the rule set is made from: the manifest, the hand-written DRL it lists, the templates
     * and the tables, the requirements catalogue (the rules' references), and the generator that turns tables into rules (its class file). The build records it beside
     * the prebuilt rule model; {@code RuleBase.load()} compares it to tell a current prebuilt model from a stale one
     * without generating the rules again.
     */
    static String inputsDigest(Properties manifest) {
        List<String> files = new ArrayList<>();
        files.add(MANIFEST);
        files.addAll(drlFiles(manifest));
        RuleGenerator.TEMPLATES.forEach(t -> files.add("templates/" + t));
        RuleTables.ALL.forEach(t -> files.add("tables/" + t));
        files.add(RuleBase.CATALOGUE); // the rules' references, part of the rule-set digest the record carries
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String f : files) {
                md.update((f + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = open(f)) {
                    md.update(in.readAllBytes());
                }
            }
            try (InputStream in = RuleGenerator.class.getResourceAsStream("RuleGenerator.class")) {
                if (in == null) throw new IllegalStateException("RuleGenerator.class is not readable as a resource");
                md.update(in.readAllBytes());
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule files", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
