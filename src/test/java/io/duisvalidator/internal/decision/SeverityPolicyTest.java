package io.duisvalidator.internal.decision;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Role;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.duisvalidator.support.Fixtures.ESME_S1;
import static io.duisvalidator.support.Fixtures.ESME_S2;
import static io.duisvalidator.support.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The severity policy (issue 12): by requirement id or code, like KoSIT's customLevel; fail closed. */
class SeverityPolicyTest {
    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());
    private final ValidationSettings strict = ValidationSettings.defaults().at(Fixtures.AT);

    @Test
    void aRequirementIdWinsOverACode() {
        Finding f = new Finding("E4", Severity.ERROR, "ACCESS-MDR-NOT-APPOINTED", "ACCESS-MDR-APPOINTED", "ref", "msg");
        SeverityPolicy p = new SeverityPolicy(Map.of("E4", Severity.INFO, "ACCESS-MDR-APPOINTED", Severity.WARNING));
        assertThat(p.apply(f).severity()).isEqualTo(Severity.WARNING);
        assertThat(new SeverityPolicy(Map.of("E4", Severity.INFO)).apply(f).severity()).isEqualTo(Severity.INFO);
        assertThat(new SeverityPolicy(Map.of("E2", Severity.INFO)).apply(f)).isSameAs(f);
        assertThat(SeverityPolicy.NONE.apply(f)).isSameAs(f);
    }

    @Test
    void aFindingWithoutRequirementIsMatchedByItsCode() {
        Finding f = new Finding("E4", Severity.ERROR, null, null, null, "msg");
        assertThat(new SeverityPolicy(Map.of("E4", Severity.WARNING)).apply(f).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void loweringARejectionAcceptsTheRequestWithItsFindingAtTheNewSeverity() {
        // an Other User is not eligible for 4.2 (and not checked against Registration Data)
        Requests.Builder ou42 = Requests.request(USER.get(Role.OU), "4.2", ESME_S2);
        assertThat(validator.validate(ou42.build(), strict).responseCode()).isEqualTo("E2");
        Decision lowered = validator.validate(ou42.build(), strict.severity("ELIG-4.2-OU", Severity.WARNING));
        assertThat(lowered.responseCode()).isEqualTo("I99");
        assertThat(lowered.trtSeconds()).isEqualTo(30L);
        assertThat(lowered.findings()).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo("E2");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
        });
    }

    @Test
    void loweringTheOnlyRejectionOfARequestWithoutATrtStillFailsClosed() {
        // 4.6.2 is N/A on SMETS1 for every role: E11, and no TRT cell gives it a time
        Requests.Builder es462 = Requests.request(USER.get(Role.ES), "4.6.2", ESME_S1);
        Decision d = validator.validate(es462.build(), strict.severity("E11", Severity.WARNING));
        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.responseCode()).isEqualTo("DV-INTERNAL");
        assertThat(d.findings()).anySatisfy(f -> assertThat(f.message()).contains("severity policy lowered", "E11"));
    }

    @Test
    void raisingAnInfoRejects() {
        Requests.Builder is6152 = Requests.request(USER.get(Role.IS), "6.15.2", ESME_S2);
        assertThat(validator.validate(is6152.build(), strict).responseCode()).isEqualTo("I99");
        Decision raised = validator.validate(is6152.build(), strict.severity("SCOPE-OTHER", Severity.ERROR));
        assertThat(raised.responseCode()).isEqualTo("DV-SCOPE");
        assertThat(raised.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void theH313aAliasChangesTheBreachOnlyWhileTheCodeChangesEveryFindingOfIt() {
        ValidationSettings alias = strict.h313a(Severity.WARNING);
        assertThat(alias.severities()).isEqualTo(Map.of(ValidationSettings.SCHEDULE_FIRST, Severity.WARNING));
        assertThat(alias.h313aSeverity()).isEqualTo(Severity.WARNING);
        assertThat(alias.h313a(Severity.ERROR).severities()).isEmpty();
        assertThat(strict.h313aSeverity()).isEqualTo(Severity.ERROR);
        assertThatThrownBy(() -> strict.h313a(Severity.INFO)).isInstanceOf(IllegalArgumentException.class);
        Finding stale = new Finding("DV-H3.13A", Severity.INFO, "H313A-STALE-RETRY", "H313A-STALE-RETRY", "ref", "late");
        Finding breach = new Finding("DV-H3.13A", Severity.ERROR, "H313A-NOT-A-RETRY", "H313A-SCHEDULE-FIRST", "ref", "no");
        SeverityPolicy a = SeverityPolicy.of(alias);
        assertThat(a.apply(stale).severity()).isEqualTo(Severity.INFO);
        assertThat(a.apply(breach).severity()).isEqualTo(Severity.WARNING);
        SeverityPolicy byCode = SeverityPolicy.of(strict.severity("DV-H3.13A", Severity.WARNING));
        assertThat(byCode.apply(stale).severity()).isEqualTo(Severity.WARNING);
        assertThat(byCode.apply(breach).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void unknownAndUnchangeableIdsAreRefused() {
        byte[] junk = "<x".getBytes();
        for (String id : new String[]{"NO-SUCH", "DV-XML", "DV-SCHEMA", "MSG-SCHEMA", "MSG-WELL-FORMED", "DV-INTERNAL", "DV-INPUT"}) {
            ValidationSettings s = strict.severity(id, Severity.WARNING);
            assertThatThrownBy(() -> validator.validate(junk, s)).as(id).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(id);
            assertThatThrownBy(() -> validator.validate(Requests.request(USER.get(Role.IS), "4.8.1", ESME_S2).build(), s))
                    .as(id).isInstanceOf(IllegalArgumentException.class);
        }
        // every requirement id and code of the rules is accepted
        for (var r : Fixtures.RULES.rules().values()) {
            CoreValidator.checkSettings(Fixtures.RULES, strict.severity(r.requirement(), Severity.INFO).severity(r.code(), Severity.INFO));
        }
    }

    @Test
    void settingsRefuseBlankIdsAndNullSeverities() {
        assertThatThrownBy(() -> strict.severity(" ", Severity.ERROR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> strict.severity("E2", null)).isInstanceOf(NullPointerException.class);
    }
}
