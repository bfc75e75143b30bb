package io.duisvalidator.internal.engine;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Role;
import io.duisvalidator.reference.Transcription;
import io.duisvalidator.reference.Transcription.Sender;
import io.duisvalidator.reference.Transcription.TrtCell;
import io.duisvalidator.reference.Transcription.TrtMode;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the eligibility matrix (8 roles x 11 SRVs x SMETS1/SMETS2), checked through the whole validator
 * against the hand {@link Transcription} (domain brief section 3, MP162 section 3), never against rules/tables/. An
 * eligible role's request takes the On-Demand cell of the TRT table: its TRT, or the code of its N/A.
 */
class EligibilityMatrixTest {
    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());

    @TestFactory
    List<DynamicTest> everyCell() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String srv : Transcription.SRVS) {
            for (Role role : Role.values()) {
                for (int gen : new int[]{1, 2}) {
                    boolean eligible = Transcription.eligible(srv, role);
                    tests.add(DynamicTest.dynamicTest(srv + " " + role + " SMETS" + gen + (eligible ? " eligible" : " not eligible"),
                            () -> check(srv, role, gen)));
                }
            }
        }
        assertThat(tests).hasSize(11 * 8 * 2);
        return tests;
    }

    private void check(String srv, Role role, int gen) {
        String esme = gen == 1 ? Fixtures.ESME_S1 : Fixtures.ESME_S2;
        Requests.Builder b = Requests.request(Fixtures.USER.get(role), srv, esme);
        if ("5.1".equals(srv)) {
            // schedule an SRV the role may send, so that the 5.1 cell is what is tested
            String scheduled = List.of("4.8.1", "4.8.3", "4.6.1", "4.2").stream()
                    .filter(s -> Transcription.eligible(s, role)).findFirst().orElse("4.8.1");
            b.schedules(scheduled, "2027-02-01", null);
        }
        Decision d = validator.validate(b.build(), Fixtures.settings());
        if (!Transcription.eligible(srv, role)) {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("E2");
            assertThat(d.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("ELIG-" + srv + "-" + role));
            return;
        }
        TrtCell cell = Transcription.trt(srv, Sender.of(role), gen, TrtMode.ON_DEMAND);
        if (cell.na()) {
            // eligible for the SRV, but its cells are N/A for the role on this generation (D-NA-CODE)
            assertThat(d.responseCode()).as("%s", d).isEqualTo(cell.messageCode());
        } else {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
            assertThat(d.trtSeconds()).as("%s", d).isEqualTo(cell.seconds());
            assertThat(d.firedRules()).contains("ELIG-" + srv + "-" + role);
        }
    }
}
