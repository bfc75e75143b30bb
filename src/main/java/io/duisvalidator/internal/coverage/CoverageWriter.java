package io.duisvalidator.internal.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.coverage.CoverageReport.RequirementCoverage;
import io.duisvalidator.internal.coverage.CoverageReport.Status;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link CoverageReport} as text, CSV, JSON or an auditor's HTML page. */
public final class CoverageWriter {
    public static final List<String> FORMATS = List.of("text", "csv", "json", "html");

    private CoverageWriter() {}

    public static void write(CoverageReport r, String format, Writer w) throws IOException {
        switch (format) {
            case "csv" -> csv(r, w);
            case "json" -> json(r, w);
            case "html" -> html(r, w);
            case "text" -> text(r, w);
            default -> throw new IllegalArgumentException("unknown format " + format + " " + FORMATS);
        }
        w.flush();
    }

    /** One line: the headline counts, exact. */
    public static String summary(CoverageReport r) {
        long unreachable = r.requirements().stream().filter(q -> q.status() == Status.UNREACHABLE).count();
        return r.exercisedCount() + " of " + r.requirements().size() + " requirements exercised by " + r.messages()
                + " messages (" + r.accepted() + " accepted, " + r.rejected() + " rejected, " + r.errors() + " error); "
                + r.missing().size() + " reachable but never exercised; " + unreachable
                + " unreachable by any schema-valid message (discharged by static analysis)";
    }

    public static void text(CoverageReport r, Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("Requirements coverage, rule set " + r.ruleSet());
        w.println(summary(r));
        w.println();
        w.printf("%-34s %-13s %9s %9s %9s  %s%n", "requirement", "status", "exercised", "accepted", "rejected", "examples");
        for (RequirementCoverage q : r.requirements()) {
            w.printf("%-34s %-13s %9d %9d %9d  %s%n", q.requirement().id(), q.status(), q.exercised(), q.accepted(),
                    q.rejected(), String.join(", ", q.examples()));
        }
        w.println();
        list(w, "Requirements never exercised (" + r.neverExercised().size() + ")", r.neverExercised());
        list(w, "  of which reachable, to add to the corpus (" + r.missing().size() + ")", r.missing());
        list(w, "  of which unreachable by any schema-valid message (" + r.unreachable().size() + ")", r.unreachable());
        list(w, "Rules never fired (" + r.rulesNeverFired().size() + ")", r.rulesNeverFired());
        if (!r.unknownRequirements().isEmpty()) {
            w.println("Requirement ids in decisions but not in the catalogue: " + r.unknownRequirements());
        }
        matrixText(r.matrix(), w);
        list(w, "Traceability problems (" + r.traceability().size() + ")", r.traceability());
        w.flush();
    }

    private static void matrixText(MatrixAnalysis.Result m, PrintWriter w) {
        w.println("Static analysis of the tables: " + (m.sound() ? "sound" : "PROBLEMS") + " (eligibility.csv "
                + m.eligibilityRows() + " rows, trt.csv " + m.trtRowCount() + " rows: " + m.count(MatrixAnalysis.Reach.DECIDES)
                + " decide a TRT, " + m.count(MatrixAnalysis.Reach.REJECTS) + " reject as N/A, "
                + m.count(MatrixAnalysis.Reach.NOT_SCHEDULABLE) + " Scheduled cells of SRVs a 5.1 cannot schedule, "
                + m.count(MatrixAnalysis.Reach.UNREACHABLE) + " unreachable)");
        list(w, "  gaps (" + m.gaps().size() + ")", m.gaps());
        list(w, "  overlaps (" + m.overlaps().size() + ")", m.overlaps());
        list(w, "  unreachable rows (" + m.unreachable().size() + ")", m.unreachable());
        list(w, "  inconsistent cells (" + m.inconsistent().size() + ")", m.inconsistent());
    }

    private static void list(PrintWriter w, String title, List<String> items) {
        w.println(title + (items.isEmpty() ? ": none" : ":"));
        items.forEach(i -> w.println("  " + i));
    }

