package io.duisvalidator;


import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one request is judged.
 *
 * @param receivedAt  when the DCC receives the request; null means "now" at the time of the call
 * @param purpose     purpose declared for Supplier (IS, ES) requests; MDR requests are always MHHS
 * @param severities  the severity policy: the severity to give every finding of a requirement id
 *                    ({@code rules/requirements.csv}) or of a response code, instead of the one its rule gives
 *                    (like KoSIT's {@code customLevel}); an id of a requirement wins over a code. Empty: every
 *                    finding keeps its rule's severity. {@link Validator#validate} refuses an id that the rule set
 *                    does not know or whose findings cannot be changed with an IllegalArgumentException naming it.
 */
public record ValidationSettings(Instant receivedAt, Purpose purpose, Map<String, Severity> severities) {
    /**
     * The requirement of the schedule-first breach (SEC H3.13A): the id that {@link #h313a(Severity)} (the command
     * line's {@code --h313a}) sets. Its INFO notes (a late retry, the exemptions) have requirements of their own and
     * keep their severity.
     */
    public static final String SCHEDULE_FIRST = "H313A-SCHEDULE-FIRST";

    /**
     * Checks the settings and copies the policy.
     *
     * @param receivedAt when the DCC receives the request; null means "now" at the time of the call
     * @param purpose    purpose declared for Supplier (IS, ES) requests; MDR requests are always MHHS
     * @param severities the severity policy (requirement id or response code to severity)
     * @throws NullPointerException     when {@code purpose}, {@code severities} or one of its ids or severities is null
     * @throws IllegalArgumentException when an id of the policy is blank
     */
    public ValidationSettings {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(severities, "severities");
        severities.forEach((k, v) -> {
            Objects.requireNonNull(k, "severity policy id");
            Objects.requireNonNull(v, "severity of " + k);
            if (k.isBlank()) throw new IllegalArgumentException("a severity policy id is blank");
        });
        severities = Map.copyOf(severities);
    }

    /**
     * The defaults.
     *
     * @return received now, purpose BAU, every finding with its rule's severity (H3.13A breaches rejected)
     */
    public static ValidationSettings defaults() {
        return new ValidationSettings(null, Purpose.BAU, Map.of());
    }

    /**
     * When the DCC receives the request (it also picks the rules in force).
     *
     * @param instant the receipt instant; null means "now" at each call
     * @return a copy with that receipt time
     */
    public ValidationSettings at(Instant instant) { return new ValidationSettings(instant, purpose, severities); }

    /**
     * The purpose a Supplier declares.
     *
     * @param p MHHS or BAU
     * @return a copy with that purpose
     */
    public ValidationSettings purpose(Purpose p) { return new ValidationSettings(receivedAt, p, severities); }

    /**
     * The same settings with every finding of a requirement id or response code given another severity.
     *
     * @param requirementOrCode a requirement id of {@code rules/requirements.csv} or a response code of the rules
     * @param s                 the severity its findings get
     * @return a copy with that policy entry
     */
    public ValidationSettings severity(String requirementOrCode, Severity s) {
        Map<String, Severity> m = new LinkedHashMap<>(severities);
        m.put(Objects.requireNonNull(requirementOrCode, "requirementOrCode"), Objects.requireNonNull(s, "severity"));
        return new ValidationSettings(receivedAt, purpose, m);
    }

    /**
     * Severity of a schedule-first (SEC H3.13A) breach: the alias of {@code severity(SCHEDULE_FIRST, s)} that the
     * command line's {@code --h313a error|warn} gives.
     *
     * @param s ERROR (rejects, the rule's own severity) or WARNING (reports only)
     * @return a copy with that policy
     * @throws IllegalArgumentException when {@code s} is INFO
     */
    public ValidationSettings h313a(Severity s) {
        Objects.requireNonNull(s, "h313a");
        if (s == Severity.INFO) throw new IllegalArgumentException("H3.13A policy is ERROR or WARNING");
        if (s == Severity.WARNING) return severity(SCHEDULE_FIRST, s);
        Map<String, Severity> m = new LinkedHashMap<>(severities);
        m.remove(SCHEDULE_FIRST);
        return new ValidationSettings(receivedAt, purpose, m);
    }

    /**
     * The severity a schedule-first breach gets under these settings ({@link #h313a(Severity)}).
     *
     * @return ERROR unless the policy says otherwise
     */
    public Severity h313aSeverity() {
        return severities.getOrDefault(SCHEDULE_FIRST, Severity.ERROR);
    }

    /** The purpose a Supplier declares for its request (domain brief section 6). */
    public enum Purpose {
        /** Data collected for market-wide half-hourly settlement: schedule first (SEC H3.13A). */
        MHHS,
        /** Business as usual: on-demand requests allowed. */
        BAU
    }
}
