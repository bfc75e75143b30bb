package io.duisvalidator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads the rule set's files from the classpath folder {@code rules/} (the project's {@code rules/} directory). */
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

    static Properties manifest() {
        Properties p = new Properties();
        try (InputStream in = open("ruleset.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules/ruleset.properties", e);
        }
        return p;
    }
}
