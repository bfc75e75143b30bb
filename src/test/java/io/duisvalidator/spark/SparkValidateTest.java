package io.duisvalidator.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.coverage.Coverage;
import io.duisvalidator.internal.coverage.CoverageWriter;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.monitor.MonitorWriter;
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
import java.util.List;
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
    static final RuleBase RULES = RuleBase.load();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("duis-validator-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** What the CLI writes for each scenario (validate --format jsonl with the scenario's context and settings). */
    static Map<String, String> cliLines(List<Scenario> scenarios) throws Exception {
        Map<String, String> out = new TreeMap<>();
        CorpusRunner runner = new CorpusRunner(RULES, ReaderOptions.defaults(), 2);
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

    static int run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkValidate.run(spark, new PrintStream(err, true, StandardCharsets.UTF_8), args);
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

        Coverage c = new Coverage(RULES);
        c.scenarios(scenarios, ValidationSettings.defaults(), ReaderOptions.defaults(), 2);
        StringWriter want = new StringWriter();
        CoverageWriter.write(c.report(), "json", want);
        assertThat(JSON.readTree(Files.readString(cov))).isEqualTo(JSON.readTree(want.toString()));

        ComplianceMonitor m = new ComplianceMonitor();
        CorpusRunner runner = new CorpusRunner(RULES, ReaderOptions.defaults(), 2);
        for (Scenario sc : scenarios) {
            runner.run(sc, ValidationSettings.defaults(), s -> s.h313a(Severity.WARNING),
                    ctx -> ctx.schedules().ifPresent(m::addHistory), r -> m.add(r.decision()));
        }
        StringWriter wantMon = new StringWriter();
        MonitorWriter.json(m.report(ComplianceMonitor.DEFAULT_THRESHOLD), wantMon);
        assertThat(JSON.readTree(Files.readString(mon))).isEqualTo(JSON.readTree(wantMon.toString()));
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
