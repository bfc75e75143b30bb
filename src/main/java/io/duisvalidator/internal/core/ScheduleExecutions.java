package io.duisvalidator.internal.core;

import io.duisvalidator.ValidationSettings;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Severity;
import io.duisvalidator.context.ScheduleFrequency;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.facts.FactBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * "When will my schedule start failing?": for a 5.1 Create Schedule and a date range, each execution date of the
 * schedule and whether access control (Registration Data) passes on it. Each date is judged by the same rules as a
 * schedule starting that day, so the answer cannot drift from the validator's.
 */
public final class ScheduleExecutions {
    /** Access-control codes: the others do not depend on the execution date. */
    private static final String ACCESS_CODE = "E4";

    private ScheduleExecutions() {}

    /** @param reason the E4 message on a failing date, else null */
    public record ExecutionCheck(LocalDate date, boolean passes, String reason) {}

    /**
     * @param from first date to list (null: the schedule's start date)
     * @param to   last date to list (null: the schedule's end date, or one year after {@code from} when open-ended)
     */
    public static List<ExecutionCheck> explain(CoreValidator validator, DuisRequest createSchedule, LocalDate from,
                                               LocalDate to, ValidationSettings settings) {
        return explain(validator, createSchedule, from, to, settings, Integer.MAX_VALUE);
    }

    /**
     * {@link #explain(CoreValidator, DuisRequest, LocalDate, LocalDate, ValidationSettings)}, stopping after {@code limit}
     * execution dates (a schedule may run to 9999-12-31: millions of dates): the caller sees from the size of the
     * list whether it stopped.
     */
    public static List<ExecutionCheck> explain(CoreValidator validator, DuisRequest createSchedule, LocalDate from,
                                               LocalDate to, ValidationSettings settings, int limit) {
        CreateScheduleBody s = Objects.requireNonNull(createSchedule.schedule(), "not a 5.1 Create Schedule");
        LocalDate first = from == null || from.isBefore(s.startDate()) ? s.startDate() : from;
        LocalDate last = to != null ? to : s.endDate() != null ? s.endDate() : first.plusYears(1);
        if (s.endDate() != null && last.isAfter(s.endDate())) last = s.endDate();
        List<ExecutionCheck> out = new ArrayList<>();
        int n = 0;
        for (LocalDate d = s.startDate(); !d.isAfter(last); d = next(s.startDate(), s.frequency(), ++n)) {
            if (d.isBefore(first)) continue;
            if (out.size() == limit) break;
            // judged as a schedule received on the day it starts: a 5.1 is judged on the later of its start date and
            // its receipt date, and the question is whether access control passes on d itself
            Decision dec = validator.validate(startingOn(createSchedule, d), settings.at(d.atStartOfDay(FactBuilder.LONDON).toInstant()));
            Finding e4 = dec.findings().stream()
                    .filter(f -> f.code().equals(ACCESS_CODE) && f.severity() == Severity.ERROR).findFirst().orElse(null);
            out.add(new ExecutionCheck(d, e4 == null, e4 == null ? null : e4.message()));
        }
        return out;
    }

    /** The n-th execution date of a schedule of this frequency (n = 0 is the start date; unknown frequency: daily). */
    static LocalDate next(LocalDate start, String frequency, int n) {
        return ScheduleFrequency.ofOrDaily(frequency).execution(start, n);
    }

    private static DuisRequest startingOn(DuisRequest r, LocalDate day) {
        CreateScheduleBody s = r.schedule();
        CreateScheduleBody moved = new CreateScheduleBody(s.frequency(), day, day, s.executionStartTime(),
                s.scheduledServiceReference(), s.scheduledSrv(), s.deviceId(), s.dspBodyElement(), s.startDateOffset(),
                s.endDateOffset());
        return new DuisRequest(r.requestId(), r.originatorId(), r.targetId(), r.originatorCounter(), r.schemaVersion(),
                r.firstInSequence(), r.precedingRequestId(), r.commandVariant(), r.serviceReference(),
                r.serviceReferenceVariant(), r.bodyElement(), r.executionDateTime(), r.readLogStart(), r.readLogEnd(),
                moved, r.scheduleId(), r.selectorDeviceId(), r.signed());
    }
}
