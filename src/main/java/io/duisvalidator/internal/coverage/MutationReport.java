package io.duisvalidator.internal.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.text.Printable;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static io.duisvalidator.internal.report.HtmlReport.esc;

/**
 * What {@code coverage --mutate} found: each mutant killed or survived (and by which messages), and the mutation
 * score (killed / mutants of reachable requirements) per requirement, per document and overall; written as text,
 * JSON ({@code {"ruleSet", "score", "mutants": [{"requirement", "mutation", "killed", "killedBy"}]}} and more) or
 * HTML (the coverage grids with the survivors marked).
 *
 * @param baseline differences of the unmutated rule base from the corpus's expected.jsonl: when there are any, no
 *                 mutant is judged (a corpus that fails its own oracle kills every mutant) and there is no score
 */
public record MutationReport(String ruleSet, int scenarios, long messages, List<Result> results, List<String> baseline,
                             Map<String, String> notBuilt, Requirements catalogue, Reachability reach,
                             List<CoverageGrid> grids, long millis) {
    public static final List<String> FORMATS = List.of("text", "json", "html");

    /**
     * @param reachable whether a schema-valid message can reach the mutant's requirement (only those count)
     * @param touched   messages whose decision inputs the mutant changed
     */
    public record Result(Mutants.Mutant mutant, boolean reachable, boolean killed, List<String> killedBy, int touched) {}

    /** Killed and counted mutants of a group, and its score. */
    public record Score(String name, int mutants, int killed) {
        public double score() { return mutants == 0 ? 1.0 : (double) killed / mutants; }
    }

    public boolean judged() { return baseline.isEmpty(); }

    public Score overall() {
        return score("all", results);
    }

    private static Score score(String name, List<Result> rs) {
        int n = 0;
        int k = 0;
        for (Result r : rs) {
            if (!r.reachable()) continue;
            n++;
            if (r.killed()) k++;
        }
        return new Score(name, n, k);
    }

    /** Scores by document (MP162, SEC, DUIS, Project) of the mutants' requirements. */
    public List<Score> byDocument() {
        Map<String, List<Result>> g = new TreeMap<>();
        for (Result r : results) g.computeIfAbsent(document(r.mutant().requirement()), k -> new ArrayList<>()).add(r);
        List<Score> out = new ArrayList<>();
        g.forEach((d, rs) -> out.add(score(d, rs)));
        return out;
    }

    /** Scores by requirement, in the order the mutants were made. */
    public List<Score> byRequirement() {
        Map<String, List<Result>> g = new LinkedHashMap<>();
        for (Result r : results) g.computeIfAbsent(r.mutant().requirement(), k -> new ArrayList<>()).add(r);
        List<Score> out = new ArrayList<>();
        g.forEach((q, rs) -> out.add(score(q, rs)));
        return out;
    }

    public List<Result> survivors() {
        return results.stream().filter(r -> r.reachable() && !r.killed()).toList();
    }

    private String document(String requirement) {
        return catalogue.get(requirement).map(Requirement::document).orElse("(not in the catalogue)");
    }

    public static String percent(double score) {
        return String.format(Locale.ROOT, "%.4f", score);
    }

    public String summary() {
        if (!judged()) return "no score: the rules as they are already differ from expected.jsonl in "
                + baseline.size() + " places";
        Score s = overall();
        return "mutation score " + percent(s.score()) + ": " + s.killed() + " of " + s.mutants()
                + " mutants of reachable requirements killed, " + (s.mutants() - s.killed()) + " survived ("
                + messages + " messages in " + scenarios + " scenarios; " + results.size() + " mutants in all)";
    }

    public void write(String format, Writer w) throws IOException {
        switch (format) {
            case "text" -> text(new PrintWriter(w));
            case "json" -> json(w);
            case "html" -> html(new PrintWriter(w));
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
        w.flush();
    }

    // ---------------------------------------------------------------- text

    void text(PrintWriter w) {
        w.println("Mutation analysis of rule set " + ruleSet);
        w.println(summary());
        if (!judged()) {
            w.println("Fix these first (validate --expect shows the same):");
            baseline.forEach(b -> w.println("  " + Printable.text(b)));
            w.flush();
            return;
        }
        w.println();
        w.println("By document:");
        for (Score s : byDocument()) w.println("  " + pad(s.name(), 10) + percent(s.score()) + "  " + s.killed() + "/" + s.mutants());
        List<Result> survivors = survivors();
        w.println();
        w.println("Survivors (" + survivors.size() + "): each is a wrong rule this corpus would not notice");
        for (Result r : survivors) {
            w.println("  " + r.mutant().requirement() + "  " + r.mutant().mutation() + "  (" + r.touched() + " messages reach it)");
        }
        w.println();
        w.println("By requirement (killed/mutants; for each mutant: K killed or S survived, and up to three messages that killed it):");
        Map<String, List<Result>> g = new LinkedHashMap<>();
        for (Result r : results) g.computeIfAbsent(r.mutant().requirement(), k -> new ArrayList<>()).add(r);
        for (Score s : byRequirement()) {
            w.println("  " + s.name() + "  " + s.killed() + "/" + s.mutants());
            for (Result r : g.get(s.name())) {
                w.println("    " + (r.killed() ? "K " : r.reachable() ? "S " : "- ") + r.mutant().mutation()
                        + (r.reachable() ? "" : " (unreachable requirement: not counted)")
                        + (r.killedBy().isEmpty() ? "" : "  <- " + String.join(", ", r.killedBy().stream().map(Printable::text).toList())));
            }
        }
        if (!notBuilt.isEmpty()) {
            w.println();
            w.println("Mutants not built:");
            notBuilt.forEach((m, why) -> w.println("  " + m + ": " + why));
        }
        w.flush();
    }

    private static String pad(String s, int n) {
        return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
    }

    // ---------------------------------------------------------------- json

    void json(Writer out) throws IOException {
        try (JsonGenerator j = new JsonFactory().createGenerator(out)) {
            j.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            j.useDefaultPrettyPrinter();
            j.writeStartObject();
            j.writeStringField("ruleSet", ruleSet);
            if (judged()) j.writeNumberField("score", overall().score()); else j.writeNullField("score");
            j.writeNumberField("killed", overall().killed());
            j.writeNumberField("counted", overall().mutants());
            j.writeNumberField("scenarios", scenarios);
            j.writeNumberField("messages", messages);
            j.writeArrayFieldStart("baselineDifferences");
            for (String b : baseline) j.writeString(b);
            j.writeEndArray();
            j.writeArrayFieldStart("documents");
            for (Score s : judged() ? byDocument() : List.<Score>of()) scoreJson(s, "document", j);
            j.writeEndArray();
            j.writeArrayFieldStart("requirements");
            for (Score s : judged() ? byRequirement() : List.<Score>of()) scoreJson(s, "requirement", j);
            j.writeEndArray();
            j.writeArrayFieldStart("mutants");
            for (Result r : results) {
                j.writeStartObject();
                j.writeStringField("requirement", r.mutant().requirement());
                j.writeStringField("mutation", r.mutant().mutation());
                j.writeStringField("kind", r.mutant().kind().name());
                j.writeBooleanField("reachable", r.reachable());
                j.writeBooleanField("killed", r.killed());
                j.writeArrayFieldStart("killedBy");
                for (String k : r.killedBy()) j.writeString(k);
                j.writeEndArray();
                j.writeNumberField("touched", r.touched());
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeObjectFieldStart("notBuilt");
            for (Map.Entry<String, String> e : notBuilt.entrySet()) j.writeStringField(e.getKey(), e.getValue());
            j.writeEndObject();
            j.writeEndObject();
        }
    }

    private static void scoreJson(Score s, String key, JsonGenerator j) throws IOException {
        j.writeStartObject();
        j.writeStringField(key, s.name());
        j.writeNumberField("mutants", s.mutants());
        j.writeNumberField("killed", s.killed());
        j.writeNumberField("score", s.score());
        j.writeEndObject();
    }

    // ---------------------------------------------------------------- html

    /** The coverage grids, each cell with mutants marked: survivors with a mark of their own. */
    List<CoverageGrid> markedGrids() {
        Map<String, List<Result>> byReq = new LinkedHashMap<>();
        for (Result r : results) byReq.computeIfAbsent(r.mutant().requirement(), k -> new ArrayList<>()).add(r);
        List<CoverageGrid> out = new ArrayList<>();
        for (CoverageGrid g : grids) {
            out.add(g.mapCells(c -> {
                List<Result> rs = byReq.get(c.requirement());
                if (rs == null || !judged()) return c;
                CoverageGrid.Cell x = c;
                for (Result r : rs) {
                    if (r.reachable() && !r.killed()) {
                        x = x.withMark(new CoverageGrid.Mark("mutant-survived", "\u2620", "mutant survived: " + r.mutant().mutation()
                                + " (no message of the corpus tells it from the rule as it is)"));
                    }
                }
                long killed = rs.stream().filter(Result::killed).count();
                if (killed == rs.size()) {
                    x = x.withMark(new CoverageGrid.Mark("mutants-killed", "\u2020", "all " + killed + " mutants killed, e.g. by "
                            + rs.get(0).killedBy().get(0)));
                }
                return x;
            }));
        }
        return out;
    }

    void html(PrintWriter w) {
        w.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Mutation analysis</title><style>");
        w.println("body{font-family:system-ui,sans-serif;margin:1.5em;color:#212121} table.m{border-collapse:collapse;font-size:13px}"
                + " table.m td,table.m th{border:1px solid #aaa;padding:3px 6px;text-align:left} .S{background:#ffd6d6} .K{background:#e6f4e6}"
                + " td.c .mk{color:#b71c1c}");
        w.print(GridWriter.CSS);
        w.println("</style></head><body>");
        w.println("<h1>Mutation analysis: would this corpus notice a wrong rule?</h1>");
        w.println("<p>Rule set <code>" + esc(ruleSet) + "</code></p>");
        w.println("<p><b>" + esc(summary()) + "</b></p>");
        if (!judged()) {
            w.println("<p>Fix these first (<code>validate --expect</code> shows the same):</p><ul>");
            for (String b : baseline) w.println("<li>" + esc(b) + "</li>");
            w.println("</ul></body></html>");
            w.flush();
            return;
        }
        w.println("<h2>Score by document</h2><table class=\"m\"><tr><th>document</th><th>score</th><th>killed</th><th>mutants</th></tr>");
        for (Score s : byDocument()) {
            w.println("<tr><td>" + esc(s.name()) + "</td><td>" + percent(s.score()) + "</td><td>" + s.killed() + "</td><td>"
                    + s.mutants() + "</td></tr>");
        }
        w.println("</table>");
        w.println("<h2>The SEC's tables, with the mutants of each cell</h2>");
        w.println("<p>Each cell as in the coverage report, plus <b>\u2620</b> for each mutant of the cell that survived (a wrong "
                + "value there would go unnoticed) and <b>\u2020</b> when every mutant of the cell was killed. Hover over a cell for "
                + "the mutation.</p>");
        GridWriter.legendHtml(w);
        for (CoverageGrid g : markedGrids()) GridWriter.html(g, w);
        w.println("<h2>Mutants</h2><table class=\"m\"><tr><th>requirement</th><th>mutation</th><th>result</th><th>killed by</th></tr>");
        for (Result r : results) {
            String res = r.killed() ? "killed" : r.reachable() ? "SURVIVED" : "not counted (unreachable)";
            w.println("<tr class=\"" + (r.killed() ? "K" : "S") + "\"><td>" + esc(r.mutant().requirement()) + "</td><td>"
                    + esc(r.mutant().mutation()) + "</td><td>" + res + "</td><td>"
                    + esc(String.join(", ", r.killedBy())) + "</td></tr>");
        }
        w.println("</table>");
        if (!notBuilt.isEmpty()) {
            w.println("<h2>Mutants not built</h2><ul>");
            notBuilt.forEach((m, why) -> w.println("<li>" + esc(m) + ": " + esc(why) + "</li>"));
            w.println("</ul>");
        }
        w.println("</body></html>");
        w.flush();
    }
}
