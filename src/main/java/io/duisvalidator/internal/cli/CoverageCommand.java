package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.coverage.RuleSetCoverage;
import io.duisvalidator.internal.coverage.CoverageReport;
import io.duisvalidator.internal.coverage.CoverageWriter;
import io.duisvalidator.internal.coverage.MutationAnalysis;
import io.duisvalidator.internal.coverage.MutationReport;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.ReaderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code coverage}: which requirements of rules/requirements.csv a corpus exercises, on which side. */
@Command(name = "coverage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:report written (and, with --threshold, at least COUNT requirements exercised; with "
                + "--mutate, a score of at least SCORE)",
                "1:fewer than --threshold COUNT requirements exercised; with --mutate, a score below --threshold SCORE, "
                + "or a corpus whose decisions already differ from its expected.jsonl", "2:usage error (with --mutate: "
                + "no expected.jsonl, so no oracle; an unknown --requirement)",
                "3:out of memory"},
        description = "Run a corpus and report, per requirement of the rule set (rules/requirements.csv), how many "
                + "messages exercised it, accepted and rejected, with examples; the requirements never exercised; the "
                + "rules never fired; and the static analysis of the eligibility and TRT tables. PATHs are scenario "
                + "folders (each with its own context and scenario.properties) or, with --context, message files/folders. "
                + "With --mutate: mutation analysis, i.e. whether the scenarios' expected.jsonl would notice each rule "
                + "of the rule set being wrong (docs/coverage.md).")
