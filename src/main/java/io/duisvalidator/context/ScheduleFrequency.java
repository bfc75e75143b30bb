package io.duisvalidator.context;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * DUIS ScheduleFrequency, the values of a 5.1 CreateSchedule's frequency and of {@code schedules.csv}: how often a
 * DCC schedule runs, and so how much data one execution collects (one period).
 */
public enum ScheduleFrequency {
    /** Every day. */
    DAILY("Daily", Period.ofDays(1)),
    /** Every 7 days. */
    WEEKLY("Weekly", Period.ofDays(7)),
    /** Every calendar month. */
    MONTHLY("Monthly", Period.ofMonths(1)),
    /** Every 3 calendar months. */
    QUARTERLY("Quarterly", Period.ofMonths(3)),
    /** Every 6 calendar months. */
    HALF_YEARLY("Half-Yearly", Period.ofMonths(6)),
    /** Every calendar year. */
    YEARLY("Yearly", Period.ofYears(1));

    /** Every value as DUIS writes it, in period order. */
    public static final List<String> TEXTS = Arrays.stream(values()).map(ScheduleFrequency::text).toList();

    private final String text;
    private final Period period;

    ScheduleFrequency(String text, Period period) {
        this.text = text;
        this.period = period;
    }

    /**
     * As DUIS writes it.
     *
     * @return Daily, Weekly, Monthly, Quarterly, Half-Yearly or Yearly
     */
    public String text() { return text; }

    /**
     * The time between two executions.
     *
     * @return the period of one execution
     */
    public Period period() { return period; }

    /**
     * An execution date of a schedule.
     *
     * @param start the schedule's start date
     * @param n     which execution: 0 is the start date
     * @return the {@code n}-th execution date
     */
    public LocalDate execution(LocalDate start, int n) {
        return start.plus(period.multipliedBy(n));
    }

    /**
     * The frequency DUIS writes as {@code text}.
     *
     * @param text a ScheduleFrequency value, or null
     * @return the frequency, or empty when {@code text} is none
     */
    public static Optional<ScheduleFrequency> of(String text) {
        if (text == null) return Optional.empty();
        for (ScheduleFrequency f : values()) if (f.text.equals(text)) return Optional.of(f);
        return Optional.empty();
    }

    /**
     * The frequency of {@code text}, or Daily when it is unknown or absent (one GB settlement day).
     *
     * @param text a ScheduleFrequency value, or null
     * @return the frequency, Daily by default
     */
    public static ScheduleFrequency ofOrDaily(String text) {
        return of(text).orElse(DAILY);
    }
}
