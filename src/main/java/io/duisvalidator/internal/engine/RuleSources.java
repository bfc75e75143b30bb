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

/** Reads the rule sets' files from the classpath folder {@code rules/} (the project's {@code rules/} directory). */
final class RuleSources {
    static final String ROOT = "rules/";

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

    /**
     * The hand-written DRL files of a rule set, by path under {@code rules/}, in its manifest's order, each in the
     * rule set's own Java package ({@link RuleSetManifest#rulePackage()}), so that the rule sets' models coexist.
     */
    static Map<String, String> handWritten(RuleSetManifest manifest) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : manifest.drl()) out.put(f, inPackage(text(f), manifest.rulePackage()));
        return out;
    }

    /** The DRL with its {@code package} line naming the package given (every rule file declares the shared one). */
    static String inPackage(String drl, String pkg) {
        String declared = "package " + RuleModelGenerator.RULE_PACKAGE + ";";
        int i = drl.indexOf(declared);
        if (i < 0) return drl;
        return drl.substring(0, i) + "package " + pkg + ";" + drl.substring(i + declared.length());
    }

    /**
     * A digest of everything the rule set is made from: the manifest, the hand-written DRL it lists, the templates
     * and the tables, the requirements catalogue (the rules' references), and the generator that turns tables into rules (its class file). The build records it beside
     * the prebuilt rule model; {@code RuleBase.load()} compares it to tell a current prebuilt model from a stale one
     * without generating the rules again.
     */
    static String inputsDigest(RuleSetManifest manifest) {
        List<String> files = new ArrayList<>(manifest.files());
        RuleGenerator.TEMPLATES.forEach(t -> files.add("templates/" + t));
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