final class CoverageCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario folders (or folders holding them); with "
            + "--context or --empty-context, .xml message files or folders searched recursively for *.xml")
    List<Path> paths;

    /** For plain message PATHs (which are then not searched for scenario folders). */
    @Mixin
    ContextOption contextOption;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    H313aOption h313aOption;

    @Mixin
    SeverityOption severityOption;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, csv, json, html (default: ${DEFAULT-VALUE}; with --mutate text, json, html)")
    String format;

    @Option(names = "--mutate", description = "mutation analysis: build mutants of the rule set one requirement at a "
            + "time (eligibility cell flipped; TRT cell changed, made N/A or given a value; a hand-written rule's "
            + "condition negated or its finding dropped), judge the scenario folders' messages with each, and report "
            + "each mutant killed (some decision differs from expected.jsonl) or survived, with the mutation score")
    boolean mutate;

    @Option(names = "--requirement", paramLabel = "ID", description = "with --mutate: only the mutants of this "
            + "requirement (repeatable)")
    List<String> requirements;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (default: standard output)")
    Path out;

    @Option(names = "--threshold", paramLabel = "COUNT|SCORE", description = "a number of requirements: exit 1 when fewer "
            + "than COUNT are exercised, listing the missing ones; with --mutate a mutation score from 0 to 1: exit 1 below it")
    String threshold;

    @Option(names = "--schema", paramLabel = "FILE", description = "also validate each message against this XSD")
    Path schema;

    @Option(names = "--rule-set", paramLabel = "ID", description = "judge every message by this rule set (default: "
            + "the rule set in force at each message's receipt instant; a report per rule set that judged some message)")
    String ruleSet;

    @Option(names = "--threads", paramLabel = "N", description = "validation threads, 1 to " + ValidateCommand.MAX_THREADS + " (default: the number of cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        if (mutate) return mutate(err);
        if (requirements != null) return usage(err, "--requirement goes with --mutate");
        if (!CoverageWriter.FORMATS.contains(format)) return usage(err, "unknown --format " + format + " " + CoverageWriter.FORMATS);
        for (Path p : paths) if (!Files.exists(p)) return usage(err, "no such file or folder: " + p);
        if (schema != null && !Files.isRegularFile(schema)) return usage(err, "no such schema file: " + schema);
        Integer count;
        try {
            count = threshold == null ? null : Integer.valueOf(threshold.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count != null && count < 0) return usage(err, "--threshold is a number of requirements, 0 or more (a score from 0 to 1 goes with --mutate)");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > ValidateCommand.MAX_THREADS) return usage(err, "--threads must be between 1 and " + ValidateCommand.MAX_THREADS);
        ValidationSettings settings;
        try {
            settings = severityOption.apply(h313aOption.apply(settingsOptions.settings()));
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        Chosen chosen;
        try {
            chosen = choose(settings);
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        io.duisvalidator.internal.engine.RuleSets sets = chosen.sets();
        RuleBase rules = chosen.rules();
        ReaderOptions readerOptions = schema == null ? ReaderOptions.defaults() : ReaderOptions.defaults().withExtraSchema(schema);
        RuleSetCoverage coverage = new RuleSetCoverage(sets, ruleSet);
        List<Scenario> scenarios;
        try {
            scenarios = contextOption.scenarios(paths);
        } catch (ContextOption.Usage e) {
            return usage(err, e.getMessage());
        }
        try {
            if (!scenarios.isEmpty()) {
                coverage.scenarios(scenarios, settings, readerOptions, n);
            } else {
                Context ctx = contextOption.load();
                coverage.messages(paths, ctx, settings, readerOptions, n);
            }
        } catch (ContextFormatException e) {
            return usage(err, "context: " + e.getMessage());
        }
        List<CoverageReport> reports = coverage.reports();
        try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush(); // never close standard output
            }
        } : Files.newBufferedWriter(out)) {
            RuleSetCoverage.write(reports, format, w);
        }
        if (coverage.unjudged() > 0) {
            Messages.warning(err, coverage.unjudged() + " messages were judged by no rule set (unreadable, or received when no rule set is in force): not counted");
        }
        int status = Exit.ACCEPTED;
        for (CoverageReport report : reports) {
            if (count != null && report.exercisedCount() < count) {
                Messages.error(err, "rule set " + report.ruleSet().id() + ": " + report.exercisedCount()
                        + " requirements exercised, fewer than the threshold " + count + "; never exercised ("
                        + report.neverExercised().size() + "): " + String.join(" ", report.neverExercised()));
                status = Exit.REJECTED;
            }
        }
        return status;
    }

    /** {@code --mutate}: mutation analysis of the scenario folders (docs/coverage.md, "Mutation analysis"). */
    private Integer mutate(PrintStream err) throws Exception {
        if (!MutationReport.FORMATS.contains(format)) return usage(err, "--mutate writes " + MutationReport.FORMATS + ", not --format " + format);
        for (Path p : paths) if (!Files.exists(p)) return usage(err, "no such file or folder: " + p);
        if (schema != null && !Files.isRegularFile(schema)) return usage(err, "no such schema file: " + schema);
        if (contextOption.given()) return usage(err, "--mutate judges scenario folders, each with its own context and expected.jsonl: no --context or --empty-context");
        Double score = null;
        if (threshold != null) {
            try {
                score = Double.valueOf(threshold.trim());
            } catch (NumberFormatException e) {
                score = Double.NaN;
            }
            if (!(score >= 0 && score <= 1)) return usage(err, "--threshold with --mutate is a mutation score from 0 to 1, not " + threshold);
        }
        ValidationSettings settings;
        try {
            settings = severityOption.apply(h313aOption.apply(settingsOptions.settings()));
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        List<Scenario> scenarios = Scenario.find(paths.stream().filter(Files::isDirectory).toList());
        ReaderOptions readerOptions = schema == null ? ReaderOptions.defaults() : ReaderOptions.defaults().withExtraSchema(schema);
        Chosen chosen;
        try {
            chosen = choose(settings);
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        io.duisvalidator.internal.engine.RuleSets sets = chosen.sets();
        RuleBase rules = chosen.rules();
        MutationReport report;
        try {
            MutationAnalysis analysis = new MutationAnalysis(sets, rules,
                    requirements == null ? Set.of() : new LinkedHashSet<>(requirements));
            report = analysis.run(scenarios, settings, readerOptions);
            if (analysis.otherRuleSet() > 0) {
                Messages.warning(err, analysis.otherRuleSet() + " messages were judged by another rule set than "
                        + rules.id().id() + " (received when it was not in force): they cannot notice its mutants");
            }
        } catch (MutationAnalysis.Refused e) {
            return usage(err, e.getMessage());
        } catch (ContextFormatException e) {
            return usage(err, "context: " + e.getMessage());
        }
        try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush(); // never close standard output
            }
        } : Files.newBufferedWriter(out)) {
            report.write(format, w);
        }
        err.println(report.summary() + "; " + report.results().size() + " mutants judged in "
                + String.format(java.util.Locale.ROOT, "%.1f", report.millis() / 1000.0) + " s");
        if (!report.judged()) {
            Messages.error(err, "the corpus's decisions already differ from its expected.jsonl (" + report.baseline().size()
                    + " differences, listed in the report): no mutant can be judged; run validate --expect");
            return Exit.REJECTED;
        }
        if (score != null && report.overall().score() < score) {
            Messages.error(err, "mutation score " + MutationReport.percent(report.overall().score()) + " below the threshold "
                    + threshold + "; " + report.survivors().size() + " survivors: " + String.join("; ",
                    report.survivors().stream().map(r -> r.mutant().requirement() + " " + r.mutant().mutation()).toList()));
            return Exit.REJECTED;
        }
        return Exit.ACCEPTED;
    }

    /** The rule sets, and the one {@code --rule-set} names or the one in force now. */
    private record Chosen(io.duisvalidator.internal.engine.RuleSets sets, RuleBase rules) {}

    /**
     * The rule sets and the rule set chosen, with the settings' severity policy checked against them; a usage error
     * (rule sets that cannot load, an unknown {@code --rule-set}, an unknown severity id) as an IOException.
     */
    private Chosen choose(ValidationSettings settings) throws IOException {
        io.duisvalidator.internal.engine.RuleSets sets;
        try {
            sets = io.duisvalidator.internal.engine.RuleSets.standard();
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage());
        }
        if (ruleSet != null && sets.manifest(ruleSet).isEmpty()) {
            throw new IOException("--rule-set: unknown rule set '" + ruleSet + "': the rule sets are " + sets.ids());
        }
        RuleBase rules = ruleSet != null ? sets.ruleBase(ruleSet) : sets.current();
        SeverityOption.check(sets, rules, settings);
        return new Chosen(sets, rules);
    }

    private static int usage(PrintStream err, String message) {
        return Messages.usage(err, message);
    }
}
