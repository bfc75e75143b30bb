package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.coverage.Coverage;
import io.duisvalidator.internal.coverage.CoverageReport;
import io.duisvalidator.internal.coverage.CoverageWriter;
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
import java.util.List;
import java.util.concurrent.Callable;

/** {@code coverage}: which requirements of rules/requirements.csv a corpus exercises, on which side. */
@Command(name = "coverage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:report written (and, with --threshold, at least COUNT requirements exercised)",
                "1:fewer than --threshold COUNT requirements exercised", "2:usage error",
                "3:out of memory"},
        description = "Run a corpus and report, per requirement of the rule set (rules/requirements.csv), how many "
                + "messages exercised it, accepted and rejected, with examples; the requirements never exercised; the "
                + "rules never fired; and the static analysis of the eligibility and TRT tables. PATHs are scenario "
                + "folders (each with its own context and scenario.properties) or, with --context, message files/folders.")
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, csv, json, html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (default: standard output)")
    Path out;

    @Option(names = "--threshold", paramLabel = "COUNT", description = "a number of requirements: exit 1 when fewer than COUNT are exercised, listing the missing ones")
    Integer threshold;

    @Option(names = "--schema", paramLabel = "FILE", description = "also validate each message against this XSD")
    Path schema;

    @Option(names = "--threads", paramLabel = "N", description = "validation threads, 1 to " + ValidateCommand.MAX_THREADS + " (default: the number of cores)")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        if (!CoverageWriter.FORMATS.contains(format)) return usage(err, "unknown --format " + format + " " + CoverageWriter.FORMATS);
        for (Path p : paths) if (!Files.exists(p)) return usage(err, "no such file or folder: " + p);
        if (schema != null && !Files.isRegularFile(schema)) return usage(err, "no such schema file: " + schema);
        if (threshold != null && threshold < 0) return usage(err, "--threshold is a number of requirements, 0 or more");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > ValidateCommand.MAX_THREADS) return usage(err, "--threads must be between 1 and " + ValidateCommand.MAX_THREADS);
        ValidationSettings settings;
        try {
            settings = h313aOption.apply(settingsOptions.settings());
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        RuleBase rules = RuleBase.load();
        ReaderOptions readerOptions = schema == null ? ReaderOptions.defaults() : ReaderOptions.defaults().withExtraSchema(schema);
        Coverage coverage = new Coverage(rules);
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
        CoverageReport report = coverage.report();
        try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush(); // never close standard output
            }
        } : Files.newBufferedWriter(out)) {
            CoverageWriter.write(report, format, w);
        }
        if (threshold != null && report.exercisedCount() < threshold) {
            Messages.error(err, report.exercisedCount() + " requirements exercised, fewer than the threshold "
                    + threshold + "; never exercised (" + report.neverExercised().size() + "): "
                    + String.join(" ", report.neverExercised()));
            return Exit.REJECTED;
        }
        return Exit.ACCEPTED;
    }

    private static int usage(PrintStream err, String message) {
        return Messages.usage(err, message);
    }
}
