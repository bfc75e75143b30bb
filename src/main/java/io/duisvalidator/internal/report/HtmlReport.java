package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.internal.decision.ResponseCodes;
import io.duisvalidator.internal.text.Printable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained page for people (no external resources): a summary, bar charts of outcomes by response code
 * and by SRV as inline SVG, and a sortable table of the rejected and errored messages with their findings and
 * references. The summary comes first on the page, so table rows are spooled to a temporary file as results stream
 * past; past {@link #MAX_ROWS} rows the page says how many it leaves out (the jsonl output has them all).
 */
public final class HtmlReport implements ReportWriter {
    public static final int MAX_ROWS = 20_000;
    private static final String GREEN = "#2e7d32";
    private static final String RED = "#c62828";
    private static final String GREY = "#616161";

    private final OutputStream out;
    private final Spool spool;
    private long rows;
    private long omitted;

    public HtmlReport(OutputStream out) throws IOException {
        this.out = out;
        this.spool = new Spool("duis-html");
    }

    @Override
    public void write(FileResult r) throws IOException {
        Decision d = r.decision();
        if (d.outcome() == Outcome.ACCEPTED) return;
        if (rows >= MAX_ROWS) {
            omitted++;
            return;
        }
        rows++;
        Writer w = spool.writer();
        w.write("<tr class=\"" + (d.outcome() == Outcome.ERROR ? "err" : "rej") + "\"><td data-v=\"" + r.index() + "\">"
                + (r.index() + 1) + "</td><td class=\"file\">" + esc(r.file()) + "</td><td class=\"rid\">" + esc(d.requestId())
                + "</td><td>" + esc(d.srv()) + "</td><td>" + esc(d.role()) + "</td><td><b>" + esc(d.responseCode())
                + "</b></td><td><ul>");
        for (Finding f : d.findings()) {
            w.write("<li><span class=\"sev " + f.severity().name().toLowerCase(Locale.ROOT) + "\">" + f.severity()
                    + "</span> <b>" + esc(f.code()) + "</b> <code>" + esc(f.ruleId()) + "</code> " + esc(f.message())
                    + "<div class=\"ref\">" + esc(f.requirement()) + ": " + esc(f.reference()) + "</div></li>");
        }
        w.write("</ul></td></tr>\n");
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>DUIS validation report</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#212121}
                h1{font-size:22px;margin:0 0 12px} h2{font-size:17px;margin:24px 0 8px}
                table.summary td{padding:2px 14px 2px 0} .num{font-variant-numeric:tabular-nums}
                .charts{display:flex;flex-wrap:wrap;gap:32px} .chart{border:1px solid #e0e0e0;padding:8px 12px}
                table.rej{border-collapse:collapse;width:100%;font-size:13px}
                table.rej th{background:#eceff1;cursor:pointer;text-align:left;padding:6px;position:sticky;top:0;user-select:none;white-space:nowrap}
                table.rej th:after{content:" \\2195";color:#9e9e9e} table.rej th.asc:after{content:" \\2191";color:#212121}
                table.rej th.desc:after{content:" \\2193";color:#212121}
                table.rej td{border-top:1px solid #e0e0e0;padding:6px;vertical-align:top} td.file{word-break:break-all;min-width:260px} td.rid{font-family:monospace;font-size:12px;word-break:break-all;min-width:190px}
                tr.err td{background:#f5f5f5} table.rej td:nth-child(6){white-space:nowrap} ul{margin:0;padding-left:16px} .ref{color:#616161;font-size:12px}
                .sev{font-size:11px;padding:0 4px;border-radius:3px;color:#fff;background:#c62828}
                .sev.warning{background:#ef6c00} .sev.info{background:#1565c0} .note{color:#616161}
                </style></head><body>
                <h1>DUIS validation report</h1>
                """);
        w.write("<table class=\"summary\">");
        row(w, "files", s.total());
        row(w, "accepted", s.accepted());
        row(w, "rejected", s.rejected());
        row(w, "errored", s.errored());
        w.write("<tr><td>rule set</td><td>" + esc(s.ruleSetText()) + "</td></tr>");
        w.write(String.format(Locale.ROOT, "<tr><td>loaded in</td><td>%d ms (%s)</td></tr><tr><td>validated in</td>"
                + "<td>%.3f s (%.0f messages/s)</td></tr></table>%n", s.loadMillis(),
                s.rulesPrebuilt() ? "prebuilt rule model" : "rules compiled at start", s.validateNanos() / 1e9, s.rate()));

        w.write("<div class=\"charts\"><div class=\"chart\"><h2>Messages by response code</h2>\n");
        List<Bar> byCode = new ArrayList<>();
        for (Map.Entry<String, Long> e : s.byCode().entrySet()) {
            String c = e.getKey();
            String colour = ResponseCodes.ACCEPTED.equals(c) ? GREEN
                    : ResponseCodes.INPUT.equals(c) || ResponseCodes.INTERNAL.equals(c) ? GREY : RED;
            byCode.add(new Bar(c, new long[]{e.getValue()}, new String[]{colour}));
        }
        byCode.sort(java.util.Comparator.comparingInt((Bar b) -> rankOf(b.label)).thenComparing(Bar::label));
        chart(w, byCode);
        w.write("</div><div class=\"chart\"><h2>Outcomes by SRV</h2>\n");
        List<Bar> bySrv = new ArrayList<>();
        for (Map.Entry<String, long[]> e : s.bySrvOutcome().entrySet()) {
            long[] v = e.getValue();
            bySrv.add(new Bar(e.getKey(), new long[]{v[Outcome.ACCEPTED.ordinal()], v[Outcome.REJECTED.ordinal()],
                    v[Outcome.ERROR.ordinal()]}, new String[]{GREEN, RED, GREY}));
        }
        chart(w, bySrv);
        w.write("<div class=\"note\"><span style=\"color:" + GREEN + "\">&#9632;</span> accepted "
                + "<span style=\"color:" + RED + "\">&#9632;</span> rejected <span style=\"color:" + GREY
                + "\">&#9632;</span> errored</div></div></div>\n");

        w.write("<h2>Rejected and errored messages</h2>\n");
        if (rows == 0) {
            w.write("<p class=\"note\">None.</p>\n");
        } else {
            if (omitted > 0) {
                w.write("<p class=\"note\">The first " + rows + " are listed; " + omitted
                        + " more are left out of this page (the jsonl output lists every message).</p>\n");
            }
            w.write("<p class=\"note\">Click a column heading to sort.</p>\n<table class=\"rej\" id=\"rej\"><thead><tr>"
                    + "<th data-num=\"1\">#</th><th>file</th><th>RequestID</th><th>SRV</th><th>role</th>"
                    + "<th>code</th><th>findings</th></tr></thead><tbody>\n");
            w.flush();
            spool.copyTo(out);
            w.write("</tbody></table>\n");
            w.write(SORT_SCRIPT);
        }
        w.write("</body></html>\n");
        w.flush();
    }

    /** Codes in the contract's precedence, then I99 first among the rest, then the others by name. */
    private static int rankOf(String code) {
        return ResponseCodes.ACCEPTED.equals(code) ? -1 : ResponseCodes.rank(code);
    }

    private record Bar(String label, long[] values, String[] colours) {
        long total() {
            long t = 0;
            for (long v : values) t += v;
            return t;
        }
    }

    /** A horizontal bar chart, one (stacked) bar per label, scaled to the largest total. */
    private static void chart(Writer w, List<Bar> bars) throws IOException {
        int labelW = 110;
        int barW = 360;
        int rowH = 22;
        int height = Math.max(1, bars.size()) * rowH + 4;
        long max = 1;
        for (Bar b : bars) max = Math.max(max, b.total());
        w.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (labelW + barW + 90) + "\" height=\"" + height
                + "\" role=\"img\" font-size=\"12\" font-family=\"sans-serif\">\n");
        int y = 2;
        for (Bar b : bars) {
            w.write("<text x=\"" + (labelW - 6) + "\" y=\"" + (y + 15) + "\" text-anchor=\"end\">" + esc(b.label)
                    + "</text>");
            double x = labelW;
            for (int i = 0; i < b.values.length; i++) {
                if (b.values[i] == 0) continue;
                double len = Math.max(1, (double) b.values[i] / max * barW);
                w.write(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s: %d</title></rect>", x, y + 2, len, rowH - 6, b.colours[i], esc(b.label), b.values[i]));
                x += len;
            }
            w.write(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>%n", x + 6, y + 15, b.total()));
            y += rowH;
        }
        w.write("</svg>\n");
    }

    private static void row(Writer w, String name, long n) throws IOException {
        w.write("<tr><td>" + name + "</td><td class=\"num\">" + n + "</td></tr>");
    }

    /**
     * Escapes text for HTML element content and double-quoted attributes (null is empty); shared by the html pages.
     * Control and bidirectional characters are first written as visible escapes ({@link Printable#text}), so a
     * hostile file name or field cannot hide or reorder text on the page.
     */
    public static String esc(String s) {
        if (s == null) return "";
        s = Printable.text(s);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String SORT_SCRIPT = """
            <script>
            (function(){
              var t=document.getElementById('rej'); if(!t) return;
              var ths=t.tHead.rows[0].cells;
              for (var i=0;i<ths.length;i++) (function(i){ ths[i].addEventListener('click',function(){
                var asc=!this.classList.contains('asc');
                for (var j=0;j<ths.length;j++) ths[j].classList.remove('asc','desc');
                this.classList.add(asc?'asc':'desc');
                var num=this.hasAttribute('data-num'), body=t.tBodies[0], rows=Array.prototype.slice.call(body.rows);
                rows.sort(function(a,b){
                  var x=a.cells[i], y=b.cells[i];
                  var u=num?Number(x.getAttribute('data-v')):x.textContent, v=num?Number(y.getAttribute('data-v')):y.textContent;
                  var c=num?u-v:u.localeCompare(v,undefined,{numeric:true});
                  return asc?c:-c; });
                rows.forEach(function(r){body.appendChild(r);});
              });})(i);
            })();
            </script>
            """;

    @Override
    public void close() throws IOException {
        spool.close();
        out.flush();
    }
}
