package io.duisvalidator.internal.monitor;

import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;
import io.duisvalidator.internal.engine.RuleTables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SEC H3.13A compliance figures per User and SRV, over the whole corpus and per period: MHHS data collected by
 * schedule (schedules created, executions recorded) against MHHS data requested on demand (compliant retries and the
 * rest). The DCC does not block on-demand requests; it monitors this proportion and follows up a disproportionate
 * rise (MP162 s3, s8). A period is flagged when its on-demand share is above the threshold, or above {@code rise}
 * times the User's baseline: the median share of its earlier periods (docs/schedule-first.md).
 *
 * <p>Feed it the decisions of a corpus (validated with any H3.13A policy: the rules fire either way) with their
 * receipt instants, and the schedule history; then read {@link #report(double, double)}. An execution found in
 * several histories (scenarios that share a User's history) is counted once: same schedule, User, device, SRV, date
 * and result. Not thread-safe: add from one thread.
 */
public final class ComplianceMonitor {
    /** The MHHS data SRVs: the schedulable ones of the MP162 set (rules/tables/srv-catalogue.csv, as the rules read it). */
    public static final Set<String> MHHS_SRVS = RuleTables.fromClasspath().scheduleFirstSrvs();

    /**
     * Default on-demand share above which a period is flagged: 10 %. On-demand MHHS requests are allowed only as
     * retries of failed scheduled reads, so a compliant User's share tracks its scheduled-read failure rate, which the
     * DCC's service levels keep to a few per cent; above 10 % on-demand collection is doing more than retrying.
     */
    public static final double DEFAULT_THRESHOLD = 0.10;

    /** Default rise factor: a period's share more than twice the User's baseline (docs/schedule-first.md). */
    public static final double DEFAULT_RISE = 2.0;

    /**
     * A baseline below this share counts as this share (1 %), so that a User with no on-demand request for weeks is
     * not flagged for its first retry, while a jump from nothing to several per cent still is (D-MONITOR-RISE).
     */
    public static final double MIN_BASELINE = 0.01;

    /** Where a request's receipt instant came from. */
    public enum DateSource { SCENARIO, OPTION, RUN_TIME }

    private final Period period;
    private final Map<String, Map<String, Map<LocalDate, Counts>>> byUser = new TreeMap<>();
    private final Map<List<Object>, Integer> executions = new HashMap<>();
    private final Map<DateSource, Long> dated = new EnumMap<>(DateSource.class);
    private Instant optionAt;
    private Instant runAt;
    private boolean scenarios;

    public ComplianceMonitor(Period period) {
        this.period = period;
    }

    /** Says how the run dates requests that carry no receipt date of their own (for the report's note). */
    public ComplianceMonitor dating(Instant optionAt, Instant runAt, boolean scenarios) {
        this.optionAt = optionAt;
        this.runAt = runAt;
        this.scenarios = scenarios;
        return this;
    }

    /** Counts one validated request received at {@code receivedAt} (its period is that instant's London date). */
    public void add(Decision d, Instant receivedAt, DateSource source) {
        dated.merge(source, 1L, Long::sum);
        if (d.userId() == null || d.srv() == null) return;
        LocalDate day = period.start(receivedAt.atZone(Period.ZONE).toLocalDate());
        if ("5.1".equals(d.srv()) && d.outcome() == Outcome.ACCEPTED && MHHS_SRVS.contains(d.scheduledSrv())) {
            counts(d.userId(), d.scheduledSrv(), day).schedulesCreated++;
            return;
        }
        boolean retry = d.firedRules().contains("H313A-RETRY");
        boolean notRetry = d.firedRules().contains("H313A-NOT-A-RETRY");
        if (retry || notRetry) {
            Counts c = counts(d.userId(), d.srv(), day);
            c.onDemand++;
            if (retry) c.compliantRetries++; else c.nonCompliant++;
        }
    }

    /** Records every execution of every schedule of an MHHS data SRV in the history (counted at report time). */
    public void addHistory(ScheduleHistory history) {
        Map<List<Object>, Integer> here = new HashMap<>();
        for (Schedule s : history.allSchedules()) {
            if (!MHHS_SRVS.contains(s.srv())) continue;
            for (Execution e : history.executions(s.scheduleId())) {
                here.merge(List.of(s.scheduleId(), s.userId(), s.deviceId(), s.srv(), e.executionDate(), e.result()), 1, Integer::sum);
            }
        }
        here.forEach((k, n) -> executions.merge(k, n, Math::max));
    }

    private Counts counts(String user, String srv, LocalDate periodStart) {
        return counts(byUser, user, srv, periodStart);
    }

    private static Counts counts(Map<String, Map<String, Map<LocalDate, Counts>>> map, String user, String srv, LocalDate periodStart) {
        return map.computeIfAbsent(user, u -> new TreeMap<>()).computeIfAbsent(srv, s -> new TreeMap<>())
                .computeIfAbsent(periodStart, p -> new Counts());
    }

    /** The figures so far; may be called again after more is added. */
    public MonitorReport report(double threshold, double rise) {
        Map<String, Map<String, Map<LocalDate, Counts>>> all = new TreeMap<>();
        byUser.forEach((u, bySrv) -> bySrv.forEach((srv, byPeriod) -> byPeriod.forEach((p, c) -> counts(all, u, srv, p).addAll(c))));
        executions.forEach((k, n) -> {
            Counts c = counts(all, (String) k.get(1), (String) k.get(3), period.start((LocalDate) k.get(4)));
            c.executions += n;
            if (k.get(5) != Execution.Result.SUCCESS) c.failedExecutions += n;
        });
        List<LocalDate> starts = starts(all);
        List<String> keys = starts.stream().map(period::key).toList();
        List<MonitorReport.Row> rows = new ArrayList<>();
        List<MonitorReport.UserTotal> users = new ArrayList<>();
        all.forEach((user, bySrv) -> {
            Counts total = new Counts();
            bySrv.forEach((srv, byPeriod) -> {
                Counts whole = new Counts();
                byPeriod.values().forEach(whole::addAll);
                rows.add(whole.row(user, srv, MonitorReport.ALL, null));
                total.addAll(whole);
            });
            List<MonitorReport.PeriodRow> periods = new ArrayList<>();
            List<MonitorReport.Flag> flags = new ArrayList<>();
            List<Double> earlier = new ArrayList<>();
            List<String> earlierKeys = new ArrayList<>();
            for (LocalDate p : starts) {
                Counts t = new Counts();
                List<MonitorReport.Row> srvRows = new ArrayList<>();
                bySrv.forEach((srv, byPeriod) -> {
                    Counts c = byPeriod.get(p);
                    if (c == null) return;
                    t.addAll(c);
                    srvRows.add(c.row(user, srv, period.key(p), p));
                });
                MonitorReport.Row row = t.row(user, "*", period.key(p), p);
                Double baseline = earlier.isEmpty() ? null : median(earlier);
                List<MonitorReport.Flag> here = flags(row, threshold, rise, baseline, earlierKeys);
                periods.add(new MonitorReport.PeriodRow(row, srvRows, baseline, List.copyOf(earlierKeys), here));
                flags.addAll(here);
                if (row.onDemandShare() != null) {
                    earlier.add(row.onDemandShare());
                    earlierKeys.add(row.period());
                }
            }
            users.add(new MonitorReport.UserTotal(total.row(user, "*", MonitorReport.ALL, null), !flags.isEmpty(), periods, flags));
        });
        MonitorReport.Dating dating = new MonitorReport.Dating(dated.getOrDefault(DateSource.SCENARIO, 0L),
                dated.getOrDefault(DateSource.OPTION, 0L), dated.getOrDefault(DateSource.RUN_TIME, 0L), optionAt, runAt, scenarios);
        return new MonitorReport(threshold, rise, period, keys, rows, users, dating);
    }

    private static List<MonitorReport.Flag> flags(MonitorReport.Row row, double threshold, double rise, Double baseline,
                                                  List<String> earlierKeys) {
        List<MonitorReport.Flag> out = new ArrayList<>();
        Double share = row.onDemandShare();
        if (share == null) return out;
        if (share > threshold) {
            out.add(new MonitorReport.Flag(MonitorReport.Kind.THRESHOLD, row.period(), share, threshold, row.period()
                    + ": on-demand share " + row.shareText() + " is above the threshold " + MonitorReport.pct(threshold)));
        }
        if (baseline != null && share > rise * Math.max(baseline, MIN_BASELINE)) {
            out.add(new MonitorReport.Flag(MonitorReport.Kind.RISE, row.period(), share, baseline, row.period()
                    + ": on-demand share " + row.shareText() + " is more than " + factor(rise) + " times the User's baseline "
                    + MonitorReport.pct(baseline) + (baseline < MIN_BASELINE ? " (taken as " + MonitorReport.pct(MIN_BASELINE) + ")" : "")
                    + ", the median of " + range(earlierKeys)));
        }
        return out;
    }

    private static String factor(double rise) {
        return rise == Math.rint(rise) ? Long.toString((long) rise) : String.format(Locale.ROOT, "%s", rise);
    }

    private static String range(List<String> keys) {
        if (keys.size() == 1) return "period " + keys.get(0);
        return keys.size() + " earlier periods (" + keys.get(0) + " to " + keys.get(keys.size() - 1) + ")";
    }

    /** Median of a list of shares (the mean of the two middle values for an even count). */
    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Every period from the first one with activity to the last, in order. */
    private List<LocalDate> starts(Map<String, Map<String, Map<LocalDate, Counts>>> all) {
        LocalDate first = null;
        LocalDate last = null;
        for (Map<String, Map<LocalDate, Counts>> bySrv : all.values()) {
            for (Map<LocalDate, Counts> byPeriod : bySrv.values()) {
                for (LocalDate p : byPeriod.keySet()) {
                    if (first == null || p.isBefore(first)) first = p;
                    if (last == null || p.isAfter(last)) last = p;
                }
            }
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate p = first; p != null && !p.isAfter(last); p = period.next(p)) out.add(p);
        return out;
    }

    private static final class Counts {
        long schedulesCreated;
        long executions;
        long failedExecutions;
        long onDemand;
        long compliantRetries;
        long nonCompliant;

        void addAll(Counts o) {
            schedulesCreated += o.schedulesCreated;
            executions += o.executions;
            failedExecutions += o.failedExecutions;
            onDemand += o.onDemand;
            compliantRetries += o.compliantRetries;
            nonCompliant += o.nonCompliant;
        }

        MonitorReport.Row row(String user, String srv, String period, LocalDate start) {
            return new MonitorReport.Row(user, srv, period, start, schedulesCreated, executions, failedExecutions, onDemand,
                    compliantRetries, nonCompliant);
        }
    }
}
