package io.duisvalidator.internal.coverage;

import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.coverage.CoverageGrid.Cell;
import io.duisvalidator.internal.coverage.CoverageGrid.Column;
import io.duisvalidator.internal.coverage.CoverageGrid.Mark;
import io.duisvalidator.internal.coverage.CoverageGrid.Row;
import io.duisvalidator.internal.coverage.CoverageGrid.Status;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.duisvalidator.internal.report.HtmlReport.esc;

/** Renders {@link CoverageGrid}s: aligned text with a one-character mark per cell, JSON cell by cell, and HTML tables. */
final class GridWriter {
    static final String EMPTY = "No message of this corpus exercised a cell of this table.";

    private GridWriter() {}

    // ---------------------------------------------------------------- text

    static void text(CoverageGrid g, PrintWriter w) {
        w.println(g.title() + " (" + g.reference() + "; rule set " + g.ruleSet() + ")");
        if (g.exercisedNothing()) w.println("  " + EMPTY);
        int levels = g.columns().stream().mapToInt(c -> c.header().size()).max().orElse(1);
        int first = Math.max(g.rowHeader().length(), g.rows().stream().mapToInt(r -> r.srv().length()).max().orElse(0)) + 2;
        int[] width = new int[g.columns().size()];
        for (int i = 0; i < width.length; i++) {
            Column c = g.columns().get(i);
            int w0 = c.header().get(c.header().size() - 1).length();
            for (Row r : g.rows()) w0 = Math.max(w0, cellText(r.cells().get(i)).length());
            width[i] = w0 + 2;
        }
        for (int level = 0; level < levels; level++) {
            StringBuilder line = new StringBuilder(pad(level == levels - 1 ? g.rowHeader() : "", first));
            int i = 0;
            while (i < width.length) {
                String label = label(g.columns().get(i), level);
                int span = 0;
                int j = i;
                while (j < width.length && sameGroup(g.columns().get(i), g.columns().get(j), level)) span += width[j++];
                line.append(pad(label.length() >= span ? label.substring(0, Math.max(0, span - 1)) : label, span));
                i = j;
            }
            w.println(line.toString().stripTrailing());
        }
        for (Row r : g.rows()) {
            StringBuilder line = new StringBuilder(pad(r.srv(), first));
            for (int i = 0; i < width.length; i++) line.append(pad(cellText(r.cells().get(i)), width[i]));
            w.println(line.toString().stripTrailing());
        }
        Map<Status, Long> counts = g.counts();
        List<String> parts = new ArrayList<>();
        counts.forEach((s, n) -> parts.add(n + " " + s.mark()));
        w.println("cells: " + String.join(", ", parts));
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Cell c : g.cells()) {
            if (c.status() == Status.UNREACHABLE) byReason.computeIfAbsent(c.reason(), k -> new ArrayList<>()).add(c.requirement());
        }
        byReason.forEach((reason, reqs) -> w.println("U " + String.join(" ", reqs) + ": " + reason));
        for (Cell c : g.cells()) {
            for (Mark m : c.marks()) w.println(m.symbol() + " " + c.requirement() + ": " + m.text());
        }
        w.println();
    }

    static void legendText(PrintWriter w) {
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) parts.add(s.mark() + " " + s.meaning());
        w.println("Each cell: the table's value, then a mark: " + String.join("; ", parts) + ".");
        w.println();
    }

    /** The cell as text: value, a space, the status mark and any marks' symbols. */
    static String cellText(Cell c) {
        StringBuilder b = new StringBuilder(c.value()).append(' ').append(c.status().mark());
        for (Mark m : c.marks()) b.append(m.symbol());
        return b.toString();
    }

    private static String label(Column c, int level) {
        return level < c.header().size() ? c.header().get(level) : "";
    }

    /** Two columns share a header group at {@code level} when their headers agree down to it. */
    private static boolean sameGroup(Column a, Column b, int level) {
        if (a.header().size() != b.header().size()) return false;
        if (level == a.header().size() - 1) return a == b;
        return a.header().subList(0, level + 1).equals(b.header().subList(0, level + 1));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    // ---------------------------------------------------------------- json

    static void json(CoverageGrid g, JsonGenerator j) throws IOException {
        j.writeStartObject();
        j.writeStringField("id", g.id());
        j.writeStringField("title", g.title());
        j.writeStringField("reference", g.reference());
        j.writeStringField("ruleSet", g.ruleSet());
        j.writeBooleanField("exercisedNothing", g.exercisedNothing());
        j.writeObjectFieldStart("cellCounts");
        for (Map.Entry<Status, Long> e : g.counts().entrySet()) j.writeNumberField(e.getKey().name(), e.getValue());
        j.writeEndObject();
        j.writeArrayFieldStart("columns");
        for (Column c : g.columns()) {
            j.writeStartObject();
            j.writeStringField("key", c.key());
            j.writeArrayFieldStart("header");
            for (String h : c.header()) j.writeString(h);
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("rows");
        for (Row r : g.rows()) {
            j.writeStartObject();
            j.writeStringField("srv", r.srv());
            j.writeStringField("name", r.name());
            j.writeArrayFieldStart("cells");
            for (Cell c : r.cells()) cellJson(c, j);
            j.writeEndArray();
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    private static void cellJson(Cell c, JsonGenerator j) throws IOException {
        j.writeStartObject();
        j.writeStringField("column", c.column());
        j.writeStringField("requirement", c.requirement());
        j.writeStringField("value", c.value());
        if (!c.note().isEmpty()) j.writeStringField("note", c.note());
        j.writeStringField("status", c.status().name());
        j.writeStringField("mark", String.valueOf(c.status().mark()));
        j.writeNumberField("exercised", c.exercised());
        j.writeNumberField("accepted", c.accepted());
        j.writeNumberField("rejected", c.rejected());
        j.writeStringField("source", c.source());
        if (c.reason() == null) j.writeNullField("reason"); else j.writeStringField("reason", c.reason());
        j.writeArrayFieldStart("examples");
        for (String e : c.examples()) j.writeString(e);
        j.writeEndArray();
        j.writeArrayFieldStart("marks");
        for (Mark m : c.marks()) {
            j.writeStartObject();
            j.writeStringField("kind", m.kind());
            j.writeStringField("symbol", m.symbol());
            j.writeStringField("text", m.text());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeEndObject();
    }

    // ---------------------------------------------------------------- html

    static final String CSS = """
            table.grid{border-collapse:collapse;margin:.4em 0 1em;font-size:13px}
            table.grid th{border:1px solid #888;background:#eee;padding:3px 6px;font-weight:600;text-align:center}
            table.grid th.srv{text-align:left;white-space:nowrap} table.grid th.srv .name{display:block;font-weight:normal;font-size:11px;color:#444;max-width:16em;white-space:normal}
            table.grid td.c{border:1px solid #888;padding:4px 8px;text-align:center;white-space:nowrap;position:relative;cursor:pointer;min-width:4.5em}
            table.grid td.c .s{display:inline-block;min-width:1.4em;font-weight:bold;margin-left:.3em}
            table.grid td.c sup{font-size:9px}
            td.c.ACCEPTS,.sw.ACCEPTS{background:#cdeccd} td.c.REJECTS,.sw.REJECTS{background:#cfdff5}
            td.c.BOTH,.sw.BOTH{background:linear-gradient(135deg,#cdeccd 50%,#cfdff5 50%)}
            td.c.NOT_EXERCISED,.sw.NOT_EXERCISED{background:#fff;outline:1.5px dashed #b71c1c;outline-offset:-3px}
            td.c.UNREACHABLE,.sw.UNREACHABLE{background:repeating-linear-gradient(45deg,#f2f2f2 0 4px,#d9d9d9 4px 8px);color:#424242}
            td.c .pop{display:none;position:absolute;z-index:5;left:0;top:100%;width:28em;background:#fff;color:#212121;border:1px solid #333;
              box-shadow:2px 2px 6px rgba(0,0,0,.3);padding:6px 8px;text-align:left;white-space:normal;font-size:12px;cursor:auto}
            td.c.r .pop{left:auto;right:0}
            td.c:hover .pop,td.c:focus .pop,td.c:focus-within .pop{display:block}
            td.c .pop code{overflow-wrap:anywhere} td.c .pop ul{margin:2px 0;padding-left:16px}
            td.c .mk{margin-left:.2em;font-weight:bold}
            .legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:13px;margin:.3em 0 1em;padding:0;list-style:none}
            .legend .sw{display:inline-block;min-width:2.4em;text-align:center;border:1px solid #888;margin-right:4px;font-weight:bold}
            p.empty{font-weight:bold;border:1px solid #888;padding:4px 8px;display:inline-block}
            @media print{td.c .pop{display:none!important} td.c,.sw{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    static void legendHtml(PrintWriter w) {
        w.println("<ul class=\"legend\" aria-label=\"what the cell marks mean\">");
        for (Status s : Status.values()) {
            w.println("<li><span class=\"sw " + s + "\">" + esc(s.symbol()) + "</span>" + esc(s.meaning()) + "</li>");
        }
        w.println("</ul>");
        w.println("<p class=\"hint\">Hover over a cell, or click it (or tab to it), for its requirement id, source, counts, "
                + "up to three example messages and, for an unreachable cell, the reason.</p>");
    }

    static void html(CoverageGrid g, PrintWriter w) {
        w.println("<section class=\"gridsec\" id=\"grid-" + esc(g.id()) + "\" data-rule-set=\"" + esc(g.ruleSet()) + "\">");
        w.println("<h2>" + esc(g.title()) + "</h2>");
        w.println("<p class=\"ref\">" + esc(g.reference()) + "; rule set <code>" + esc(g.ruleSet()) + "</code>. Cells: "
                + countsText(g) + ".</p>");
        if (g.exercisedNothing()) w.println("<p class=\"empty\">" + EMPTY + "</p>");
        int levels = g.columns().stream().mapToInt(c -> c.header().size()).max().orElse(1);
        w.println("<table class=\"grid\" id=\"table-" + esc(g.id()) + "\"><thead>");
        for (int level = 0; level < levels; level++) {
            w.print("<tr>");
            if (level == 0) w.print("<th scope=\"col\" class=\"srv\" rowspan=\"" + levels + "\">" + esc(g.rowHeader()) + "</th>");
            int i = 0;
            while (i < g.columns().size()) {
                int j = i;
                while (j < g.columns().size() && sameGroup(g.columns().get(i), g.columns().get(j), level)) j++;
                String label = label(g.columns().get(i), level);
                w.print("<th scope=\"" + (j - i > 1 ? "colgroup" : "col") + "\"" + (j - i > 1 ? " colspan=\"" + (j - i) + "\"" : "")
                        + ">" + esc(label) + "</th>");
                i = j;
            }
            w.println("</tr>");
        }
        w.println("</thead><tbody>");
        int half = g.columns().size() / 2;
        for (Row r : g.rows()) {
            w.print("<tr><th scope=\"row\" class=\"srv\">" + esc(r.srv()) + "<span class=\"name\">" + esc(r.name()) + "</span></th>");
            for (int i = 0; i < r.cells().size(); i++) cellHtml(g, r.cells().get(i), i >= half && half > 0, w);
            w.println("</tr>");
        }
        w.println("</tbody></table></section>");
    }

    private static void cellHtml(CoverageGrid g, Cell c, boolean right, PrintWriter w) {
        Status s = c.status();
        String title = c.requirement() + ": " + c.value() + "; " + s.meaning()
                + (c.exercised() > 0 ? "; " + c.exercised() + " messages (" + c.accepted() + " accepted, " + c.rejected() + " rejected)" : "");
        w.print("<td class=\"c " + s + (right ? " r" : "") + "\" tabindex=\"0\" data-req=\"" + esc(c.requirement())
                + "\" data-status=\"" + s + "\" data-exercised=\"" + c.exercised() + "\" data-accepted=\"" + c.accepted()
                + "\" data-rejected=\"" + c.rejected() + "\" title=\"" + esc(title) + "\">");
        w.print("<span class=\"v\">" + esc(c.value()) + "</span>");
        if (!c.footnote().isEmpty()) w.print("<sup>" + esc(c.footnote()) + "</sup>");
        w.print("<span class=\"s\" aria-hidden=\"true\">" + esc(s.symbol()) + "</span>");
        for (Mark m : c.marks()) w.print("<span class=\"mk\" title=\"" + esc(m.text()) + "\">" + esc(m.symbol()) + "</span>");
        w.print("<div class=\"pop\" role=\"note\"><b><code>" + esc(c.requirement()) + "</code></b><br>");
        w.print(esc(s.meaning()) + ".<br>Value: " + esc(c.value()) + (c.note().isEmpty() ? "" : " (" + esc(c.note()) + ")") + "<br>");
        if (!c.source().isEmpty()) w.print("Source: " + esc(c.source()) + "<br>");
        w.print("Messages: " + c.exercised() + " (" + c.accepted() + " accepted, " + c.rejected() + " rejected)");
        if (c.reason() != null) w.print("<br>Why unreachable: " + esc(c.reason()));
        if (!c.examples().isEmpty()) {
            w.print("<br>Examples:<ul>");
            for (String e : c.examples()) w.print("<li><code>" + esc(e) + "</code></li>");
            w.print("</ul>");
        }
        for (Mark m : c.marks()) w.print("<br>" + esc(m.symbol()) + " " + esc(m.kind()) + ": " + esc(m.text()));
        w.println("</div></td>");
    }

    private static String countsText(CoverageGrid g) {
        List<String> parts = new ArrayList<>();
        g.counts().forEach((s, n) -> parts.add(n + " " + s.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        return String.join(", ", parts);
    }

}
