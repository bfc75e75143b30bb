package io.duisvalidator.context;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The outcome of one execution of a schedule on a GB settlement day, as the DCC reported it. Checked when built, with
 * the rules and words of the CSV loader ({@code executions.csv}).
 *
 * @param scheduleId    the schedule executed: not blank, no control character
 * @param executionDate the settlement day (Europe/London) of the execution
 * @param result        what the execution returned
 */
public record Execution(String scheduleId, LocalDate executionDate, Result result) {
    /**
     * Checks the components.
     *
     * @param scheduleId    the schedule executed: not blank, no control character
     * @param executionDate the settlement day (Europe/London) of the execution
     * @param result        what the execution returned
     * @throws IllegalArgumentException when a value is malformed, naming the component
     * @throws NullPointerException     when {@code result} is null
     */
    public Execution {
        scheduleId = Checks.required("scheduleId", scheduleId);
        Checks.date("executionDate", executionDate, false);
        Objects.requireNonNull(result, "result");
    }

    /** What a scheduled execution returned. */
    public enum Result {
        /** All the data was returned. */
        SUCCESS,
        /** No data was returned: the data may be retried on demand (SEC H3.13A). */
        FAILED,
        /** Some data was returned: the rest may be retried on demand. */
        PARTIAL
    }
}
