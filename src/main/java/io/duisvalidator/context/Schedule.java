package io.duisvalidator.context;

import java.time.LocalDate;
import java.util.Set;

/**
 * A DCC schedule a User created with a 5.1, as the DCC confirmed it. Checked when built, with the rules and words of
 * the CSV loader ({@code schedules.csv}).
 *
 * @param scheduleId the DCC's schedule id: not blank, no control character
 * @param userId     the User that created it, an EUI-64 (held in upper case)
 * @param deviceId   the device it reads, an EUI-64 (held in upper case)
 * @param srv        the scheduled SRV, e.g. {@code 4.8.1}
 * @param frequency  ScheduleFrequency, one of {@link #FREQUENCIES}, or null when unknown
 * @param startDate  first execution day
 * @param endDate    last execution day, or null for an open-ended schedule; not before {@code startDate}
 */
public record Schedule(String scheduleId, String userId, String deviceId, String srv, String frequency,
                       LocalDate startDate, LocalDate endDate) {
    /** The DUIS ScheduleFrequency values: Daily, Weekly, Monthly, Quarterly, Half-Yearly, Yearly. */
    public static final Set<String> FREQUENCIES = Checks.FREQUENCIES;

    /**
     * Checks and normalises the components.
     *
     * @param scheduleId the DCC's schedule id: not blank, no control character
     * @param userId     the User that created it, an EUI-64 (held in upper case)
     * @param deviceId   the device it reads, an EUI-64 (held in upper case)
     * @param srv        the scheduled SRV, e.g. {@code 4.8.1}
     * @param frequency  ScheduleFrequency, one of {@link #FREQUENCIES}, or null when unknown
     * @param startDate  first execution day
     * @param endDate    last execution day, or null for an open-ended schedule; not before {@code startDate}
     * @throws IllegalArgumentException when a value is malformed, naming the component
     */
    public Schedule {
        scheduleId = Checks.required("scheduleId", scheduleId);
        userId = Checks.eui64("userId", userId);
        deviceId = Checks.eui64("deviceId", deviceId);
        Checks.srv("srv", srv);
        if (frequency != null) Checks.oneOf("frequency", frequency, FREQUENCIES);
        Checks.date("startDate", startDate, false);
        Checks.date("endDate", endDate, true);
        Checks.notBefore(null, endDate, "endDate", startDate, "startDate");
    }
}
