package io.duisvalidator.internal.monitor;

import io.duisvalidator.internal.monitor.MonitorReport.Flag;
import io.duisvalidator.internal.monitor.MonitorReport.Kind;
import io.duisvalidator.internal.monitor.MonitorReport.PeriodRow;
import io.duisvalidator.internal.monitor.MonitorReport.UserTotal;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.duisvalidator.internal.report.HtmlReport.esc;
import static io.duisvalidator.internal.monitor.MonitorReport.pct;

/**
 * The monitor as one self-contained page (no external resource, no script needed): per User a small inline-SVG
 * chart of the on-demand share by period, with the threshold line, the rise limit and the flagged periods marked by
 * shape and letter (T threshold, R rise) as well as colour, then the User's table of periods. Prints in black and
 * white: the lines differ by dash pattern, the flags by shape and letter.
 */
final class MonitorHtml {
    static final int WIDTH = 680;
    static final int HEIGHT = 210;
    static final int LEFT = 52;
    static final int RIGHT = 104;
    static final int TOP = 14;
    static final int BOTTOM = 52;

    private MonitorHtml() {}

    static void write(MonitorReport r, Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Schedule-first monitor (SEC H3.13A)</title><style>");
        w.println("""
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#212121}
                h1{font-size:22px;margin:0 0 8px} h2{font-size:17px;margin:22px 0 6px;border-bottom:2px solid #888}
                p.settings{font-size:13px;color:#424242;margin:4px 0} .note{border:2px solid #212121;padding:6px 10px;margin:8px 0;font-size:13px}
                .note:before{content:"\\26A0  ";font-weight:bold}
                table.sum,table.per{border-collapse:collapse;font-size:13px;margin:6px 0 10px}
                table.sum th,table.sum td,table.per th,table.per td{border:1px solid #bbb;padding:3px 5px;text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
                table.sum th,table.per th{white-space:normal;max-width:7em} table.sum td.wrap,table.per td.wrap{white-space:normal;min-width:8em;max-width:16em}
                table.sum th,table.per th{background:#eee;text-align:center} table.sum td.l,table.per td.l{text-align:left} tr.flag td{font-weight:bold}
                tr.flag td.f:before{content:"\\2691  "} tr.quiet td{color:#757575}
                ul.flags{font-size:13px;margin:4px 0 8px} ul.flags li{margin:2px 0}
                section.user{break-inside:avoid;page-break-inside:avoid;margin-bottom:18px}
                .legend{font-size:12px;color:#212121;margin:2px 0 6px} .legend svg{vertical-align:middle}
                svg.chart text{font-family:inherit}
                @media print{body{margin:8mm} section.user{break-inside:avoid}}
                """);
        w.println("</style></head><body>");
        w.println("<h1>Schedule-first monitor (SEC H3.13A)</h1>");
        w.println("<p class=\"settings\">" + esc(MonitorWriter.settings(r)) + ". On-demand share = on-demand MHHS requests / "
                + "(on-demand MHHS requests + scheduled executions). A baseline below " + pct(ComplianceMonitor.MIN_BASELINE)
                + " counts as " + pct(ComplianceMonitor.MIN_BASELINE) + ".</p>");
        for (String n : r.dating().notes()) w.println("<p class=\"note\">" + esc(n) + "</p>");
        if (r.users().isEmpty()) {
            w.println("<p class=\"note\">No MHHS request and no scheduled execution in this corpus: nothing to chart.</p>");
        } else {
            summary(r, w);
            for (UserTotal u : r.users()) user(r, u, w);
        }
        w.println("</body></html>");
        w.flush();
    }

