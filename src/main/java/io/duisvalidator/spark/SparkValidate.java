package io.duisvalidator.spark;

import io.duisvalidator.Outcome;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.cli.H313aOption;
import io.duisvalidator.internal.cli.SeverityOption;
import io.duisvalidator.internal.cli.SettingsOptions;
import io.duisvalidator.internal.coverage.RuleSetCoverage;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.monitor.MonitorReport;
import io.duisvalidator.internal.monitor.MonitorWriter;
import io.duisvalidator.internal.monitor.Period;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The archive-scale job: {@code validate}'s judgement of every message of a folder tree (or a Parquet table of
 * messages), on Apache Spark, with the context of the contract joined to the messages. An application entry point
 * like the CLI: nothing depends on it. Run it with {@code scripts/spark-local} or {@code spark-submit} (README).
 */
@Command(name = "spark-validate", mixinStandardHelpOptions = true,
        description = "Judge DUIS request messages on Apache Spark: the decisions of `validate --format jsonl`, as a "
                + "dataset (JSON lines part files or Parquet), with the coverage report and the H3.13A monitor on request.")
public final class SparkValidate implements Callable<Integer> {
    static final int ACCEPTED = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;
    static final int UNPROCESSED = 3;

    @Option(names = "--messages", paramLabel = "PATH", description = "a folder searched recursively for *.xml (any case), or a Parquet table with --messages-format parquet")
    String messages;

    @Option(names = "--scenarios", paramLabel = "PATH", arity = "1..*", description = "scenario folders (messages/, context/, scenario.properties) at or below these paths, each judged with its own context and settings")
    List<Path> scenarios;

    @Option(names = "--messages-format", paramLabel = "files|parquet", defaultValue = "files", description = "files (default) or parquet: a table with an id column and a message column")
    String messagesFormat;

    @Option(names = "--id-column", defaultValue = "path", description = "Parquet messages: the column that names each message (its 'file'; default: ${DEFAULT-VALUE})")
    String idColumn;

    @Option(names = "--message-column", defaultValue = "message", description = "Parquet messages: the column holding the XML, binary or string (default: ${DEFAULT-VALUE})")
    String messageColumn;

    @Option(names = "--context", paramLabel = "DIR", description = "folder with users, inventory, registration, schedules, executions: KIND.csv (the contract's CSV) or KIND.parquet (same columns)")
    String context;

    @Option(names = "--empty-context", description = "judge --messages with no context at all (every User and device unknown); asked for explicitly, as `validate` asks for it, so that a forgotten --context is never taken for an empty one")
    boolean emptyContext;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    H313aOption h313aOption;

    @Mixin
    SeverityOption severityOption;

    @Option(names = "--rule-set", paramLabel = "ID", description = "judge every message by this rule set (`rule-sets list`), "
            + "whatever its receipt instant (default: the rule set in force at --at, or at each scenario's at), as `validate --rule-set`")
    String ruleSet;

    @Option(names = "--schema", paramLabel = "FILE", description = "also validate each message against this XSD (a path every executor can read)")
    String schema;

    @Option(names = "--format", paramLabel = "jsonl|parquet", defaultValue = "jsonl", description = "jsonl (the CLI's lines, in part files) or parquet (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder of the decisions (replaced)")
    String out;

    @Option(names = "--coverage", paramLabel = "FILE", description = "also write the coverage report (the JSON of `coverage --format json`) to this local file")
    Path coverage;

    @Option(names = "--monitor", paramLabel = "FILE", description = "also write the H3.13A monitor (the figures of `monitor`) to this local file")
    Path monitor;

    @Option(names = "--monitor-format", defaultValue = "json", description = "text, json, csv, html (default: ${DEFAULT-VALUE})")
    String monitorFormat;

    @Option(names = "--threshold", paramLabel = "SHARE", defaultValue = "0.10", description = "monitor: flag a period whose on-demand share is above this share from 0 to 1, as `monitor --threshold` (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--period", paramLabel = "day|week|month", defaultValue = "week", description = "monitor: group by this period, in London time, as `monitor --period` (default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--rise", paramLabel = "FACTOR", defaultValue = "2", description = "monitor: flag a period whose on-demand share is more than FACTOR times the User's baseline, as `monitor --rise` (default: ${DEFAULT-VALUE})")
    String rise;

    @Option(names = "--master", description = "Spark master when not set by spark-submit (default: local[*])")
    String master;

    @Option(names = "--partitions", defaultValue = "0", description = "partitions of the messages (default: 4 per core)")
    int partitions;

    @Option(names = "--hot-key-messages", defaultValue = "100000", description = "a join key with more messages than this is split over several tasks; 0 never splits (default: ${DEFAULT-VALUE})")
    long hotKeyMessages;

    private SparkSession session;
    private PrintStream err = System.err;
    SparkJob.Result result;

    public static void main(String[] args) {
        System.exit(run(null, System.err, args));
    }

