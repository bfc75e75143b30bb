package io.duisvalidator.context;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A DCC schedule a User created with a 5.1 (as the DCC confirmed it).
 *
 * @param frequency ScheduleFrequency (Daily, Weekly, ...), or null when unknown
 * @param endDate   null for an open-ended schedule
 */
public record Schedule(String scheduleId, String userId, String deviceId, String srv, String frequency,
                       LocalDate startDate, LocalDate endDate) {
    public Schedule {
        Objects.requireNonNull(scheduleId, "scheduleId");
        userId = Identifiers.normaliseEui(Objects.requireNonNull(userId, "userId"));
        deviceId = Identifiers.normaliseEui(Objects.requireNonNull(deviceId, "deviceId"));
        Objects.requireNonNull(srv, "srv");
    }
}
