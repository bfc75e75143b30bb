package io.duisvalidator.internal.coverage;

import io.duisvalidator.Decision;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.engine.RuleSets;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exercised coverage when a corpus may be judged by several rule sets (docs/rule-sets.md): each message counts for the
 * rule set that judged it ({@link Decision#ruleSet()}), and each rule set that judged some message is reported on its
 * own, against its own catalogue, tables and rules. Messages that no rule set judged (an instant no rule set covers,
 * an input that could not be read) are counted apart. Not thread-safe, like {@link Coverage}.
 */
public final class RuleSetCoverage {
    private final RuleSets sets;
    private final String forced;
    private final Map<String, Coverage> byRuleSet = new LinkedHashMap<>();
    private long unjudged;

    /**
     * @param sets   the rule sets to choose from per message
     * @param forced the rule set every message is judged by ({@code --rule-set}), or null
     */
    public RuleSetCoverage(RuleSets sets, String forced) {
        this.sets = sets;
        this.forced = forced;
    }

    /** Runs scenario folders, each with its own context and the settings it pins over {@code defaults}. */
    public RuleSetCoverage scenarios(List<Scenario> scenarios, ValidationSettings defaults, ReaderOptions readerOptions,
                                     int threads) throws IOException, ContextFormatException, InterruptedException {
        CorpusRunner runner = new CorpusRunner(CorpusRunner.Validators.of(sets, forced), readerOptions, threads);
        for (Scenario sc : scenarios) runner.run(sc, defaults, this::add);
        return this;
    }

    /** Runs plain message paths with one context and one set of settings. */
    public RuleSetCoverage messages(List<Path> paths, Context ctx, ValidationSettings settings, ReaderOptions readerOptions,
                                    int threads) throws InterruptedException {
        new CorpusRunner(CorpusRunner.Validators.of(sets, forced), readerOptions, threads).run(ctx, settings, paths, this::add);
        return this;
    }

    /** Counts one message for the rule set that judged it. */
    public void add(FileResult r) {
        add(r.decision(), r.file(), 1);
    }

    /**
     * Counts {@code n} messages with decisions alike in what coverage reads, for the rule set that judged them,
     * offering {@code example} (or null) as an example: counts made elsewhere, added in run order (the Spark job's
     * groups of decisions; {@link Coverage#add(Decision, String, long)}).
     */
    public void add(Decision d, String example, long n) {
        if (d.ruleSet() == null || sets.manifest(d.ruleSet().id()).isEmpty()) {
            unjudged += n;
            return;
        }
        byRuleSet.computeIfAbsent(d.ruleSet().id(), id -> new Coverage(sets.ruleBase(id))).add(d, example, n);
    }

    /** Messages that no rule set judged. */
    public long unjudged() { return unjudged; }

    /**
     * One report per rule set that judged some message, in the order of their periods; when no message was judged at
     * all, the report of the rule set in force now (or forced), empty.
     */
    public List<CoverageReport> reports() {
        List<CoverageReport> out = new ArrayList<>();
        for (RuleSetManifest m : sets.manifests()) {
            Coverage c = byRuleSet.get(m.id());
            if (c != null) out.add(c.report());
        }
        if (out.isEmpty()) out.add(new Coverage(forced != null ? sets.ruleBase(forced) : sets.current()).report());
        return out;
    }

    /**
     * Writes the reports: one alone as {@link CoverageWriter} writes it; several one after the other (text, csv
     * with a rule-set line before each part), in a JSON object {@code {"ruleSets": [report, ...]}}, or in one html
     * page with a section per rule set.
     */
    public static void write(List<CoverageReport> reports, String format, Writer w) throws IOException {
        if (reports.size() == 1) {
            CoverageWriter.write(reports.get(0), format, w);
            return;
        }
        switch (format) {
            case "json" -> {
                w.write("{\"ruleSets\": [");
                for (int i = 0; i < reports.size(); i++) {
                    if (i > 0) w.write(",\n");
                    CoverageWriter.write(reports.get(i), format, w);
                }
                w.write("]}\n");
            }
            case "html" -> {
                String first = html(reports.get(0));
                int end = first.lastIndexOf("</body>");
                w.write(first, 0, end);
                for (int i = 1; i < reports.size(); i++) {
                    String next = html(reports.get(i));
                    int start = next.indexOf('>', next.indexOf("<body")) + 1;
                    w.write("\n<hr>\n");
                    w.write(next, start, next.lastIndexOf("</body>") - start);
                }
                w.write(first, end, first.length() - end);
            }
            default -> {
                for (int i = 0; i < reports.size(); i++) {
                    if (i > 0) w.write("\n");
                    w.write("# rule set " + reports.get(i).ruleSet().text() + "\n");
                    CoverageWriter.write(reports.get(i), format, w);
                }
            }
        }
        w.flush();
    }

    private static String html(CoverageReport r) throws IOException {
        StringWriter s = new StringWriter();
        CoverageWriter.write(r, "html", s);
        return s.toString();
    }
}
