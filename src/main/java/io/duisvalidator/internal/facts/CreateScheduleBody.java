package io.duisvalidator.internal.facts;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The body of a 5.1 CreateSchedule (DUIS type DSPSchedule).
 *
 * @param frequency                 ScheduleFrequency: Daily, Weekly, Monthly, Quarterly, Half-Yearly, Yearly
 * @param startDate                 ScheduleStartDate
 * @param endDate                   ScheduleEndDate, or null for an open-ended schedule
 * @param executionStartTime        ScheduleExecutionStartTime, or null
 * @param scheduledServiceReference DSPScheduledServiceReference, e.g. "4.8"
 * @param scheduledSrv              DSPScheduledServiceReferenceVariant, e.g. "4.8.1"
 * @param deviceId                  DeviceID the schedule reads, upper case
 * @param dspBodyElement            local name of the DSP body element, e.g. "DSPReadActiveImportProfileData"
 * @param startDateOffset           StartDateOffset of the DSP body (days relative to the execution date), or null
 * @param endDateOffset             EndDateOffset of the DSP body, or null
 */
public record CreateScheduleBody(
        String frequency,
        LocalDate startDate,
        LocalDate endDate,
        LocalTime executionStartTime,
        String scheduledServiceReference,
        String scheduledSrv,
        String deviceId,
        String dspBodyElement,
        Integer startDateOffset,
        Integer endDateOffset) {
}