    /** Runs a command line on the given session (null: one is made, and stopped at the end); returns the exit status. */
    static int run(SparkSession spark, PrintStream err, String... args) {
        SparkValidate job = new SparkValidate();
        job.session = spark;
        job.err = err;
        return run(job, args);
    }

    static int run(SparkValidate job, String... args) {
        CommandLine cl = new CommandLine(job);
        cl.setCaseInsensitiveEnumValuesAllowed(true); // as the CLI: --purpose mhhs
        cl.setErr(new java.io.PrintWriter(job.err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            job.err.println("spark-validate: " + ex);
            return UNPROCESSED;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if ((messages == null) == (scenarios == null)) return usage("give either --messages PATH or --scenarios PATH...");
        if (!List.of("jsonl", "parquet").contains(format)) return usage("unknown --format " + format + " [jsonl, parquet]");
        if (!List.of("files", "parquet").contains(messagesFormat)) return usage("unknown --messages-format " + messagesFormat);
        if (!MonitorWriter.FORMATS.contains(monitorFormat)) return usage("unknown --monitor-format " + monitorFormat + " " + MonitorWriter.FORMATS);
        if (!(threshold >= 0 && threshold <= 1)) return usage("--threshold is a share between 0 and 1");
        Period byPeriod = Period.parse(period).orElse(null);
        if (byPeriod == null) return usage("--period is day, week or month, not " + period);
        double factor;
        try {
            factor = Double.parseDouble(rise.trim());
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor >= 1 && factor < Double.POSITIVE_INFINITY)) return usage("--rise is a factor of 1 or more (e.g. 2), not " + rise);
        if (hotKeyMessages < 0) return usage("--hot-key-messages is 0 or more");
        if (scenarios != null && messagesFormat.equals("parquet")) return usage("--scenarios takes folders of files");
        if (context != null && emptyContext) return usage("--context and --empty-context exclude each other");
        if (messages != null && context == null && !emptyContext) {
            return usage("give --context DIR, or --empty-context to judge without any context");
        }
        io.duisvalidator.internal.engine.RuleSets sets;
        try {
            sets = ExecutorRules.sets(); // the rule sets' validity periods are checked here (exit 2 when they overlap)
        } catch (IllegalStateException e) {
            return usage(e.getMessage());
        }
        if (ruleSet != null && sets.manifest(ruleSet).isEmpty()) {
            return usage("--rule-set: unknown rule set '" + ruleSet + "': the rule sets are " + sets.ids());
        }
        ValidationSettings settings;
        try {
            settings = severityOption.apply(h313aOption.apply(settingsOptions.settings()));
            // as `validate` / `coverage`: against the run's rule set (forced, or in force at --at / now), or any other
            SeverityOption.check(sets, ruleSet != null ? sets.ruleBase(ruleSet)
                    : sets.ruleBase(sets.inForce(settings.receivedAt() == null ? Instant.now() : settings.receivedAt())
                            .orElse(sets.currentManifest())), settings);
        } catch (IOException e) {
            return usage(e.getMessage());
        }
        // "now" is taken once, so that every executor judges by the same instant (docs/decisions.md D-SPARK-AT)
        Instant optionAt = settings.receivedAt();
        Instant runAt = Instant.now();
        ComplianceMonitor.DateSource fallback = optionAt != null ? ComplianceMonitor.DateSource.OPTION : ComplianceMonitor.DateSource.RUN_TIME;
        if (optionAt == null) settings = settings.at(runAt);
        if (schema != null && !Files.isRegularFile(Path.of(schema))) return usage("no such schema file: " + schema);

        boolean own = session == null;
        SparkSession spark = own ? session() : session;
        try {
            return judge(spark, settings, fallback, new SparkJob.Dating(optionAt, runAt, scenarios != null), byPeriod, factor);
        } finally {
            if (own) spark.stop();
        }
    }

    private SparkSession session() {
        SparkSession.Builder b = SparkSession.builder().appName("duis-validator");
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf();
        if (!conf.contains("spark.master")) b = b.master(master == null ? "local[*]" : master);
        else if (master != null) b = b.master(master);
        return b.getOrCreate();
    }

    private int judge(SparkSession spark, ValidationSettings settings, ComplianceMonitor.DateSource fallback,
                      SparkJob.Dating dating, Period byPeriod, double factor) throws Exception {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        List<JobSpec.Part> parts = new ArrayList<>();
        Map<Integer, ContextTables.Sources> sources = new HashMap<>();
        List<String> inputs = new ArrayList<>();
        if (messages != null) {
            if (!exists(messages, hadoop)) return usage("no such file or folder: " + messages);
            ContextTables.Sources s = null;
            if (context != null) {
                if (!exists(context, hadoop)) return usage("no such context folder: " + context);
                s = ContextTables.sources(context, hadoop);
                if (s.isEmpty()) return usage("--context " + context + " holds none of users, inventory, registration, schedules, executions (.csv or .parquet)");
                sources.put(0, s);
                inputs.add(context);
            }
            parts.add(new JobSpec.Part(0, messages, context, settings.receivedAt(), settings.purpose(),
                    settings.severities(), s != null && s.history(), fallback));
            inputs.add(messages);
        } else {
            if (context != null || emptyContext) return usage("--context and --empty-context apply to --messages; scenario folders carry their own");
            for (Path p : scenarios) if (!Files.isDirectory(p)) return usage("not a folder: " + p);
            List<Scenario> found = Scenario.find(scenarios);
            if (found.isEmpty()) return usage("no scenario folders (folders with messages/) under " + scenarios);
            for (Scenario sc : found) {
                ValidationSettings s = sc.settings(settings);
                boolean own = sc.settings(ValidationSettings.defaults()).receivedAt() != null;
                String ctx = Files.isDirectory(sc.context()) ? sc.context().toString() : null;
                ContextTables.Sources src = ctx == null ? null : ContextTables.sources(ctx, hadoop);
                int i = parts.size();
                if (src != null && !src.isEmpty()) sources.put(i, src);
                parts.add(new JobSpec.Part(i, sc.messages().toString(), ctx, s.receivedAt(), s.purpose(), s.severities(),
                        src != null && src.history(), own ? ComplianceMonitor.DateSource.SCENARIO : fallback));
                inputs.add(sc.dir().toString());
            }
        }
        String clash = overlap(out, inputs, hadoop);
        if (clash != null) return usage("--out " + out + " overlaps an input: " + clash);

        JobSpec spec = new JobSpec(parts, ReaderOptions.DEFAULT_MAX_MESSAGE_BYTES, ReaderOptions.DEFAULT_MAX_ELEMENT_DEPTH,
                schema == null ? null : Path.of(schema).toAbsolutePath().toString(), hotKeyMessages, partitions, ruleSet);
        SparkJob job = new SparkJob(spark, spec);
        ContextTables ctx;
        try {
            ctx = job.context(sources);
        } catch (Exception e) { // a SparkException (checked, undeclared) carrying the executor's BadContext
            String bad = badContext(e);
            if (bad == null) throw e;
            return usage("context: " + bad);
        }
        ctx.warnings.stream().limit(100).forEach(w -> err.println("warning: " + w));
        if (ctx.warnings.size() > 100) err.println("warning: ... and " + (ctx.warnings.size() - 100) + " more");

        Dataset<Row> judged = messagesFormat.equals("parquet") ? job.judgedTable(ctx, idColumn, messageColumn) : job.judged(ctx);
        SparkJob.Result r = job.write(judged, format, out, coverage != null, monitor == null ? null : byPeriod, dating, ctx, ExecutorRules.sets());
        result = r;
        if (coverage != null) {
            try (Writer w = Files.newBufferedWriter(coverage)) {
                RuleSetCoverage.write(r.coverage(), "json", w);
            }
            if (r.unjudged() > 0) {
                err.println("spark-validate: warning: " + r.unjudged() + " messages were judged by no rule set (unreadable, or received when no rule set is in force): not counted in the coverage");
            }
        }
        if (monitor != null) {
            MonitorReport report = r.monitor().report(threshold, factor);
            try (Writer w = Files.newBufferedWriter(monitor)) {
                MonitorWriter.write(report, monitorFormat, w);
            }
            report.dating().notes().forEach(n -> err.println("spark-validate: note: " + n));
        }
        long accepted = r.count(Outcome.ACCEPTED);
        long rejected = r.count(Outcome.REJECTED);
        long errors = r.count(Outcome.ERROR);
        err.println("spark-validate: " + (accepted + rejected + errors) + " messages: " + accepted + " accepted, "
                + rejected + " rejected, " + errors + " error; decisions in " + out + " (" + format + ")");
        return errors > 0 ? UNPROCESSED : rejected > 0 ? REJECTED : ACCEPTED;
    }

    /** The loader's message when the failure is a malformed context row (the cause travels back from the executor). */
    static String badContext(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ContextTables.BadContext b) return b.getMessage();
            String m = t.getMessage();
            if (m != null && m.contains(ContextTables.BadContext.class.getName() + ": ")) {
                String rest = m.substring(m.indexOf(ContextTables.BadContext.class.getName() + ": ")
                        + ContextTables.BadContext.class.getName().length() + 2);
                int nl = rest.indexOf('\n');
                return nl < 0 ? rest : rest.substring(0, nl);
            }
        }
        return null;
    }

    private static boolean exists(String path, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        return p.getFileSystem(conf).exists(p);
    }

    /** An input that the output folder is, contains or lies inside (the output is replaced: never an input). */
    private static String overlap(String out, List<String> inputs, Configuration conf) throws IOException {
        String o = qualified(out, conf);
        for (String in : inputs) {
            String i = qualified(in, conf);
            if (o.equals(i) || o.startsWith(i + "/") || i.startsWith(o + "/")) return in;
        }
        return null;
    }

    private static String qualified(String path, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
        FileSystem fs = p.getFileSystem(conf);
        return SparkJob.stripSlash(fs.makeQualified(p).toString());
    }

    private int usage(String message) {
        err.println("spark-validate: " + message);
        return USAGE;
    }
}
