package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.monitor.MonitorReport;
import io.duisvalidator.internal.monitor.MonitorWriter;
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

/** {@code monitor}: SEC H3.13A on-demand versus scheduled MHHS collection per User and SRV. */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no User's on-demand share is above --threshold", "1:at least one User flagged",
                "2:usage error", "3:out of memory"},
        description = "Report per User and SRV the MHHS requests made by schedule and on demand (SEC H3.13A), and flag "
                + "Users whose on-demand share passes a threshold. PATHs are scenario folders (each with its own "
                + "context) or message files/folders used with --context.")
final class MonitorCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "scenario folders (or folders holding them); with "
            + "--context or --empty-context, .xml message files or folders searched recursively for *.xml")
    List<Path> paths;

    /** For plain message PATHs (which are then not searched for scenario folders). */
    @Mixin
    ContextOption contextOption;

    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--threshold", paramLabel = "SHARE", defaultValue = "0.10",
            description = "a share from 0 to 1: flag Users whose on-demand share (on demand / (on demand + scheduled executions)) is above it (default: ${DEFAULT-VALUE}; see docs/schedule-first.md)")
    double threshold;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, csv (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (default: standard output)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        if (!List.of("text", "json", "csv").contains(format)) return usage(err, "unknown --format " + format + " (text, json, csv)");
        if (threshold < 0 || threshold > 1) return usage(err, "--threshold is a share between 0 and 1");
        for (Path p : paths) if (!Files.exists(p)) return usage(err, "no such file or folder: " + p);
        ValidationSettings settings;
        try {
            // the monitor tallies breaches by the rules that fired; the rejecting policy (--h313a) has no say here
            settings = settingsOptions.settings().h313a(Severity.WARNING);
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        RuleBase rules = RuleBase.load();
        ComplianceMonitor monitor = new ComplianceMonitor();
        int threads = Runtime.getRuntime().availableProcessors();
        List<Scenario> scenarios;
        try {
            scenarios = contextOption.scenarios(paths);
        } catch (ContextOption.Usage e) {
            return usage(err, e.getMessage());
        }
        CorpusRunner runner = new CorpusRunner(rules, ReaderOptions.defaults(), threads);
        try {
            if (!scenarios.isEmpty()) {
                for (Scenario sc : scenarios) {
                    runner.run(sc, settings, s -> s.h313a(Severity.WARNING),
                            ctx -> ctx.schedules().ifPresent(monitor::addHistory), r -> monitor.add(r.decision()));
                }
            } else {
                Context ctx = contextOption.load();
                ctx.schedules().ifPresent(monitor::addHistory);
                runner.run(ctx, settings, paths, r -> monitor.add(r.decision()));
            }
        } catch (ContextFormatException e) {
            return usage(err, "context: " + e.getMessage());
        }
        MonitorReport report = monitor.report(threshold);
        try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush();
            }
        } : Files.newBufferedWriter(out)) {
            switch (format) {
                case "json" -> MonitorWriter.json(report, w);
                case "csv" -> MonitorWriter.csv(report, w);
                default -> MonitorWriter.text(report, w);
            }
        }
        return report.flagged().isEmpty() ? Exit.ACCEPTED : Exit.REJECTED;
    }

    private static int usage(PrintStream err, String message) {
        return Messages.usage(err, message);
    }
}
