package io.duisvalidator.internal.batch;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.Severity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A scenario folder of the contract: {@code messages/}, optional {@code context/}, {@code scenario.properties}
 * (keys at, purpose, h313a) and {@code expected.jsonl}.
 */
public record Scenario(Path dir) {
    public Path messages() { return dir.resolve("messages"); }

    public Path context() { return dir.resolve("context"); }

    public Path expected() { return dir.resolve("expected.jsonl"); }

    /** The scenario's own context ({@code context/}), or an empty one when it has none. */
    public Context loadContext() throws IOException, ContextFormatException {
        return Files.isDirectory(context()) ? CsvContextLoader.load(context()) : Context.empty();
    }

    /** The settings the scenario pins, on top of the defaults given. */
    public ValidationSettings settings(ValidationSettings defaults) throws IOException {
        Path f = dir.resolve("scenario.properties");
        ValidationSettings s = defaults;
        if (!Files.exists(f)) return s;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
        }
        String at = p.getProperty("at");
        if (at != null) {
            try {
                s = s.at(Instant.parse(at.trim()));
            } catch (DateTimeParseException e) {
                throw new IOException(f + ": 'at' is not an ISO-8601 instant: " + at);
            }
        }
        String purpose = p.getProperty("purpose");
        if (purpose != null) {
            try {
                s = s.purpose(ValidationSettings.Purpose.valueOf(purpose.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IOException(f + ": 'purpose' is MHHS or BAU, not " + purpose);
            }
        }
        String h = p.getProperty("h313a");
        if (h != null) s = s.h313a(h313a(h.trim(), f.toString()));
        return s;
    }

    /** "error" or "warn" (the command line's --h313a values). */
    public static Severity h313a(String v, String where) throws IOException {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warn", "warning" -> Severity.WARNING;
            default -> throw new IOException(where + ": h313a is 'error' or 'warn', not " + v);
        };
    }

    /** Scenario folders at or below each path, in sorted order. */
    public static List<Scenario> find(List<Path> roots) throws IOException {
        List<Scenario> out = new ArrayList<>();
        for (Path r : roots) {
            if (!Files.isDirectory(r)) throw new IOException("not a folder: " + r);
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(p -> Files.isDirectory(p.resolve("messages")) && !p.getFileName().toString().equals("messages"))
                        .sorted().forEach(p -> out.add(new Scenario(p)));
            }
        }
        return out;
    }
}
