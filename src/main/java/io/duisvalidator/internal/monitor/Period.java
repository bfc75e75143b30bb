package io.duisvalidator.internal.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * The period the monitor groups by. Dates are GB settlement days: an instant is first turned into its date in
 * {@link #ZONE} (Europe/London). Weeks are ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday), keyed
 * like {@code 2027-W02}; days {@code 2027-01-15}; months {@code 2027-01}.
 */
public enum Period {
    DAY, WEEK, MONTH;

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** The command line's value (day, week, month), any case; empty when it is none of them. */
    public static Optional<Period> parse(String s) {
        if (s == null) return Optional.empty();
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** First day of the period that holds {@code d}. */
    public LocalDate start(LocalDate d) {
        return switch (this) {
            case DAY -> d;
            case WEEK -> d.with(DayOfWeek.MONDAY);
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    /** First day of the next period, from a period's first day. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** Last day of the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return next(start).minusDays(1);
    }

    /** The period's key: 2027-01-15, 2027-W02 (ISO week-based year and week), 2027-01. */
    public String key(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    /** How the report names the period, e.g. "ISO week (Monday to Sunday), London time". */
    public String description() {
        return switch (this) {
            case DAY -> "day (GB settlement day, London time)";
            case WEEK -> "ISO week (Monday to Sunday, London time)";
            case MONTH -> "calendar month (London time)";
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
