package io.duisvalidator.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.RuleInfo;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every output format over the same three results: accepted (with an INFO), rejected, errored. */
class ReportFormatsTest {
    static final io.duisvalidator.RuleSetId RULES = new io.duisvalidator.RuleSetId("rules-test", "1", "sha256:0123456789ab");
    static final Finding SCOPE = new Finding("DV-SCOPE", Severity.INFO, "SCOPE-OTHER", "REQ-SCOPE", "project: scope", "SRV 6.2 is outside MP162");
    static final Finding E4 = new Finding("E4", Severity.ERROR, "ACCESS-MDR-NOT-APPOINTED", "ACCESS-MDR",
            "MP162 s3: the MDR must be appointed", "MDR party <X> & co not appointed");
    static final Finding WARN = new Finding("DV-H3.13A", Severity.WARNING, "H313A-ON-DEMAND", "H313A",
            "SEC H3.13A", "on demand first");
    static final Finding INPUT = new Finding("DV-INPUT", Severity.ERROR, "PROCESS", "PROCESSED",
            "Project decision: fail closed", "cannot read b/gone.xml: NoSuchFileException");

    static List<FileResult> results() {
        return List.of(
                new FileResult("a/ok.xml", 0, new Decision("R1", "U1", "IS", "6.2.1", "ON_DEMAND", Outcome.ACCEPTED,
                        "I99", 5600L, null, List.of(SCOPE), List.of(), RULES)),
                new FileResult("a/rej.xml", 1, new Decision("R2", "U2", "MDR", "4.8.1", "ON_DEMAND", Outcome.REJECTED,
                        "E4", null, null, List.of(E4, WARN), List.of(), RULES)),
                new FileResult("b/gone.xml", 2, new Decision(null, null, null, null, null, Outcome.ERROR,
                        "DV-INPUT", null, null, List.of(INPUT), List.of(), RULES)));
    }

    static String run(ReportWriter w, ByteArrayOutputStream out) throws IOException {
        RunSummary s = new RunSummary().ruleSet(RULES).loadMillis(5).validateNanos(1_500_000_000L);
        try (w) {
            for (FileResult r : results()) {
                s.add(r);
                w.write(r);
            }
            w.finish(s);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonl_one_parsable_line_per_message_in_the_contract_shape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = run(new JsonlReport(out), out);
        String[] lines = s.split("\n");
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        JsonNode rej = m.readTree(lines[1]);
        assertThat(rej.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rej.get("findings").get(0).get("reference").asText()).isEqualTo(E4.reference());
        assertThat(m.readTree(lines[2]).get("requestId").isNull()).isTrue();
    }

    @Test
    void junit_one_testcase_per_message_failure_for_rejected_error_for_errored() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String actual = run(new JunitReport(out), out);
        String expected = """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="duis-validator" tests="3" failures="1" errors="1" time="1.500">
                  <testsuite name="duis-validator" tests="3" failures="1" errors="1" time="1.500" skipped="0">
                    <properties>
                      <property name="ruleSet" value="rules-test 1 (sha256:0123456789ab)"/>
                      <property name="loadMillis" value="5"/>
                    </properties>
                    <testcase classname="a" name="ok.xml"><system-out>requestId=R1 srv=6.2.1 role=IS outcome=ACCEPTED responseCode=I99
                INFO DV-SCOPE SCOPE-OTHER: SRV 6.2 is outside MP162 [project: scope]
                </system-out></testcase>
                    <testcase classname="a" name="rej.xml">
                      <failure type="E4" message="E4 ACCESS-MDR-NOT-APPOINTED: MDR party &lt;X&gt; &amp; co not appointed">requestId=R2 srv=4.8.1 role=MDR outcome=REJECTED responseCode=E4
                ERROR E4 ACCESS-MDR-NOT-APPOINTED: MDR party &lt;X&gt; &amp; co not appointed [MP162 s3: the MDR must be appointed]
                WARNING DV-H3.13A H313A-ON-DEMAND: on demand first [SEC H3.13A]
                </failure>
                    </testcase>
                    <testcase classname="b" name="gone.xml">
                      <error type="DV-INPUT" message="DV-INPUT PROCESS: cannot read b/gone.xml: NoSuchFileException">requestId=null srv=null role=null outcome=ERROR responseCode=DV-INPUT
                ERROR DV-INPUT PROCESS: cannot read b/gone.xml: NoSuchFileException [Project decision: fail closed]
                </error>
                    </testcase>
                  </testsuite>
                </testsuites>
                """;
        Diff diff = DiffBuilder.compare(expected).withTest(actual).ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
    }

