package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The validate command as the contract fixes it: JSON lines, exit statuses, usage errors. */
class ValidateContractTest {
    static final Path SCENARIO = Path.of("samples/trt-values");

    @Test
    void writesOneJsonLinePerMessageInTheContractShape(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out.jsonl");
        int status = Main.run("validate", "--quiet", "--context", SCENARIO.resolve("context").toString(), "--at",
                "2027-01-15T10:00:00Z", "--h313a", "warn", "--format", "jsonl", "--out", out.toString(),
                SCENARIO.resolve("messages").toString());
        List<String> lines = Files.readAllLines(out);
        long files;
        try (var s = Files.list(SCENARIO.resolve("messages"))) {
            files = s.count();
        }
        assertThat(lines).hasSize((int) files);
        ObjectMapper m = new ObjectMapper();
        for (String l : lines) {
            assertThat(l).startsWith("{");
            JsonNode n = m.readTree(l);
            assertThat(n.fieldNames()).toIterable().containsExactly("file", "requestId", "userId", "role", "srv",
                    "mode", "outcome", "responseCode", "trtSeconds", "scheduledTrtSeconds", "findings", "ruleSet");
            assertThat(n.get("file").asText()).startsWith("samples/trt-values/messages/");
        }
        assertThat(lines).isSortedAccordingTo(String::compareTo);
        assertThat(status).isIn(0, 1);
    }

    @Test
    void exitStatusesFollowTheContract(@TempDir Path tmp) throws Exception {
        Path ok = Files.createDirectories(tmp.resolve("ok"));
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("broken.xml"), "<not-xml");
        Path unreadable = Files.createDirectories(tmp.resolve("unreadable"));
        Files.createSymbolicLink(unreadable.resolve("gone.xml"), tmp.resolve("nowhere.xml")); // dangling: cannot be read
        String ctx = SCENARIO.resolve("context").toString();
        Path accepted = SCENARIO.resolve("messages/ed-4.8.1-smets1-on-demand.xml");
        Files.copy(accepted, ok.resolve("a.xml"));
        assertThat(Main.run("validate", "--quiet", "--context", ctx, "--at", "2027-01-15T10:00:00Z", "--out",
                tmp.resolve("1").toString(), ok.toString())).isZero();
        assertThat(Main.run("validate", "--quiet", "--empty-context", "--out", tmp.resolve("2").toString(), bad.toString())).isEqualTo(1);
        assertThat(Main.run("validate", "--quiet", "--empty-context", "--out", tmp.resolve("3").toString(), "--format", "jsonl",
                unreadable.toString())).isEqualTo(3);
        assertThat(Files.readAllLines(tmp.resolve("3"))).singleElement().asString().contains("\"outcome\":\"ERROR\"");
        assertThat(Main.run("validate", "--quiet", "--at", "yesterday", ok.toString())).isEqualTo(2);
        assertThat(Main.run("validate", "--quiet", tmp.resolve("missing").toString())).isEqualTo(2);
        assertThat(Main.run("validate", "--quiet", "--format", "pdf", ok.toString())).isEqualTo(2);
    }

    @Test
    void aMalformedContextIsAUsageErrorNamingFileLineAndColumn(@TempDir Path tmp) throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("ctx"));
        Files.writeString(ctx.resolve("users.csv"), "user_id,role,party_id\n90-B3-D5-1F-30-01-00-01,IS,P1\n90-B3-D5-1F-30-01-00-02,XX,P2\n");
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        int status;
        try {
            status = Main.run("validate", "--quiet", "--context", ctx.toString(), SCENARIO.resolve("messages").toString());
        } finally {
            System.setErr(old);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("users.csv:3:2").contains("unknown role 'XX'").doesNotContain("Exception");
    }

    @Test
    void expectModePassesOnTheSamplesAndFailsOnADifference(@TempDir Path tmp) throws Exception {
        assertThat(Main.run("validate", "--quiet", "--expect", "--out", tmp.resolve("r").toString(), SCENARIO.toString())).isZero();
        Path copy = tmp.resolve("scenario");
        copyTree(SCENARIO, copy);
        List<String> expected = Files.readAllLines(copy.resolve("expected.jsonl"));
        expected.set(0, expected.get(0).replace("\"I99\"", "\"E2\"").replace("\"ACCEPTED\"", "\"REJECTED\""));
        Files.write(copy.resolve("expected.jsonl"), expected);
        assertThat(Main.run("validate", "--quiet", "--expect", "--out", tmp.resolve("r2").toString(), copy.toString())).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("r2"))).contains("FAIL", "expected E2");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
    }
}
