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
    /**
     * Checks the settings.
     *
     * @param receivedAt     when the DCC receives the request; null means "now" at the time of the call
     * @param purpose        purpose declared for Supplier (IS, ES) requests; MDR requests are always MHHS
     * @param h313aSeverity  severity of a schedule-first (SEC H3.13A) breach: ERROR rejects, WARNING only reports
     * @throws NullPointerException     when {@code purpose} or {@code h313aSeverity} is null
     * @throws IllegalArgumentException when {@code h313aSeverity} is INFO
     */
    public ValidationSettings {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(h313aSeverity, "h313aSeverity");
        if (h313aSeverity == Severity.INFO) throw new IllegalArgumentException("H3.13A policy is ERROR or WARNING");
    }

    /**
     * The defaults.
     *
     * @return received now, purpose BAU, H3.13A breaches rejected
     */
    public static ValidationSettings defaults() {
        return new ValidationSettings(null, Purpose.BAU, Severity.ERROR);
    }

    /**
     * When the DCC receives the request (it also picks the rules in force).
     *
     * @param instant the receipt instant; null means "now" at each call
     * @return a copy with that receipt time
     */
    public ValidationSettings at(Instant instant) { return new ValidationSettings(instant, purpose, h313aSeverity); }

    /**
     * The purpose a Supplier declares.
     *
     * @param p MHHS or BAU
     * @return a copy with that purpose
     */
    public ValidationSettings purpose(Purpose p) { return new ValidationSettings(receivedAt, p, h313aSeverity); }

    /**
     * The severity of a schedule-first (SEC H3.13A) breach.
     *
     * @param s ERROR (rejects) or WARNING (reports only)
     * @return a copy with that policy
     */
    public ValidationSettings h313a(Severity s) { return new ValidationSettings(receivedAt, purpose, s); }

    /** The purpose a Supplier declares for its request (domain brief section 6). */
    public enum Purpose {
        /** Data collected for market-wide half-hourly settlement: schedule first (SEC H3.13A). */
        MHHS,
        /** Business as usual: on-demand requests allowed. */
        BAU
    }
}
