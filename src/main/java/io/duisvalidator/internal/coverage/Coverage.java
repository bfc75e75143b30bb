package io.duisvalidator.internal.coverage;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleInfo;
import io.duisvalidator.ReaderOptions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exercised coverage: runs a corpus (scenario folders with their own context and settings, or plain messages with
 * one context) and counts, per requirement of the catalogue, the messages that exercised it. A requirement is
 * exercised by a message when a rule encoding it fired ({@link Decision#firedRules()}, mapped to requirements through
 * the metadata of {@link RuleBase#rules()}) or when the reader's finding names it. Not thread-safe: feed it from one
 * thread (the runner hands results over in order on the calling thread).
 */
public final class Coverage {
    /** How many example messages are kept per requirement. */
    public static final int EXAMPLES = 3;

    private final RuleBase rules;
    private final Requirements catalogue;
    private final Map<String, String> requirementOfRule = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<String, List<String>> examples = new HashMap<>();
    private final Set<String> firedRules = new TreeSet<>();
    private final Map<String, Long> unknown = new TreeMap<>();
    private long messages;
    private long accepted;
    private long rejected;
    private long errors;

    public Coverage(RuleBase rules, Requirements catalogue) {
        this.rules = rules;
        this.catalogue = catalogue;
        for (RuleInfo i : rules.rules().values()) requirementOfRule.put(i.ruleId(), i.requirement());
    }

    /** Coverage of the classpath catalogue. */
    public Coverage(RuleBase rules) {
        this(rules, Requirements.load());
    }

    /** Runs scenario folders, each with its own context and the settings it pins over {@code defaults}. */
    public Coverage scenarios(List<Scenario> scenarios, ValidationSettings defaults, ReaderOptions readerOptions,
                              int threads) throws IOException, ContextFormatException, InterruptedException {
        CorpusRunner runner = new CorpusRunner(rules, readerOptions, threads);
        for (Scenario sc : scenarios) runner.run(sc, defaults, this::add);
        return this;
    }

    /** Runs plain message paths with one context and one set of settings. */
    public Coverage messages(List<Path> paths, Context ctx, ValidationSettings settings, ReaderOptions readerOptions,
                             int threads) throws InterruptedException {
        new CorpusRunner(rules, readerOptions, threads).run(ctx, settings, paths, this::add);
        return this;
    }

    /** Counts one validated message. */
    public void add(FileResult r) {
        Decision d = r.decision();
        messages++;
        if (d.outcome() == Outcome.ACCEPTED) accepted++;
        else if (d.outcome() == Outcome.REJECTED) rejected++;
        else errors++;
        Set<String> reqs = new LinkedHashSet<>();
        for (String ruleId : d.firedRules()) {
            firedRules.add(ruleId);
            String q = requirementOfRule.get(ruleId);
            if (q != null) reqs.add(q);
        }
        for (Finding f : d.findings()) if (f.requirement() != null) reqs.add(f.requirement());
        for (String q : reqs) {
            if (!catalogue.contains(q)) {
                unknown.merge(q, 1L, Long::sum);
                continue;
            }
            long[] c = counts.computeIfAbsent(q, k -> new long[3]);
            c[0]++;
            if (d.outcome() == Outcome.ACCEPTED) c[1]++;
            if (d.outcome() == Outcome.REJECTED) c[2]++;
            List<String> ex = examples.computeIfAbsent(q, k -> new ArrayList<>(EXAMPLES));
            if (ex.size() < EXAMPLES) ex.add(r.file());
        }
    }

    public CoverageReport report() {
        MatrixAnalysis.Result matrix = MatrixAnalysis.analyse(rules);
        Reachability reach = Reachability.of(rules, matrix);
        Set<String> unreachable = matrix.unreachableRequirements();
        List<CoverageReport.RequirementCoverage> rows = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (Requirement q : catalogue.all()) {
            long[] c = counts.getOrDefault(q.id(), new long[3]);
            CoverageReport.Status s = c[0] > 0 ? CoverageReport.Status.EXERCISED
                    : unreachable.contains(q.id()) ? CoverageReport.Status.UNREACHABLE : CoverageReport.Status.NOT_EXERCISED;
            if (c[0] == 0) never.add(q.id());
            rows.add(new CoverageReport.RequirementCoverage(q, s, c[0], c[1], c[2],
                    List.copyOf(examples.getOrDefault(q.id(), List.of()))));
        }
        List<String> notFired = new TreeSet<>(requirementOfRule.keySet()).stream().filter(id -> !firedRules.contains(id)).toList();
        List<CoverageReport.RuleNotFired> why = notFired.stream().map(id -> new CoverageReport.RuleNotFired(id,
                requirementOfRule.get(id), reach.rules().get(id))).toList();
        List<CoverageGrid> grids = CoverageGrids.of(rules.tables(), rules.id().text(), rows, reach);
        return new CoverageReport(rules.id(), messages, accepted, rejected, errors, rows, never,
                List.copyOf(unreachable), notFired, java.util.Collections.unmodifiableMap(new TreeMap<>(unknown)),
                Traceability.problems(catalogue, rules), matrix, reach, why, grids);
    }
}
