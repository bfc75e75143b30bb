package io.duisvalidator.spark;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.report.JsonlReport;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;

/**
 * The ways messages reach the read stage, in one JVM on one core (docs/performance.md, "Spark", read step): the same
 * generated messages as one plain run (every message of the corpus, one context: the first scenario's that has one,
 * its settings) read
 * <ul>
 *   <li>{@code files, checksummed}: files opened through Hadoop's checksummed local file system (how the job read them
 *       before: a {@code .crc} lookup, a status call and I/O statistics per open; listing packed as before), forced here by a file system that
 *       wraps Hadoop's {@link LocalFileSystem} so the job does not recognise it;</li>
 *   <li>{@code files, raw, 4 MB open cost}: raw reads, the listing scanned with Spark's default packing (each file
 *       counted at its size plus 4 MB: 32 files a task), as the job scanned it before;</li>
 *   <li>{@code files, raw}: the job as it is (the raw local file's bytes through the JDK, {@link Stages.Opener}; the
 *       listing scanned in a session that counts files at their size);</li>
 *   <li>{@code parquet}: the same messages as a Parquet table ({@code id}, {@code message}), written once here.</li>
 * </ul>
 * Each is measured twice, the variants alternating (the JIT warms across them), for the read step alone and for the
 * rest of the run (context joins, final join, judge, write jsonl); then the CLI's batch code over the same files with
 * the same context and settings, one thread.
 *
 * <pre>mvn -q -B -P bench,spark-local process-test-classes -Dbench.args="--spark --read-paths --messages N [--variants raw,parquet]"</pre>
 */
final class SparkReadBench {
    private SparkReadBench() {}

    /** Hadoop's checksummed local file system behind a wrapper: the job's read stage opens files through it. */
    public static final class ChecksummedLocal extends FilterFileSystem {
        public ChecksummedLocal() {
            super(new LocalFileSystem());
        }
    }

    /** The variants, in the order they run each round. */
    static final List<String> VARIANTS = List.of("files, checksummed", "files, raw, 4 MB open cost", "files, raw", "parquet");

    /** @param only the variants to run (names as in {@link #VARIANTS}, e.g. "raw" matches "files, raw"), or all when empty */
    static List<String> run(Path dir, Path corpus, long made, List<String> only) throws Exception {
        List<Scenario> scenarios = Scenario.find(List.of(corpus));
        Scenario sc = scenarios.stream().filter(s -> Files.isDirectory(s.context())).findFirst().orElseThrow();
        ValidationSettings settings = sc.settings(ValidationSettings.defaults());
        Instant at = settings.receivedAt() == null ? Instant.parse("2027-01-15T10:00:00Z") : settings.receivedAt();
        settings = new ValidationSettings(at, settings.purpose(), settings.severities());
        boolean history = Files.exists(sc.context().resolve("schedules.csv")) || Files.exists(sc.context().resolve("executions.csv"));
        Path table = dir.resolve("messages-" + made + ".parquet");
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("Read paths: " + made + " messages as one plain run (context and settings of " + sc.dir().getFileName()
                + "), local[1], 4 partitions; process CPU µs per message.");
        out.add("");
        out.add("| round | messages from | read step wall s | read step CPU µs/msg | rest (joins, judge, write) CPU µs/msg | whole CPU µs/msg | load |");
        out.add("|---|---|---|---|---|---|---|");
        for (int round = 1; round <= 2; round++) {
            for (String variant : VARIANTS) {
                if (!only.isEmpty() && only.stream().noneMatch(o -> variant.equals(o) || variant.equals("files, " + o))) continue;
                FileSystem.closeAll(); // the file system cache would keep the other variant's local file system
                SparkSession spark = session(variant.equals("files, checksummed"));
                try {
                    if (variant.equals("parquet") && !Files.exists(table.resolve("_SUCCESS"))) {
                        spark.read().format("binaryFile").option("recursiveFileLookup", "true")
                                .option("pathGlobFilter", "*.[xX][mM][lL]").load(corpus.toString())
                                .select(col("path").as("id"), col("content").as("message"))
                                .write().mode(SaveMode.Overwrite).parquet(table.toString());
                    }
                    String messages = variant.equals("parquet") ? table.toString() : corpus.toString();
                    JobSpec spec = new JobSpec(List.of(new JobSpec.Part(0, messages, sc.context().toString(), at,
                            settings.purpose(), settings.severities(), history, ComplianceMonitor.DateSource.OPTION)),
                            ReaderOptions.DEFAULT_MAX_MESSAGE_BYTES, ReaderOptions.DEFAULT_MAX_ELEMENT_DEPTH, null, 100_000, 4);
                    SparkJob job = new SparkJob(spark, spec);
                    // the listing scanned as Spark packs files by default (each counted at 4 MB more than its size)
                    if (variant.contains("4 MB") || variant.contains("checksummed")) job.listingOpenCost = 4L << 20;
                    ContextTables ctx = job.context(SparkBench.sources(spark, spec));
                    ctx.usersOnce().count(); // context loaded before the measured steps
                    String before = SparkBench.load();
                    SparkJob.Plan plan = variant.equals("parquet") ? job.planTable(ctx, "id", "message") : job.plan(ctx);
                    SparkBench.Measure m = SparkBench.Measure.start();
                    long rows = plan.read().count();
                    double[] read = m.stop(made);
                    m = SparkBench.Measure.start();
                    job.write(plan.judged(), "jsonl", dir.resolve("read-paths-out").toString(), false, null, null, ctx, ExecutorRules.sets());
                    double[] rest = m.stop(made);
                    if (rows != made) throw new IllegalStateException(variant + ": " + rows + " rows read, " + made + " messages");
                    String line = String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.1f | %s - %s |", round, variant,
                            read[0], read[1], rest[1], read[1] + rest[1], before, SparkBench.load());
                    out.add(line);
                    System.out.println(line);
                } finally {
                    spark.stop();
                }
            }
            String before = SparkBench.load();
            SparkBench.Measure m = SparkBench.Measure.start();
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dir.resolve("read-paths-cli.jsonl")), 1 << 16);
                 JsonlReport w = new JsonlReport(o)) {
                new CorpusRunner(CorpusRunner.Validators.of(ExecutorRules.sets(), null), ReaderOptions.defaults(), 1)
                        .run(sc.loadContext(), settings, List.of(corpus), r -> {
                            try {
                                w.write(r);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
            }
            double[] cli = m.stop(made);
            String line = String.format(Locale.ROOT, "| %d | CLI batch, 1 thread (whole call) | | | | %.1f | %s - %s |",
                    round, cli[1], before, SparkBench.load());
            out.add(line);
            System.out.println(line);
        }
        return out;
    }

    private static SparkSession session(boolean checksummed) {
        SparkSession.Builder b = SparkSession.builder().master("local[1]").appName("duis-validator-read-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000");
        if (checksummed) b = b.config("spark.hadoop.fs.file.impl", ChecksummedLocal.class.getName());
        SparkSession s = b.getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
