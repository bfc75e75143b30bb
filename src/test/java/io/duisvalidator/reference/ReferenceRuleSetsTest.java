package io.duisvalidator.reference;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.reference.Transcription.RuleSet;
import io.duisvalidator.reference.Transcription.Sender;
import io.duisvalidator.reference.Transcription.TrtMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reference decider's own knowledge of the two rule sets, on both sides of its own go-live instant. */
class ReferenceRuleSetsTest {
    static final Instant GO_LIVE = Instant.parse("2024-06-26T23:00:00Z");

    @Test
    void itsBoundaryIsMidnightInLondonOnThe27thOfJune2024() {
        assertThat(ReferenceDecider.MP162_IN_FORCE).isEqualTo(GO_LIVE);
        assertThat(ReferenceDecider.inForce(GO_LIVE.minusSeconds(1))).isEqualTo(RuleSet.BEFORE_MP162);
        assertThat(ReferenceDecider.inForce(GO_LIVE)).isEqualTo(RuleSet.MP162);
        assertThat(RuleSet.ofId("before-mp162")).isEqualTo(RuleSet.BEFORE_MP162);
        assertThatThrownBy(() -> RuleSet.ofId("mp999")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mp999");
    }

    @Test
    void itsTablesBeforeMp162AreFootnotes4And5UndoneAndNoMdrColumn() {
        assertThat(Transcription.trt(RuleSet.BEFORE_MP162, "8.2", Sender.EXISTING, 1, TrtMode.ON_DEMAND).seconds()).isEqualTo(16L);
        assertThat(Transcription.trt(RuleSet.MP162, "8.2", Sender.EXISTING, 1, TrtMode.ON_DEMAND).seconds()).isEqualTo(30L);
        assertThat(Transcription.trt(RuleSet.BEFORE_MP162, "4.2", Sender.EXISTING, 2, TrtMode.SCHEDULED).messageCode()).isEqualTo("DV-SCHEDULE");
        assertThat(Transcription.trt(RuleSet.MP162, "4.2", Sender.EXISTING, 2, TrtMode.SCHEDULED).seconds()).isEqualTo(86400L);
        assertThat(Transcription.trt(RuleSet.BEFORE_MP162, "4.8.1", Sender.MDR, 2, TrtMode.ON_DEMAND)).isNull();
        assertThat(Transcription.eligible(RuleSet.BEFORE_MP162, "4.8.1", Role.MDR)).isFalse();
        assertThat(Transcription.eligible(RuleSet.MP162, "4.8.1", Role.MDR)).isTrue();
        for (String srv : Transcription.SRVS) {
            for (Role r : Role.values()) {
                if (r != Role.MDR) assertThat(Transcription.eligible(RuleSet.BEFORE_MP162, srv, r)).isEqualTo(Transcription.eligible(srv, r));
            }
        }
    }

    @Test
    void anMdrBeforeTheGoLiveIsE1AndAfterItJudgedAsAnMdrAndTheResultNamesItsRuleSet() {
        String esme = "00-11-22-33-44-55-0C-01";
        Context ctx = Context.builder().user("7A-00-00-00-00-00-08-01", Role.MDR, "MDRX")
                .device(new Device(esme, "ESME", "Commissioned", 2, "1400000004024", null)).build();
        DuisRequest r = new DuisRequest("7A-00-00-00-00-00-08-01:" + esme + ":1", "7A-00-00-00-00-00-08-01", esme, "1",
                new BigDecimal("5.2"), null, null, 1, "4.8", "4.8.1", "ReadActiveImportProfileData", null, null, null, null,
                null, null, true);
        ReferenceDecider ref = new ReferenceDecider();
        ReferenceDecider.Result before = ref.decide(r, ctx, ValidationSettings.defaults().at(GO_LIVE.minusSeconds(1)));
        ReferenceDecider.Result after = ref.decide(r, ctx, ValidationSettings.defaults().at(GO_LIVE));
        assertThat(before.ruleSet()).isEqualTo("before-mp162");
        assertThat(before.responseCode()).isEqualTo("E1");
        assertThat(before.findings()).doesNotContain("DV-VERSION/ERROR", "DV-H3.13A/ERROR");
        assertThat(after.ruleSet()).isEqualTo("mp162");
        assertThat(after.responseCode()).isEqualTo("DV-VERSION"); // an MDR below DUIS 5.3
        // forced, as --rule-set
        assertThat(ref.decide(r, ctx, ValidationSettings.defaults().at(GO_LIVE), "before-mp162").responseCode()).isEqualTo("E1");
    }
}
