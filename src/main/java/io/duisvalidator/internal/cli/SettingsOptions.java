package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.text.Printable;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** --at and --purpose: the {@link ValidationSettings} of every command that judges messages. */
final class SettingsOptions {
    /** The range of --at: four-digit years, as the dates of the context files. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Option(names = "--at", paramLabel = "INSTANT", description = "ISO-8601 instant the DCC receives each request (default: now; a scenario's own 'at' wins)")
    String at;

    @Option(names = "--purpose", paramLabel = "MHHS|BAU", defaultValue = "BAU", description = "purpose declared for Supplier requests (default: ${DEFAULT-VALUE})")
    ValidationSettings.Purpose purpose;

    /** The settings the options give; the exception's message is the usage error. */
    ValidationSettings settings() throws IOException {
        ValidationSettings s = ValidationSettings.defaults().purpose(purpose);
        if (at == null) return s;
        Instant i;
        try {
            i = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new IOException("--at is not an ISO-8601 instant (e.g. 2027-01-15T10:00:00Z): " + Printable.echo(at));
        }
        if (i.isBefore(EARLIEST) || i.isAfter(LATEST)) {
            throw new IOException("--at " + Printable.echo(at) + " is out of range (" + EARLIEST + " to " + LATEST + ")");
        }
        return s.at(i);
    }
}
