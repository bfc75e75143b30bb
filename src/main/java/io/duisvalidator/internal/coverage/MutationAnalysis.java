package io.duisvalidator.internal.coverage;

import io.duisvalidator.Decision;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.batch.ExpectRunner;
import io.duisvalidator.internal.batch.Expectation;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.batch.InputFiles;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.Evaluation;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code coverage --mutate}: would a corpus notice a wrong rule? Judges the scenario folders' messages once, then,
 * for each mutant of the rule base ({@link Mutants}), decides again every request the mutant touches and compares
 * the decision with the scenario's {@code expected.jsonl} ({@link Expectation}, as {@code validate --expect} does): a
 * mutant is killed when some decision differs, survived otherwise. docs/coverage.md, "Mutation analysis".
 */
public final class MutationAnalysis {
    /** Messages named per killed mutant. */
    static final int KILLED_BY = 3;

    /** A corpus that cannot be analysed: no oracle (no expected.jsonl), or an unknown requirement asked for. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private final RuleSets sets;
    private final RuleBase rules;
    private final RuleBase negations;
    private long otherRuleSet;
    private final List<Mutants.Mutant> mutants;
    private final Map<String, String> notBuilt = new LinkedHashMap<>();
    private final Requirements catalogue;
    private final Reachability reach;

    /**
     * @param only requirement ids to mutate (empty: all); an id the rule base does not hold is refused by name
     */
    public MutationAnalysis(RuleBase rules, Set<String> only) throws Refused {
        this(RuleSets.standard(), rules, only);
    }

    /**
     * Mutants of {@code rules}, one rule set of {@code sets}. Each message is judged by the rule set in force at its
     * receipt instant, as {@code validate} judges it, and compared with its expected line; only the messages that
     * {@code rules} judged can notice its mutants (docs/coverage.md, "Mutation analysis and rule sets").
     *
     * @param only requirement ids to mutate (empty: all); an id the rule base does not hold is refused by name
     */
    public MutationAnalysis(RuleSets sets, RuleBase rules, Set<String> only) throws Refused {
        this.sets = sets;
        this.rules = rules;
        this.catalogue = Requirements.load();
        this.reach = Reachability.of(rules, MatrixAnalysis.analyse(rules));
        Set<String> held = new TreeSet<>();
        rules.rules().values().forEach(r -> held.add(r.requirement()));
        List<String> unknown = only.stream().filter(id -> !held.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new Refused("the rule base holds no requirement " + String.join(", ", unknown)
                    + " (no rule names it: see rules/requirements.csv and `coverage` for the ids)");
        }
        Map<String, String> hand = new LinkedHashMap<>();
        rules.sources().forEach((name, drl) -> {
            if (!name.startsWith("generated/")) hand.put(name, drl);
        });
        List<RuleNegation.Negated> negated = RuleNegation.of(hand);
        Map<String, String> negatedSources = RuleNegation.sources(hand, negated);
        this.negations = negatedSources.isEmpty() ? null
                : RuleBase.compiledOnly(rules, negatedSources, "negated conditions (mutation analysis)");
        List<Mutants.Mutant> all = Mutants.of(rules, negated, notBuilt);
        this.mutants = only.isEmpty() ? all : all.stream().filter(m -> only.contains(m.requirement())).toList();
    }

    /** Messages of the last run judged by another rule set than the one mutated (received when it was not in force). */
    public long otherRuleSet() { return otherRuleSet; }

    /** One message of the corpus, judged once. */
    record Item(String file, CoreValidator.Traced traced, Mutants.Outcome outcome, Mutants.Outcome negated,
                        Expectation expected) {}

    /** The corpus judged once by the rules as they are: the messages the rules judged, and what differs already. */
    record Corpus(List<Item> items, List<String> baseline, long messages, Coverage coverage) {}

    /** Runs the analysis over scenario folders; each needs its expected.jsonl. */
    public MutationReport run(List<Scenario> scenarios, ValidationSettings defaults, ReaderOptions readerOptions)
            throws Refused, IOException, ContextFormatException {
        long started = System.nanoTime();
        return report(judgeOnce(scenarios, defaults, readerOptions), scenarios.size(), started);
    }

