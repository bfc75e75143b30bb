package io.duisvalidator.internal.engine;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Role;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule set before MP162, cell by cell, against a transcription written here from the sources and independent of
 * rules/rule-sets/before-mp162/: the DUIS section 3 matrix without an MDR column (the role does not exist), and the
 * "SR sent by existing User Roles" columns of MP162's TRT table as they stood before MP162, i.e. with what footnotes 4
 * and 5 say MP162 changes undone: SR 4.2 "is not currently able to be scheduled" (footnote 4) and "the current SMETS1
 * TRT of 16 seconds for SR 8.2" (footnote 5). Every request goes through the whole validator with the rule set
 * forced to before-mp162.
 */
class BeforeMp162TablesTest {
    static final String RULE_SET = "before-mp162";

    /**
     * Existing roles: SMETS2 Scheduled, On-Demand, SMETS1 Scheduled, On-Demand. "-" is N/A; 24h is written 86400.
     * No MDR columns: there is no MDR before MP162.
     */
    static final Map<String, String> TRT = new LinkedHashMap<>();

    static {
        TRT.put("4.1.1", "-     30    -     16");
        TRT.put("4.2", "-     30    -     16"); // footnote 4: not schedulable before MP162
        TRT.put("4.6.1", "86400 30    86400 16");
        TRT.put("4.6.2", "86400 30    -     -");
        TRT.put("4.8.1", "86400 5600  86400 16");
        TRT.put("4.8.3", "86400 30    86400 16");
        TRT.put("4.17", "86400 30    -     -");
        TRT.put("5.1", "-     86400 -     86400");
        TRT.put("5.2", "-     86400 -     86400");
        TRT.put("5.3", "-     86400 -     86400");
        TRT.put("8.2", "-     30    -     16"); // footnote 5: 16 s on SMETS1 before MP162
    }

    /** Roles eligible per SRV before MP162: the DUIS section 3 matrix (domain brief section 3), no MDR. */
    static final Map<String, Set<String>> ELIGIBLE = Map.ofEntries(
            Map.entry("4.1.1", Set.of("IS", "GS", "ED", "GT")),
            Map.entry("4.2", Set.of("ES", "ED")),
            Map.entry("4.6.1", Set.of("IS", "GS")),
            Map.entry("4.6.2", Set.of("ES")),
            Map.entry("4.8.1", Set.of("IS", "GS", "ED", "GT", "OU")),
            Map.entry("4.8.3", Set.of("ES", "ED", "OU")),
            Map.entry("4.17", Set.of("IS", "GS", "ED", "GT", "OU")),
            Map.entry("5.1", Set.of("IS", "ES", "GS", "ED", "GT", "OU")),
            Map.entry("5.2", Set.of("IS", "ES", "GS", "ED", "GT", "OU")),
            Map.entry("5.3", Set.of("IS", "ES", "GS", "ED", "GT", "OU")),
            Map.entry("8.2", Set.of("IS", "ES", "GS", "ED", "GT", "OU", "RSA")));

