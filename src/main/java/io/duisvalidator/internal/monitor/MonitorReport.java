package io.duisvalidator.internal.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a {@link ComplianceMonitor}: per User and SRV over the whole corpus, and per User (and SRV) per
 * period, with the flags that say why a User is flagged.
 *
 * @param threshold on-demand share above which a period is flagged
 * @param rise      factor over the User's baseline above which a period is flagged
 * @param period    what the figures are grouped by
 * @param periods   the keys of every period from the corpus's first to its last, in order
 * @param rows      one row per User and SRV over the whole corpus (period "all")
 * @param users     per User: the whole-corpus total, the periods and the flags
 * @param dating    how the requests were dated (scenario receipt dates, --at, or the run's time)
 */
public record MonitorReport(double threshold, double rise, Period period, List<String> periods, List<Row> rows,
                            List<UserTotal> users, Dating dating) {
    /** The period key of whole-corpus rows. */
    public static final String ALL = "all";

    /**
     * @param srv              the MHHS data SRV, or "*" for a User's total
     * @param period           the period's key, or {@link #ALL} for the whole corpus
     * @param periodStart      the period's first day (London), or null for the whole corpus
     * @param schedulesCreated accepted 5.1 requests in the corpus scheduling this SRV
     * @param executions       scheduled executions recorded in the history (each a scheduled MHHS request)
     * @param onDemand         on-demand or future-dated MHHS requests in the corpus
     * @param compliantRetries of those, retries of a failed or partial scheduled read
     * @param nonCompliant     of those, requests that were not such a retry
     */
    public record Row(String userId, String srv, String period, LocalDate periodStart, long schedulesCreated,
                      long executions, long failedExecutions, long onDemand, long compliantRetries, long nonCompliant) {
        /** on demand / (on demand + scheduled executions); null when there are neither. */
        public Double onDemandShare() {
            long all = onDemand + executions;
            return all == 0 ? null : (double) onDemand / all;
        }

        /** The share as an exact fraction and a percentage, e.g. "3/40 (7.5%)". */
        public String shareText() {
            Double s = onDemandShare();
            return s == null ? "-" : onDemand + "/" + (onDemand + executions) + " (" + pct(s) + ")";
        }

        public boolean empty() {
            return schedulesCreated + executions + onDemand == 0;
        }
    }

    /** Why a period is flagged. */
    public enum Kind {
        /** the share is above the absolute threshold */
        THRESHOLD,
        /** the share is above the rise factor times the User's own baseline */
        RISE
    }

    /**
     * @param kind      why
     * @param period    the flagged period's key
     * @param share     the period's on-demand share
     * @param reference the threshold (THRESHOLD) or the baseline (RISE) it was compared with
     * @param text      one sentence naming the period and the figures
     */
    public record Flag(Kind kind, String period, double share, double reference, String text) {}

    /**
     * One period of one User.
     *
     * @param total          the User's figures in the period (srv "*"); zero when it did nothing then
     * @param bySrv          per SRV, only the SRVs with activity in the period
     * @param baseline       median on-demand share of the User's earlier periods that have a share; null when none
     * @param baselineOf     the keys of those earlier periods
     * @param flags          the period's flags
     */
    public record PeriodRow(Row total, List<Row> bySrv, Double baseline, List<String> baselineOf, List<Flag> flags) {}

    /**
     * @param total   the User's whole-corpus figures (srv "*", period "all")
     * @param flagged true when any period is flagged
     * @param periods every period of the report, in order
     * @param flags   every flag, in period order
     */
    public record UserTotal(Row total, boolean flagged, List<PeriodRow> periods, List<Flag> flags) {}

    /**
     * How requests were given their period: each by its receipt instant, which is its scenario's {@code at}, else
     * {@code --at}, else the time the run started.
     */
    public record Dating(long byScenario, long byOption, long byRunTime, Instant optionAt, Instant runAt, boolean scenarios) {
        /** What the report says about it; empty when every request was dated by its scenario. */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            String where = scenarios ? " in scenarios with no receipt date (no 'at' in scenario.properties)"
                    : " (plain messages carry no receipt date)";
            if (byOption > 0) out.add(byOption + " requests" + where + " were dated at --at " + optionAt);
            if (byRunTime > 0) out.add(byRunTime + " requests" + where + " and no --at were dated at the run's start, "
                    + runAt + ": give --at to date them");
            return out;
        }
    }

    public List<UserTotal> flagged() {
        return users.stream().filter(UserTotal::flagged).toList();
    }

    static String pct(double d) {
        return String.format(Locale.ROOT, "%.1f%%", d * 100);
    }
}
