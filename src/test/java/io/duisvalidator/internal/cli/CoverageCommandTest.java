package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The coverage command: scenario folders or plain messages, its four formats, and --threshold. */
class CoverageCommandTest {
    static final Path SCENARIO = Path.of("samples/trt-values");

    @Test
    void jsonOverAScenarioFolder(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("cov.json");
        assertThat(Main.run("coverage", "--threads", "2", "--format", "json", "--out", out.toString(), SCENARIO.toString())).isZero();
        JsonNode n = new ObjectMapper().readTree(out.toFile());
        assertThat(n.get("messages").get("total").asLong()).isEqualTo(23);
        JsonNode first = n.get("requirements").get(0);
        assertThat(first.fieldNames()).toIterable().contains("id", "source", "text", "exercised", "accepted", "rejected");
        assertThat(n.get("neverExercised").isArray()).isTrue();
        assertThat(n.get("rulesNeverFired").isArray()).isTrue();
        JsonNode trt = null;
        for (JsonNode q : n.get("requirements")) if (q.get("id").asText().equals("TRT-4.8.1-EXISTING-S2-ON_DEMAND")) trt = q;
        assertThat(trt).isNotNull();
        assertThat(trt.get("exercised").asLong()).isPositive();
        assertThat(trt.get("accepted").asLong()).isEqualTo(trt.get("exercised").asLong());
        assertThat(n.get("matrix").get("sound").asBoolean()).isTrue();
    }

    @Test
    void plainMessagesWithContextAndEveryFormat(@TempDir Path tmp) throws Exception {
        for (String f : new String[]{"text", "csv", "html"}) {
            Path out = tmp.resolve("cov." + f);
            assertThat(Main.run("coverage", "--threads", "2", "--context", SCENARIO.resolve("context").toString(), "--at",
                    "2027-01-15T10:00:00Z", "--h313a", "warn", "--format", f, "--out", out.toString(),
                    SCENARIO.resolve("messages").toString())).isZero();
            assertThat(Files.readString(out)).contains("TRT-4.8.1-MDR-S2-ON_DEMAND");
        }
        assertThat(Files.readString(tmp.resolve("cov.csv"))).startsWith("id,document,section,source,status,exercised,accepted,rejected,examples,text\n");
        assertThat(Files.readString(tmp.resolve("cov.html"))).contains("<h2>MP162", "NOT_EXERCISED", "Static analysis");
    }

    @Test
    void thresholdFailsListingTheMissing(@TempDir Path tmp) throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            assertThat(Main.run("coverage", "--threads", "2", "--threshold", "500", "--out", tmp.resolve("t").toString(),
                    SCENARIO.toString())).isEqualTo(1);
            assertThat(Main.run("coverage", "--threads", "2", "--threshold", "5", "--out", tmp.resolve("u").toString(),
                    SCENARIO.toString())).isZero();
            assertThat(Main.run("coverage", "--format", "pdf", SCENARIO.toString())).isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString()).contains("fewer than the threshold 500", "MSG-SCHEMA");
    }
}
