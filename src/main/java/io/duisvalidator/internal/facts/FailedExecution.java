package io.duisvalidator.internal.facts;

import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * A FAILED or PARTIAL execution of one of the requester's schedules for the device and SRV of a request, with the
 * data window it was to collect (docs/decisions.md D-H313A-WINDOW): from one schedule period before the execution
 * date to the start of that date, London time.
 */
public record FailedExecution(String scheduleId, LocalDate executionDate, Execution.Result result,
                              Instant windowStart, Instant windowEnd) {
    /** Failures older than this (in days before the request date) are retried late: compliant, with an INFO. */
    public static final int STALE_AFTER_DAYS = 7;

    public static FailedExecution of(Schedule s, Execution e) {
        Period period = period(s.frequency());
        LocalDate d = e.executionDate();
        return new FailedExecution(s.scheduleId(), d, e.result(),
                d.minus(period).atStartOfDay(FactBuilder.LONDON).toInstant(),
                d.atStartOfDay(FactBuilder.LONDON).toInstant());
    }

    /** One schedule period; one settlement day when the frequency is unknown. */
    static Period period(String frequency) {
        if (frequency == null) return Period.ofDays(1);
        return switch (frequency) {
            case "Weekly" -> Period.ofDays(7);
            case "Monthly" -> Period.ofMonths(1);
            case "Quarterly" -> Period.ofMonths(3);
            case "Half-Yearly" -> Period.ofMonths(6);
            case "Yearly" -> Period.ofYears(1);
            default -> Period.ofDays(1);
        };
    }

    /**
     * True when this failure covers the data the request asks for: its window overlaps the request's ReadLogPeriod,
     * or, for a request without one (4.2), it executed on the request's date or the day before.
     */
    public boolean covers(RequestFact r) {
        if (r.getReadLogStart() != null && r.getReadLogEnd() != null) {
            return r.getReadLogStart().isBefore(windowEnd) && r.getReadLogEnd().isAfter(windowStart);
        }
        LocalDate day = r.getAccessDate();
        return executionDate.equals(day) || executionDate.equals(day.minusDays(1));
    }

    /** True when the failure is more than {@link #STALE_AFTER_DAYS} days older than the request's date. */
    public boolean isStaleFor(RequestFact r) {
        return executionDate.plusDays(STALE_AFTER_DAYS).isBefore(r.getAccessDate());
    }
}
