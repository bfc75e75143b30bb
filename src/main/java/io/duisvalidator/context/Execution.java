package io.duisvalidator.context;

import java.time.LocalDate;
import java.util.Objects;

/** The outcome of one execution of a schedule on a GB settlement day. */
public record Execution(String scheduleId, LocalDate executionDate, Result result) {
    public Execution {
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(executionDate, "executionDate");
        Objects.requireNonNull(result, "result");
    }

    /** SUCCESS: all data returned; FAILED: none; PARTIAL: some (the rest may be retried on demand). */
    public enum Result { SUCCESS, FAILED, PARTIAL }
}
