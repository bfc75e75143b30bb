package io.duisvalidator.access;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static io.duisvalidator.support.Fixtures.PARTY;
import static io.duisvalidator.support.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * D-MPAN-SIDE, import side (defect: access control failed open). An ESME whose inventory row has no import MPAN
 * cannot be found in the Registration Data, so an import-data SRV (or a 5.1 scheduling one) from an MDR, IS or ES is
 * E4 (ACCESS-IMPORT-MPAN), in both rule sets; the same request on an ESME with an import MPAN held by the requester
 * passes. Each case runs either side of the MP162 go-live (2024-06-26T23:00:00Z), the rule set chosen by the instant.
 */
class ImportMpanTest {
    static final String ESME_NO_IMPORT = "00-11-22-33-44-55-0B-01";
    static final String ESME_BOTH = "00-11-22-33-44-55-0B-02";
    static final String IMPORT = "1312345678907";
    static final String EXPORT = "2499999999991";
    static final String BEFORE = "2024-06-26T22:59:59Z";
    static final String AFTER = "2024-06-26T23:00:00Z";

    private static Context context() {
        Context.Builder b = Fixtures.bareContext();
        b.device(new Device(ESME_NO_IMPORT, "ESME", "Commissioned", 2, null, EXPORT));
        b.device(new Device(ESME_BOTH, "ESME", "Commissioned", 2, IMPORT, EXPORT));
        for (Role r : new Role[]{Role.IS, Role.ES, Role.MDR}) {
            for (String mpan : new String[]{IMPORT, EXPORT}) {
                b.appointment(new Appointment(mpan, r, PARTY.get(r), LocalDate.parse("2020-01-01"), null));
            }
        }
        return b.build();
    }

    private static Decision judge(Role role, String srv, String scheduled, String device, String at) {
        CoreValidator v = CoreValidator.create(RuleSets.standard(), null, context(), ReaderOptions.defaults());
        Requests.Builder r = Requests.request(USER.get(role), srv, device);
        if (scheduled != null) r.schedules(scheduled, "2024-07-01", null);
        return v.validate(r.build(), ValidationSettings.defaults().at(Instant.parse(at)).h313a(io.duisvalidator.Severity.WARNING));
    }

    @ParameterizedTest(name = "{0} {1} {2} at {3}")
    @CsvSource({
            "IS, 4.1.1, , " + BEFORE, "IS, 4.1.1, , " + AFTER,
            "IS, 4.6.1, , " + BEFORE, "IS, 4.6.1, , " + AFTER,
            "IS, 4.8.1, , " + BEFORE, "IS, 4.8.1, , " + AFTER,
            "IS, 4.17, , " + BEFORE, "IS, 4.17, , " + AFTER,
            "IS, 5.1, 4.8.1, " + BEFORE, "IS, 5.1, 4.6.1, " + AFTER,
            "MDR, 4.8.1, , " + AFTER, "MDR, 5.1, 4.17, " + AFTER})
    void anEsmeWithoutImportMpanFailsClosedForImportData(String role, String srv, String scheduled, String at) {
        Role r = Role.valueOf(role);
        Decision no = judge(r, srv, scheduled, ESME_NO_IMPORT, at);
        assertThat(no.ruleSet().id()).isEqualTo(at.equals(BEFORE) ? "before-mp162" : "mp162");
        assertThat(no.responseCode()).as(no.toString()).isEqualTo("E4");
        Finding f = no.findings().stream().filter(x -> "ACCESS-IMPORT-MPAN".equals(x.ruleId())).findFirst().orElseThrow();
        assertThat(f.requirement()).isEqualTo("ACCESS-IMPORT-MPAN");
        assertThat(f.message()).contains(ESME_NO_IMPORT).contains("no import MPAN");
        // the other side of the boundary: the same request on an ESME with an import MPAN the requester holds
        Decision yes = judge(r, srv, scheduled, ESME_BOTH, at);
        assertThat(yes.responseCode()).as(yes.toString()).isEqualTo("I99");
        assertThat(yes.findings()).noneMatch(x -> "ACCESS-IMPORT-MPAN".equals(x.ruleId()));
    }

    @ParameterizedTest(name = "{0} {1} at {2}")
    @CsvSource({"ES, 4.8.3, " + BEFORE, "ES, 4.8.3, " + AFTER, "MDR, 4.2, " + AFTER})
    void exportDataOnAnEsmeWithoutImportMpanIsNotConcerned(String role, String srv, String at) {
        Decision d = judge(Role.valueOf(role), srv, null, ESME_NO_IMPORT, at);
        assertThat(d.responseCode()).as(d.toString()).isEqualTo("I99");
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"GS, " + BEFORE, "ED, " + AFTER})
    void rolesNotCheckedAgainstRegistrationDataAreNotConcerned(String role, String at) {
        Decision d = judge(Role.valueOf(role), "4.8.1", null, ESME_NO_IMPORT, at);
        assertThat(d.responseCode()).as(d.toString()).isEqualTo("I99");
    }
}
