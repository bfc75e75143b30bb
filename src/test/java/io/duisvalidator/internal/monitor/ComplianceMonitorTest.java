package io.duisvalidator.internal.monitor;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.InMemoryScheduleHistory;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.Severity;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;

import static io.duisvalidator.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The monitor's figures on a corpus whose counts are known by construction. */
class ComplianceMonitorTest {
    @Test
    void countsScheduledAndOnDemandPerUserAndSrv() throws Exception {
        String mdr = USER.get(Role.MDR);
        String is = USER.get(Role.IS);
        InMemoryScheduleHistory h = new InMemoryScheduleHistory();
        h.record(new Schedule("S1", mdr, ESME_S2, "4.8.1", "Daily", LocalDate.parse("2027-01-01"), null));
        // 10 executions of the MDR's 4.8.1 schedule, 2 of them failed (the 14th and 15th of January)
        for (int day = 6; day <= 15; day++) {
            h.record(new Execution("S1", LocalDate.of(2027, 1, day), day >= 14 ? Execution.Result.FAILED : Execution.Result.SUCCESS));
        }
        // 4.1.1 is not an MHHS data SRV: its schedule history does not count
        h.record(new Schedule("S2", is, ESME_S2, "4.1.1", null, LocalDate.parse("2027-01-01"), null));
        h.record(new Execution("S2", LocalDate.parse("2027-01-10"), Execution.Result.SUCCESS));

        CoreValidator v = Fixtures.validator(Fixtures.baseContext().schedules(h).build());
        ValidationSettings s = ValidationSettings.defaults().at(Instant.parse("2027-01-16T10:00:00Z")).h313a(Severity.WARNING);
        ComplianceMonitor m = new ComplianceMonitor();
        m.addHistory(h);
        // MDR: 2 compliant retries (days covered by the failures), 1 non-compliant (a day that succeeded)
        m.add(v.validate(Requests.request(mdr, "4.8.1", ESME_S2).readLog("2027-01-13T00:00:00Z", "2027-01-14T00:00:00Z").build(), s));
        m.add(v.validate(Requests.request(mdr, "4.8.1", ESME_S2).readLog("2027-01-14T00:00:00Z", "2027-01-15T00:00:00Z").build(), s));
        m.add(v.validate(Requests.request(mdr, "4.8.1", ESME_S2).readLog("2027-01-10T00:00:00Z", "2027-01-11T00:00:00Z").build(), s));
        // MDR: one schedule created for 4.6.1, one on-demand 4.6.1 with no schedule
        m.add(v.validate(Requests.request(mdr, "5.1", ESME_S2).schedules("4.6.1", "2027-02-01", null).build(), s));
        m.add(v.validate(Requests.request(mdr, "4.6.1", ESME_S2).build(), s));
        // IS business as usual: not MHHS, not counted
        m.add(v.validate(Requests.request(is, "4.8.1", ESME_S2).build(), s));

        MonitorReport r = m.report(0.2);
        assertThat(r.rows()).extracting(MonitorReport.Row::srv).containsExactly("4.6.1", "4.8.1");
        MonitorReport.Row r481 = r.rows().get(1);
        assertThat(r481.executions()).isEqualTo(10);
        assertThat(r481.failedExecutions()).isEqualTo(2);
        assertThat(r481.onDemand()).isEqualTo(3);
        assertThat(r481.compliantRetries()).isEqualTo(2);
        assertThat(r481.nonCompliant()).isEqualTo(1);
        assertThat(r481.onDemandShare()).isEqualTo(3.0 / 13);
        MonitorReport.Row r461 = r.rows().get(0);
        assertThat(r461.schedulesCreated()).isEqualTo(1);
        assertThat(r461.onDemand()).isEqualTo(1);
        assertThat(r461.nonCompliant()).isEqualTo(1);
        assertThat(r.users()).singleElement().satisfies(u -> {
            assertThat(u.total().onDemand()).isEqualTo(4);
            assertThat(u.total().executions()).isEqualTo(10);
            assertThat(u.flagged()).isTrue(); // 4/14 = 28.6% > 20%
        });
        assertThat(m.report(0.3).flagged()).isEmpty(); // 28.6% <= 30%

        StringWriter csv = new StringWriter();
        MonitorWriter.csv(r, csv);
        assertThat(csv.toString().lines()).hasSize(4).first().asString().startsWith("user_id,srv");
        StringWriter json = new StringWriter();
        MonitorWriter.json(r, json);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString())
                .at("/users/0/total/onDemand").asLong()).isEqualTo(4);
    }
}
