package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.batch.BatchRunner;
import io.duisvalidator.internal.batch.ExpectRunner;
import io.duisvalidator.internal.batch.InputFiles;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.report.HtmlReport;
import io.duisvalidator.internal.report.JsonlReport;
import io.duisvalidator.internal.report.JunitReport;
import io.duisvalidator.internal.report.ResponseFiles;
import io.duisvalidator.internal.report.ResumePoint;
import io.duisvalidator.internal.report.RunLock;
import io.duisvalidator.internal.text.Printable;
import io.duisvalidator.internal.report.SarifReport;
import io.duisvalidator.internal.report.ReportWriter;
import io.duisvalidator.internal.report.RunSummary;
import io.duisvalidator.internal.report.TextReport;
import io.duisvalidator.ReaderOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;

/** {@code validate [options] PATH...} as the command-line contract fixes it. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Validate DUIS request files (or folders of them) and report a decision per message.",
                "The outputs (--out, --responses) are never an input, a context file or inside an input folder, and "
                        + "are locked for the run (docs/batch.md)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every message accepted", "1:at least one message rejected",
                "2:usage error (also: an output is in use by another run, or would replace an input)",
                "3:at least one input could not be read or processed, or out of memory"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = ".xml files, or folders searched recursively for *.xml (any case), in sorted path order")
    List<Path> paths;

    @Mixin
    ContextOption contextOption;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    H313aOption h313aOption;

    @Mixin
    SeverityOption severityOption;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "jsonl, text, junit, sarif, html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (default: standard output); locked for the run")
    Path out;

    @Option(names = "--schema", paramLabel = "FILE", description = "also validate each message against this XSD (e.g. an official DUIS schema)")
    Path schema;

    @Option(names = "--rule-set", paramLabel = "ID", description = "judge every message by this rule set (`rule-sets list`), "
            + "whatever its receipt instant (default: the rule set in force at --at, or at each scenario's at)")
    String ruleSet;

    @Option(names = "--expect", description = "regression mode: PATHs hold scenario folders; compare with their expected.jsonl")
    boolean expect;

    @Option(names = "--threads", paramLabel = "N", description = "validation threads, 1 to " + MAX_THREADS + " (default: the number of cores)")
    Integer threads;

    @Option(names = "--quiet", description = "no progress output")
    boolean quiet;

    @Option(names = "--responses", paramLabel = "DIR", description = "also write the DUIS Response acknowledgement of each message to this folder (outside the inputs; locked for the run)")
    Path responses;

    @Option(names = "--resume", description = "continue an interrupted run: keep the complete results already in --out "
            + "(jsonl), validate only the inputs they do not cover, and append (a missing --out starts the run)")
    boolean resume;

    private static final List<String> FORMATS = List.of("jsonl", "text", "junit", "sarif", "html");

    /** Most validation threads a run takes (more would only cost memory: the work is bound by the cores). */
    static final int MAX_THREADS = 256;

    /** Run once the outputs are locked, before anything is read (tests: hold a run there). */
    static volatile Runnable whileLocked = () -> { };

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        ValidationSettings settings;
        try {
            settings = severityOption.apply(h313aOption.apply(settingsOptions.settings()));
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        if (!FORMATS.contains(format)) return usage(err, "unknown --format " + Printable.echo(format) + " " + FORMATS);
        for (Path p : paths) if (!Files.exists(p)) return usage(err, "no such file or folder: " + p);
        if (schema != null && !Files.isRegularFile(schema)) return usage(err, "no such schema file: " + schema);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > MAX_THREADS) return usage(err, "--threads must be between 1 and " + MAX_THREADS);
        if (resume && expect) return usage(err, "--resume does not apply to --expect");
        if (resume && (out == null || !format.equals("jsonl"))) return usage(err, "--resume needs --format jsonl and --out FILE");
        String contextProblem = expect ? (contextOption.given() ? "--expect takes each scenario's own context: no --context" : null)
                : contextOption.problem(true);
        if (contextProblem != null) return usage(err, contextProblem);
        String outputs = OutputTargets.problem(out, responses, paths, contextOption.dir, schema);
        if (outputs != null) return usage(err, outputs);
        try (Locks locks = new Locks()) {
            try {
                if (out != null) locks.add(RunLock.acquire(RunLock.forReport(out), out));
                if (responses != null) {
                    Files.createDirectories(responses);
                    locks.add(RunLock.acquire(responses.getFileName() == null ? RunLock.forFolder(responses)
                            : RunLock.forReport(responses), responses));
                }
            } catch (RunLock.Held e) {
                return usage(err, e.getMessage());
            } catch (IOException e) {
                return usage(err, "cannot lock the outputs: " + Messages.describe(e));
            }
            whileLocked.run();
            return locked(settings, n, err);
        }
    }

    /** The locks of a run's outputs, released together. */
    private static final class Locks implements AutoCloseable {
        private final List<RunLock> held = new ArrayList<>();

        void add(RunLock l) {
            held.add(l);
        }

        @Override
        public void close() throws IOException {
            for (RunLock l : held) l.close();
        }
    }

    private int locked(ValidationSettings settings, int n, PrintStream err) throws Exception {
        long t0 = System.nanoTime();
        RuleSets sets;
        try {
            sets = RuleSets.standard(); // the rule sets' validity periods are checked here (exit 2 when they overlap)
        } catch (IllegalStateException e) {
            return usage(err, e.getMessage());
        }
        if (ruleSet != null && sets.manifest(ruleSet).isEmpty()) {
            return usage(err, "--rule-set: unknown rule set '" + ruleSet + "': the rule sets are " + sets.ids());
        }
        // the rule set of the run's receipt instant (or forced): built now; another is built when a message needs it
        RuleBase rules = ruleSet != null ? sets.ruleBase(ruleSet)
                : sets.ruleBase(sets.inForce(settings.receivedAt() == null ? java.time.Instant.now() : settings.receivedAt())
                        .orElse(sets.currentManifest()));
        try {
            SeverityOption.check(sets, rules, settings);
        } catch (IOException e) {
            return usage(err, e.getMessage());
        }
        ReaderOptions readerOptions = schema == null ? ReaderOptions.defaults() : ReaderOptions.defaults().withExtraSchema(schema);

        if (expect) return expect(sets, settings, readerOptions, n, err);

        Context ctx;
        try {
            ctx = contextOption.load();
        } catch (ContextFormatException e) {
            return usage(err, "context: " + e.getMessage());
        }
        ctx.warnings().forEach(w -> Messages.warning(err, w));
        CoreValidator validator = CoreValidator.create(sets, ruleSet, ctx, readerOptions);
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;

        RunSummary summary = new RunSummary().ruleSet(rules.id())
                .rulesPrebuilt(rules.prebuilt()).loadMillis(loadMillis);
        ResumePoint from = null;
        if (resume) {
            try {
                from = ResumePoint.open(out, set -> sameRules(sets, set), summary::add);
            } catch (ResumePoint.CannotResume e) {
                return usage(err, e.getMessage());
            }
            err.println(Printable.text("resume: " + from.kept() + " results kept from " + out
                    + (from.droppedBytes() == 0 ? "" : " (an incomplete last line of " + from.droppedBytes() + " bytes was cut)")));
        }
        Iterable<Path> inputs = from == null ? new InputFiles(paths) : from.remaining(new InputFiles(paths));
        OutputStream os = open(from != null);
        List<ReportWriter> writers = new ArrayList<>();
        // the response file first: a result line in the report then means its response is in place too
        ResponseFiles responseFiles = responses == null ? null : new ResponseFiles(responses, settings.receivedAt());
        writers.add(writer(os, rules, sets));
        Run run = new Run(responseFiles, validator, ReportWriter.all(writers), os, summary);
        Thread hook = new Thread(run::interrupted, "duis-validator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Progress progress = quiet ? Progress.none() : Progress.start(InputFiles.count(inputs), err, Duration.ofSeconds(5))) {
            run.start();
            Object reportKey = out == null ? null : Files.readAttributes(out, BasicFileAttributes.class).fileKey();
            new BatchRunner(validator, settings, n).excluding(reportKey == null ? Set.of() : Set.of(reportKey))
                    .run(inputs, r -> run.accept(r, progress));
        } finally {
            run.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
        if (from != null && from.notAmongInputs() > 0) {
            Messages.warning(err, "resume: " + from.notAmongInputs() + " results kept in " + out
                    + " name files that are no longer among the inputs");
        }
        return summary.exitStatus();
    }


    /**
     * The results side of a run: each result is tallied and written whole under one lock, so that an interruption
     * (Ctrl-C, SIGTERM: the shutdown hook) stops taking results, lets the line being written finish, then finishes
     * and closes the report: the output holds complete lines (and, for junit, sarif and html, a whole document).
     */
    private static final class Run {
        private final ResponseFiles responses;
        private final CoreValidator validator;
        private final ReportWriter report;
        private final OutputStream os;
        private final RunSummary summary;
        private long t0;
        private boolean closed;

        Run(ResponseFiles responses, CoreValidator validator, ReportWriter report, OutputStream os, RunSummary summary) {
            this.responses = responses;
            this.validator = validator;
            this.report = report;
            this.os = os;
            this.summary = summary;
        }

        synchronized void start() {
            t0 = System.nanoTime();
        }

        synchronized void accept(FileResult r, Progress progress) {
            if (closed) throw new CancellationException("interrupted: the report is closed");
            if (responses != null) {
                // the response first: a result line in the report then means its response is in place too; a
                // response that cannot be written is that message's error, and the run goes on
                try {
                    responses.write(r);
                } catch (IOException | RuntimeException e) {
                    r = new FileResult(r.file(), r.index(), validator.unreadable("judged " + r.decision().responseCode()
                            + ", but its response could not be written: " + Messages.describe(e)));
                }
            }
            summary.add(r);
            try {
                report.write(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            progress.step();
        }

        /** Normal end, or a failure: finish and close once. */
        synchronized void finish() throws IOException {
            if (closed) return;
            closed = true;
            summary.validateNanos(System.nanoTime() - t0);
            try (os; report) {
                report.finish(summary);
            }
        }

        /** The shutdown hook: waits for the result being written, then finishes with what was done. */
        void interrupted() {
            try {
                finish();
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM stops
            }
        }
    }

    /**
     * Null when a line judged by the rule set {@code set} (its jsonl text) would be judged by the very same rules in
     * this run (docs/decisions.md D-RULESET-RESUME); otherwise the rule set this run has instead.
     */
    private String sameRules(RuleSets sets, String set) {
        if (set == null) return null; // not judged by any rule set (an unreadable input, an instant no rule set covers)
        io.duisvalidator.RuleSetId was;
        try {
            was = io.duisvalidator.RuleSetId.parse(set);
        } catch (IllegalArgumentException e) {
            return "the rule sets " + sets.ids();
        }
        if (ruleSet != null && !ruleSet.equals(was.id())) return sets.ruleBase(ruleSet).id().text() + " (--rule-set)";
        if (sets.manifest(was.id()).isEmpty()) return "the rule sets " + sets.ids();
        String now = sets.ruleBase(was.id()).id().text();
        return now.equals(set) ? null : now;
    }

    private int expect(RuleSets sets, ValidationSettings settings, ReaderOptions readerOptions, int n, PrintStream err)
            throws IOException, InterruptedException {
        List<Scenario> scenarios = Scenario.find(paths);
        if (scenarios.isEmpty()) return usage(err, "no scenario folders (folders with messages/) under " + paths);
        ExpectRunner runner = new ExpectRunner(CorpusRunner.Validators.of(sets, ruleSet), settings, readerOptions, n);
        List<ExpectRunner.ScenarioResult> results = new ArrayList<>();
        for (Scenario sc : scenarios) {
            try {
                results.add(runner.run(sc, r -> { }));
            } catch (ContextFormatException e) {
                return usage(err, sc.dir() + ": context: " + e.getMessage());
            }
        }
        PrintStream o = out == null ? System.out : new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
        runner.report(results, o);
        o.flush();
        return results.stream().allMatch(r -> r.differences().isEmpty()) ? Exit.ACCEPTED : Exit.REJECTED;
    }

    private OutputStream open(boolean append) throws IOException {
        if (out == null) {
            return new BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // never close standard output
                }
            };
        }
        return new BufferedOutputStream(append
                ? Files.newOutputStream(out, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                : Files.newOutputStream(out), 1 << 16);
    }

    private ReportWriter writer(OutputStream os, RuleBase rules, RuleSets sets) throws IOException {
        return switch (format) {
            case "jsonl" -> new JsonlReport(os);
            case "junit" -> new JunitReport(os);
            // the rules of each rule set that judged a message, described when its first message comes (built then)
            case "sarif" -> new SarifReport(os, id -> id.id().equals(rules.id().id()) ? rules.rules().values()
                    : sets.manifest(id.id()).map(m -> sets.ruleBase(m).rules().values()).orElse(java.util.List.of()));
            case "html" -> new HtmlReport(os);
            default -> new TextReport(os);
        };
    }

    private static int usage(PrintStream err, String message) {
        return Messages.usage(err, message);
    }
}
