package io.duisvalidator.context;

import java.util.List;
import java.util.Optional;

/**
 * Schedules and their execution outcomes. An adaptor records a schedule when the DCC confirms a 5.1 and an outcome
 * when a scheduled response (or its failure) arrives; the validator reads only what one request touches.
 * Implementations must be safe for concurrent reads and writes.
 */
public interface ScheduleHistory {
    /** The schedule with this id, if known. */
    Optional<Schedule> schedule(String scheduleId);

    /** The schedules of one User for one device and SRV. */
    List<Schedule> schedules(String userId, String deviceId, String srv);

    /** The schedules of one User for one device, any SRV. */
    List<Schedule> schedules(String userId, String deviceId);

    /** The recorded executions of a schedule, by execution date. */
    List<Execution> executions(String scheduleId);

    /** Every schedule, in no particular order (for reports over the whole history). */
    java.util.Collection<Schedule> allSchedules();

    /** Records (or replaces) a schedule. */
    void record(Schedule schedule);

    /** Records an execution outcome (replacing an earlier outcome for the same schedule and date). */
    void record(Execution execution);

    int scheduleCount();

    int executionCount();
}
