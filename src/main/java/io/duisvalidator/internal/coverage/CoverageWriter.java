package io.duisvalidator.internal.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.coverage.CoverageReport.RequirementCoverage;
import io.duisvalidator.internal.coverage.CoverageReport.RuleNotFired;
import io.duisvalidator.internal.coverage.CoverageReport.Status;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.duisvalidator.internal.report.HtmlReport.esc;

/**
 * Writes a {@link CoverageReport} as text, CSV, JSON or an auditor's HTML page. Text, JSON and HTML begin with the
 * eligibility matrix and the TRT table as coverage grids ({@link CoverageGrid}, rendered by {@link GridWriter}), then
 * the requirement list, the rules never fired grouped by why, the static analysis and the traceability check.
 */
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
        GridWriter.legendText(w);
        for (CoverageGrid g : r.grids()) GridWriter.text(g, w);
        w.printf("%-34s %-13s %9s %9s %9s  %s%n", "requirement", "status", "exercised", "accepted", "rejected", "examples");
        for (RequirementCoverage q : r.requirements()) {
            w.printf("%-34s %-13s %9d %9d %9d  %s%n", q.requirement().id(), q.status(), q.exercised(), q.accepted(),
                    q.rejected(), String.join(", ", q.examples()));
        }
        w.println();
        list(w, "Requirements never exercised (" + r.neverExercised().size() + ")", r.neverExercised());
        list(w, "  of which reachable, to add to the corpus (" + r.missing().size() + ")", r.missing());
        Map<String, List<String>> byReason = new TreeMap<>();
        for (String id : r.unreachable()) {
            byReason.computeIfAbsent(r.reachability().requirements().getOrDefault(id, "(no reason recorded)"), k -> new ArrayList<>()).add(id);
        }
        list(w, "  of which unreachable by any schema-valid message (" + r.unreachable().size() + "), by reason",
                byReason.entrySet().stream().map(e -> String.join(" ", e.getValue()) + ": " + e.getKey()).toList());
        w.println("Rules never fired (" + r.rulesNeverFired().size() + "), grouped by why:");
        list(w, "  unreachable by construction (" + r.rulesUnreachable().size() + ")",
                r.rulesUnreachable().stream().map(n -> n.ruleId() + " (" + n.requirement() + "): " + n.reason()).toList());
        Map<String, List<String>> byReq = notExercisedByRequirement(r);
        list(w, "  not exercised by this corpus (" + r.rulesNotExercised().size() + "), by requirement",
                byReq.entrySet().stream().map(e -> e.getKey() + ": " + String.join(" ", e.getValue())).toList());
        if (!r.unknownRequirements().isEmpty()) {
            w.println("Requirement ids in decisions but not in the catalogue: " + r.unknownRequirements());
        }
        matrixText(r.matrix(), w);
        list(w, "Traceability problems (" + r.traceability().size() + ")", r.traceability());
        w.flush();
    }

    private static Map<String, List<String>> notExercisedByRequirement(CoverageReport r) {
        Map<String, List<String>> out = new TreeMap<>();
        for (RuleNotFired n : r.rulesNotExercised()) out.computeIfAbsent(n.requirement(), k -> new ArrayList<>()).add(n.ruleId());
        return out;
    }

    private static void matrixText(MatrixAnalysis.Result m, PrintWriter w) {
        w.println("Static analysis of the tables: " + (m.sound() ? "sound" : "PROBLEMS") + " (" + matrixCounts(m) + ")");
        list(w, "  gaps (" + m.gaps().size() + ")", m.gaps());
        list(w, "  overlaps (" + m.overlaps().size() + ")", m.overlaps());
        list(w, "  unreachable rows (" + m.unreachable().size() + ")", m.unreachable());
        list(w, "  inconsistent cells (" + m.inconsistent().size() + ")", m.inconsistent());
    }

    private static String matrixCounts(MatrixAnalysis.Result m) {
        return "eligibility.csv " + m.eligibilityRows() + " rows, trt.csv " + m.trtRowCount() + " rows: "
                + m.count(MatrixAnalysis.Reach.DECIDES) + " decide a TRT, " + m.count(MatrixAnalysis.Reach.REJECTS)
                + " reject as N/A, " + m.count(MatrixAnalysis.Reach.NOT_SCHEDULABLE)
                + " Scheduled cells of SRVs a 5.1 cannot schedule, " + m.count(MatrixAnalysis.Reach.UNREACHABLE) + " unreachable";
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
        g.writeArrayFieldStart("grids");
        for (CoverageGrid grid : r.grids()) GridWriter.json(grid, g);
        g.writeEndArray();
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
            String reason = r.reachability().requirements().get(d.id());
            if (reason != null) g.writeStringField("unreachableBecause", reason);
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "neverExercised", r.neverExercised());
        strings(g, "missing", r.missing());
        strings(g, "unreachable", r.unreachable());
        strings(g, "rulesNeverFired", r.rulesNeverFired());
        g.writeObjectFieldStart("rulesNeverFiredByWhy");
        g.writeArrayFieldStart("unreachable");
        for (RuleNotFired n : r.rulesUnreachable()) {
            g.writeStartObject();
            g.writeStringField("ruleId", n.ruleId());
            g.writeStringField("requirement", n.requirement());
            g.writeStringField("reason", n.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notExercised");
        for (RuleNotFired n : r.rulesNotExercised()) {
            g.writeStartObject();
            g.writeStringField("ruleId", n.ruleId());
            g.writeStringField("requirement", n.requirement());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
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

    private static final String PAGE_CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:1.5em;color:#212121}
            h1{font-size:22px;margin:0 0 8px} h2{font-size:17px;margin:1.4em 0 .3em;border-bottom:2px solid #888} h3{font-size:15px;margin:.8em 0 .3em}
            p.ref{margin:.2em 0;color:#424242;font-size:13px} .hint{font-size:12px;color:#424242}
            table.req{border-collapse:collapse;width:100%;margin-bottom:1em;table-layout:fixed}
            table.req col.id{width:15%} table.req col.text{width:23%} table.req col.src{width:16%} table.req col.st{width:9%}
            table.req col.n{width:6.5%} table.req col.ex{width:17.5%} table.req th{overflow-wrap:normal}
            table.req th,table.req td{border:1px solid #bbb;padding:3px 6px;font-size:13px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
            table.req th{background:#eee} td.n{text-align:right;font-variant-numeric:tabular-nums} .zero{color:#757575}
            table.req ul.ex{margin:0;padding-left:1.1em} table.req ul.ex code{font-size:11.5px;overflow-wrap:anywhere}
            tr.EXERCISED td.st{background:#cdeccd} tr.NOT_EXERCISED td.st{background:#f8c9c9;font-weight:bold} tr.UNREACHABLE td.st{background:#e0e0e0}
            td.st:before{font-weight:bold;margin-right:.3em} tr.EXERCISED td.st:before{content:"\\2713"} tr.NOT_EXERCISED td.st:before{content:"\\25CB"}
            tr.UNREACHABLE td.st:before{content:"\\2298"}
            form.filters{position:sticky;top:0;background:#fafafa;border:1px solid #bbb;padding:6px 10px;margin:.6em 0;font-size:13px;z-index:6}
            form.filters label{margin-right:14px} #f-count{font-weight:bold}
            .ok{color:#1b5e20} .bad{color:#b71c1c} code{font-size:12px}
            table.why{border-collapse:collapse;width:100%;table-layout:fixed;margin-bottom:1em}
            table.why th,table.why td{border:1px solid #bbb;padding:3px 6px;font-size:13px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
            table.why th{background:#eee} table.why col.q{width:24%}
            @media print{form.filters{display:none} tr.hidden,section.hidden{display:table-row!important} section.hidden{display:block!important}
              tr.EXERCISED td.st,tr.NOT_EXERCISED td.st,tr.UNREACHABLE td.st{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    private static final String FILTER_JS = """
            (function(){
              var doc=document.getElementById('f-doc'),st=document.getElementById('f-status'),tx=document.getElementById('f-text'),
                  count=document.getElementById('f-count');
              function apply(){
                var d=doc.value,s=st.value,t=tx.value.toLowerCase(),shown=0;
                document.querySelectorAll('section.reqsec').forEach(function(sec){
                  var any=0;
                  sec.querySelectorAll('tr[data-status]').forEach(function(tr){
                    var ok=(!d||tr.getAttribute('data-doc')===d)&&(!s||tr.getAttribute('data-status')===s)
                      &&(!t||tr.textContent.toLowerCase().indexOf(t)>=0);
                    tr.style.display=ok?'':'none'; tr.className=tr.className.replace(/ ?hidden/,'')+(ok?'':' hidden');
                    if(ok){any++;shown++;}
                  });
                  sec.style.display=any?'':'none';
                });
                count.textContent=shown+' shown';
              }
              [doc,st].forEach(function(e){e.addEventListener('change',apply);}); tx.addEventListener('input',apply); apply();
            })();
            """;

    public static void html(CoverageReport r, Writer out) {
        PrintWriter w = new PrintWriter(out);
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Requirements coverage</title><style>");
        w.print(PAGE_CSS);
        w.print(GridWriter.CSS);
        w.println("</style></head><body>");
        w.println("<h1>Requirements coverage</h1>");
        w.println("<p>Rule set <code>" + esc(r.ruleSet().text()) + "</code></p>");
        w.println("<p><b>" + esc(summary(r)) + "</b></p>");
        w.println("<h2>The SEC's tables as coverage grids</h2>");
        w.println("<p>Each cell shows the table's value (yes / no; the TRT or N/A) and what this corpus did to it. Counts are "
                + "messages that exercised the cell's requirement; accepted and rejected split them by outcome.</p>");
        GridWriter.legendHtml(w);
        for (CoverageGrid g : r.grids()) GridWriter.html(g, w);
        requirementsHtml(r, w);
        neverFiredHtml(r, w);
        MatrixAnalysis.Result m = r.matrix();
        w.println("<h2>Static analysis of the eligibility and TRT tables</h2>");
        w.println("<p class=\"" + (m.sound() ? "ok" : "bad") + "\"><b>" + (m.sound() ? "Sound" : "Problems found") + "</b>: "
                + esc(matrixCounts(m)) + ".</p>");
        htmlList(w, "Gaps", m.gaps());
        htmlList(w, "Overlaps", m.overlaps());
        htmlList(w, "Unreachable rows", m.unreachable());
        htmlList(w, "Inconsistent cells", m.inconsistent());
        htmlList(w, "Traceability problems", r.traceability());
        if (!r.unknownRequirements().isEmpty()) htmlList(w, "Requirement ids in decisions but not in the catalogue",
                r.unknownRequirements().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + " messages").toList());
        w.println("<script>");
        w.print(FILTER_JS);
        w.println("</script></body></html>");
        w.flush();
    }

    private static void requirementsHtml(CoverageReport r, PrintWriter w) {
        w.println("<h2 id=\"requirements\">Requirements</h2>");
        w.println("<p>Status: <b>\u2713 EXERCISED</b> by at least one message; <b>\u25cb NOT_EXERCISED</b> reachable, but no "
                + "message of the corpus exercised it; <b>\u2298 UNREACHABLE</b> no schema-valid message can reach it "
                + "(the static analysis below discharges it).</p>");
        Map<String, Map<String, List<RequirementCoverage>>> groups = new LinkedHashMap<>();
        for (RequirementCoverage q : r.requirements()) {
            groups.computeIfAbsent(q.requirement().document(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(q.requirement().section(), k -> new ArrayList<>()).add(q);
        }
        w.println("<form class=\"filters\" onsubmit=\"return false\"><label>Document <select id=\"f-doc\"><option value=\"\">all</option>");
        for (String doc : groups.keySet()) w.println("<option value=\"" + esc(doc) + "\">" + esc(documentTitle(doc)) + "</option>");
        w.println("</select></label><label>Status <select id=\"f-status\"><option value=\"\">all</option>");
        for (Status s : Status.values()) w.println("<option value=\"" + s + "\">" + s + "</option>");
        w.println("</select></label><label>Text <input id=\"f-text\" type=\"search\" size=\"24\" placeholder=\"id, text, example\"></label>"
                + "<span id=\"f-count\"></span></form>");
        groups.forEach((doc, sections) -> {
            long total = sections.values().stream().mapToLong(List::size).sum();
            long ex = sections.values().stream().flatMap(List::stream).filter(q -> q.exercised() > 0).count();
            w.println("<h2>" + esc(documentTitle(doc)) + " <small>(" + ex + " of " + total + " exercised)</small></h2>");
            sections.forEach((section, qs) -> {
                w.println("<section class=\"reqsec\" data-doc=\"" + esc(doc) + "\"><h3>" + esc(section) + "</h3><table class=\"req\">"
                        + "<colgroup><col class=\"id\"><col class=\"text\"><col class=\"src\"><col class=\"st\"><col class=\"n\">"
                        + "<col class=\"n\"><col class=\"n\"><col class=\"ex\"></colgroup>"
                        + "<thead><tr><th>requirement</th><th>text</th><th>source</th><th>status</th><th>exercised</th>"
                        + "<th>accepted</th><th>rejected</th><th>examples</th></tr></thead><tbody>");
                for (RequirementCoverage q : qs) {
                    Requirement d = q.requirement();
                    String reason = r.reachability().requirements().get(d.id());
                    w.print("<tr class=\"" + q.status() + "\" data-doc=\"" + esc(doc) + "\" data-status=\"" + q.status()
                            + "\"><td><code>" + esc(d.id()) + "</code></td><td>" + esc(d.text()) + "</td><td>" + esc(d.source())
                            + (Requirement.BY_READER.equals(d.encodedBy()) ? " <i>(encoded by the XML reader)</i>" : "")
                            + "</td><td class=\"st\">" + q.status() + (reason == null ? "" : "<br><small>" + esc(reason) + "</small>")
                            + "</td>" + num(q.exercised()) + num(q.accepted()) + num(q.rejected()) + "<td>");
                    if (!q.examples().isEmpty()) {
                        w.print("<ul class=\"ex\">");
                        for (String e : q.examples()) w.print("<li><code>" + esc(e) + "</code></li>");
                        w.print("</ul>");
                    }
                    w.println("</td></tr>");
                }
                w.println("</tbody></table></section>");
            });
        });
    }

    private static void neverFiredHtml(CoverageReport r, PrintWriter w) {
        w.println("<h2 id=\"never-fired\">Rules never fired (" + r.rulesNeverFired().size() + "), grouped by why</h2>");
        Map<String, List<String>> unreachableReqs = new TreeMap<>();
        r.reachability().requirements().forEach((q, reason) -> unreachableReqs.computeIfAbsent(reason, k -> new ArrayList<>()).add(q));
        w.println("<h3>Unreachable by construction (" + r.rulesUnreachable().size() + " rules; " + r.reachability().requirements().size()
                + " requirements discharged without a rule)</h3>");
        if (r.rulesUnreachable().isEmpty() && unreachableReqs.isEmpty()) {
            w.println("<p class=\"ok\">none</p>");
        } else {
            w.println("<table class=\"why\"><colgroup><col class=\"q\"><col></colgroup><thead><tr><th>requirements and rules</th>"
                    + "<th>why no schema-valid message reaches them</th></tr></thead><tbody>");
            Map<String, List<String>> rulesByReason = new TreeMap<>();
            for (RuleNotFired n : r.rulesUnreachable()) rulesByReason.computeIfAbsent(n.reason(), k -> new ArrayList<>()).add(n.ruleId());
            TreeSet<String> reasons = new TreeSet<>(unreachableReqs.keySet());
            reasons.addAll(rulesByReason.keySet());
            for (String reason : reasons) {
                List<String> ids = new ArrayList<>(unreachableReqs.getOrDefault(reason, List.of()));
                rulesByReason.getOrDefault(reason, List.of()).forEach(id -> ids.add("rule " + id));
                w.println("<tr><td><code>" + esc(String.join(" ", ids)) + "</code></td><td>" + esc(reason) + "</td></tr>");
            }
            w.println("</tbody></table>");
        }
        Map<String, List<String>> byReq = notExercisedByRequirement(r);
        w.println("<h3>Not exercised by this corpus (" + r.rulesNotExercised().size() + " rules, " + byReq.size()
                + " requirements): a message could fire them; add one to exercise them</h3>");
        if (byReq.isEmpty()) {
            w.println("<p class=\"ok\">none</p>");
            return;
        }
        w.println("<table class=\"why\"><colgroup><col class=\"q\"><col></colgroup><thead><tr><th>requirement</th><th>rules never fired</th></tr></thead><tbody>");
        byReq.forEach((q, ids) -> w.println("<tr><td><code>" + esc(q) + "</code></td><td><code>" + esc(String.join(" ", ids)) + "</code></td></tr>"));
        w.println("</tbody></table>");
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
}
