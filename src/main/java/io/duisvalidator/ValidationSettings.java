package io.duisvalidator;


import java.time.Instant;
import java.util.Objects;

/**
 * How one request is judged.
 *
 * @param receivedAt     when the DCC receives the request; null means "now" at the time of the call
 * @param purpose        purpose declared for Supplier (IS, ES) requests; MDR requests are always MHHS
 * @param h313aSeverity  severity of a schedule-first (SEC H3.13A) breach: ERROR rejects, WARNING only reports
 */
public record ValidationSettings(Instant receivedAt, Purpose purpose, Severity h313aSeverity) {
    public ValidationSettings {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(h313aSeverity, "h313aSeverity");
        if (h313aSeverity == Severity.INFO) throw new IllegalArgumentException("H3.13A policy is ERROR or WARNING");
    }

    /** Received now, purpose BAU, H3.13A breaches rejected. */
    public static ValidationSettings defaults() {
        return new ValidationSettings(null, Purpose.BAU, Severity.ERROR);
    }

    public ValidationSettings at(Instant instant) { return new ValidationSettings(instant, purpose, h313aSeverity); }

    public ValidationSettings purpose(Purpose p) { return new ValidationSettings(receivedAt, p, h313aSeverity); }

    public ValidationSettings h313a(Severity s) { return new ValidationSettings(receivedAt, purpose, s); }

    /** The purpose a Supplier declares for its request (domain brief section 6). */
    public enum Purpose { MHHS, BAU }
}
