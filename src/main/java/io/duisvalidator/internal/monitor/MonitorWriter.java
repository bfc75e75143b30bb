package io.duisvalidator.internal.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.monitor.MonitorReport.Flag;
import io.duisvalidator.internal.monitor.MonitorReport.PeriodRow;
import io.duisvalidator.internal.monitor.MonitorReport.Row;
import io.duisvalidator.internal.monitor.MonitorReport.UserTotal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.duisvalidator.internal.monitor.MonitorReport.pct;

/**
 * Writes a {@link MonitorReport} as text, JSON, CSV (one row per User, SRV and period, chart-friendly) or a
 * self-contained HTML page with one chart per User ({@link MonitorHtml}).
 */
public final class MonitorWriter {
    public static final List<String> FORMATS = List.of("text", "json", "csv", "html");

    private MonitorWriter() {}

    public static void write(MonitorReport r, String format, Writer w) throws IOException {
        switch (format) {
            case "json" -> json(r, w);
            case "csv" -> csv(r, w);
            case "html" -> MonitorHtml.write(r, w);
            case "text" -> text(r, w);
            default -> throw new IllegalArgumentException("unknown format " + format + " " + FORMATS);
        }
    }

    /** The settings line every format carries: period, threshold, rise. */
    static String settings(MonitorReport r) {
        return "Periods: " + r.period().description() + "; flagged when a period's on-demand share is above "
                + pct(r.threshold()) + " (--threshold) or more than " + factor(r.rise())
                + " times the User's baseline, the median share of its earlier periods (--rise)";
    }

