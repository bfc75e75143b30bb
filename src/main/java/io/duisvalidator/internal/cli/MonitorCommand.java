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
import io.duisvalidator.internal.monitor.Period;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code monitor}: SEC H3.13A on-demand versus scheduled MHHS collection per User and SRV. */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no period flagged", "1:at least one period flagged (share above --threshold, or a rise above --rise)",
                "2:usage error", "3:out of memory"},
        description = "Report per User and SRV, over the whole corpus and per period, the MHHS requests made by schedule "
                + "and on demand (SEC H3.13A), and flag the periods whose on-demand share passes a threshold or rises "
                + "above the User's own baseline. PATHs are scenario folders (each with its own context and receipt date) "
                + "or message files/folders used with --context or --empty-context.")
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
            description = "a share from 0 to 1: flag a period whose on-demand share (on demand / (on demand + scheduled executions)) is above it (default: ${DEFAULT-VALUE}; see docs/schedule-first.md)")
    double threshold;

    @Option(names = "--period", paramLabel = "day|week|month", defaultValue = "week",
            description = "group by this period, in London time; weeks are ISO weeks, Monday to Sunday (default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--rise", paramLabel = "FACTOR", defaultValue = "2",
            description = "flag a period whose on-demand share is more than FACTOR times the User's baseline, the median share of its earlier periods (default: ${DEFAULT-VALUE}; see docs/schedule-first.md)")
    String rise;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json, csv, html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (default: standard output)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        if (!MonitorWriter.FORMATS.contains(format)) return usage(err, "unknown --format " + format + " " + MonitorWriter.FORMATS);
        if (!(threshold >= 0 && threshold <= 1)) return usage(err, "--threshold is a share between 0 and 1");
        Optional<Period> p = Period.parse(period);
        if (p.isEmpty()) return usage(err, "--period is day, week or month, not " + period);
        double factor;
        try {
            factor = Double.parseDouble(rise.trim());
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor >= 1 && factor < Double.POSITIVE_INFINITY)) return usage(err, "--rise is a factor of 1 or more (e.g. 2), not " + rise);
        for (Path path : paths) if (!Files.exists(path)) return usage(err, "no such file or folder: " + path);
        ValidationSettings settings;
        try {
            // the monitor tallies breaches by the rules that fired; the rejecting policy (--h313a) has no say here
            settings = settingsOptions.settings().h313a(Severity.WARNING);
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        Instant optionAt = settings.receivedAt();
        Instant runAt = Instant.now();
        RuleBase rules = RuleBase.load();
        List<Scenario> scenarios;
        try {
            scenarios = contextOption.scenarios(paths);
        } catch (ContextOption.Usage e) {
            return usage(err, e.getMessage());
        }
        ComplianceMonitor monitor = new ComplianceMonitor(p.get()).dating(optionAt, runAt, !scenarios.isEmpty());
        int threads = Runtime.getRuntime().availableProcessors();
        CorpusRunner runner = new CorpusRunner(rules, ReaderOptions.defaults(), threads);
        // a request is dated by its scenario's receipt date ('at'), else by --at, else by the run's start (said in the report)
        ComplianceMonitor.DateSource fallback = optionAt != null ? ComplianceMonitor.DateSource.OPTION : ComplianceMonitor.DateSource.RUN_TIME;
        Instant fallbackAt = optionAt != null ? optionAt : runAt;
        try {
            if (!scenarios.isEmpty()) {
                for (Scenario sc : scenarios) {
                    Instant own = sc.settings(ValidationSettings.defaults()).receivedAt();
                    Instant at = own != null ? own : fallbackAt;
                    ComplianceMonitor.DateSource source = own != null ? ComplianceMonitor.DateSource.SCENARIO : fallback;
                    runner.run(sc, settings, s -> s.at(at).h313a(Severity.WARNING),
                            ctx -> ctx.schedules().ifPresent(monitor::addHistory), r -> monitor.add(r.decision(), at, source));
                }
            } else {
                Context ctx = contextOption.load();
                ctx.schedules().ifPresent(monitor::addHistory);
                runner.run(ctx, settings.at(fallbackAt), paths, r -> monitor.add(r.decision(), fallbackAt, fallback));
            }
        } catch (ContextFormatException e) {
            return usage(err, "context: " + e.getMessage());
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        MonitorReport report = monitor.report(threshold, factor);
        try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8) {
            @Override
            public void close() throws IOException {
                flush();
            }
        } : Files.newBufferedWriter(out)) {
            MonitorWriter.write(report, format, w);
        }
        report.dating().notes().forEach(n -> err.println("duis-validator: note: " + n));
        return report.flagged().isEmpty() ? Exit.ACCEPTED : Exit.REJECTED;
    }

    private static int usage(PrintStream err, String message) {
        return Messages.usage(err, message);
    }
}
