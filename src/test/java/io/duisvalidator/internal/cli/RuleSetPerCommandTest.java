package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's CLI gaps: {@code explain-schedule} judges by the rule set of {@code --at} or {@code --rule-set} as
 * {@code validate} does (not always the one in force now), and the sarif report describes the rules of the rule set
 * that judged its messages, each naming it.
 */
class RuleSetPerCommandTest {
    static final Path SCENARIO = Path.of("samples/rule-sets-go-live-london-midnight-before");
    static final String CONTEXT = SCENARIO.resolve("context").toString();
    static final String MDR_SCHEDULE = SCENARIO.resolve("messages/mdr-5.1-schedule-4.8.1-smets2.xml").toString();
    static final String BEFORE = "2024-06-26T22:59:59Z";
    static final String AFTER = "2024-06-26T23:00:00Z";

    /** Standard output and exit status of a run. */
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        PrintStream o = System.out;
        PrintStream e = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @Test
    void explainScheduleJudgesByTheRuleSetOfAtOnBothSidesOfTheGoLive() {
        Run before = run("explain-schedule", "--context", CONTEXT, "--at", BEFORE, "--to", "2024-07-02", MDR_SCHEDULE);
        assertThat(before.out()).contains("judged by rule set before-mp162 1.0.0", "(in force at " + BEFORE + ")")
                .contains("note: rule set before-mp162 rejects this Create Schedule whatever the date: E1");
        Run after = run("explain-schedule", "--context", CONTEXT, "--at", AFTER, "--to", "2024-07-02", MDR_SCHEDULE);
        assertThat(after.status()).isZero();
        assertThat(after.out()).contains("judged by rule set mp162 0.2.0", "(in force at " + AFTER + ")")
                .contains("access control passes on every one").doesNotContain("note:");
        // without --at: the rule set in force now, as validate
        assertThat(run("explain-schedule", "--context", CONTEXT, "--to", "2024-07-02", MDR_SCHEDULE).out())
                .contains("judged by rule set mp162", "(in force at now)");
    }

    @Test
    void explainScheduleTakesRuleSetAsValidateDoesAndRefusesAnUnknownOne() {
        Run forced = run("explain-schedule", "--context", CONTEXT, "--at", AFTER, "--rule-set", "before-mp162",
                "--to", "2024-07-02", MDR_SCHEDULE);
        assertThat(forced.out()).contains("judged by rule set before-mp162 1.0.0", "(--rule-set)", "rejects this Create Schedule");
        Run unknown = run("explain-schedule", "--context", CONTEXT, "--rule-set", "mp999", MDR_SCHEDULE);
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown rule set 'mp999'", "before-mp162", "mp162");
        Run badAt = run("explain-schedule", "--context", CONTEXT, "--at", "yesterday", MDR_SCHEDULE);
        assertThat(badAt.status()).isEqualTo(2);
        assertThat(badAt.err()).contains("--at is not an ISO-8601 instant");
    }

    @Test
    void sarifDescribesTheRulesOfTheRuleSetThatJudgedTheMessagesEachNamingIt(@TempDir Path dir) throws Exception {
        for (String at : new String[]{BEFORE, AFTER}) {
            Path out = dir.resolve("r-" + at.replace(':', '-') + ".sarif");
            Run r = run("validate", "--quiet", "--context", CONTEXT, "--at", at, "--format", "sarif", "--out", out.toString(),
                    SCENARIO.resolve("messages").toString());
            assertThat(r.status()).as(r.err()).isIn(0, 1);
            JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
            String id = at.equals(BEFORE) ? "before-mp162" : "mp162";
            JsonNode rules = run.at("/tool/driver/rules");
            Set<String> ids = new HashSet<>();
            for (JsonNode d : rules) {
                assertThat(d.at("/properties/ruleSet").asText()).as(d.toString()).startsWith(id + " ");
                ids.add(d.get("id").asText());
            }
            // the rules of that rule set: the absent MDR role before MP162, the MDR's own rules with it
            if (id.equals("before-mp162")) assertThat(ids).contains("USER-ROLE-MDR-ABSENT").doesNotContain("VERSION-MDR", "H313A-NOT-A-RETRY");
            else assertThat(ids).contains("VERSION-MDR", "H313A-NOT-A-RETRY").doesNotContain("USER-ROLE-MDR-ABSENT");
            assertThat(run.get("results")).isNotEmpty();
            for (JsonNode res : run.get("results")) {
                JsonNode described = rules.get(res.get("ruleIndex").asInt());
                assertThat(described.get("id").asText()).isEqualTo(res.get("ruleId").asText());
                assertThat(described.at("/properties/ruleSet").asText()).isEqualTo(res.at("/properties/ruleSet").asText());
            }
        }
    }
}