    private static void summary(MonitorReport r, PrintWriter w) {
        w.println("<h2>Users (" + r.users().size() + ", " + r.flagged().size() + " flagged)</h2>");
        w.println("<table class=\"sum\"><thead><tr><th>User</th><th>schedules created</th><th>executions</th><th>failed</th>"
                + "<th>on demand</th><th>compliant retries</th><th>non-compliant</th><th>on-demand share</th><th>flagged periods</th></tr></thead><tbody>");
        for (UserTotal u : r.users()) {
            var t = u.total();
            String periods = u.flags().stream().map(f -> f.period() + " " + f.kind().name().charAt(0)).distinct()
                    .collect(Collectors.joining(", "));
            w.println("<tr class=\"" + (u.flagged() ? "flag" : "") + "\"><td class=\"l f\"><a href=\"#u-" + esc(t.userId()) + "\">"
                    + esc(t.userId()) + "</a></td><td>" + t.schedulesCreated() + "</td><td>" + t.executions() + "</td><td>"
                    + t.failedExecutions() + "</td><td>" + t.onDemand() + "</td><td>" + t.compliantRetries() + "</td><td>"
                    + t.nonCompliant() + "</td><td>" + esc(t.shareText()) + "</td><td class=\"l wrap\">" + (periods.isEmpty() ? "none" : esc(periods)) + "</td></tr>");
        }
        w.println("</tbody></table>");
    }

    private static void user(MonitorReport r, UserTotal u, PrintWriter w) {
        String id = u.total().userId();
        w.println("<section class=\"user\" id=\"u-" + esc(id) + "\">");
        w.println("<h2>User " + esc(id) + (u.flagged() ? " \u2014 flagged" : "") + "</h2>");
        if (!u.flags().isEmpty()) {
            w.println("<ul class=\"flags\">");
            for (Flag f : u.flags()) w.println("<li><b>" + (f.kind() == Kind.THRESHOLD ? "\u25B2 T" : "\u25A0 R") + "</b> " + esc(f.text()) + "</li>");
            w.println("</ul>");
        }
        chart(r, u, w);
        legend(w);
        w.println("<table class=\"per\"><thead><tr><th>" + esc(r.period().label()) + "</th><th>days (London)</th><th>schedules created</th>"
                + "<th>executions</th><th>failed</th><th>on demand</th><th>compliant retries</th><th>non-compliant</th>"
                + "<th>on-demand share</th><th>baseline</th><th>flags</th></tr></thead><tbody>");
        for (PeriodRow p : u.periods()) {
            var t = p.total();
            String flags = p.flags().stream().map(f -> f.kind() == Kind.THRESHOLD ? "T above threshold" : "R rise over baseline")
                    .collect(Collectors.joining("; "));
            w.println("<tr class=\"" + (!p.flags().isEmpty() ? "flag" : t.empty() ? "quiet" : "") + "\"><td class=\"l f\">" + esc(t.period())
                    + "</td><td class=\"l\">" + days(r.period(), t.periodStart()) + "</td><td>"
                    + t.schedulesCreated() + "</td><td>" + t.executions() + "</td><td>" + t.failedExecutions() + "</td><td>"
                    + t.onDemand() + "</td><td>" + t.compliantRetries() + "</td><td>" + t.nonCompliant() + "</td><td>"
                    + esc(t.shareText()) + "</td><td>" + (p.baseline() == null ? "-" : pct(p.baseline())) + "</td><td class=\"l wrap\">"
                    + esc(flags) + "</td></tr>");
        }
        w.println("</tbody></table></section>");
    }

    private static void legend(PrintWriter w) {
        w.println("<div class=\"legend\"><svg width=\"30\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" "
                + "stroke=\"#212121\" stroke-width=\"2\"/></svg> on-demand share &nbsp; <svg width=\"30\" height=\"10\" aria-hidden=\"true\">"
                + "<line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#212121\" stroke-width=\"1.5\" stroke-dasharray=\"7 4\"/></svg> threshold"
                + " &nbsp; <svg width=\"30\" height=\"10\" aria-hidden=\"true\"><line x1=\"0\" y1=\"5\" x2=\"30\" y2=\"5\" stroke=\"#616161\" "
                + "stroke-width=\"1.5\" stroke-dasharray=\"1.5 3\"/></svg> rise limit (rise \u00d7 baseline) &nbsp; "
                + "\u25B2 T above threshold &nbsp; \u25A0 R rise over baseline &nbsp; \u25CF period not flagged</div>");
    }

