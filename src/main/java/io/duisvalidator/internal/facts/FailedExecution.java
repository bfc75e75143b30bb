package io.duisvalidator.internal.facts;

import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleFrequency;

import java.time.Instant;
import java.time.LocalDate;

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
        LocalDate d = e.executionDate();
        return new FailedExecution(s.scheduleId(), d, e.result(),
                d.minus(ScheduleFrequency.ofOrDaily(s.frequency()).period()).atStartOfDay(FactBuilder.LONDON).toInstant(),
                d.atStartOfDay(FactBuilder.LONDON).toInstant());
    }
}
