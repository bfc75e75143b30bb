package io.duisvalidator.internal.facts;

import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Role;

import java.time.LocalDate;
import java.util.List;

/**
 * Questions about one party's appointments for one MPAN over time, answered from the MPAN's appointments (sorted by
 * Effective From, as {@link io.duisvalidator.context.RegistrationData} keeps them).
 */
public final class AccessTimeline {
    private AccessTimeline() {}

    /** True when an appointment of this party in this role covers the day. */
    public static boolean covered(List<Appointment> mpanAppointments, Role role, String party, LocalDate day) {
        for (Appointment a : mpanAppointments) {
            if (a.role() == role && a.partyId().equals(party) && a.covers(day)) return true;
        }
        return false;
    }

    /**
     * The first day in [from, to] (to null: open-ended) on which the party is not appointed, or null when it is
     * appointed on every day. Back-to-back appointments of the same party count as continuous.
     */
    public static LocalDate firstUncoveredDay(List<Appointment> mpanAppointments, Role role, String party,
                                              LocalDate from, LocalDate to) {
        LocalDate day = from;
        while (to == null || !day.isAfter(to)) {
            LocalDate coveredUntil = null;
            boolean found = false;
            for (Appointment a : mpanAppointments) {
                if (a.role() == role && a.partyId().equals(party) && a.covers(day)) {
                    found = true;
                    if (a.effectiveTo() == null) return null;
                    if (coveredUntil == null || a.effectiveTo().isAfter(coveredUntil)) coveredUntil = a.effectiveTo();
                }
            }
            if (!found) return day;
            day = coveredUntil.plusDays(1);
        }
        return null;
    }

    /**
     * Why the party is not appointed on the day: its nearest appointments for the MPAN before and after the day,
     * or that it has none, so that a user sees whether an appointment ended, has not started or never existed.
     */
    public static String explain(List<Appointment> mpanAppointments, Role role, String party, String mpan, LocalDate day) {
        Appointment before = null;
        Appointment after = null;
        for (Appointment a : mpanAppointments) {
            if (a.role() != role || !a.partyId().equals(party)) continue;
            if (a.effectiveTo() != null && a.effectiveTo().isBefore(day)) {
                if (before == null || a.effectiveTo().isAfter(before.effectiveTo())) before = a;
            } else if (a.effectiveFrom().isAfter(day)) {
                if (after == null || a.effectiveFrom().isBefore(after.effectiveFrom())) after = a;
            }
        }
        String who = role + " party " + party;
        StringBuilder sb = new StringBuilder(who).append(" is not ")
                .append(role == Role.MDR ? "the appointed MDR" : role == Role.IS ? "the registered Import Supplier" : "the registered Export Supplier")
                .append(" for MPAN ").append(mpan).append(" on ").append(day).append(" (London)");
        if (before == null && after == null) {
            sb.append(": it has no appointment for this MPAN");
        } else {
            if (before != null) sb.append("; its appointment ").append(range(before)).append(" ended on ").append(before.effectiveTo());
            if (after != null) sb.append("; its appointment ").append(range(after)).append(" starts on ").append(after.effectiveFrom());
        }
        return sb.toString();
    }

    private static String range(Appointment a) {
        return "[" + a.effectiveFrom() + " .. " + (a.effectiveTo() == null ? "open" : a.effectiveTo()) + "]";
    }
}
