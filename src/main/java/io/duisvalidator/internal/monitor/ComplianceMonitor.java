package io.duisvalidator.internal.monitor;

import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;
import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SEC H3.13A compliance figures per User and SRV: MHHS data collected by schedule (schedules created, executions
 * recorded) against MHHS data requested on demand (compliant retries and the rest). The DCC does not block on-demand
 * requests; it monitors this proportion and follows up a disproportionate rise (MP162 s3, s8).
 *
 * <p>Feed it the decisions of a corpus (validated with any H3.13A policy: the rules fire either way) and the schedule
 * history; then read {@link #report(double)}. Not thread-safe: add decisions from one thread.
 */
public final class ComplianceMonitor implements java.io.Serializable {
    /** The MHHS data SRVs: the schedulable ones of the MP162 set. */
    public static final Set<String> MHHS_SRVS = Set.of("4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17");

    /**
     * Default on-demand share above which a User is flagged: 10 %. On-demand MHHS requests are allowed only as retries
     * of failed scheduled reads, so a compliant User's share tracks its scheduled-read failure rate, which the DCC's
     * service levels keep to a few per cent; above 10 % on-demand collection is doing more than retrying.
     */
    public static final double DEFAULT_THRESHOLD = 0.10;

    private final Map<String, Map<String, Counts>> byUser = new TreeMap<>();

    /** Counts one validated request. */
    public void add(Decision d) {
        if (d.userId() == null || d.srv() == null) return;
        if ("5.1".equals(d.srv()) && d.outcome() == Outcome.ACCEPTED && MHHS_SRVS.contains(d.scheduledSrv())) {
            counts(d.userId(), d.scheduledSrv()).schedulesCreated++;
            return;
        }
        boolean retry = d.firedRules().contains("H313A-RETRY");
        boolean notRetry = d.firedRules().contains("H313A-NOT-A-RETRY");
        if (retry || notRetry) {
            Counts c = counts(d.userId(), d.srv());
            c.onDemand++;
            if (retry) c.compliantRetries++; else c.nonCompliant++;
        }
    }

    /** Counts every recorded execution of every schedule of an MHHS data SRV in the history. */
    public void addHistory(ScheduleHistory history) {
        for (Schedule s : history.allSchedules()) {
            if (!MHHS_SRVS.contains(s.srv())) continue;
            for (Execution e : history.executions(s.scheduleId())) {
                Counts c = counts(s.userId(), s.srv());
                c.executions++;
                if (e.result() != Execution.Result.SUCCESS) c.failedExecutions++;
            }
        }
    }

    private Counts counts(String user, String srv) {
        return byUser.computeIfAbsent(user, u -> new TreeMap<>()).computeIfAbsent(srv, s -> new Counts());
    }

    /** Adds another monitor's counts to this one (monitors filled on different threads or machines); returns this. */
    public ComplianceMonitor merge(ComplianceMonitor other) {
        other.byUser.forEach((user, bySrv) -> bySrv.forEach((srv, c) -> counts(user, srv).addAll(c)));
        return this;
    }

    public MonitorReport report(double threshold) {
        List<MonitorReport.Row> rows = new ArrayList<>();
        List<MonitorReport.UserTotal> users = new ArrayList<>();
        byUser.forEach((user, bySrv) -> {
            Counts total = new Counts();
            bySrv.forEach((srv, c) -> {
                rows.add(c.row(user, srv));
                total.addAll(c);
            });
            MonitorReport.Row t = total.row(user, "*");
            users.add(new MonitorReport.UserTotal(t, t.onDemandShare() != null && t.onDemandShare() > threshold));
        });
        return new MonitorReport(threshold, rows, users);
    }

    private static final class Counts implements java.io.Serializable {
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

        MonitorReport.Row row(String user, String srv) {
            return new MonitorReport.Row(user, srv, schedulesCreated, executions, failedExecutions, onDemand,
                    compliantRetries, nonCompliant);
        }
    }
}
