package io.duisvalidator.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.batch.Scenario;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The options that make the {@link ValidationSettings} of a run (--at, --purpose, --h313a), shared by commands. */
final class SettingsOptions {
    @Option(names = "--at", paramLabel = "INSTANT", description = "ISO-8601 instant the DCC receives each request (default: now; a scenario's own 'at' wins)")
    String at;

    @Option(names = "--purpose", paramLabel = "MHHS|BAU", defaultValue = "BAU", description = "purpose declared for Supplier requests (default: ${DEFAULT-VALUE})")
    ValidationSettings.Purpose purpose;

    @Option(names = "--h313a", paramLabel = "error|warn", defaultValue = "error", description = "schedule-first (SEC H3.13A) breaches reject (error) or only warn (default: ${DEFAULT-VALUE})")
    String h313a;

    /** The settings the options give; the exception's message is the usage error. */
    ValidationSettings settings() throws IOException {
        ValidationSettings s = ValidationSettings.defaults().purpose(purpose).h313a(Scenario.h313a(h313a, "--h313a"));
        try {
            return at == null ? s : s.at(Instant.parse(at));
        } catch (DateTimeParseException e) {
            throw new IOException("--at is not an ISO-8601 instant: " + at);
        }
    }
}