    static String factor(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    public static void text(MonitorReport r, Writer w) {
        PrintWriter out = new PrintWriter(w);
        out.println(settings(r));
        r.dating().notes().forEach(n -> out.println("Note: " + n));
        out.println();
        out.println("Whole corpus, per User and SRV:");
        out.printf(Locale.ROOT, "%-24s %-6s %9s %10s %7s %9s %9s %13s  %s%n", "user", "srv", "schedules", "executions",
                "failed", "on-demand", "retries", "non-compliant", "on-demand share");
        for (UserTotal u : r.users()) {
            for (Row row : r.rows()) {
                if (row.userId().equals(u.total().userId())) line(out, row.userId(), row.srv(), row, "");
            }
            line(out, u.total().userId(), u.total().srv(), u.total(), u.flagged() ? "  FLAGGED (" + u.flags().size() + " flags)" : "");
        }
        for (UserTotal u : r.users()) {
            out.println();
            out.println("User " + u.total().userId() + " by " + r.period().label() + ":");
            out.printf(Locale.ROOT, "%-10s %-6s %9s %10s %7s %9s %9s %13s  %-18s %-9s %s%n", "period", "srv", "schedules",
                    "executions", "failed", "on-demand", "retries", "non-compliant", "on-demand share", "baseline", "flags");
            for (PeriodRow p : u.periods()) {
                String flags = p.flags().stream().map(f -> f.kind().name()).collect(Collectors.joining(" "));
                out.printf(Locale.ROOT, "%-10s %-6s %9d %10d %7d %9d %9d %13d  %-18s %-9s %s%n", p.total().period(), "*",
                        p.total().schedulesCreated(), p.total().executions(), p.total().failedExecutions(), p.total().onDemand(),
                        p.total().compliantRetries(), p.total().nonCompliant(), p.total().shareText(),
                        p.baseline() == null ? "-" : pct(p.baseline()), flags);
                for (Row s : p.bySrv()) {
                    out.printf(Locale.ROOT, "%-10s %-6s %9d %10d %7d %9d %9d %13d  %s%n", "", s.srv(), s.schedulesCreated(),
                            s.executions(), s.failedExecutions(), s.onDemand(), s.compliantRetries(), s.nonCompliant(), s.shareText());
                }
            }
            for (Flag f : u.flags()) out.println("  FLAG " + f.kind() + " " + f.text());
        }
        out.printf(Locale.ROOT, "%n%d users, %d flagged%n", r.users().size(), r.flagged().size());
        out.flush();
    }

    private static void line(PrintWriter out, String user, String srv, Row row, String note) {
        out.printf(Locale.ROOT, "%-24s %-6s %9d %10d %7d %9d %9d %13d  %s%s%n", user, srv,
                row.schedulesCreated(), row.executions(), row.failedExecutions(), row.onDemand(), row.compliantRetries(),
                row.nonCompliant(), row.shareText(), note);
    }

    public static void json(MonitorReport r, Writer w) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("threshold", r.threshold());
            g.writeNumberField("rise", r.rise());
            g.writeNumberField("minimumBaseline", ComplianceMonitor.MIN_BASELINE);
            g.writeStringField("period", r.period().label());
            g.writeStringField("periodDescription", r.period().description());
            g.writeArrayFieldStart("periods");
            for (String p : r.periods()) g.writeString(p);
            g.writeEndArray();
            g.writeObjectFieldStart("dating");
            g.writeNumberField("byScenario", r.dating().byScenario());
            g.writeNumberField("byOption", r.dating().byOption());
            g.writeNumberField("byRunTime", r.dating().byRunTime());
            if (r.dating().optionAt() != null) g.writeStringField("at", r.dating().optionAt().toString());
            g.writeArrayFieldStart("notes");
            for (String n : r.dating().notes()) g.writeString(n);
            g.writeEndArray();
            g.writeEndObject();
            g.writeArrayFieldStart("users");
            for (UserTotal u : r.users()) {
                g.writeStartObject();
                g.writeStringField("userId", u.total().userId());
                g.writeBooleanField("flagged", u.flagged());
                g.writeArrayFieldStart("flags");
                for (Flag f : u.flags()) flag(g, f);
                g.writeEndArray();
                g.writeFieldName("total");
                row(g, u.total());
                g.writeArrayFieldStart("bySrv");
                for (Row row : r.rows()) if (row.userId().equals(u.total().userId())) row(g, row);
                g.writeEndArray();
                g.writeArrayFieldStart("periods");
                for (PeriodRow p : u.periods()) {
                    g.writeStartObject();
                    g.writeStringField("period", p.total().period());
                    g.writeStringField("start", p.total().periodStart().toString());
                    g.writeStringField("end", r.period().end(p.total().periodStart()).toString());
                    g.writeFieldName("total");
                    row(g, p.total());
                    g.writeArrayFieldStart("bySrv");
                    for (Row s : p.bySrv()) row(g, s);
                    g.writeEndArray();
                    if (p.baseline() == null) g.writeNullField("baseline"); else g.writeNumberField("baseline", p.baseline());
                    g.writeArrayFieldStart("baselineOf");
                    for (String k : p.baselineOf()) g.writeString(k);
                    g.writeEndArray();
                    g.writeArrayFieldStart("flags");
                    for (Flag f : p.flags()) flag(g, f);
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.write('\n');
        w.flush();
    }

    private static void flag(JsonGenerator g, Flag f) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", f.kind().name());
        g.writeStringField("period", f.period());
        g.writeNumberField("share", f.share());
        g.writeNumberField("reference", f.reference());
        g.writeStringField("text", f.text());
        g.writeEndObject();
    }

    private static void row(JsonGenerator g, Row row) throws IOException {
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

    /**
     * One row per User and SRV over the whole corpus (period "all", then a "*" total per User, as before), then one
     * row per User, period and SRV with activity plus a "*" total per User and period (every period of the report).
     * The columns of the whole-corpus rows come first, unchanged; period, period_start, period_end, baseline_share
     * and flags follow.
     */
    public static void csv(MonitorReport r, Writer w) throws IOException {
        try (CSVPrinter p = CSVFormat.DEFAULT.builder()
                .setHeader("user_id", "srv", "schedules_created", "executions", "failed_executions", "on_demand",
                        "compliant_retries", "non_compliant", "on_demand_share", "flagged", "period", "period_start",
                        "period_end", "baseline_share", "flags").get().print(w)) {
            for (UserTotal u : r.users()) {
                for (Row row : r.rows()) {
                    if (row.userId().equals(u.total().userId())) print(p, r, row, "", null, "");
                }
                print(p, r, u.total(), Boolean.toString(u.flagged()), null, "");
            }
            for (UserTotal u : r.users()) {
                for (PeriodRow pr : u.periods()) {
                    for (Row s : pr.bySrv()) print(p, r, s, "", null, "");
                    print(p, r, pr.total(), Boolean.toString(!pr.flags().isEmpty()), pr.baseline(),
                            pr.flags().stream().map(f -> f.kind().name()).collect(Collectors.joining(" ")));
                }
            }
            p.flush();
        }
    }

    private static void print(CSVPrinter p, MonitorReport r, Row row, String flagged, Double baseline, String flags) throws IOException {
        p.printRecord(row.userId(), row.srv(), row.schedulesCreated(), row.executions(), row.failedExecutions(),
                row.onDemand(), row.compliantRetries(), row.nonCompliant(), share(row.onDemandShare()), flagged,
                row.period(), row.periodStart() == null ? "" : row.periodStart().toString(),
                row.periodStart() == null ? "" : r.period().end(row.periodStart()).toString(), share(baseline), flags);
    }

    private static String share(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.6f", d);
    }
}
