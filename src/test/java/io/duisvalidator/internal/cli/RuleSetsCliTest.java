package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.engine.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.duisvalidator.internal.xml.TestMessages.stderrOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 as a user meets it: the same message received on 26 and 28 June 2024 judged by different rule sets,
 * --rule-set, rule-sets list and diff, the library's builder, an instant no rule set covers, and --resume across a
 * change of rules.
 */
class RuleSetsCliTest {
    static final Path SCENARIO = Path.of("samples/rule-sets-go-live-2024-06-26");
    static final Path INVENTORY_8_2 = SCENARIO.resolve("messages/is-8.2-smets1-device.xml");
    static final Path MDR_5_1 = SCENARIO.resolve("messages/mdr-5.1-schedule-4.8.1-smets2.xml");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> validate(Path dir, String at, String... more) throws IOException {
        Path out = dir.resolve("r-" + System.nanoTime() + ".jsonl");
        List<String> a = new ArrayList<>(List.of("validate", "--quiet", "--context", SCENARIO.resolve("context").toString(),
                "--at", at, "--format", "jsonl", "--out", out.toString(), "--threads", "1"));
        a.addAll(List.of(more));
        a.add(INVENTORY_8_2.toString());
        a.add(MDR_5_1.toString());
        int status = Main.run(a.toArray(String[]::new));
        assertThat(status).isIn(0, 1);
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out)) lines.add(JSON.readTree(l));
        return lines;
    }

    @Test
    void theSameMessagesOnThe26thAndThe28thOfJune2024AreJudgedByDifferentRuleSets(@TempDir Path dir) throws IOException {
        List<JsonNode> before = validate(dir, "2024-06-26T12:00:00Z");
        List<JsonNode> after = validate(dir, "2024-06-28T12:00:00Z");
        assertThat(before).extracting(n -> n.get("ruleSet").asText()).allMatch(s -> s.startsWith("before-mp162 1.0.0 (sha256:"));
        assertThat(after).extracting(n -> n.get("ruleSet").asText()).allMatch(s -> s.startsWith("mp162 "));
        assertThat(before.get(0).get("trtSeconds").asLong()).isEqualTo(16); // 8.2 SMETS1 before MP162 (footnote 5)
        assertThat(after.get(0).get("trtSeconds").asLong()).isEqualTo(30);
        assertThat(before.get(1).get("responseCode").asText()).isEqualTo("E1"); // no MDR User Role yet
        assertThat(after.get(1).get("responseCode").asText()).isEqualTo("I99");
    }

    @Test
    void theBoundaryIsLondonMidnight(@TempDir Path dir) throws IOException {
        assertThat(validate(dir, "2024-06-26T22:59:59Z").get(0).get("ruleSet").asText()).startsWith("before-mp162 ");
        assertThat(validate(dir, "2024-06-26T23:00:00Z").get(0).get("ruleSet").asText()).startsWith("mp162 ");
    }

    @Test
    void ruleSetForcesOneWhateverTheInstant(@TempDir Path dir) throws IOException {
        List<JsonNode> forced = validate(dir, "2027-01-15T10:00:00Z", "--rule-set", "before-mp162");
        assertThat(forced).extracting(n -> n.get("ruleSet").asText()).allMatch(s -> s.startsWith("before-mp162 "));
        assertThat(forced.get(1).get("responseCode").asText()).isEqualTo("E1");
    }

    @Test
    void anUnknownRuleSetIsAUsageErrorNamingTheKnownOnes(@TempDir Path dir) {
        int[] status = {-1};
        String err = stderrOf(() -> status[0] = Main.run("validate", "--quiet", "--empty-context", "--rule-set", "mp999",
                "--out", dir.resolve("r.jsonl").toString(), "--format", "jsonl", INVENTORY_8_2.toString()));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("mp999", "before-mp162", "mp162");
        String diffErr = stderrOf(() -> status[0] = Main.run("rule-sets", "diff", "before-mp162", "mp999"));
        assertThat(status[0]).isEqualTo(2);
        assertThat(diffErr).contains("mp999", "before-mp162");
    }

    @Test
    void expectComparesTheRuleSet(@TempDir Path dir) throws IOException {
        Path sc = dir.resolve("sc");
        Files.createDirectories(sc.resolve("messages"));
        Files.copy(INVENTORY_8_2, sc.resolve("messages/m.xml"));
        copyContext(sc);
        Files.writeString(sc.resolve("scenario.properties"), "at=2024-06-26T12:00:00Z\npurpose=BAU\nh313a=error\n");
        Files.writeString(sc.resolve("expected.jsonl"),
                "{\"file\":\"m.xml\",\"outcome\":\"ACCEPTED\",\"responseCode\":\"I99\",\"trtSeconds\":16,\"ruleSet\":\"mp162\"}\n");
        Path report = dir.resolve("expect.txt");
        assertThat(Main.run("validate", "--expect", "--out", report.toString(), sc.toString())).isEqualTo(1);
        assertThat(Files.readString(report)).contains("ruleSet before-mp162 1.0.0", "expected mp162");
        Files.writeString(sc.resolve("expected.jsonl"),
                "{\"file\":\"m.xml\",\"outcome\":\"ACCEPTED\",\"responseCode\":\"I99\",\"trtSeconds\":16,\"ruleSet\":\"before-mp162 1.0.0\"}\n");
        assertThat(Main.run("validate", "--expect", "--out", report.toString(), sc.toString())).isEqualTo(0);
    }

    @Test
    void resumeRefusesLinesJudgedByAnotherVersionOfTheRules(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        Files.writeString(out, "{\"file\":\"" + INVENTORY_8_2 + "\",\"requestId\":null,\"userId\":null,\"role\":null,\"srv\":\"8.2\","
                + "\"mode\":null,\"outcome\":\"ACCEPTED\",\"responseCode\":\"I99\",\"trtSeconds\":16,\"scheduledTrtSeconds\":null,"
                + "\"findings\":[],\"ruleSet\":\"before-mp162 0.9.0 (sha256:000000000000)\"}\n");
        int[] status = {-1};
        String err = stderrOf(() -> status[0] = Main.run("validate", "--quiet", "--context", SCENARIO.resolve("context").toString(),
                "--at", "2024-06-26T12:00:00Z", "--format", "jsonl", "--out", out.toString(), "--resume",
                INVENTORY_8_2.toString(), MDR_5_1.toString()));
        assertThat(status[0]).isEqualTo(2);
        assertThat(err).contains("before-mp162 0.9.0", "before-mp162 1.0.0");
    }

    @Test
    void ruleSetsListAndDiff(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("diff.json");
        assertThat(Main.run("rule-sets", "diff", "before-mp162", "mp162", "--format", "json", "--out", json.toString())).isZero();
        JsonNode d = JSON.readTree(json.toFile());
        assertThat(d.get("added").asInt()).isEqualTo(64);
        assertThat(d.get("removed").asInt()).isZero();
        assertThat(d.get("changed").asInt()).isEqualTo(3);
        Path html = dir.resolve("diff.html");
        assertThat(Main.run("rule-sets", "diff", "before-mp162", "mp162", "--format", "html", "--out", html.toString())).isZero();
        assertThat(Files.readString(html)).contains("TRT-8.2-EXISTING-S1-ON_DEMAND", "<td>16</td><td>30</td>");
        String listed = stdoutOf(() -> Main.run("rule-sets", "list"));
        assertThat(listed.lines()).hasSize(2);
        assertThat(listed.lines().toList().get(0)).startsWith("before-mp162 1.0.0 from open to 2024-06-26T23:00:00Z sha256:");
        assertThat(listed.lines().toList().get(1)).startsWith("mp162 0.2.0 from 2024-06-26T23:00:00Z to open sha256:")
                .contains("requirements=211");
    }

    @Test
    void theLibraryChoosesByReceiptInstantAndItsBuilderForcesOrRefuses() throws Exception {
        byte[] msg = Files.readAllBytes(INVENTORY_8_2);
        Validator v = Validator.builder().context(CsvContextLoader.load(SCENARIO.resolve("context"))).build();
        Decision before = v.validate(msg, ValidationSettings.defaults().at(Instant.parse("2024-06-26T12:00:00Z")));
        Decision after = v.validate(msg, ValidationSettings.defaults().at(Instant.parse("2024-06-28T12:00:00Z")));
        assertThat(before.ruleSet().id()).isEqualTo("before-mp162");
        assertThat(before.trtSeconds()).isEqualTo(16L);
        assertThat(after.ruleSet().id()).isEqualTo("mp162");
        assertThat(after.trtSeconds()).isEqualTo(30L);
        Validator forced = Validator.builder().context(CsvContextLoader.load(SCENARIO.resolve("context"))).ruleSet("mp162").build();
        assertThat(forced.validate(msg, ValidationSettings.defaults().at(Instant.parse("2024-06-26T12:00:00Z"))).trtSeconds()).isEqualTo(30L);
        assertThatThrownBy(() -> Validator.builder().ruleSet("mp999").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mp999", "before-mp162", "mp162");
    }

    @Test
    void anInstantNoRuleSetCoversIsAnErrorDecisionNamingIt() throws Exception {
        RuleSets real = RuleSets.standard();
        List<RuleSetManifest> bounded = new ArrayList<>();
        for (RuleSetManifest m : real.manifests()) {
            bounded.add(new RuleSetManifest(m.id(), m.version(), m.title(),
                    m.from() == null ? Instant.parse("2020-01-01T00:00:00Z") : m.from(), m.to(), m.drl(), m.requirements(), m.tables()));
        }
        CoreValidator v = CoreValidator.create(RuleSets.of(bounded), null, CsvContextLoader.load(SCENARIO.resolve("context")),
                io.duisvalidator.ReaderOptions.defaults());
        Decision d = v.validate(Files.readAllBytes(INVENTORY_8_2), ValidationSettings.defaults().at(Instant.parse("2019-12-31T23:59:59Z")));
        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.responseCode()).isEqualTo("DV-RULESET");
        assertThat(d.ruleSet()).isNull();
        assertThat(d.findings().get(0).message()).contains("2019-12-31T23:59:59Z", "before-mp162 [2020-01-01T00:00:00Z");
        Decision broken = v.validate("<x".getBytes(), ValidationSettings.defaults().at(Instant.parse("2019-12-31T23:59:59Z")));
        assertThat(broken.responseCode()).isEqualTo("DV-RULESET");
        Decision in = v.validate(Files.readAllBytes(INVENTORY_8_2), ValidationSettings.defaults().at(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(in.ruleSet().id()).isEqualTo("before-mp162");
    }

    @Test
    void coverageReportsEachRuleSetThatJudgedSomeMessage(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("cov.json");
        int status = Main.run("coverage", "--format", "json", "--out", json.toString(), "--threads", "1",
                "samples/rule-sets-go-live-2024-06-26", "samples/rule-sets-go-live-2024-06-28");
        assertThat(status).isZero();
        JsonNode sets = JSON.readTree(json.toFile()).get("ruleSets");
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).get("ruleSet").asText()).startsWith("before-mp162 1.0.0");
        assertThat(sets.get(1).get("ruleSet").asText()).startsWith("mp162 ");
        // each counts its own 8 messages, against its own catalogue: H3.13A exists only in mp162
        assertThat(sets.get(0).get("requirements").findValuesAsText("id")).doesNotContain("H313A-SCHEDULE-FIRST").contains("USER-KNOWN");
        assertThat(sets.get(1).get("requirements").findValuesAsText("id")).contains("H313A-SCHEDULE-FIRST");
        assertThat(exercised(sets.get(0), "USER-KNOWN")).isEqualTo(2); // the MDR's two messages: E1
        assertThat(exercised(sets.get(1), "H313A-SCHEDULE-FIRST")).isEqualTo(2);
        assertThat(exercised(sets.get(1), "USER-KNOWN")).isZero();
    }

    private static long exercised(JsonNode report, String id) {
        for (JsonNode q : report.get("requirements")) if (id.equals(q.get("id").asText())) return q.get("exercised").asLong();
        throw new AssertionError("no requirement " + id);
    }

    private static String stdoutOf(java.util.function.IntSupplier action) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(action.getAsInt()).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void copyContext(Path sc) throws IOException {
        Files.createDirectories(sc.resolve("context"));
        try (var s = Files.list(SCENARIO.resolve("context"))) {
            for (Path p : s.toList()) Files.copy(p, sc.resolve("context").resolve(p.getFileName()));
        }
    }
}
