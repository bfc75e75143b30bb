package io.duisvalidator.context;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Schedules and their execution outcomes, for the schedule-first rule (SEC H3.13A: an on-demand request for MHHS
 * data is a retry only of a scheduled read that FAILED or was PARTIAL) and the ownership of 5.2 / 5.3 requests.
 * An adaptor records a schedule when the DCC confirms a 5.1 and an outcome when a scheduled response (or its failure)
 * arrives; the validator reads only what one request touches.
 *
 * <p>{@link InMemoryScheduleHistory} forgets everything when the process stops; {@link JdbcScheduleHistory} keeps it
 * in a database. Implementations must be safe for concurrent reads and writes. A read that throws gives the request
 * that needed it an ERROR decision ({@code DV-CONTEXT}) naming the history.
 */
public interface ScheduleHistory {
    /**
     * One schedule.
     *
     * @param scheduleId the DCC's schedule id
     * @return the schedule with this id, or empty when unknown or {@code scheduleId} is null
     */
    Optional<Schedule> schedule(String scheduleId);

    /**
     * The schedules of one User for one device and SRV.
     *
     * @param userId   User ID (EUI-64, either case)
     * @param deviceId Device ID (EUI-64, either case)
     * @param srv      scheduled SRV, e.g. {@code 4.8.1}
     * @return the schedules, in no particular order; empty when none
     */
    List<Schedule> schedules(String userId, String deviceId, String srv);

    /**
     * The schedules of one User for one device, any SRV.
     *
     * @param userId   User ID (EUI-64, either case)
     * @param deviceId Device ID (EUI-64, either case)
     * @return the schedules, in no particular order; empty when none
     */
    List<Schedule> schedules(String userId, String deviceId);

    /**
     * The recorded executions of a schedule.
     *
     * @param scheduleId the DCC's schedule id
     * @return its executions by execution date, earliest first; empty when none
     */
    List<Execution> executions(String scheduleId);

    /**
     * Every schedule, for reports over the whole history (the compliance monitor); the validator never calls it.
     *
     * @return every schedule, in no particular order
     */
    Collection<Schedule> allSchedules();

    /**
     * Records a schedule the DCC confirmed, replacing one with the same id.
     *
     * @param schedule the schedule
     */
    void record(Schedule schedule);

    /**
     * Records an execution outcome, replacing an earlier outcome of the same schedule on the same date.
     *
     * @param execution the outcome
     */
    void record(Execution execution);

    /**
     * How many schedules are recorded.
     *
     * @return the number of schedules
     */
    int scheduleCount();

    /**
     * How many execution outcomes are recorded.
     *
     * @return the number of (schedule, date) outcomes
     */
    int executionCount();
}
