package io.duisvalidator.spark;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.report.JsonlReport;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Spark job against the CLI's batch run over the same generated messages, in one JVM (docs/performance.md,
 * "Spark"). Generates N messages from samples/ (every sample message copied with its own RequestID counter, in scenario
 * folders with the sample's context and settings), then, with process CPU time and wall time for each:
 * the CLI's batch code (CorpusRunner, as {@code validate}/{@code coverage} run scenario folders, judging by rule set as
 * {@code validate} does) on 1 and 2 threads,
 * and the Spark job in local mode on 1 and 2 cores, step by step (context, read, context joins, final join alone,
 * judge and write). Then the skew check: one key with very many messages, split and not split.
 *
 * <pre>mvn -q -B -P bench,spark-local process-test-classes -Dbench.args="--spark [--messages N] [--skew N] [--no-cli] [--generate-only] [--read-paths [--variants V,...]]"</pre>
 * {@code --messages 0}: the skew check only.
 */
public final class SparkBench {
    private static final Pattern REQUEST_ID = Pattern.compile("(<sr:RequestID>[^<:]*:[^<:]*:)(\\d+)(</sr:RequestID>)");

    private SparkBench() {}

    public static void main(String[] args) throws Exception {
        long n = 1_000_000;
        long skew = 200_000;
        boolean cli = true;
        boolean generateOnly = false;
        boolean readPaths = false;
        List<String> variants = List.of();
        Path dir = Path.of("target/spark-bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> n = Long.parseLong(args[++i]);
                case "--skew" -> skew = Long.parseLong(args[++i]);
                case "--no-cli" -> cli = false;
                case "--generate-only" -> generateOnly = true;
                case "--read-paths" -> readPaths = true;
                case "--variants" -> variants = List.of(args[++i].split(","));
                case "--dir" -> dir = Path.of(args[++i]);
                default -> { }
            }
        }
        List<String> report = new ArrayList<>();
        report.add("load average at start: " + load() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version"));
        if (n == 0) {
            List<String> only = new ArrayList<>(report);
            only.addAll(skew(dir, skew));
            only.add("");
            only.add("load average at end: " + load());
            Files.createDirectories(dir);
            Files.write(dir.resolve("report.md"), only);
            only.forEach(System.out::println);
            return;
        }
        Path corpus = dir.resolve("corpus-" + n);
        long made = generate(Path.of("samples"), corpus, n, false);
        report.add("corpus: " + made + " messages under " + corpus);
        if (generateOnly) {
            System.out.println(report.get(report.size() - 1));
            return;
        }
        if (readPaths) { // the ways messages reach the read stage, one JVM (SparkReadBench)
            report.addAll(SparkReadBench.run(dir, corpus, made, variants));
            report.add("");
            report.add("load average at end: " + load());
            Files.write(dir.resolve("read-paths.md"), report);
            report.forEach(System.out::println);
            return;
        }
        // the CLI side judges as validate does: each message by the rule set in force at its receipt instant (RuleSets),
        // as the Spark job's judge stage does, so both sides do the same work
        CorpusRunner.Validators validators = CorpusRunner.Validators.of(ExecutorRules.sets(), null);
        List<Scenario> scenarios = Scenario.find(List.of(corpus));

        // the skew check first: it also warms Spark up (class loading, code generation) before the measured runs
        List<String> skewReport = skew > 0 ? skew(dir, skew) : List.of();
        List<String> rows = new ArrayList<>();
        rows.add("| run | cores | wall s | msg/s | CPU µs/msg | load before-after |");
        rows.add("|---|---|---|---|---|---|");
        Map<String, double[]> cpu = new TreeMap<>();
        if (cli) {
            for (int threads : new int[]{1, 2}) {
                String before = load();
                Measure m = Measure.start();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("cli-" + threads + ".jsonl")), 1 << 16);
                     JsonlReport w = new JsonlReport(out)) {
                    CorpusRunner runner = new CorpusRunner(validators, ReaderOptions.defaults(), threads);
                    for (Scenario sc : scenarios) {
                        runner.run(sc, ValidationSettings.defaults(), r -> {
                            try {
                                w.write(r);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                    }
                }
                double[] f = m.stop(made);
                cpu.put("cli-" + threads, f);
                say(rows, String.format(Locale.ROOT, "| CLI batch (CorpusRunner) | %d | %.1f | %,.0f | %.1f | %s - %s |",
                        threads, f[0], made / f[0], f[1], before, load()));
            }
        }
        List<String> steps = new ArrayList<>();
        steps.add("| cores | step | wall s | CPU µs/msg |");
        steps.add("|---|---|---|---|");
        for (int cores : new int[]{1, 2}) {
            SparkSession spark = session(cores);
            try {
                String before = load();
                Measure all = Measure.start();
                JobSpec spec = spec(scenarios, ValidationSettings.defaults(), 100_000, cores * 4);
                SparkJob job = new SparkJob(spark, spec);
                Measure m = Measure.start();
                ContextTables ctx = job.context(sources(spark, spec));
                step(steps, cores, "context tables loaded and checked", m.stop(made));
                SparkJob.Plan plan = job.plan(ctx);
                m = Measure.start();
                plan.read().count();
                step(steps, cores, "read (list, read, parse, keys; persisted)", m.stop(made));
                m = Measure.start();
                plan.slices().count();
                double[] joins = m.stop(made);
                step(steps, cores, "context joins on the distinct keys (slices; persisted)", joins);
                m = Measure.start();
                plan.joined().write().format("noop").mode(SaveMode.Overwrite).save();
                double[] last = m.stop(made);
                step(steps, cores, "final join alone (messages to their slices), measured apart", last);
                m = Measure.start();
                SparkJob.Result r = job.write(plan.judged(), "jsonl", dir.resolve("spark-" + cores).toString(), false, null, null, ctx, ExecutorRules.sets());
                step(steps, cores, "final join + judge + write jsonl", m.stop(made));
                double[] total = all.stop(made);
                // the run's own cost: everything but the extra final-join measurement
                double[] own = {total[0] - last[0], total[1] - last[1]};
                cpu.put("spark-" + cores, own);
                cpu.put("joins-" + cores, new double[]{joins[0] + last[0], joins[1] + last[1]});
                long judged = r.count(io.duisvalidator.Outcome.ACCEPTED) + r.count(io.duisvalidator.Outcome.REJECTED)
                        + r.count(io.duisvalidator.Outcome.ERROR);
                say(rows, String.format(Locale.ROOT, "| Spark local[%d] (%d lines) | %d | %.1f | %,.0f | %.1f | %s - %s |",
                        cores, judged, cores, own[0], made / own[0], own[1], before, load()));
            } finally {
                spark.stop();
            }
        }
        report.add("");
        report.addAll(rows);
        report.add("");
        for (int c : new int[]{1, 2}) {
            double[] s = cpu.get("spark-" + c);
            double[] j = cpu.get("joins-" + c);
            double[] k = cpu.get("cli-" + c);
            report.add(String.format(Locale.ROOT, "%d core(s): Spark CPU/msg %.1f µs%s; joins %.1f µs/msg (%.0f%% of the Spark run)",
                    c, s[1], k == null ? "" : String.format(Locale.ROOT, " = %.2fx the CLI's %.1f", s[1] / k[1], k[1]),
                    j[1], 100 * j[1] / s[1]));
        }
        report.add("");
        report.addAll(steps);
        report.addAll(skewReport);
        report.add("");
        report.add("load average at end: " + load());
        Files.write(dir.resolve("report.md"), report);
        report.forEach(System.out::println);
    }

