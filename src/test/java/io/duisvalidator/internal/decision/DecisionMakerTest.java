package io.duisvalidator.internal.decision;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.RuleSetId;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision step on its values (issue 12): Header + Evaluation + SeverityPolicy + RuleSetId, failing closed. */
class DecisionMakerTest {
    static final RuleSetId RULES = new RuleSetId("test-rules", "1.0", "sha256:00112233aabb");
    static final Finding INFO = new Finding("DV-SCOPE", Severity.INFO, "SCOPE-OTHER", "SCOPE-OTHER", "ref", "out of scope");
    static final Finding E2 = new Finding("E2", Severity.ERROR, "ELIG-4.2-OU", "ELIG-4.2-OU", "ref", "may not");
    static final Finding E12 = new Finding("E12", Severity.ERROR, "CV-4.2", "CV-DEVICE", "ref", "cv");

    static DecisionMaker.Header header(boolean trt, boolean scheduledTrt) {
        return new DecisionMaker.Header("R", "U", "OU", "4.2", "ON_DEMAND", null, trt, scheduledTrt);
    }

    @Test
    void theFirstErrorByPrecedenceDecidesAndNoTrtIsGiven() {
        Evaluation e = new Evaluation(List.of(E2, INFO, E12), List.of("CV-4.2", "ELIG-4.2-OU"), 30L, null);
        Decision d = DecisionMaker.decide(header(true, false), e, SeverityPolicy.NONE, RULES);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.responseCode()).isEqualTo("E12");
        assertThat(d.trtSeconds()).isNull();
        assertThat(d.findings()).containsExactly(E12, E2, INFO);
        assertThat(d.firedRules()).containsExactly("CV-4.2", "ELIG-4.2-OU");
        assertThat(d.ruleSet()).isEqualTo(RULES);
    }

    @Test
    void acceptedWithTheTrtsWhenNothingRejects() {
        Evaluation e = new Evaluation(List.of(INFO), List.of(), 30L, 86400L);
        Decision d = DecisionMaker.decide(header(true, true), e, SeverityPolicy.NONE, RULES);
        assertThat(d.responseCode()).isEqualTo("I99");
        assertThat(d.trtSeconds()).isEqualTo(30L);
        assertThat(d.scheduledTrtSeconds()).isEqualTo(86400L);
    }

    @Test
    void aMissingTrtFailsClosedOnlyWhenTheFactsSayOneIsNeeded() {
        Evaluation none = new Evaluation(List.of(), List.of(), null, null);
        assertThat(DecisionMaker.decide(header(false, false), none, SeverityPolicy.NONE, RULES).responseCode()).isEqualTo("I99");
        Decision gap = DecisionMaker.decide(header(true, false), none, SeverityPolicy.NONE, RULES);
        assertThat(gap.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(gap.responseCode()).isEqualTo("DV-INTERNAL");
        assertThat(gap.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("rule tables have a gap"));
        Evaluation onlyTheSchedule = new Evaluation(List.of(), List.of(), 86400L, null);
        assertThat(DecisionMaker.decide(header(true, false), onlyTheSchedule, SeverityPolicy.NONE, RULES).responseCode())
                .isEqualTo("I99");
        assertThat(DecisionMaker.decide(header(true, true), onlyTheSchedule, SeverityPolicy.NONE, RULES).responseCode())
                .isEqualTo("DV-INTERNAL");
    }

    @Test
    void thePolicyAppliesBeforeThePrecedence() {
        Evaluation e = new Evaluation(List.of(E2, E12), List.of(), 30L, null);
        Decision d = DecisionMaker.decide(header(true, false), e,
                new SeverityPolicy(java.util.Map.of("CV-DEVICE", Severity.WARNING)), RULES);
        assertThat(d.responseCode()).isEqualTo("E2");
        assertThat(d.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR, Severity.WARNING);
    }

    @Test
    void theEvaluationIsAnImmutableValue() {
        java.util.List<Finding> found = new java.util.ArrayList<>(List.of(E2));
        Evaluation e = new Evaluation(found, new java.util.ArrayList<>(List.of("A")), null, null);
        found.add(E12);
        assertThat(e.findings()).containsExactly(E2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.firedRules().add("B"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
