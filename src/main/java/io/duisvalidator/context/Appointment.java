package io.duisvalidator.context;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One Registration Data row: a party registered (IS, ES) or appointed (MDR) for an MPAN from Effective From to
 * Effective To, both GB settlement days and inclusive; Effective To null means open-ended.
 *
 * @param source where the row came from (file:line), for messages; may be null
 */
public record Appointment(String mpan, Role role, String partyId, LocalDate effectiveFrom, LocalDate effectiveTo,
                          String source) {
    public Appointment {
        Objects.requireNonNull(mpan, "mpan");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (role != Role.IS && role != Role.ES && role != Role.MDR) {
            throw new IllegalArgumentException("Registration Data holds IS, ES and MDR appointments, not " + role);
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effective_to " + effectiveTo + " is before effective_from " + effectiveFrom);
        }
    }

    public Appointment(String mpan, Role role, String partyId, LocalDate effectiveFrom, LocalDate effectiveTo) {
        this(mpan, role, partyId, effectiveFrom, effectiveTo, null);
    }

    /** True when the appointment is in force on the given day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** True when the two appointments share at least one day. */
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
