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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of MP162's "TRTs for Eligible Users for MHHS data retrieval Service Requests", transcribed here from the
 * report's text (independently of rules/tables/trt.csv) and checked through the whole validator.
 */
class TrtTableTest {
    /**
     * Columns as in the report: existing roles SMETS2 Scheduled, On-Demand, SMETS1 Scheduled, On-Demand; then the
     * same four for the MDR role. "-" is N/A; 24h is written 86400.
     */
    static final Map<String, String> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("4.1.1", "-     30    -     16    -     -     -     86400");
        TABLE.put("4.2", "86400 30    86400 16    86400 86400 86400 86400");
        TABLE.put("4.6.1", "86400 30    86400 16    86400 86400 86400 86400");
        TABLE.put("4.6.2", "86400 30    -     -     86400 86400 -     -");
        TABLE.put("4.8.1", "86400 5600  86400 16    86400 86400 86400 86400");
        TABLE.put("4.8.3", "86400 30    86400 16    86400 86400 86400 86400");
        TABLE.put("4.17", "86400 30    -     -     86400 86400 -     -");
        TABLE.put("5.1", "-     86400 -     86400 -     86400 -     86400");
        TABLE.put("5.2", "-     86400 -     86400 -     86400 -     86400");
        TABLE.put("5.3", "-     86400 -     86400 -     86400 -     86400");
        TABLE.put("8.2", "-     30    -     30    -     30    -     30");
    }

    /** An eligible existing role per SRV, to send the "existing roles" requests. */
    static final Map<String, Role> EXISTING = Map.ofEntries(
            Map.entry("4.1.1", Role.IS), Map.entry("4.2", Role.ES), Map.entry("4.6.1", Role.IS),
            Map.entry("4.6.2", Role.ES), Map.entry("4.8.1", Role.IS), Map.entry("4.8.3", Role.ES),
            Map.entry("4.17", Role.IS), Map.entry("5.1", Role.IS), Map.entry("5.2", Role.IS),
            Map.entry("5.3", Role.IS), Map.entry("8.2", Role.IS));

    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());

    @TestFactory
    List<DynamicTest> everyCell() {
        List<DynamicTest> tests = new ArrayList<>();
        String[] senders = {"EXISTING", "MDR"};
        int[] gens = {2, 1};
        String[] modes = {"SCHEDULED", "ON_DEMAND"};
        TABLE.forEach((srv, line) -> {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).hasSize(8);
            int c = 0;
            for (String sender : senders) {
                for (int gen : gens) {
                    for (String mode : modes) {
                        String cell = cells[c++];
                        tests.add(DynamicTest.dynamicTest(srv + " " + sender + " SMETS" + gen + " " + mode + " = " + cell,
                                () -> check(srv, sender, gen, mode, cell)));
                    }
                }
            }
        });
        assertThat(tests).hasSize(88);
        return tests;
    }

    private void check(String srv, String sender, int gen, String mode, String cell) {
        Role role = "MDR".equals(sender) ? Role.MDR : EXISTING.get(srv);
        String esme = gen == 1 ? Fixtures.ESME_S1 : Fixtures.ESME_S2;
        Decision d;
        if ("SCHEDULED".equals(mode)) {
            // the Scheduled cell is what a 5.1 scheduling this SRV gets as scheduledTrtSeconds
            d = validator.validate(Requests.request(Fixtures.USER.get(role), "5.1", esme)
                    .schedules(srv, "2027-02-01", null).build(), Fixtures.settings());
            if (!Requests.DSP.containsKey(srv)) {
                // not schedulable at all: 4.1.1 and the non-device SRVs
                assertThat(cell).isEqualTo("-");
                assertThat(d.outcome().name()).isNotEqualTo("ACCEPTED");
                return;
            }
            if ("-".equals(cell)) {
                assertThat(d.accepted()).as("%s", d).isFalse();
            } else {
                assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
                assertThat(d.scheduledTrtSeconds()).isEqualTo(Long.parseLong(cell));
                assertThat(d.trtSeconds()).isEqualTo(86400L);
            }
        } else {
            Requests.Builder b = Requests.request(Fixtures.USER.get(role), srv, esme);
            if ("5.1".equals(srv)) b.schedules("4.8.1", "2027-02-01", null);
            d = validator.validate(b.build(), Fixtures.settings());
            if ("-".equals(cell)) {
                assertThat(d.accepted()).as("%s", d).isFalse();
                assertThat(d.responseCode()).isIn("E2", "E11");
            } else {
                assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
                assertThat(d.trtSeconds()).isEqualTo(Long.parseLong(cell));
            }
        }
    }
}
