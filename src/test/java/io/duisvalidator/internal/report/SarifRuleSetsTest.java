package io.duisvalidator.internal.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.RuleSetId;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleInfo;
import io.duisvalidator.internal.engine.RuleSets;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D-SARIF-RULESETS: a run whose messages two rule sets judged describes the rules of both, each description naming its
 * rule set, and each result points (ruleIndex) at the description of the rule set that judged its message.
 */
class SarifRuleSetsTest {
    @Test
    void theRulesOfEveryRuleSetThatJudgedAMessageAreDescribedEachNamingIt() throws Exception {
        RuleSets sets = RuleSets.standard();
        RuleBase before = sets.ruleBase("before-mp162");
        RuleBase mp162 = sets.ruleBase("mp162");
        Map<String, RuleBase> byId = new HashMap<>(Map.of("before-mp162", before, "mp162", mp162));
        Finding e1 = new Finding("E1", Severity.ERROR, "USER-ROLE-MDR-ABSENT", "USER-KNOWN", "ref", "no MDR before MP162");
        Finding e4 = new Finding("E4", Severity.ERROR, "ACCESS-ESME-ONLY", "ACCESS-ESME-ONLY", "ref", "not an ESME");
        Finding v = new Finding("DV-VERSION", Severity.ERROR, "VERSION-MDR", "VERSION-MDR", "ref", "5.2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunSummary s = new RunSummary().ruleSet(mp162.id());
        try (SarifReport w = new SarifReport(out, id -> byId.get(id.id()).rules().values())) {
            List<FileResult> results = List.of(
                    new FileResult("a.xml", 0, decision(List.of(e1, e4), before.id())),
                    new FileResult("b.xml", 1, decision(List.of(e4, v), mp162.id())));
            for (FileResult r : results) {
                s.add(r);
                w.write(r);
            }
            w.finish(s);
        }
        JsonNode run = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        int beforeRules = 0;
        int mp162Rules = 0;
        for (JsonNode d : rules) {
            String rs = d.at("/properties/ruleSet").asText();
            if (rs.equals(before.id().text())) beforeRules++;
            else if (rs.equals(mp162.id().text())) mp162Rules++;
            else throw new AssertionError("a rule of no rule set that judged a message: " + d);
        }
        assertThat(beforeRules).isEqualTo(before.rules().size());
        assertThat(mp162Rules).isEqualTo(mp162.rules().size());
        // ACCESS-ESME-ONLY is in both: each result points at its own rule set's description
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4);
        for (JsonNode res : results) {
            JsonNode described = rules.get(res.get("ruleIndex").asInt());
            assertThat(described.get("id").asText()).isEqualTo(res.get("ruleId").asText());
            assertThat(described.at("/properties/ruleSet").asText()).isEqualTo(res.at("/properties/ruleSet").asText());
        }
        assertThat(results.get(1).get("ruleIndex").asInt()).isNotEqualTo(results.get(2).get("ruleIndex").asInt());
    }

    private static Decision decision(List<Finding> findings, RuleSetId ruleSet) {
        return new Decision("R", "U", "MDR", "4.8.1", "ON_DEMAND", Outcome.REJECTED, findings.get(0).code(), null, null,
                findings, List.of(), ruleSet);
    }
}