    /** An eligible existing role per SRV, to send the "existing roles" requests. */
    static final Map<String, Role> EXISTING = Map.ofEntries(
            Map.entry("4.1.1", Role.IS), Map.entry("4.2", Role.ES), Map.entry("4.6.1", Role.IS),
            Map.entry("4.6.2", Role.ES), Map.entry("4.8.1", Role.IS), Map.entry("4.8.3", Role.ES),
            Map.entry("4.17", Role.IS), Map.entry("5.1", Role.IS), Map.entry("5.2", Role.IS),
            Map.entry("5.3", Role.IS), Map.entry("8.2", Role.IS));

    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build(), RULE_SET);

    @TestFactory
    List<DynamicTest> everyTrtCell() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] modes = {"SCHEDULED", "ON_DEMAND"};
        TRT.forEach((srv, line) -> {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).hasSize(4);
            int c = 0;
            for (int gen : new int[]{2, 1}) {
                for (String mode : modes) {
                    String cell = cells[c++];
                    tests.add(DynamicTest.dynamicTest(srv + " SMETS" + gen + " " + mode + " = " + cell,
                            () -> checkTrt(srv, gen, mode, cell)));
                }
            }
        });
        assertThat(tests).hasSize(44);
        return tests;
    }

    private void checkTrt(String srv, int gen, String mode, String cell) {
        String esme = gen == 1 ? Fixtures.ESME_S1 : Fixtures.ESME_S2;
        String user = Fixtures.USER.get(EXISTING.get(srv));
        Decision d;
        if ("SCHEDULED".equals(mode)) {
            d = validator.validate(Requests.request(user, "5.1", esme).schedules(srv, "2027-02-01", null).build(),
                    Fixtures.settings());
            assertThat(d.ruleSet().id()).isEqualTo(RULE_SET);
            if ("-".equals(cell)) {
                assertThat(d.accepted()).as("%s", d).isFalse();
                if ("4.2".equals(srv)) {
                    // rejected as any SRV a 5.1 cannot schedule for the role: the Scheduled cell is N/A
                    assertThat(d.responseCode()).as("%s", d).isEqualTo("DV-SCHEDULE");
                }
            } else {
                assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
                assertThat(d.scheduledTrtSeconds()).isEqualTo(Long.parseLong(cell));
                assertThat(d.trtSeconds()).isEqualTo(86400L);
            }
        } else {
            Requests.Builder b = Requests.request(user, srv, esme);
            if ("5.1".equals(srv)) b.schedules("4.8.1", "2027-02-01", null);
            d = validator.validate(b.build(), Fixtures.settings());
            assertThat(d.ruleSet().id()).isEqualTo(RULE_SET);
            if ("-".equals(cell)) {
                assertThat(d.accepted()).as("%s", d).isFalse();
                assertThat(d.responseCode()).isIn("E2", "E11");
            } else {
                assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
                assertThat(d.trtSeconds()).isEqualTo(Long.parseLong(cell));
            }
        }
    }

    @TestFactory
    List<DynamicTest> everyEligibilityCell() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String srv : ELIGIBLE.keySet()) {
            for (Role role : Role.values()) {
                if (role == Role.MDR) continue;
                for (int gen : new int[]{1, 2}) {
                    tests.add(DynamicTest.dynamicTest(srv + " " + role + " SMETS" + gen, () -> checkEligibility(srv, role, gen)));
                }
            }
        }
        assertThat(tests).hasSize(11 * 7 * 2);
        return tests;
    }

    private void checkEligibility(String srv, Role role, int gen) {
        String esme = gen == 1 ? Fixtures.ESME_S1 : Fixtures.ESME_S2;
        Requests.Builder b = Requests.request(Fixtures.USER.get(role), srv, esme);
        if ("5.1".equals(srv)) {
            // schedule an SRV the role may send and may schedule before MP162 (4.2 may not be scheduled)
            String scheduled = List.of("4.8.1", "4.8.3", "4.6.1").stream()
                    .filter(s -> ELIGIBLE.get(s).contains(role.name())).findFirst().orElse("4.8.1");
            b.schedules(scheduled, "2027-02-01", null);
        }
        Decision d = validator.validate(b.build(), Fixtures.settings());
        boolean eligible = ELIGIBLE.get(srv).contains(role.name());
        boolean naForAll = gen == 1 && Set.of("4.6.2", "4.17").contains(srv);
        if (!eligible) {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("E2");
            assertThat(d.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("ELIG-" + srv + "-" + role));
        } else if (naForAll) {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("E11");
        } else {
            assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
            assertThat(d.firedRules()).contains("ELIG-" + srv + "-" + role);
        }
    }

    /** No MDR User Role before MP162: a User registered as MDR is E1 whatever it sends. */
    @TestFactory
    List<DynamicTest> anMdrIsNoUserBeforeMp162() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String srv : TRT.keySet()) {
            tests.add(DynamicTest.dynamicTest("MDR " + srv, () -> {
                Requests.Builder b = Requests.request(Fixtures.USER.get(Role.MDR), srv, Fixtures.ESME_S2);
                if ("5.1".equals(srv)) b.schedules("4.8.1", "2027-02-01", null);
                Decision d = validator.validate(b.build(), Fixtures.settings());
                assertThat(d.responseCode()).as("%s", d).isEqualTo("E1");
                assertThat(d.findings()).anySatisfy(f -> {
                    assertThat(f.code()).isEqualTo("E1");
                    assertThat(f.requirement()).isEqualTo("USER-KNOWN");
                    assertThat(f.message()).contains("MDR", RULE_SET);
                });
            }));
        }
        return tests;
    }

    /** DUIS 5.3 is required of no one before MP162: an old schemaVersion changes nothing. */
    @Test
    void noSchemaVersionIsRequired() {
        Decision d = validator.validate(Requests.request(Fixtures.USER.get(Role.IS), "4.8.1", Fixtures.ESME_S2)
                .schemaVersion("5.1").build(), Fixtures.settings());
        assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
        Decision s = validator.validate(Requests.request(Fixtures.USER.get(Role.ES), "5.1", Fixtures.ESME_S2)
                .schemaVersion("5.1").schedules("4.2", "2027-02-01", null).build(), Fixtures.settings());
        assertThat(s.responseCode()).as("%s", s).isEqualTo("DV-SCHEDULE");
        assertThat(s.findings()).noneSatisfy(f -> assertThat(f.code()).isEqualTo("DV-VERSION"));
    }

    /** No schedule-first obligation before MP162: an MHHS Supplier request on demand is accepted with no H3.13A finding. */
    @Test
    void noScheduleFirst() {
        Decision d = validator.validate(Requests.request(Fixtures.USER.get(Role.IS), "4.8.1", Fixtures.ESME_S2).build(),
                Fixtures.settings().purpose(io.duisvalidator.ValidationSettings.Purpose.MHHS).h313a(io.duisvalidator.Severity.ERROR));
        assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
        assertThat(d.trtSeconds()).isEqualTo(5600L);
        assertThat(d.findings()).noneSatisfy(f -> assertThat(f.code()).isEqualTo("DV-H3.13A"));
        assertThat(d.firedRules()).noneMatch(r -> r.startsWith("H313A"));
    }
}
