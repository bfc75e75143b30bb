package io.duisvalidator.internal.monitor;

import java.util.List;
import java.util.Locale;

/** The figures of a {@link ComplianceMonitor}: one row per User and SRV, and one total per User. */
public record MonitorReport(double threshold, List<Row> rows, List<UserTotal> users) {

    /**
     * @param srv              the MHHS data SRV, or "*" for a User's total
     * @param schedulesCreated accepted 5.1 requests in the corpus scheduling this SRV
     * @param executions       scheduled executions recorded in the history (each a scheduled MHHS request)
     * @param onDemand         on-demand or future-dated MHHS requests in the corpus
     * @param compliantRetries of those, retries of a failed or partial scheduled read
     * @param nonCompliant     of those, requests that were not such a retry
     */
    public record Row(String userId, String srv, long schedulesCreated, long executions, long failedExecutions,
                      long onDemand, long compliantRetries, long nonCompliant) {
        /** on demand / (on demand + scheduled executions); null when there are neither. */
        public Double onDemandShare() {
            long all = onDemand + executions;
            return all == 0 ? null : (double) onDemand / all;
        }

        /** The share as an exact fraction and a percentage, e.g. "3/40 (7.5%)". */
        public String shareText() {
            Double s = onDemandShare();
            return s == null ? "-" : onDemand + "/" + (onDemand + executions) + String.format(Locale.ROOT, " (%.1f%%)", s * 100);
        }
    }

    public record UserTotal(Row total, boolean flagged) {}

    public List<UserTotal> flagged() {
        return users.stream().filter(UserTotal::flagged).toList();
    }
}
