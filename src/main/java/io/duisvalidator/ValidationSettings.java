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
 *                    does not know or whose findings cannot be changed ({@link Validator#checkSettings}).
 */
public record ValidationSettings(Instant receivedAt, Purpose purpose, Map<String, Severity> severities) {
    /**
     * The requirement of the schedule-first breach (SEC H3.13A): the id that {@link #h313a(Severity)} (the command
     * line's {@code --h313a}) sets. Its INFO notes (a late retry, the exemptions) have requirements of their own and
     * keep their severity.
     */
    public static final String SCHEDULE_FIRST = "H313A-SCHEDULE-FIRST";

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

    /** Received now, purpose BAU, every finding with its rule's severity (H3.13A breaches rejected). */
    public static ValidationSettings defaults() {
        return new ValidationSettings(null, Purpose.BAU, Map.of());
    }

    public ValidationSettings at(Instant instant) { return new ValidationSettings(instant, purpose, severities); }

    public ValidationSettings purpose(Purpose p) { return new ValidationSettings(receivedAt, p, severities); }

    /** The same settings with every finding of {@code requirementOrCode} given severity {@code s}. */
    public ValidationSettings severity(String requirementOrCode, Severity s) {
        Map<String, Severity> m = new LinkedHashMap<>(severities);
        m.put(Objects.requireNonNull(requirementOrCode, "requirementOrCode"), Objects.requireNonNull(s, "severity"));
        return new ValidationSettings(receivedAt, purpose, m);
    }

    /**
     * Severity of a schedule-first (SEC H3.13A) breach: ERROR rejects (the rule's own severity), WARNING only
     * reports. The alias of {@code severity(SCHEDULE_FIRST, s)} that the command line's {@code --h313a error|warn}
     * gives.
     */
    public ValidationSettings h313a(Severity s) {
        Objects.requireNonNull(s, "h313a");
        if (s == Severity.INFO) throw new IllegalArgumentException("H3.13A policy is ERROR or WARNING");
        if (s == Severity.WARNING) return severity(SCHEDULE_FIRST, s);
        Map<String, Severity> m = new LinkedHashMap<>(severities);
        m.remove(SCHEDULE_FIRST);
        return new ValidationSettings(receivedAt, purpose, m);
    }

    /** The severity a schedule-first breach gets under these settings ({@link #h313a(Severity)}). */
    public Severity h313aSeverity() {
        return severities.getOrDefault(SCHEDULE_FIRST, Severity.ERROR);
    }

    /** The purpose a Supplier declares for its request (domain brief section 6). */
    public enum Purpose { MHHS, BAU }
}
