package io.duisvalidator.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The build key that lets the build skip generating a rule model that is up to date (RuleModelGenerator). */
class RuleModelGeneratorTest {
    @TempDir Path classes;

    private Path write(String relative, String content) throws Exception {
        Path f = classes.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    @Test
    void aChangedFactClassChangesTheKeyButTheGeneratedModelAndItsRecordDoNot() throws Exception {
        Path fact = write("io/duisvalidator/internal/facts/RequestFact.class", "v1");
        write("rules/access-control.drl", "rule a");
        Path generated = write("io/duisvalidator/internal/rules/mp162/Rules1.class", "g1");
        Path record = write(RuleModel.record("mp162"), "build=x");
        String before = RuleModelGenerator.compiledAgainst(classes);

        Files.writeString(generated, "g2");
        Files.writeString(record, "build=y");
        assertThat(RuleModelGenerator.compiledAgainst(classes)).as("the model's own output is not an input").isEqualTo(before);

        Files.writeString(fact, "v2");
        assertThat(RuleModelGenerator.compiledAgainst(classes)).as("a fact class the model calls is an input").isNotEqualTo(before);
    }

    @Test
    void aRenamedFileChangesTheKey() throws Exception {
        Path f = write("io/duisvalidator/A.class", "same");
        String before = RuleModelGenerator.compiledAgainst(classes);
        Files.move(f, classes.resolve("io/duisvalidator/B.class"));
        assertThat(RuleModelGenerator.compiledAgainst(classes)).isNotEqualTo(before);
    }

    @Test
    void theKeyOfARuleSetFollowsItsRuleFiles() {
        RuleSetManifest mp162 = RuleSetManifest.read("mp162");
        RuleSetManifest before = RuleSetManifest.read("before-mp162");
        assertThat(RuleModelGenerator.buildKey(mp162, "c")).isEqualTo(RuleModelGenerator.buildKey(mp162, "c"))
                .isNotEqualTo(RuleModelGenerator.buildKey(before, "c"))
                .isNotEqualTo(RuleModelGenerator.buildKey(mp162, "d"));
    }
}
