package io.duisvalidator.internal.engine;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Role;
import io.duisvalidator.Decision;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of the eligibility matrix (8 roles x 11 SRVs x SMETS1/SMETS2), checked against a transcription written
 * here from the domain brief section 3 and MP162 section 3, independent of rules/tables/.
 */
class EligibilityMatrixTest {
    /** Roles eligible per SRV: DUIS section 3 matrix plus MDR from MP162. */
    static final Map<String, Set<String>> ELIGIBLE = Map.ofEntries(
            Map.entry("4.1.1", Set.of("IS", "GS", "ED", "GT", "MDR")),
            Map.entry("4.2", Set.of("ES", "ED", "MDR")),
            Map.entry("4.6.1", Set.of("IS", "GS", "MDR")),
            Map.entry("4.6.2", Set.of("ES", "MDR")),
            Map.entry("4.8.1", Set.of("IS", "GS", "ED", "GT", "OU", "MDR")),
            Map.entry("4.8.3", Set.of("ES", "ED", "OU", "MDR")),
            Map.entry("4.17", Set.of("IS", "GS", "ED", "GT", "OU", "MDR")),
            Map.entry("5.1", Set.of("IS", "ES", "GS", "ED", "GT", "OU", "MDR")),
            Map.entry("5.2", Set.of("IS", "ES", "GS", "ED", "GT", "OU", "MDR")),
            Map.entry("5.3", Set.of("IS", "ES", "GS", "ED", "GT", "OU", "MDR")),
            Map.entry("8.2", Set.of("IS", "ES", "GS", "ED", "GT", "OU", "RSA", "MDR")));

    /** SRVs N/A on a generation for every role (E11): the TRT table's all-N/A rows. */
    static final Map<Integer, Set<String>> NA_FOR_ALL = Map.of(1, Set.of("4.6.2", "4.17"), 2, Set.of());
    /** SRVs N/A on a generation for the MDR only (E2). */
    static final Map<Integer, Set<String>> NA_FOR_MDR = Map.of(1, Set.of(), 2, Set.of("4.1.1"));

    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());

    @TestFactory
    List<DynamicTest> everyCell() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String srv : ELIGIBLE.keySet()) {
            for (Role role : Role.values()) {
                for (int gen : new int[]{1, 2}) {
                    tests.add(DynamicTest.dynamicTest(srv + " " + role + " SMETS" + gen, () -> check(srv, role, gen)));
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
                    .filter(s -> ELIGIBLE.get(s).contains(role.name())).findFirst().orElse("4.8.1");
            b.schedules(scheduled, "2027-02-01", null);
        }
        Decision d = validator.validate(b.build(), Fixtures.settings());
        boolean eligible = ELIGIBLE.get(srv).contains(role.name());
        if (!eligible) {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("E2");
            assertThat(d.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("ELIG-" + srv + "-" + role));
        } else if (role == Role.MDR && NA_FOR_MDR.get(gen).contains(srv)) {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("E2");
        } else if (NA_FOR_ALL.get(gen).contains(srv)) {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("E11");
        } else {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
            assertThat(d.firedRules()).contains("ELIG-" + srv + "-" + role);
        }
    }
}
