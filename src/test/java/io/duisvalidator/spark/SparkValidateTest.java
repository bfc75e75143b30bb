package io.duisvalidator.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.cli.Main;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.reference.RandomWorld;
import io.duisvalidator.support.AuditorCorpus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import io.duisvalidator.internal.report.JsonlReport;
import io.duisvalidator.Severity;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job in local mode (one session for the class, 2 cores) against the CLI's own code on every scenario of
 * samples/: the same jsonl lines, field for field, the same coverage JSON and the same monitor figures.
 */
@Tag("spark")
class SparkValidateTest {
    static SparkSession spark;
    static final RuleSets SETS = RuleSets.standard();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        // one session for the class; small data, so few partitions, and no whole-stage code generation (compiling
        // each plan costs more than running it interpreted on a few hundred rows; the results are the same)
        spark = SparkSession.builder().master("local[2]").appName("duis-validator-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.codegen.wholeStage", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
        // for docs/performance.md (the suite's cost): the process CPU of this class's JVM, a figure that load bends less than wall time
        ProcessHandle.current().info().totalCpuDuration().ifPresent(d -> System.out.println("SparkValidateTest JVM CPU: " + d));
    }

    /** What the CLI writes for each scenario (validate --format jsonl with the scenario's context and settings). */
    static Map<String, String> cliLines(List<Scenario> scenarios) throws Exception {
        return cliLines(scenarios, null);
    }