    @Test
    void sarif_one_result_per_finding_and_each_rule_described_once_with_its_reference() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<RuleInfo> base = new ArrayList<>(Fixtures.RULES.rules().values());
        String s = run(new SarifReport(out, base), out);
        JsonNode root = new ObjectMapper().readTree(s);
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = root.get("runs").get(0);
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(1).get("ruleId").asText()).isEqualTo("ACCESS-MDR-NOT-APPOINTED");
        assertThat(results.get(1).get("level").asText()).isEqualTo("error");
        assertThat(results.get(2).get("level").asText()).isEqualTo("warning");
        assertThat(results.get(0).get("level").asText()).isEqualTo("note");
        assertThat(results.get(3).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("b/gone.xml");
        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode r : rules) {
            assertThat(ids.add(r.get("id").asText())).as("described once: " + r.get("id")).isTrue();
            assertThat(r.at("/properties/reference").isMissingNode()).isFalse();
        }
        Set<String> baseIds = new HashSet<>();
        base.forEach(r -> baseIds.add(r.ruleId()));
        assertThat(ids).containsAll(baseIds).contains("PROCESS", "ACCESS-MDR-NOT-APPOINTED");
        RuleInfo any = base.get(0);
        for (JsonNode r : rules) {
            if (r.get("id").asText().equals(any.ruleId())) {
                assertThat(r.at("/properties/reference").asText()).isEqualTo(any.reference());
                assertThat(r.at("/properties/code").asText()).isEqualTo(any.code());
            }
        }
        assertThat(run.at("/invocations/0/properties/files").asLong()).isEqualTo(3);
    }

    @Test
    void html_is_one_self_contained_page_with_summary_charts_and_a_sortable_table_of_rejections() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = run(new HtmlReport(out), out);
        assertThat(s).startsWith("<!DOCTYPE html>").contains("</html>");
        assertThat(s).contains("<td>rejected</td><td class=\"num\">1</td>", "<td>errored</td><td class=\"num\">1</td>",
                "rules-test 1 (sha256:0123456789ab)", "Messages by response code", "Outcomes by SRV");
        assertThat(count(s, "<svg ")).isEqualTo(2);
        assertThat(count(s, "<tr class=\"rej\">")).isEqualTo(1);
        assertThat(count(s, "<tr class=\"err\">")).isEqualTo(1);
        assertThat(s).contains("<table class=\"rej\" id=\"rej\">", "addEventListener('click'");
        assertThat(s).contains("MDR party &lt;X&gt; &amp; co not appointed", "MP162 s3: the MDR must be appointed");
        assertThat(s).doesNotContain("<X>");
        // self-contained: nothing loaded from elsewhere
        assertThat(s).doesNotContainPattern("(src|href)\\s*=").doesNotContain("@import", "url(");
        // bars: one per code and one stacked bar per SRV
        assertThat(s).contains("<title>I99: 1</title>", "<title>E4: 1</title>", "<title>DV-INPUT: 1</title>",
                "<title>4.8.1: 1</title>", "<title>(unknown): 1</title>");
    }

    @Test
    void text_has_rejections_then_counts_codes_rule_set_and_timings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = run(new TextReport(out), out);
        assertThat(s).contains("a/rej.xml: E4 ACCESS-MDR-NOT-APPOINTED", "b/gone.xml: DV-INPUT PROCESS")
                .doesNotContain("a/ok.xml")
                .contains("3 files: 1 accepted, 1 rejected, 1 errored")
                .contains("response codes: DV-INPUT=1 E4=1 I99=1")
                .contains("rule set: rules-test 1 (sha256:0123456789ab)")
                .contains("loaded in 5 ms (rules compiled at start); validated in 1.500 s (2 messages/s)");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