    /** Judges every mutant over a corpus judged once ({@code started}: when the run began, for its duration). */
    MutationReport report(Corpus c, int scenarios, long started) {
        List<MutationReport.Result> results = new ArrayList<>();
        if (c.baseline().isEmpty()) {
            for (Mutants.Mutant m : mutants) results.add(judge(m, c.items()));
        }
        CoverageReport cov = c.coverage().report();
        return new MutationReport(rules.id().text(), scenarios, c.messages(), results, c.baseline(), notBuilt,
                catalogue, reach, cov.grids(), (System.nanoTime() - started) / 1_000_000L);
    }

    Corpus judgeOnce(List<Scenario> scenarios, ValidationSettings defaults, ReaderOptions readerOptions)
            throws Refused, IOException, ContextFormatException {
        if (scenarios.isEmpty()) throw new Refused("no scenario folders: mutation analysis needs scenario folders with expected.jsonl (the oracle)");
        List<String> noOracle = scenarios.stream().filter(s -> !Files.isRegularFile(s.expected()))
                .map(s -> s.dir().toString()).toList();
        if (!noOracle.isEmpty()) {
            throw new Refused("no oracle: " + String.join(", ", noOracle) + " has no expected.jsonl, so no mutant "
                    + "could be told from the rules as they are (every one would survive); give each scenario its expected.jsonl");
        }
        Coverage coverage = new Coverage(rules, catalogue);
        List<Item> items = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        long index = 0;
        for (Scenario sc : scenarios) {
            Map<String, Expectation> expected = ExpectRunner.readExpected(sc.expected());
            ValidationSettings settings = sc.settings(defaults);
            CoreValidator v = CoreValidator.create(sets, null, sc.loadContext(), readerOptions);
            Path messages = sc.messages();
            for (Path p : new InputFiles(List.of(messages))) {
                String rel = messages.relativize(p).toString().replace('\\', '/');
                CoreValidator.Traced t = v.trace(Files.readAllBytes(p), settings);
                coverage.add(new FileResult(p.toString(), index++, t.decision()));
                Expectation e = expected.remove(rel);
                if (e == null) {
                    baseline.add(sc.dir() + ": " + rel + ": no expected line");
                    continue;
                }
                List<String> diffs = new ArrayList<>();
                e.compare(t.decision(), diffs);
                diffs.forEach(d -> baseline.add(sc.dir() + ": " + d));
                if (!t.judgedByRules()) continue; // read or context failed: no rule decides it, no mutant changes it
                if (!rules.id().id().equals(t.ruleSet().id())) {
                    otherRuleSet++; // judged by the rule set in force then, not the one mutated: its mutants cannot reach it
                    continue;
                }
                Evaluation neg = negations == null ? null : negations.evaluate(t.facts());
                items.add(new Item(p.toString(), t, Mutants.Outcome.of(t.found()), neg == null ? null : Mutants.Outcome.of(neg), e));
            }
            for (String missing : expected.keySet()) baseline.add(sc.dir() + ": " + missing + ": expected, but there is no such message");
        }
        return new Corpus(items, baseline, index, coverage);
    }

    /** The decision of a message under a mutant (the original decision when the mutant does not touch it). */
    static Decision decide(Mutants.Mutant m, Item it) {
        Mutants.Outcome o = m.change().apply(it.outcome(), it.negated());
        return o == null ? it.traced().decision() : it.traced().decide(o.evaluation());
    }

    /** The mutants this analysis makes. */
    List<Mutants.Mutant> mutants() { return mutants; }

    private MutationReport.Result judge(Mutants.Mutant m, List<Item> items) {
        List<String> killedBy = new ArrayList<>();
        int touched = 0;
        for (Item it : items) {
            Mutants.Outcome o = m.change().apply(it.outcome(), it.negated());
            if (o == null) continue;
            touched++;
            Decision d = it.traced().decide(o.evaluation());
            List<String> diffs = new ArrayList<>(1);
            it.expected().compare(d, diffs);
            if (!diffs.isEmpty() && killedBy.size() < KILLED_BY) killedBy.add(it.file());
        }
        boolean reachable = !reach.requirements().containsKey(m.requirement())
                && !m.ruleIds().stream().allMatch(reach.rules()::containsKey);
        return new MutationReport.Result(m, reachable, !killedBy.isEmpty(), List.copyOf(killedBy), touched);
    }

}