    private static void say(List<String> to, String line) {
        to.add(line);
        System.out.println(line);
        System.out.flush();
    }

    private static void step(List<String> steps, int cores, String what, double[] f) {
        say(steps, String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f |", cores, what, f[0], f[1]));
    }

    /** One key with very many messages: the final join's largest task, with the hot key split and not split. */
    static List<String> skew(Path dir, long n) throws Exception {
        Path corpus = dir.resolve("skew-" + n);
        long made = generate(Path.of("samples/eligibility-mdr"), corpus, n, true);
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Skew: " + made + " copies of one message (one User, device and MPAN: one join key), local[2], "
                + "8 partitions, broadcast joins off, no partition merging; Spark's task metrics of the stage that reads "
                + "the final join's shuffle (it judges the messages): records read and executor run time per task. "
                + "Critical path = the longest task's run time / all its tasks' run time: the least share of the stage's "
                + "work that one core must do alone, whatever the number of cores.");
        out.add("");
        out.add("| hot-key split | tasks | largest task: messages (share) | task run time: longest / median / sum s "
                + "| critical path | stage wall s | job wall s | CPU µs/msg | load |");
        out.add("|---|---|---|---|---|---|---|---|---|");
        List<Scenario> scenarios = Scenario.find(List.of(corpus));
        for (long threshold : new long[]{0, Math.max(1, made / 16)}) {
            SparkSession spark = session(2);
            // at archive scale the slices are far too big to broadcast: make the final join a shuffle join here too
            spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
            // nor may adaptive execution merge the small shuffle partitions of this small corpus into one task
            spark.conf().set("spark.sql.adaptive.coalescePartitions.enabled", "false");
            ConcurrentLinkedQueue<long[]> tasks = new ConcurrentLinkedQueue<>();
            Map<Long, Long> stageWall = new java.util.concurrent.ConcurrentHashMap<>();
            spark.sparkContext().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    if (e.taskMetrics() == null) return;
                    tasks.add(new long[]{e.stageId(), e.taskMetrics().shuffleReadMetrics().recordsRead(),
                            e.taskMetrics().executorRunTime()});
                }

                @Override
                public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted e) {
                    var i = e.stageInfo();
                    if (i.submissionTime().isDefined() && i.completionTime().isDefined()) {
                        stageWall.put((long) i.stageId(), (Long) i.completionTime().get() - (Long) i.submissionTime().get());
                    }
                }
            });
            try {
                JobSpec spec = spec(scenarios, ValidationSettings.defaults(), threshold, 8);
                SparkJob job = new SparkJob(spark, spec);
                ContextTables ctx = job.context(sources(spark, spec));
                SparkJob.Plan plan = job.plan(ctx);
                plan.read().count();
                plan.slices().count();
                tasks.clear();
                Measure m = Measure.start();
                job.write(plan.judged(), "jsonl", dir.resolve("skew-out").toString(), false, null, null, ctx, ExecutorRules.sets());
                double[] f = m.stop(made);
                Map<Long, List<long[]>> byStage = new TreeMap<>();
                for (long[] t : tasks) byStage.computeIfAbsent(t[0], k -> new ArrayList<>()).add(t);
                Map.Entry<Long, List<long[]>> judging = byStage.entrySet().stream()
                        .max((a, b) -> Long.compare(records(a.getValue()), records(b.getValue()))).orElseThrow();
                List<long[]> ts = judging.getValue();
                long max = ts.stream().mapToLong(t -> t[1]).max().orElse(0);
                long sum = records(ts);
                List<Long> run = ts.stream().map(t -> t[2]).sorted().toList();
                long runMax = run.get(run.size() - 1);
                long runSum = run.stream().mapToLong(x -> x).sum();
                say(out, String.format(Locale.ROOT, "| %s | %d | %,d (%.0f%%) | %.1f / %.1f / %.1f | %.0f%% | %.1f | %.1f | %.1f | %s |",
                        threshold == 0 ? "off" : "over " + threshold + " messages", ts.size(), max,
                        sum == 0 ? 0 : 100.0 * max / sum, runMax / 1e3, run.get(run.size() / 2) / 1e3, runSum / 1e3,
                        runSum == 0 ? 0 : 100.0 * runMax / runSum, stageWall.getOrDefault(judging.getKey(), -1L) / 1e3,
                        f[0], f[1], load()));
            } finally {
                spark.stop();
            }
        }
        return out;
    }

    private static long records(List<long[]> tasks) {
        return tasks.stream().mapToLong(t -> t[1]).sum();
    }

    static SparkSession session(int cores) {
        SparkSession s = SparkSession.builder().master("local[" + cores + "]").appName("duis-validator-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", Integer.toString(cores * 4))
                // list folders on the driver: in local mode a listing job of one task per folder only costs
                .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000")
                .getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }

    static JobSpec spec(List<Scenario> scenarios, ValidationSettings defaults, long hot, int partitions) throws IOException {
        List<JobSpec.Part> parts = new ArrayList<>();
        for (Scenario sc : scenarios) {
            ValidationSettings s = sc.settings(defaults);
            String ctx = Files.isDirectory(sc.context()) ? sc.context().toString() : null;
            boolean history = ctx != null && (Files.exists(sc.context().resolve("schedules.csv"))
                    || Files.exists(sc.context().resolve("executions.csv")));
            parts.add(new JobSpec.Part(parts.size(), sc.messages().toString(), ctx,
                    s.receivedAt() == null ? Instant.now() : s.receivedAt(), s.purpose(), s.severities(), history,
                    io.duisvalidator.internal.monitor.ComplianceMonitor.DateSource.SCENARIO));
        }
        return new JobSpec(parts, ReaderOptions.DEFAULT_MAX_MESSAGE_BYTES, ReaderOptions.DEFAULT_MAX_ELEMENT_DEPTH, null, hot, partitions);
    }

    static Map<Integer, ContextTables.Sources> sources(SparkSession spark, JobSpec spec) throws IOException {
        Map<Integer, ContextTables.Sources> m = new TreeMap<>();
        for (JobSpec.Part p : spec.scenarios()) {
            if (p.context() == null) continue;
            ContextTables.Sources s = ContextTables.sources(p.context(), spark.sparkContext().hadoopConfiguration());
            if (!s.isEmpty()) m.put(p.index(), s);
        }
        return m;
    }

    /**
     * Copies the sample messages of each scenario under {@code from} into {@code to} until {@code n} are written (in
     * folders of one copy each, RequestID counters made unique), with the scenarios' context and settings; one
     * message only when {@code one}. Reuses a corpus already generated with the same count.
     */
    static long generate(Path from, Path to, long n, boolean one) throws IOException {
        Path done = to.resolve("generated.txt");
        if (Files.exists(done)) return Long.parseLong(Files.readString(done).trim());
        List<Scenario> scenarios = Scenario.find(List.of(from));
        List<Path[]> messages = new ArrayList<>();
        for (Scenario sc : scenarios) {
            Path target = to.resolve(from.relativize(sc.dir()).toString().isEmpty() ? "one" : from.relativize(sc.dir()).toString());
            Files.createDirectories(target.resolve("messages"));
            if (Files.isDirectory(sc.context())) {
                Files.createDirectories(target.resolve("context"));
                try (Stream<Path> s = Files.list(sc.context())) {
                    for (Path f : s.toList()) Files.copy(f, target.resolve("context").resolve(f.getFileName()));
                }
            }
            if (Files.exists(sc.dir().resolve("scenario.properties"))) {
                Files.copy(sc.dir().resolve("scenario.properties"), target.resolve("scenario.properties"));
            }
            try (Stream<Path> s = Files.walk(sc.messages())) {
                for (Path m : s.filter(Files::isRegularFile).sorted().toList()) {
                    messages.add(new Path[]{m, target.resolve("messages"), sc.messages()});
                    if (one) break;
                }
            }
            if (one) break;
        }
        long written = 0;
        long counter = 5_000_000_000L;
        for (int copy = 0; written < n; copy++) {
            for (Path[] m : messages) {
                if (written >= n) break;
                Path rel = m[2].relativize(m[0]);
                Path out = (one ? m[1].resolve(String.format("c%03d", copy / 1000)).resolve(copy + "-" + rel.getFileName())
                        : m[1].resolve(String.format("c%05d", copy)).resolve(rel));
                Files.createDirectories(out.getParent());
                String xml = Files.readString(m[0], StandardCharsets.UTF_8);
                Matcher x = REQUEST_ID.matcher(xml);
                String copyXml = x.find() ? x.replaceFirst("$1" + (counter++) + "$3") : xml;
                Files.writeString(out, copyXml, StandardCharsets.UTF_8);
                written++;
            }
        }
        Files.writeString(done, Long.toString(written));
        return written;
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Wall time and process CPU time (every thread: executors, driver, GC, JIT) over a step. */
    record Measure(long wall, long cpu) {
        static Measure start() {
            return new Measure(System.nanoTime(), processCpu());
        }

        /** {wall seconds, CPU microseconds per message} */
        double[] stop(long messages) {
            return new double[]{(System.nanoTime() - wall) / 1e9, (processCpu() - cpu) / 1e3 / messages};
        }

        static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        }
    }
}
