package io.duisvalidator.reference;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle stays independent of what it checks: the reference decider and the transcription import nothing of the
 * rule engine, the decision step or the fact builder, and read nothing from {@code rules/}. The only product types
 * they may use are the exported API, the exported context and the reader's plain request records.
 */
class ReferenceIndependenceTest {
    static final Path DIR = Path.of("src/test/java/io/duisvalidator/reference");
    static final List<String> ORACLE = List.of("ReferenceDecider.java", "Transcription.java");
    static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?;", Pattern.MULTILINE);
    static final List<String> ALLOWED_INTERNAL = List.of("io.duisvalidator.internal.facts.DuisRequest",
            "io.duisvalidator.internal.facts.CreateScheduleBody");

    @Test
    void theOracleImportsNoRuleEngineDecisionStepOrFactBuilder() throws IOException {
        for (String f : ORACLE) {
            String src = Files.readString(DIR.resolve(f));
            Matcher m = IMPORT.matcher(src);
            int imports = 0;
            while (m.find()) {
                imports++;
                String name = m.group(2);
                if (name.startsWith("io.duisvalidator.internal.")) {
                    assertThat(ALLOWED_INTERNAL).as("%s imports %s", f, name).contains(name);
                }
            }
            assertThat(imports).as("%s has imports", f).isPositive();
            // fully qualified uses in the code (comments may name what the oracle stays away from)
            String code = src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            assertThat(code).as(f).doesNotContain("internal.engine").doesNotContain("internal.decision")
                    .doesNotContain("FactBuilder(").doesNotContain("RequestFact ").doesNotContain("rules/tables")
                    .doesNotContain("RuleTables").doesNotContain("getResource")
                    // its rule sets and their boundary are its own, not the product's manifests (issue 15)
                    .doesNotContain("RuleSets").doesNotContain("RuleSetManifest").doesNotContain("rule-sets/")
                    .doesNotContain("rule-set.properties");
        }
    }
}
