package io.duisvalidator.internal.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.Decision;
import io.duisvalidator.RuleSetId;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** expected.jsonl lines: every field present is compared, and no other; bad lines are refused by file and line. */
class ExpectationTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final Finding E4_WARNING = new Finding("E4", Severity.WARNING, "ACCESS-SCHEDULE-OUTLIVES-APPOINTMENT",
            "ACCESS-SCHEDULE-OUTLIVES", "ref", "runs past the appointment");
    static final Finding H313A_INFO = new Finding("DV-H3.13A", Severity.INFO, "H313A-STALE-RETRY", "H313A-STALE-RETRY",
            "ref", "late");

    static Decision accepted5_1(Finding... findings) {
        return new Decision("R", "U", "MDR", "5.1", "SCHEDULE", Outcome.ACCEPTED, "I99", 86400L, 86400L,
                List.of(findings), List.of(), RuleSetId.parse("rules 1 (sha256:0123456789ab)"));
    }

    static List<String> diffs(String line, Decision d) throws IOException {
        List<String> out = new ArrayList<>();
        Expectation.parse(JSON.readTree(line), "expected.jsonl:1").compare(d, out);
        return out;
    }

    @Test
    void theContractsMinimalLineChecksOnlyWhatItCarries() throws IOException {
        String line = "{\"file\":\"a.xml\",\"outcome\":\"ACCEPTED\",\"responseCode\":\"I99\",\"trtSeconds\":86400}";
        assertThat(diffs(line, accepted5_1(E4_WARNING))).isEmpty();
        assertThat(diffs(line, new Decision("R", "U", "MDR", "5.1", "SCHEDULE", Outcome.ACCEPTED, "I99", 30L, null,
                List.of(), List.of(), RuleSetId.parse("rules 1 (sha256:0123456789ab)")))).containsExactly("a.xml: trtSeconds 30, expected 86400");
    }

    @Test
    void scheduledTrtSecondsIsComparedWhenPresentNullIncluded() throws IOException {
        assertThat(diffs("{\"file\":\"a.xml\",\"scheduledTrtSeconds\":86400}", accepted5_1())).isEmpty();
        assertThat(diffs("{\"file\":\"a.xml\",\"scheduledTrtSeconds\":30}", accepted5_1()))
                .containsExactly("a.xml: scheduledTrtSeconds 86400, expected 30");
        assertThat(diffs("{\"file\":\"a.xml\",\"scheduledTrtSeconds\":null}", accepted5_1()))
                .containsExactly("a.xml: scheduledTrtSeconds 86400, expected null");
    }

    @Test
    void everyTextFieldOfTheContractIsCompared() throws IOException {
        String line = "{\"file\":\"a.xml\",\"requestId\":\"R\",\"userId\":\"U\",\"role\":\"MDR\",\"srv\":\"5.1\","
                + "\"mode\":\"SCHEDULE\",\"ruleSet\":\"rules 1 (sha256:0123456789ab)\",\"note\":\"anything\"}";
        assertThat(diffs(line, accepted5_1())).isEmpty();
        assertThat(diffs(line.replace("\"SCHEDULE\"", "\"ON_DEMAND\"").replace("\"MDR\"", "\"IS\""), accepted5_1()))
                .containsExactlyInAnyOrder("a.xml: mode SCHEDULE, expected ON_DEMAND", "a.xml: role MDR, expected IS");
    }

    @Test
    void findingsAreAllTheFindingsInAnyOrder() throws IOException {
        String both = "{\"file\":\"a.xml\",\"findings\":[{\"code\":\"DV-H3.13A\",\"severity\":\"INFO\"},"
                + "{\"code\":\"E4\",\"severity\":\"WARNING\",\"ruleId\":\"ACCESS-SCHEDULE-OUTLIVES-APPOINTMENT\"}]}";
        assertThat(diffs(both, accepted5_1(E4_WARNING, H313A_INFO))).isEmpty();
        // one missing
        assertThat(diffs(both, accepted5_1(E4_WARNING))).singleElement().asString()
                .startsWith("a.xml: no finding {\"code\":\"DV-H3.13A\",\"severity\":\"INFO\"}");
        // one more than listed
        assertThat(diffs("{\"file\":\"a.xml\",\"findings\":[{\"code\":\"E4\"}]}", accepted5_1(E4_WARNING, H313A_INFO)))
                .singleElement().asString().startsWith("a.xml: unexpected finding [DV-H3.13A/INFO H313A-STALE-RETRY]");
        // a field of an entry that differs
        assertThat(diffs("{\"file\":\"a.xml\",\"findings\":[{\"code\":\"E4\",\"severity\":\"ERROR\"}]}", accepted5_1(E4_WARNING)))
                .hasSize(2);
        // [] is "no finding at all"
        assertThat(diffs("{\"file\":\"a.xml\",\"findings\":[]}", accepted5_1())).isEmpty();
        assertThat(diffs("{\"file\":\"a.xml\",\"findings\":[]}", accepted5_1(H313A_INFO))).hasSize(1);
    }

    @Test
    void findingsMatchOneToOneWhateverTheOrderOfTheEntries() throws IOException {
        Finding e4Error = new Finding("E4", Severity.ERROR, "ACCESS-MDR-NOT-APPOINTED", "ACCESS-MDR-APPOINTED", "r", "m");
        // the first entry matches both findings, the second only one: the matching must still pair them
        String line = "{\"file\":\"a.xml\",\"findings\":[{\"code\":\"E4\"},{\"code\":\"E4\",\"severity\":\"WARNING\"}]}";
        assertThat(diffs(line, accepted5_1(E4_WARNING, e4Error))).isEmpty();
        assertThat(diffs(line, accepted5_1(E4_WARNING, e4Error, E4_WARNING))).hasSize(1);
        // two identical entries need two findings
        assertThat(diffs("{\"file\":\"a.xml\",\"findings\":[{\"code\":\"E4\"},{\"code\":\"E4\"}]}", accepted5_1(E4_WARNING)))
                .hasSize(1);
    }

    @Test
    void aMisspeltOrMistypedFieldIsRefusedNotIgnored() {
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"scheduledTrtSecond\":86400}", accepted5_1()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("expected.jsonl:1: unknown field 'scheduledTrtSecond'");
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"findings\":[{\"severity\":\"INFO\"}]}", accepted5_1()))
                .hasMessage("expected.jsonl:1: a finding without 'code'");
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"findings\":[{\"code\":\"E4\",\"level\":\"INFO\"}]}", accepted5_1()))
                .hasMessageStartingWith("expected.jsonl:1: unknown finding field 'level'");
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"findings\":{\"code\":\"E4\"}}", accepted5_1()))
                .hasMessageContaining("'findings' is a list");
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"trtSeconds\":\"86400\"}", accepted5_1()))
                .hasMessageContaining("'trtSeconds' is a whole number or null");
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"trtSeconds\":86400.5}", accepted5_1()))
                .hasMessageContaining("'trtSeconds' is a whole number or null");
        assertThatThrownBy(() -> diffs("{\"file\":\"a.xml\",\"outcome\":1}", accepted5_1()))
                .hasMessageContaining("'outcome' is a string or null");
        assertThatThrownBy(() -> diffs("{\"outcome\":\"ACCEPTED\"}", accepted5_1())).hasMessageContaining("no 'file'");
    }

    @Test
    void theCommandLineNamesTheBadLineAndExitsTwo(@TempDir Path tmp) throws Exception {
        Path sc = tmp.resolve("scenario");
        Files.createDirectories(sc.resolve("messages"));
        Files.copy(Path.of("samples/schedules-5.1/messages/is-5.1-4.8.1-smets2-daily.xml"), sc.resolve("messages/a.xml"));
        Files.writeString(sc.resolve("expected.jsonl"), "{\"file\":\"a.xml\",\"outcome\":\"REJECTED\"}\n"
                + "{\"file\":\"a.xml\",\"outcome\":\"ACCEPTED\",\"scheduledTrtSecs\":86400}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run("validate", "--quiet", "--expect", "--out", tmp.resolve("r").toString(), sc.toString());
        } finally {
            System.setErr(old);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected.jsonl:2: unknown field 'scheduledTrtSecs'")
                .doesNotContain("Exception");
    }

    @Test
    void aLineOfJsonlOutputIsAnExpectedLineThatChecksEverything(@TempDir Path tmp) throws Exception {
        Path scenario = Path.of("samples/access-mdr-appointment-ends-midway");
        Path copy = tmp.resolve("scenario");
        for (String sub : List.of("messages", "context")) {
            Files.createDirectories(copy.resolve(sub));
            try (var files = Files.list(scenario.resolve(sub))) {
                for (Path p : files.toList()) Files.copy(p, copy.resolve(sub).resolve(p.getFileName()));
            }
        }
        Files.copy(scenario.resolve("scenario.properties"), copy.resolve("scenario.properties"));
        String at = "2027-01-20T09:00:00Z";
        Path jsonl = tmp.resolve("out.jsonl");
        assertThat(Main.run("validate", "--quiet", "--format", "jsonl", "--out", jsonl.toString(), "--context",
                copy.resolve("context").toString(), "--at", at, "--h313a", "warn", copy.resolve("messages").toString())).isEqualTo(1);
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(jsonl)) {
            var n = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(l);
            n.put("file", Path.of(n.get("file").asText()).getFileName().toString());
            lines.add(n.toString());
        }
        assertThat(lines).hasSize(12).anySatisfy(l -> assertThat(l).contains("\"severity\":\"WARNING\""));
        Files.write(copy.resolve("expected.jsonl"), lines);
        assertThat(Main.run("validate", "--quiet", "--expect", "--out", tmp.resolve("r").toString(), copy.toString()))
                .as(Files.readString(tmp.resolve("r"))).isZero();
        // and it checks every field it carries, the findings' references included
        Files.write(copy.resolve("expected.jsonl"), lines.stream().map(l -> l.replace("Registration Data", "Registration data")).toList());
        assertThat(Main.run("validate", "--quiet", "--expect", "--out", tmp.resolve("r2").toString(), copy.toString())).isEqualTo(1);
    }

    @Test
    void aSecondLineForTheSameFileIsRefused(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("expected.jsonl");
        Files.writeString(f, "{\"file\":\"a.xml\",\"outcome\":\"ACCEPTED\"}\n\n{\"file\":\"a.xml\",\"outcome\":\"REJECTED\"}\n");
        assertThatThrownBy(() -> ExpectRunner.readExpected(f)).hasMessageEndingWith("expected.jsonl:3: a second line for a.xml");
    }
}
