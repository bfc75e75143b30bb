package io.duisvalidator.internal.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** Writes a {@link MonitorReport} as text, JSON or CSV (one row per User and SRV, chart-friendly). */
public final class MonitorWriter {
    private MonitorWriter() {}

    public static void text(MonitorReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.printf(Locale.ROOT, "%-24s %-6s %9s %10s %7s %9s %9s %13s  %s%n", "user", "srv", "schedules", "executions",
                "failed", "on-demand", "retries", "non-compliant", "on-demand share");
        for (MonitorReport.UserTotal u : r.users()) {
            for (MonitorReport.Row row : r.rows()) {
                if (row.userId().equals(u.total().userId())) line(out, row, "");
            }
            line(out, u.total(), u.flagged() ? "  FLAGGED: above " + pct(r.threshold()) : "");
        }
        out.printf(Locale.ROOT, "%n%d users, %d flagged (on-demand share above %s)%n", r.users().size(), r.flagged().size(),
                pct(r.threshold()));
        out.flush();
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    private static void line(PrintWriter out, MonitorReport.Row row, String note) {
        out.printf(Locale.ROOT, "%-24s %-6s %9d %10d %7d %9d %9d %13d  %s%s%n", row.userId(), row.srv(),
                row.schedulesCreated(), row.executions(), row.failedExecutions(), row.onDemand(), row.compliantRetries(),
                row.nonCompliant(), row.shareText(), note);
    }

    public static void json(MonitorReport r, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("threshold", r.threshold());
            g.writeArrayFieldStart("users");
            for (MonitorReport.UserTotal u : r.users()) {
                g.writeStartObject();
                g.writeStringField("userId", u.total().userId());
                g.writeBooleanField("flagged", u.flagged());
                g.writeFieldName("total");
                row(g, u.total());
                g.writeArrayFieldStart("bySrv");
                for (MonitorReport.Row row : r.rows()) if (row.userId().equals(u.total().userId())) row(g, row);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.write('\n');
        w.flush();
    }

    private static void row(JsonGenerator g, MonitorReport.Row row) throws IOException {
        g.writeStartObject();
        g.writeStringField("srv", row.srv());
        g.writeNumberField("schedulesCreated", row.schedulesCreated());
        g.writeNumberField("executions", row.executions());
        g.writeNumberField("failedExecutions", row.failedExecutions());
        g.writeNumberField("onDemand", row.onDemand());
        g.writeNumberField("compliantRetries", row.compliantRetries());
        g.writeNumberField("nonCompliant", row.nonCompliant());
        if (row.onDemandShare() == null) g.writeNullField("onDemandShare"); else g.writeNumberField("onDemandShare", row.onDemandShare());
        g.writeEndObject();
    }

    public static void csv(MonitorReport r, Writer w) throws IOException {
        try (org.apache.commons.csv.CSVPrinter p = org.apache.commons.csv.CSVFormat.DEFAULT.builder()
                .setHeader("user_id", "srv", "schedules_created", "executions", "failed_executions", "on_demand",
                        "compliant_retries", "non_compliant", "on_demand_share", "flagged").get().print(w)) {
            for (MonitorReport.UserTotal u : r.users()) {
                for (MonitorReport.Row row : r.rows()) {
                    if (row.userId().equals(u.total().userId())) print(p, row, "");
                }
                print(p, u.total(), Boolean.toString(u.flagged()));
            }
            p.flush();
        }
    }

    private static void print(org.apache.commons.csv.CSVPrinter p, MonitorReport.Row row, String flagged) throws IOException {
        p.printRecord(row.userId(), row.srv(), row.schedulesCreated(), row.executions(), row.failedExecutions(),
                row.onDemand(), row.compliantRetries(), row.nonCompliant(),
                row.onDemandShare() == null ? "" : String.format(Locale.ROOT, "%.6f", row.onDemandShare()), flagged);
    }
}
