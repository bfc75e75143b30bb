package io.duisvalidator.internal.engine;

import io.duisvalidator.support.Seeds;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.Decision;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.reference.RandomWorld;
import io.duisvalidator.reference.SampleCorpus;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prebuilt rule model (generated and compiled by the build) against the rules compiled from rules/ at start: the
 * build made a current one and {@link RuleBase#load()} uses it; both give the same rules, metadata, version and
 * decisions; and a record that does not match the rules/ files or the Drools version is never used.
 */
class RuleModelTest {
    private static final RuleBase PREBUILT = Fixtures.RULES;
    private static RuleBase compiled;

    @BeforeAll
    static void compileAtStart() {
        String before = System.getProperty(RuleModel.SWITCH);
        System.setProperty(RuleModel.SWITCH, "false");
        try {
            compiled = RuleBase.load(RuleSets.standard().currentManifest()); // not the catalogue's cached one
        } finally {
            if (before == null) System.clearProperty(RuleModel.SWITCH); else System.setProperty(RuleModel.SWITCH, before);
        }
    }

    @Test
    void theBuildMadeACurrentRuleModelAndLoadUsesIt() {
        assertThat(PREBUILT.origin()).startsWith("prebuilt executable model io.duisvalidator.internal.rules.mp162.Rules");
        assertThat(compiled.origin()).isEqualTo("compiled at start: prebuilt rule model switched off (-Dduis.rules.prebuilt=false)");
        assertThat(PREBUILT.prebuilt()).isTrue();
        assertThat(compiled.prebuilt()).isFalse();
    }

    @Test
    void bothWaysGiveTheSameRulesMetadataVersionAndSources() {
        assertThat(PREBUILT.rules()).hasSizeGreaterThan(250).isEqualTo(compiled.rules());
        assertThat(PREBUILT.id()).isEqualTo(compiled.id());
        assertThat(PREBUILT.sources()).isEqualTo(compiled.sources());
    }

    @Test
    void bothWaysDecideEverySampleAndGeneratedRequestAlike() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (SampleCorpus.Item item : SampleCorpus.load(SampleCorpus.defaultRoot(), PREBUILT)) {
            Decision a = item.validator().validate(item.bytes(), item.settings());
            Decision b = CoreValidator.create(compiled, item.context()).validate(item.bytes(), item.settings());
            if (!a.equals(b)) differences.add(item.name() + "\n  prebuilt: " + a + "\n  compiled: " + b);
            compared++;
        }
        long seed = Seeds.seed("RuleModelTest", 9_000L);
        for (int w = 0; w < 10; w++) {
            RandomWorld world = new RandomWorld(seed + w);
            CoreValidator a = CoreValidator.create(PREBUILT, world.context());
            CoreValidator b = CoreValidator.create(compiled, world.context());
            for (int i = 0; i < 300; i++) {
                DuisRequest req = world.request();
                ValidationSettings s = world.settings();
                Decision da = a.validate(req, s);
                Decision db = b.validate(req, s);
                if (!da.equals(db)) differences.add("seed " + (seed + w) + " (world " + w + ") request " + i + "\n  prebuilt: " + da + "\n  compiled: " + db);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(3_400);
        assertThat(differences).as(differences.size() + " of " + compared + " decisions differ").isEmpty();
    }

    @Test
    void aRecordIsUsedOnlyWhenItMatchesTheRulesFilesAndTheDroolsVersion() {
        Properties record = new Properties();
        record.setProperty("model", "io.duisvalidator.internal.rules.RulesX");
        record.setProperty("inputs", "sha256:aa");
        record.setProperty("ruleset", "sha256:bb");
        record.setProperty("drools", "10.2.0");

        RuleModel.Choice current = RuleModel.choose(record, "sha256:aa", "10.2.0", null);
        assertThat(current.prebuilt()).isTrue();
        assertThat(current.modelClass()).isEqualTo("io.duisvalidator.internal.rules.RulesX");
        assertThat(current.ruleSetDigest()).isEqualTo("sha256:bb");

        RuleModel.Choice stale = RuleModel.choose(record, "sha256:cc", "10.2.0", null);
        assertThat(stale.prebuilt()).isFalse();
        assertThat(stale.warn()).isTrue();
        assertThat(stale.reason()).contains("stale", "sha256:aa", "sha256:cc");

        RuleModel.Choice otherDrools = RuleModel.choose(record, "sha256:aa", "10.3.0", null);
        assertThat(otherDrools.prebuilt()).isFalse();
        assertThat(otherDrools.warn()).isTrue();
        assertThat(otherDrools.reason()).contains("10.2.0", "10.3.0");

        RuleModel.Choice missing = RuleModel.choose(null, "sha256:aa", "10.2.0", null);
        assertThat(missing.prebuilt()).isFalse();
        assertThat(missing.warn()).isTrue();

        Properties incomplete = new Properties();
        incomplete.putAll(record);
        incomplete.remove("model");
        assertThat(RuleModel.choose(incomplete, "sha256:aa", "10.2.0", null).prebuilt()).isFalse();

        RuleModel.Choice off = RuleModel.choose(record, "sha256:aa", "10.2.0", "false");
        assertThat(off.prebuilt()).isFalse();
        assertThat(off.warn()).isFalse();
    }

    @Test
    void theRecordOnTheClasspathNamesTheRulesFilesAsTheyAre() {
        Properties record = RuleModel.readRecord(compiled.id().id());
        assertThat(record).isNotNull();
        assertThat(record.getProperty("inputs")).isEqualTo(RuleSources.inputsDigest(compiled.manifest()));
        assertThat(compiled.id().digest()).isEqualTo(record.getProperty("ruleset"));
    }

    @Test
    void everyRuleSetHasItsOwnCurrentPrebuiltModel() {
        for (RuleSetManifest m : RuleSets.standard().manifests()) {
            RuleBase prebuilt = RuleSets.standard().ruleBase(m);
            assertThat(prebuilt.origin()).startsWith("prebuilt executable model " + m.rulePackage() + ".Rules");
            assertThat(prebuilt.id().id()).isEqualTo(m.id());
            assertThat(prebuilt.id().digest()).isEqualTo(RuleModel.readRecord(m.id()).getProperty("ruleset"));
        }
    }
}