    /**
     * As {@link #cliLines(List)}, each message judged by the rule set in force at its receipt instant, or by
     * {@code ruleSet} when not null ({@code --rule-set}), as the CLI's commands judge it.
     */
    static Map<String, String> cliLines(List<Scenario> scenarios, String ruleSet) throws Exception {
        Map<String, String> out = new TreeMap<>();
        CorpusRunner runner = new CorpusRunner(CorpusRunner.Validators.of(SETS, ruleSet), ReaderOptions.defaults(), 2);
        for (Scenario sc : scenarios) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (JsonlReport w = new JsonlReport(b)) {
                runner.run(sc, ValidationSettings.defaults(), r -> {
                    try {
                        w.write(r);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            for (String line : b.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) out.put(JSON.readTree(line).get("file").asText(), line);
            }
        }
        return out;
    }

    static Map<String, String> sparkLines(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    String before = out.put(JSON.readTree(line).get("file").asText(), line);
                    assertThat(before).as("one line per message").isNull();
                }
            }
        }
        return out;
    }

    /** Runs the job on the class's session; 3 message partitions unless the arguments say otherwise (tallies merge). */
    static int run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> a = new ArrayList<>(List.of(args));
        if (!a.contains("--partitions")) a.addAll(List.of("--partitions", "3"));
        int status = SparkValidate.run(spark, new PrintStream(err, true, StandardCharsets.UTF_8), a.toArray(String[]::new));
        System.out.println(err.toString(StandardCharsets.UTF_8));
        return status;
    }

    @Test
    void everySampleScenarioGetsTheClisLinesCoverageAndMonitor(@TempDir Path tmp) throws Exception {
        List<Scenario> scenarios = Scenario.find(List.of(Path.of("samples")));
        Path out = tmp.resolve("out");
        Path cov = tmp.resolve("coverage.json");
        Path mon = tmp.resolve("monitor.json");
        // a hot-key threshold of 2 messages: the keys shared by several messages are split over tasks (salted)
        int status = run("--scenarios", "samples", "--out", out.toString(), "--coverage", cov.toString(),
                "--monitor", mon.toString(), "--hot-key-messages", "2");
        Map<String, String> cli = cliLines(scenarios);
        Map<String, String> got = sparkLines(out);
        assertThat(got.keySet()).containsExactlyElementsOf(cli.keySet());
        for (String f : cli.keySet()) {
            JsonNode want = JSON.readTree(cli.get(f));
            assertThat(JSON.readTree(got.get(f))).as(f).isEqualTo(want);
            assertThat(got.get(f)).as(f + " byte for byte").isEqualTo(cli.get(f));
        }
        assertThat(status).as("exit status: some rejected, none errored").isEqualTo(SparkValidate.REJECTED);

        // the CLI's own commands over the same folders: coverage --format json and monitor --format json
        Path wantCov = tmp.resolve("cli-coverage.json");
        Path wantMon = tmp.resolve("cli-monitor.json");
        assertThat(Main.run("coverage", "--format", "json", "--out", wantCov.toString(), "samples")).isZero();
        Main.run("monitor", "--format", "json", "--out", wantMon.toString(), "samples");
        JsonNode covJson = JSON.readTree(Files.readString(cov));
        // the go-live samples are received before and after MP162: one report per rule set, each with its grids
        assertThat(covJson.get("ruleSets")).as("a report per rule set that judged some message").hasSize(2);
        for (JsonNode report : covJson.get("ruleSets")) {
            assertThat(report.get("grids")).as("the coverage JSON carries the auditor's grids").isNotEmpty();
        }
        assertThat(cli.values().stream().filter(l -> l.contains("\"ruleSet\":\"before-mp162 "))).as("judged before MP162").isNotEmpty();
        assertThat(covJson).isEqualTo(JSON.readTree(Files.readString(wantCov)));
        assertThat(JSON.readTree(Files.readString(mon))).isEqualTo(JSON.readTree(Files.readString(wantMon)));
    }

    /**
     * {@code --rule-set ID} forces one rule set for every message whatever its receipt instant, as {@code validate
     * --rule-set} and {@code coverage --rule-set} do: the go-live scenarios judged by {@code before-mp162} get the
     * CLI's lines (some of them other than by the rule set in force) and its coverage; an unknown id is a usage error
     * naming the known ones.
     */
    @Test
    void aForcedRuleSetJudgesEveryMessageAsTheClis(@TempDir Path tmp) throws Exception {
        List<Path> roots = List.of(Path.of("samples/rule-sets-go-live-2024-06-26"), Path.of("samples/rule-sets-go-live-2024-06-28"));
        List<Scenario> scenarios = Scenario.find(roots);
        Path out = tmp.resolve("out");
        Path cov = tmp.resolve("coverage.json");
        run("--scenarios", roots.get(0).toString(), roots.get(1).toString(), "--rule-set", "before-mp162",
                "--out", out.toString(), "--coverage", cov.toString(), "--partitions", "2");
        Map<String, String> want = cliLines(scenarios, "before-mp162");
        assertThat(want.values()).allMatch(l -> l.contains("\"ruleSet\":\"before-mp162 "));
        assertThat(cliLines(scenarios)).as("the rule set in force judges some otherwise").isNotEqualTo(want);
        assertThat(sparkLines(out)).isEqualTo(want);
        Path wantCov = tmp.resolve("cli-coverage.json");
        assertThat(Main.run("coverage", "--format", "json", "--rule-set", "before-mp162", "--out", wantCov.toString(),
                roots.get(0).toString(), roots.get(1).toString())).isZero();
        assertThat(JSON.readTree(Files.readString(cov))).isEqualTo(JSON.readTree(Files.readString(wantCov)));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkValidate.run(spark, new PrintStream(err, true, StandardCharsets.UTF_8), "--scenarios",
                roots.get(0).toString(), "--rule-set", "mp161", "--out", tmp.resolve("none").toString());
        assertThat(status).isEqualTo(SparkValidate.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mp161").contains("before-mp162").contains("mp162");
        assertThat(tmp.resolve("none")).doesNotExist();
    }

    /**
     * The monitor by period over the auditor's corpus whose weekly figures are known by construction (flags by
     * threshold and by rise, an execution shared by scenarios, a scenario dated by --at): the figures of `monitor`,
     * by week and by day.
     */
    @Test
    void theMonitorByPeriodIsTheClis(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        AuditorCorpus.monitor(corpus, false);
        String at = AuditorCorpus.WEEK_AT.get(4);
        for (String period : List.of("week", "day")) {
            Path mon = tmp.resolve("spark-" + period + ".json");
            Path want = tmp.resolve("cli-" + period + ".json");
            int status = run("--scenarios", corpus.toString(), "--at", at, "--out", tmp.resolve("out-" + period).toString(),
                    "--monitor", mon.toString(), "--period", period, "--rise", "2", "--partitions", "2");
            assertThat(status).isIn(SparkValidate.ACCEPTED, SparkValidate.REJECTED);
            assertThat(Main.run("monitor", "--format", "json", "--at", at, "--period", period, "--rise", "2",
                    "--out", want.toString(), corpus.toString())).as("the corpus has flagged weeks").isEqualTo(1);
            JsonNode got = JSON.readTree(Files.readString(mon));
            assertThat(got.toString()).as(period).contains("RISE").contains("THRESHOLD");
            assertThat(got).as(period).isEqualTo(JSON.readTree(Files.readString(want)));
        }
    }

    /**
     * Plain messages need --context or --empty-context, as `validate` does since the batch hardening; with
     * --empty-context the lines are those of `validate --empty-context --format jsonl`.
     */
    @Test
    void plainMessagesNeedAContextOrEmptyContextAndGetTheClisLines(@TempDir Path tmp) throws Exception {
        String messages = "samples/eligibility-mdr/messages";
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkValidate.run(spark, new PrintStream(err, true, StandardCharsets.UTF_8), "--messages", messages,
                "--at", "2027-01-15T10:00:00Z", "--out", tmp.resolve("none").toString());
        assertThat(status).isEqualTo(SparkValidate.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--empty-context");
        assertThat(tmp.resolve("none")).doesNotExist();
        assertThat(run("--messages", messages, "--context", "samples/eligibility-mdr/context", "--empty-context",
                "--out", tmp.resolve("both").toString())).isEqualTo(SparkValidate.USAGE);

        Path out = tmp.resolve("out");
        assertThat(run("--messages", messages, "--empty-context", "--severity", "NO-SUCH-ID=warning",
                "--out", tmp.resolve("bad-severity").toString())).as("a policy the rule set cannot apply").isEqualTo(SparkValidate.USAGE);

        // every validate option that changes a decision: --at, --purpose, --h313a, --severity (E1 only warns here)
        status = run("--messages", messages, "--empty-context", "--at", "2027-01-15T10:00:00Z", "--purpose", "mhhs",
                "--h313a", "warn", "--severity", "E1=warning", "--out", out.toString());
        Path want = tmp.resolve("cli.jsonl");
        int cli = Main.run("validate", messages, "--empty-context", "--at", "2027-01-15T10:00:00Z", "--purpose", "mhhs",
                "--h313a", "warn", "--severity", "E1=warning", "--format", "jsonl", "--out", want.toString());
        Map<String, String> wantLines = new TreeMap<>();
        for (String line : Files.readAllLines(want)) wantLines.put(JSON.readTree(line).get("file").asText(), line);
        assertThat(wantLines).isNotEmpty();
        assertThat(sparkLines(out)).isEqualTo(wantLines);
        assertThat(String.join("\n", wantLines.values())).as("the policy changed the findings").contains("\"severity\":\"WARNING\"");
        assertThat(status).isEqualTo(cli);
    }

    /**
     * The generated corpus of the differential test (RandomWorld, seeds 7000 on, each world's requests and settings
     * drawn in the differential test's order): each request judged by the Spark job's stages after reading (keys,
     * context joins with its world's rows, hot keys split, judge) gives the line of the library's own validator with
     * the world's whole context. The messages are records, not files: the reader is not what this compares. Each
     * request is a part of its own (its own instant, purpose and H3.13A policy), so each carries a copy of its world's
     * context: the first 4 worlds, 250 requests each, keep that copy small (the differential test itself runs 60 x 400
     * without Spark).
     */
    @Test
    void theGeneratedCorpusOfTheDifferentialTestGetsTheValidatorsDecisions() {
        int worlds = 4;
        int requests = 250;
        List<JobSpec.Part> parts = new ArrayList<>();
        List<Row> read = new ArrayList<>();
        List<Row> context = new ArrayList<>();
        Map<String, String> want = new TreeMap<>();
        Stages.Lines lines = new Stages.Lines();
        for (int w = 0; w < worlds; w++) {
            RandomWorld world = new RandomWorld(7_000L + w);
            // the library's validator: each request by the rule set in force at its instant, as the job's judge stage
            CoreValidator v = CoreValidator.create(SETS, null, world.context(), ReaderOptions.defaults());
            boolean history = world.context().schedules().isPresent();
            List<Integer> mine = new ArrayList<>();
            Set<String> users = new TreeSet<>();
            Set<String> devices = new TreeSet<>();
            for (int i = 0; i < requests; i++) {
                DuisRequest req = world.request();
                ValidationSettings s = world.settings();
                String file = "world-" + w + "/request-" + i;
                JobSpec.Part p = new JobSpec.Part(parts.size(), file, null, s.receivedAt(), s.purpose(), s.severities(),
                        history, ComplianceMonitor.DateSource.OPTION);
                parts.add(p);
                mine.add(p.index());
                want.put(file, lines.line(file, v.validate(req, s)));
                read.add(Stages.pending(p, file, req));
                users.add(Stages.key(req.originatorId()));
                for (String d : new String[]{req.targetId(), req.selectorDeviceId(),
                        req.schedule() == null ? null : req.schedule().deviceId()}) {
                    if (d != null) devices.add(Stages.key(d));
                }
            }
            world.context().schedules().ifPresent(h -> h.allSchedules().forEach(sc -> {
                users.add(sc.userId());
                devices.add(sc.deviceId());
            }));
            Set<String> mpans = new TreeSet<>();
            for (String d : devices) {
                world.context().device(d).ifPresent(dev -> {
                    if (dev.importMpan() != null) mpans.add(dev.importMpan());
                    if (dev.exportMpan() != null) mpans.add(dev.exportMpan());
                });
            }
            for (int idx : mine) context.addAll(ContextTables.rows(idx, world.context(), users, devices, mpans));
        }
        // every key with more than 3 messages is split over tasks
        JobSpec spec = new JobSpec(parts, ReaderOptions.DEFAULT_MAX_MESSAGE_BYTES, ReaderOptions.DEFAULT_MAX_ELEMENT_DEPTH,
                null, 3, 4);
        SparkJob job = new SparkJob(spark, spec);
        ContextTables ctx = ContextTables.of(spark.createDataFrame(context, ContextTables.ROWS));
        Dataset<Row> judged = job.afterRead(spark.createDataFrame(read, Stages.READ).repartition(4), ctx).judged();
        Map<String, String> got = new TreeMap<>();
        for (Row r : judged.select("file", "line").collectAsList()) {
            assertThat(got.put(r.getString(0), r.getString(1))).as("one line per request").isNull();
        }
        assertThat(got).hasSize(worlds * requests);
        List<String> differ = want.keySet().stream().filter(f -> !want.get(f).equals(got.get(f)))
                .limit(5).map(f -> f + "\n  validator: " + want.get(f) + "\n  spark:     " + got.get(f)).toList();
        assertThat(differ).as("lines that differ").isEmpty();
        // the corpus reaches accepted and rejected decisions and the context-dependent codes
        String all = String.join("\n", want.values());
        assertThat(all).contains("\"outcome\":\"ACCEPTED\"", "\"responseCode\":\"E1\"", "\"responseCode\":\"E4\"",
                "\"responseCode\":\"E19\"", "DV-H3.13A");
    }

    /** One scenario's messages as a Parquet table and its context as Parquet tables: the CLI's lines again. */
    @Test
    void parquetMessagesAndContextGetTheSameLines(@TempDir Path tmp) throws Exception {
        Scenario sc = new Scenario(Path.of("samples/h313a-mdr-retry-after-failed-schedule"));
        Map<String, String> cli = cliLines(List.of(sc));
        Path ctx = tmp.resolve("context");
        for (String kind : ContextTables.KINDS) {
            Path csv = sc.context().resolve(kind + ".csv");
            if (!Files.exists(csv)) continue;
            spark.read().option("header", "true").option("inferSchema", "false").csv(csv.toString())
                    .write().parquet(ctx.resolve(kind + ".parquet").toString());
        }
        List<org.apache.spark.sql.Row> rows = new java.util.ArrayList<>();
        for (String f : cli.keySet()) rows.add(org.apache.spark.sql.RowFactory.create(f, Files.readAllBytes(Path.of(f))));
        rows.add(org.apache.spark.sql.RowFactory.create("no-message-here", null));
        Path table = tmp.resolve("messages.parquet");
        spark.createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                        .add("path", org.apache.spark.sql.types.DataTypes.StringType)
                        .add("message", org.apache.spark.sql.types.DataTypes.BinaryType))
                .write().parquet(table.toString());
        Path out = tmp.resolve("out");
        int status = run("--messages", table.toString(), "--messages-format", "parquet", "--context", ctx.toString(),
                "--at", at(sc), "--purpose", sc.settings(ValidationSettings.defaults()).purpose().name(),
                "--h313a", sc.settings(ValidationSettings.defaults()).h313aSeverity() == Severity.WARNING ? "warn" : "error",
                "--out", out.toString());
        Map<String, String> got = sparkLines(out);
        JsonNode missing = JSON.readTree(got.remove("no-message-here"));
        assertThat(missing.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(missing.get("responseCode").asText()).isEqualTo("DV-INPUT");
        assertThat(got).isEqualTo(cli);
        assertThat(status).as("an unreadable input: exit 3").isEqualTo(SparkValidate.UNPROCESSED);
    }

    private static String at(Scenario sc) throws java.io.IOException {
        return sc.settings(ValidationSettings.defaults()).receivedAt().toString();
    }

    /** A malformed context row stops the run at its start with the loader's file, line and message (exit 2). */
    @Test
    void aMalformedContextRowFailsTheRunWithFileAndLine(@TempDir Path tmp) throws Exception {
        Scenario sc = new Scenario(Path.of("samples/eligibility-mdr"));
        Path ctx = tmp.resolve("context");
        Files.createDirectories(ctx);
        try (Stream<Path> s = Files.list(sc.context())) {
            for (Path f : s.toList()) Files.copy(f, ctx.resolve(f.getFileName()));
        }
        List<String> users = new java.util.ArrayList<>(Files.readAllLines(ctx.resolve("users.csv")));
        users.add(2, "not-an-eui,MDR,X");
        Files.write(ctx.resolve("users.csv"), users);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkValidate.run(spark, new PrintStream(err, true, StandardCharsets.UTF_8), "--messages",
                sc.messages().toString(), "--context", ctx.toString(), "--out", tmp.resolve("out").toString());
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(SparkValidate.USAGE);
        assertThat(text).contains("users.csv:3:1: not an EUI-64").contains(ctx.toString());
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