    public static void csv(CoverageReport r, Writer w) throws IOException {
        CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        p.printRecord("id", "document", "section", "source", "status", "exercised", "accepted", "rejected", "examples", "text");
        for (RequirementCoverage q : r.requirements()) {
            Requirement d = q.requirement();
            p.printRecord(d.id(), d.document(), d.section(), d.source(), q.status(), q.exercised(), q.accepted(),
                    q.rejected(), String.join(" ", q.examples()), d.text());
        }
        p.flush();
    }

    public static void json(CoverageReport r, Writer w) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("ruleSet", r.ruleSet().text());
        g.writeObjectFieldStart("messages");
        g.writeNumberField("total", r.messages());
        g.writeNumberField("accepted", r.accepted());
        g.writeNumberField("rejected", r.rejected());
        g.writeNumberField("error", r.errors());
        g.writeEndObject();
        g.writeNumberField("exercisedCount", r.exercisedCount());
        g.writeNumberField("requirementCount", r.requirements().size());
        g.writeArrayFieldStart("requirements");
        for (RequirementCoverage q : r.requirements()) {
            Requirement d = q.requirement();
            g.writeStartObject();
            g.writeStringField("id", d.id());
            g.writeStringField("document", d.document());
            g.writeStringField("section", d.section());
            g.writeStringField("source", d.source());
            g.writeStringField("encodedBy", d.encodedBy());
            g.writeStringField("text", d.text());
            g.writeStringField("status", q.status().name());
            g.writeNumberField("exercised", q.exercised());
            g.writeNumberField("accepted", q.accepted());
            g.writeNumberField("rejected", q.rejected());
            strings(g, "examples", q.examples());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "neverExercised", r.neverExercised());
        strings(g, "missing", r.missing());
        strings(g, "unreachable", r.unreachable());
        strings(g, "rulesNeverFired", r.rulesNeverFired());
        g.writeObjectFieldStart("unknownRequirements");
        for (Map.Entry<String, Long> e : r.unknownRequirements().entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        strings(g, "traceability", r.traceability());
        MatrixAnalysis.Result m = r.matrix();
        g.writeObjectFieldStart("matrix");
        g.writeBooleanField("sound", m.sound());
        strings(g, "gaps", m.gaps());
        strings(g, "overlaps", m.overlaps());
        strings(g, "unreachable", m.unreachable());
        strings(g, "inconsistent", m.inconsistent());
        g.writeObjectFieldStart("trtCells");
        for (MatrixAnalysis.Reach reach : MatrixAnalysis.Reach.values()) g.writeNumberField(reach.name(), m.count(reach));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.flush();
        w.write("\n");
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    public static void html(CoverageReport r, Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Requirements coverage</title><style>");
        w.println("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;width:100%;margin-bottom:1em;table-layout:fixed}"
                + "th:nth-child(1){width:15%}th:nth-child(2){width:24%}th:nth-child(3){width:22%}th:nth-child(4){width:8%}"
                + "th:nth-child(5),th:nth-child(6),th:nth-child(7){width:5%}td{overflow-wrap:anywhere}"
                + "th,td{border:1px solid #ccc;padding:3px 6px;font-size:13px;vertical-align:top;text-align:left}"
                + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#eee}"
                + "tr.EXERCISED td.st{background:#c8ecc8}tr.NOT_EXERCISED td.st{background:#f6b8b8;font-weight:bold}"
                + "tr.UNREACHABLE td.st{background:#ddd}.zero{color:#aaa}h2{margin-top:1.2em;border-bottom:2px solid #888}"
                + "h3{margin:.8em 0 .3em}.ok{color:#176117}.bad{color:#a11}code{font-size:12px}");
        w.println("</style></head><body>");
        w.println("<h1>Requirements coverage</h1>");
        w.println("<p>Rule set <code>" + esc(r.ruleSet().text()) + "</code></p>");
        w.println("<p><b>" + esc(summary(r)) + "</b></p>");
        w.println("<p>Status: <span style=\"background:#c8ecc8\">&nbsp;EXERCISED&nbsp;</span> by at least one message; "
                + "<span style=\"background:#f6b8b8\">&nbsp;NOT_EXERCISED&nbsp;</span> reachable, but no message of the corpus exercised it; "
                + "<span style=\"background:#ddd\">&nbsp;UNREACHABLE&nbsp;</span> no schema-valid message can reach it (checked by the static analysis below). "
                + "Counts are messages; accepted and rejected split them by outcome.</p>");
        Map<String, Map<String, List<RequirementCoverage>>> groups = new LinkedHashMap<>();
        for (RequirementCoverage q : r.requirements()) {
            groups.computeIfAbsent(q.requirement().document(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(q.requirement().section(), k -> new java.util.ArrayList<>()).add(q);
        }
        groups.forEach((doc, sections) -> {
            long total = sections.values().stream().mapToLong(List::size).sum();
            long ex = sections.values().stream().flatMap(List::stream).filter(q -> q.exercised() > 0).count();
            w.println("<h2>" + esc(documentTitle(doc)) + " <small>(" + ex + " of " + total + " exercised)</small></h2>");
            sections.forEach((section, qs) -> {
                w.println("<h3>" + esc(section) + "</h3><table><tr><th>requirement</th><th>text</th><th>source</th>"
                        + "<th>status</th><th>exercised</th><th>accepted</th><th>rejected</th><th>examples</th></tr>");
                for (RequirementCoverage q : qs) {
                    Requirement d = q.requirement();
                    w.println("<tr class=\"" + q.status() + "\"><td><code>" + esc(d.id()) + "</code></td><td>" + esc(d.text())
                            + "</td><td>" + esc(d.source()) + (Requirement.BY_READER.equals(d.encodedBy()) ? " <i>(encoded by the XML reader)</i>" : "")
                            + "</td><td class=\"st\">" + q.status() + "</td>" + num(q.exercised()) + num(q.accepted())
                            + num(q.rejected()) + "<td>" + esc(String.join(", ", q.examples())) + "</td></tr>");
                }
                w.println("</table>");
            });
        });
        MatrixAnalysis.Result m = r.matrix();
        w.println("<h2>Static analysis of the eligibility and TRT tables</h2>");
        w.println("<p class=\"" + (m.sound() ? "ok" : "bad") + "\"><b>" + (m.sound() ? "Sound" : "Problems found") + "</b>: "
                + m.eligibilityRows() + " eligibility rows, " + m.trtRowCount() + " TRT rows; "
                + m.count(MatrixAnalysis.Reach.DECIDES) + " TRT cells decide a TRT, " + m.count(MatrixAnalysis.Reach.REJECTS)
                + " reject as N/A, " + m.count(MatrixAnalysis.Reach.NOT_SCHEDULABLE) + " are Scheduled cells of SRVs a 5.1 cannot schedule, "
                + m.count(MatrixAnalysis.Reach.UNREACHABLE) + " are unreachable.</p>");
        htmlList(w, "Gaps", m.gaps());
        htmlList(w, "Overlaps", m.overlaps());
        htmlList(w, "Unreachable rows", m.unreachable());
        htmlList(w, "Inconsistent cells", m.inconsistent());
        w.println("<h2>Rules never fired (" + r.rulesNeverFired().size() + ")</h2><p><code>"
                + esc(String.join(" ", r.rulesNeverFired())) + "</code></p>");
        htmlList(w, "Traceability problems", r.traceability());
        if (!r.unknownRequirements().isEmpty()) htmlList(w, "Requirement ids in decisions but not in the catalogue",
                r.unknownRequirements().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + " messages").toList());
        w.println("</body></html>");
        w.flush();
    }

    private static void htmlList(PrintWriter w, String title, List<String> items) {
        w.println("<h3>" + esc(title) + " (" + items.size() + ")</h3>");
        if (items.isEmpty()) {
            w.println("<p class=\"ok\">none</p>");
            return;
        }
        w.println("<ul class=\"bad\">");
        items.forEach(i -> w.println("<li>" + esc(i) + "</li>"));
        w.println("</ul>");
    }

    private static String documentTitle(String doc) {
        return switch (doc) {
            case "MP162" -> "MP162 (SEC modification proposal)";
            case "SEC" -> "Smart Energy Code";
            case "DUIS" -> "DUIS (DCC User Interface Specification)";
            case "Project" -> "Project decisions (docs/decisions.md)";
            default -> doc;
        };
    }

    private static String num(long n) {
        return "<td class=\"n" + (n == 0 ? " zero" : "") + "\">" + n + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
