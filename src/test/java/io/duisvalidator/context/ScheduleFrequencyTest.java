package io.duisvalidator.context;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

/** ScheduleFrequency (issue 12): one type for what was written three times; checked against DUIS's values. */
class ScheduleFrequencyTest {
    @Test
    void theDuisValuesAndTheirPeriods() {
        assertThat(ScheduleFrequency.TEXTS).containsExactly("Daily", "Weekly", "Monthly", "Quarterly", "Half-Yearly", "Yearly");
        assertThat(ScheduleFrequency.of("Weekly")).contains(ScheduleFrequency.WEEKLY);
        assertThat(ScheduleFrequency.WEEKLY.period()).isEqualTo(Period.ofDays(7));
        assertThat(ScheduleFrequency.HALF_YEARLY.period()).isEqualTo(Period.ofMonths(6));
        assertThat(ScheduleFrequency.of("weekly")).isEmpty();
        assertThat(ScheduleFrequency.of(null)).isEmpty();
        assertThat(ScheduleFrequency.ofOrDaily("Fortnightly")).isEqualTo(ScheduleFrequency.DAILY);
        assertThat(Schedule.FREQUENCIES).containsExactlyInAnyOrderElementsOf(ScheduleFrequency.TEXTS);
    }

    @Test
    void executionDatesFollowTheCalendar() {
        LocalDate jan31 = LocalDate.parse("2027-01-31");
        assertThat(ScheduleFrequency.MONTHLY.execution(jan31, 1)).isEqualTo("2027-02-28");
        assertThat(ScheduleFrequency.MONTHLY.execution(jan31, 2)).isEqualTo("2027-03-31");
        assertThat(ScheduleFrequency.QUARTERLY.execution(jan31, 1)).isEqualTo("2027-04-30");
        assertThat(ScheduleFrequency.WEEKLY.execution(jan31, 2)).isEqualTo("2027-02-14");
        assertThat(ScheduleFrequency.YEARLY.execution(LocalDate.parse("2028-02-29"), 1)).isEqualTo("2029-02-28");
        assertThat(ScheduleFrequency.DAILY.execution(jan31, 0)).isEqualTo(jan31);
    }
}
