package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** --at and --purpose: the {@link ValidationSettings} of every command that judges messages. */
public final class SettingsOptions {
    @Option(names = "--at", paramLabel = "INSTANT", description = "ISO-8601 instant the DCC receives each request (default: now; a scenario's own 'at' wins)")
    String at;

    @Option(names = "--purpose", paramLabel = "MHHS|BAU", defaultValue = "BAU", description = "purpose declared for Supplier requests (default: ${DEFAULT-VALUE})")
    ValidationSettings.Purpose purpose;

    /** The settings the options give; the exception's message is the usage error. */
    public ValidationSettings settings() throws IOException {
        ValidationSettings s = ValidationSettings.defaults().purpose(purpose);
        try {
            return at == null ? s : s.at(Instant.parse(at));
        } catch (DateTimeParseException e) {
            throw new IOException("--at is not an ISO-8601 instant: " + at);
        }
    }
}
