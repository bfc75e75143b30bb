package io.duisvalidator.context;

import java.time.LocalDate;

/**
 * One Registration Data row: a party registered (IS, ES) or appointed (MDR) for an MPAN from Effective From to
 * Effective To, both GB settlement days and inclusive; Effective To null means open-ended. Checked when built, with
 * the rules and words of the CSV loader ({@code registration.csv}).
 *
 * @param mpan          the MPAN core (13 digits, check digit checked)
 * @param role          IS, ES or MDR
 * @param partyId       the party (Market Participant Id) registered or appointed: not blank, no control character
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, or null for open-ended; not before {@code effectiveFrom}
 * @param source        where the row came from ({@code file:line}), for messages; may be null
 */
public record Appointment(String mpan, Role role, String partyId, LocalDate effectiveFrom, LocalDate effectiveTo,
                          String source) {
    /**
     * Checks the components.
     *
     * @param mpan          the MPAN core (13 digits, check digit checked)
     * @param role          IS, ES or MDR
     * @param partyId       the party (Market Participant Id) registered or appointed: not blank, no control character
     * @param effectiveFrom first day in force
     * @param effectiveTo   last day in force, or null for open-ended; not before {@code effectiveFrom}
     * @param source        where the row came from ({@code file:line}), for messages; may be null
     * @throws IllegalArgumentException when a value is malformed, naming the component
     */
    public Appointment {
        Checks.mpan("mpan", mpan);
        Checks.registrationRole("role", role);
        partyId = Checks.required("partyId", partyId);
        Checks.date("effectiveFrom", effectiveFrom, false);
        Checks.date("effectiveTo", effectiveTo, true);
        Checks.notBefore(null, effectiveTo, "effectiveTo", effectiveFrom, "effectiveFrom");
        source = Checks.text("source", source);
    }

    /**
     * An appointment with no source.
     *
     * @param mpan          the MPAN core
     * @param role          IS, ES or MDR
     * @param partyId       the party registered or appointed
     * @param effectiveFrom first day in force
     * @param effectiveTo   last day in force, or null for open-ended
     */
    public Appointment(String mpan, Role role, String partyId, LocalDate effectiveFrom, LocalDate effectiveTo) {
        this(mpan, role, partyId, effectiveFrom, effectiveTo, null);
    }

    /**
     * Whether the appointment is in force on a day.
     *
     * @param day a GB settlement day
     * @return true when {@code day} lies from Effective From to Effective To, both inclusive
     */
    public boolean covers(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /**
     * Whether two appointments share a day.
     *
     * @param o another appointment
     * @return true when the two share at least one day
     */
    public boolean overlaps(Appointment o) {
        boolean startsBeforeOtherEnds = o.effectiveTo == null || !effectiveFrom.isAfter(o.effectiveTo);
        boolean otherStartsBeforeThisEnds = effectiveTo == null || !o.effectiveFrom.isAfter(effectiveTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    @Override
    public String toString() {
        return role + " " + partyId + " for MPAN " + mpan + " from " + effectiveFrom + " to "
                + (effectiveTo == null ? "open-ended" : effectiveTo) + (source == null ? "" : " (" + source + ")");
    }
}
