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
    DAILY("Daily", Period.ofDays(1)),
    WEEKLY("Weekly", Period.ofDays(7)),
    MONTHLY("Monthly", Period.ofMonths(1)),
    QUARTERLY("Quarterly", Period.ofMonths(3)),
    HALF_YEARLY("Half-Yearly", Period.ofMonths(6)),
    YEARLY("Yearly", Period.ofYears(1));

    /** Every value as DUIS writes it, in period order. */
    public static final List<String> TEXTS = Arrays.stream(values()).map(ScheduleFrequency::text).toList();

    private final String text;
    private final Period period;

    ScheduleFrequency(String text, Period period) {
        this.text = text;
        this.period = period;
    }

    /** As DUIS writes it: Daily, Weekly, Monthly, Quarterly, Half-Yearly, Yearly. */
    public String text() { return text; }

    /** The time between two executions. */
    public Period period() { return period; }

    /** The {@code n}-th execution date of a schedule starting on {@code start} ({@code n} = 0: the start date). */
    public LocalDate execution(LocalDate start, int n) {
        return start.plus(period.multipliedBy(n));
    }

    /** The frequency DUIS writes as {@code text}, if it is one. */
    public static Optional<ScheduleFrequency> of(String text) {
        if (text == null) return Optional.empty();
        for (ScheduleFrequency f : values()) if (f.text.equals(text)) return Optional.of(f);
        return Optional.empty();
    }

    /** The frequency of {@code text}, or Daily when it is unknown or absent (one GB settlement day). */
    public static ScheduleFrequency ofOrDaily(String text) {
        return of(text).orElse(DAILY);
    }
}