    private static void chart(MonitorReport r, UserTotal u, PrintWriter w) {
        List<PeriodRow> ps = u.periods();
        int n = ps.size();
        double max = r.threshold() * 1.5;
        for (PeriodRow p : ps) {
            Double s = p.total().onDemandShare();
            if (s != null) max = Math.max(max, s * 1.1);
            if (p.baseline() != null) max = Math.max(max, Math.min(1, r.rise() * Math.max(p.baseline(), ComplianceMonitor.MIN_BASELINE)) * 1.05);
        }
        double ymax = niceMax(Math.min(1.0, Math.max(max, 0.05)));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        String title = "On-demand share by " + r.period().label() + " for User " + u.total().userId();
        w.println("<svg class=\"chart\" role=\"img\" aria-labelledby=\"t-" + esc(u.total().userId()) + "\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" xmlns=\"http://www.w3.org/2000/svg\">");
        w.println("<title id=\"t-" + esc(u.total().userId()) + "\">" + esc(title) + "</title>");
        for (int i = 0; i <= 4; i++) {
            double v = ymax * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            w.println("<line x1=\"" + LEFT + "\" y1=\"" + f(y) + "\" x2=\"" + (WIDTH - RIGHT) + "\" y2=\"" + f(y)
                    + "\" stroke=\"#d0d0d0\" stroke-width=\"1\"/><text x=\"" + (LEFT - 6) + "\" y=\"" + f(y + 4)
                    + "\" font-size=\"11\" text-anchor=\"end\">" + pctShort(v) + "</text>");
        }
        w.println("<line x1=\"" + LEFT + "\" y1=\"" + TOP + "\" x2=\"" + LEFT + "\" y2=\"" + (TOP + plotH) + "\" stroke=\"#212121\"/>");
        w.println("<line x1=\"" + LEFT + "\" y1=\"" + f(TOP + plotH) + "\" x2=\"" + (WIDTH - RIGHT) + "\" y2=\"" + f(TOP + plotH) + "\" stroke=\"#212121\"/>");
        double ty = TOP + plotH - plotH * Math.min(r.threshold(), ymax) / ymax;
        w.println("<line class=\"threshold\" x1=\"" + LEFT + "\" y1=\"" + f(ty) + "\" x2=\"" + (WIDTH - RIGHT) + "\" y2=\"" + f(ty)
                + "\" stroke=\"#212121\" stroke-width=\"1.5\" stroke-dasharray=\"7 4\"/><text x=\"" + (WIDTH - RIGHT + 4) + "\" y=\""
                + f(ty + 4) + "\" font-size=\"11\">threshold " + pct(r.threshold()) + "</text>");
        double step = n == 0 ? plotW : plotW / n;
        int every = Math.max(1, (int) Math.ceil(n / 14.0));
        StringBuilder line = new StringBuilder();
        StringBuilder limit = new StringBuilder();
        boolean pen = false;
        double lastLimitY = 0;
        for (int i = 0; i < n; i++) {
            PeriodRow p = ps.get(i);
            double x = LEFT + step * (i + 0.5);
            if (i % every == 0) {
                w.println("<text x=\"" + f(x) + "\" y=\"" + f(TOP + plotH + 14) + "\" font-size=\"10\" text-anchor=\"end\" transform=\"rotate(-35 "
                        + f(x) + " " + f(TOP + plotH + 14) + ")\">" + esc(p.total().period()) + "</text>");
            }
            if (p.baseline() != null) {
                double lim = Math.min(ymax, r.rise() * Math.max(p.baseline(), ComplianceMonitor.MIN_BASELINE));
                double ly = TOP + plotH - plotH * lim / ymax;
                lastLimitY = ly;
                limit.append(limit.isEmpty() ? "M" : "L").append(f(x - step / 2)).append(' ').append(f(ly))
                        .append(" L").append(f(x + step / 2)).append(' ').append(f(ly)).append(' ');
            }
            Double s = p.total().onDemandShare();
            if (s == null) {
                pen = false; // no share this period: the line breaks
                continue;
            }
            double y = TOP + plotH - plotH * Math.min(s, ymax) / ymax;
            line.append(pen ? "L" : "M").append(f(x)).append(' ').append(f(y)).append(' ');
            pen = true;
        }
        if (!limit.isEmpty()) {
            w.println("<path class=\"rise-limit\" d=\"" + limit.toString().trim() + "\" fill=\"none\" stroke=\"#616161\" stroke-width=\"1.5\" stroke-dasharray=\"1.5 3\"/>");
            // labelled at the height of its last step, unless that is where the threshold's label is
            double labelY = Math.abs(lastLimitY - ty) < 11 ? lastLimitY + (lastLimitY < ty ? -8 : 14) : lastLimitY + 4;
            w.println("<text x=\"" + (WIDTH - RIGHT + 4) + "\" y=\"" + f(labelY) + "\" font-size=\"11\" fill=\"#424242\">rise limit \u00d7"
                    + esc(MonitorWriter.factor(r.rise())) + "</text>");
        }
        String d = line.toString().trim();
        if (!d.isEmpty()) w.println("<path class=\"share\" d=\"" + d + "\" fill=\"none\" stroke=\"#212121\" stroke-width=\"2\"/>");
        for (int i = 0; i < n; i++) {
            PeriodRow p = ps.get(i);
            Double s = p.total().onDemandShare();
            if (s == null) continue;
            double x = LEFT + step * (i + 0.5);
            double y = TOP + plotH - plotH * Math.min(s, ymax) / ymax;
            boolean t = p.flags().stream().anyMatch(fl -> fl.kind() == Kind.THRESHOLD);
            boolean rise = p.flags().stream().anyMatch(fl -> fl.kind() == Kind.RISE);
            String tip = p.total().period() + ": " + p.total().shareText() + (t ? "; T above the threshold" : "")
                    + (rise ? "; R more than " + MonitorWriter.factor(r.rise()) + " times the baseline " + pct(p.baseline()) : "");
            w.print("<g class=\"pt" + (t ? " flag-t" : "") + (rise ? " flag-r" : "") + "\" data-period=\"" + esc(p.total().period()) + "\"><title>" + esc(tip) + "</title>");
            if (!t && !rise) {
                w.print("<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"3.5\" fill=\"#212121\"/>");
            } else {
                String letters = (t ? "T" : "") + (t && rise ? " " : "") + (rise ? "R" : "");
                if (t) w.print("<path d=\"M" + f(x) + " " + f(y - 7) + " L" + f(x + 6.5) + " " + f(y + 4.5) + " L" + f(x - 6.5) + " " + f(y + 4.5)
                        + " Z\" fill=\"#c62828\" stroke=\"#000\" stroke-width=\"1.2\"/>");
                if (rise) w.print("<rect x=\"" + f(x - 4) + "\" y=\"" + f(y - 4) + "\" width=\"8\" height=\"8\" fill=\"" + (t ? "#fff" : "#c62828")
                        + "\" stroke=\"#000\" stroke-width=\"1.5\"/>");
                w.print("<text x=\"" + f(x) + "\" y=\"" + f(y - 10) + "\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\">" + letters + "</text>");
            }
            w.println("</g>");
        }
        w.println("</svg>");
    }

    /** The days of a period: 2027-01-04 \u2013 01-10, or one day. */
    static String days(Period p, java.time.LocalDate start) {
        java.time.LocalDate end = p.end(start);
        return end.equals(start) ? start.toString() : start + " \u2013 " + end.toString().substring(5);
    }

    /** A round upper bound for the y axis: 5, 10, 20, 25, 40, 50, 75 or 100 %. */
    static double niceMax(double v) {
        for (double c : new double[]{0.05, 0.10, 0.20, 0.25, 0.40, 0.50, 0.75, 1.0}) if (v <= c + 1e-9) return c;
        return 1.0;
    }

    private static String pctShort(double v) {
        double p = Math.round(v * 1000) / 10.0;
        return (p == Math.rint(p) ? Long.toString(Math.round(p)) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

}
