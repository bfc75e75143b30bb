package io.duisvalidator.internal.facts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which part of the data a request asks for its failed scheduled reads cover (docs/decisions.md D-H313A-WINDOW): a
 * retry may ask only for what failed. The data of a request with a ReadLogPeriod is the half-open interval [start,
 * end) (a period that ends at or before its start asks for its start instant only); the data of a request without
 * one (4.2, instantaneous registers) is covered by an execution on the request's date or the day before.
 */
final class RetryCoverage {
    private RetryCoverage() {}

    /** The failures executed on or before the date (all of them when they all are: no copy). */
    static List<FailedExecution> upTo(List<FailedExecution> failures, LocalDate lastExecutionDate) {
        int n = 0;
        for (FailedExecution f : failures) if (!f.executionDate().isAfter(lastExecutionDate)) n++;
        if (n == failures.size()) return failures;
        List<FailedExecution> out = new ArrayList<>(n);
        for (FailedExecution f : failures) if (!f.executionDate().isAfter(lastExecutionDate)) out.add(f);
        return out;
    }

    static boolean retries(RequestFact r, List<FailedExecution> failures) {
        if (failures.isEmpty()) return false;
        if (!hasPeriod(r)) {
            for (FailedExecution f : failures) if (overlaps(f, r)) return true;
            return false;
        }
        return uncovered(r, failures).isEmpty();
    }

    /** True when the failure's window holds some of the data the request asks for. */
    static boolean overlaps(FailedExecution f, RequestFact r) {
        if (!hasPeriod(r)) {
            LocalDate day = r.getAccessDate();
            return f.executionDate().equals(day) || f.executionDate().equals(day.minusDays(1));
        }
        Instant start = r.getReadLogStart();
        Instant end = end(r);
        return start.isBefore(f.windowEnd()) && end.isAfter(f.windowStart());
    }

    /** The uncovered London dates in words ("2027-01-10 to 2027-01-12, 2027-01-14"), or "nothing". */
    static String describeUncovered(RequestFact r, List<FailedExecution> failures) {
        if (!hasPeriod(r)) {
            if (retries(r, failures)) return "nothing";
            return "the registers read on " + r.getAccessDate() + " (no failure on that date or the day before)";
        }
        List<Instant[]> gaps = uncovered(r, failures);
        if (gaps.isEmpty()) return "nothing";
        List<LocalDate[]> days = new ArrayList<>();
        for (Instant[] g : gaps) {
            LocalDate from = g[0].atZone(FactBuilder.LONDON).toLocalDate();
            // the last day touched by [g0, g1): the day of the instant just before g1
            LocalDate to = g[1].minusNanos(1).atZone(FactBuilder.LONDON).toLocalDate();
            if (to.isBefore(from)) to = from;
            LocalDate[] last = days.isEmpty() ? null : days.get(days.size() - 1);
            if (last != null && !from.isAfter(last[1].plusDays(1))) {
                if (to.isAfter(last[1])) last[1] = to;
            } else {
                days.add(new LocalDate[]{from, to});
            }
        }
        StringBuilder sb = new StringBuilder("the data of ");
        for (int i = 0; i < days.size(); i++) {
            if (i > 0) sb.append(", ");
            LocalDate[] d = days.get(i);
            sb.append(d[0]);
            if (!d[1].equals(d[0])) sb.append(" to ").append(d[1]);
        }
        return sb.append(" (London)").toString();
    }

    /** The parts of [start, end) that no failure's window covers, in order. */
    private static List<Instant[]> uncovered(RequestFact r, List<FailedExecution> failures) {
        Instant start = r.getReadLogStart();
        Instant end = end(r);
        List<FailedExecution> windows = new ArrayList<>(failures);
        windows.sort(Comparator.comparing(FailedExecution::windowStart));
        List<Instant[]> gaps = new ArrayList<>(2);
        Instant at = start;
        for (FailedExecution w : windows) {
            if (!at.isBefore(end)) break;
            if (!w.windowEnd().isAfter(at)) continue;
            if (w.windowStart().isAfter(at)) gaps.add(new Instant[]{at, w.windowStart().isBefore(end) ? w.windowStart() : end});
            if (w.windowEnd().isAfter(at)) at = w.windowEnd();
        }
        if (at.isBefore(end)) gaps.add(new Instant[]{at, end});
        return gaps;
    }

    private static boolean hasPeriod(RequestFact r) {
        return r.getReadLogStart() != null && r.getReadLogEnd() != null;
    }

    /** The end of the requested data: the period's end, or just after its start when the period is empty or inverted. */
    private static Instant end(RequestFact r) {
        Instant start = r.getReadLogStart();
        Instant end = r.getReadLogEnd();
        return end.isAfter(start) ? end : start.plusNanos(1);
    }
}
