package io.duisvalidator;

import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule-set identity (issue 12): a value, written in the contract's form "ID VERSION (sha256:DIGEST)". */
class RuleSetIdTest {
    @Test
    void itsTextIsTheContractsFormAndParsesBack() {
        RuleSetId id = new RuleSetId("duis-mp162-rules", "0.2.0", "sha256:0123456789ab");
        assertThat(id.text()).isEqualTo("duis-mp162-rules 0.2.0 (sha256:0123456789ab)");
        assertThat(id.toString()).isEqualTo(id.text());
        assertThat(RuleSetId.parse(id.text())).isEqualTo(id);
    }

    @Test
    void theRuleBaseNamesItsManifestAndContentDigest() {
        RuleSetId id = Fixtures.RULES.id();
        assertThat(id.id()).isEqualTo("duis-mp162-rules");
        assertThat(id.version()).isEqualTo("0.2.0");
        assertThat(id.digest()).matches("sha256:[0-9a-f]{12}");
        Decision d = Fixtures.validator(Fixtures.baseContext().build()).validate("<x".getBytes(),
                ValidationSettings.defaults());
        assertThat(d.ruleSet()).isEqualTo(id);
    }

    @Test
    void malformedPartsAreRefused() {
        assertThatThrownBy(() -> new RuleSetId("a b", "1", "sha256:0123456789ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleSetId("a", "", "sha256:0123456789ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleSetId("a", "1", "0123456789ab")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RuleSetId("a", "1", "sha256:XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleSetId.parse("duis 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleSetId.parse("duis 1 (md5:0123456789ab)")).isInstanceOf(IllegalArgumentException.class);
    }
}
