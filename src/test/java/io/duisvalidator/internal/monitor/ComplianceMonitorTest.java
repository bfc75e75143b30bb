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
    static final Instant AT = Instant.parse("2027-01-16T10:00:00Z"); // Saturday of ISO week 2027-W02
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
        ValidationSettings s = ValidationSettings.defaults().at(AT).h313a(Severity.WARNING);
        ComplianceMonitor m = new ComplianceMonitor(Period.WEEK);
        m.addHistory(h);
        // MDR: 2 compliant retries (days covered by the failures), 1 non-compliant (a day that succeeded)
        m.add(v.validate(Requests.request(mdr, "4.8.1", ESME_S2).readLog("2027-01-13T00:00:00Z", "2027-01-14T00:00:00Z").build(), s), AT, ComplianceMonitor.DateSource.SCENARIO);
        m.add(v.validate(Requests.request(mdr, "4.8.1", ESME_S2).readLog("2027-01-14T00:00:00Z", "2027-01-15T00:00:00Z").build(), s), AT, ComplianceMonitor.DateSource.SCENARIO);
        m.add(v.validate(Requests.request(mdr, "4.8.1", ESME_S2).readLog("2027-01-10T00:00:00Z", "2027-01-11T00:00:00Z").build(), s), AT, ComplianceMonitor.DateSource.SCENARIO);
        // MDR: one schedule created for 4.6.1, one on-demand 4.6.1 with no schedule
        m.add(v.validate(Requests.request(mdr, "5.1", ESME_S2).schedules("4.6.1", "2027-02-01", null).build(), s), AT, ComplianceMonitor.DateSource.SCENARIO);
        m.add(v.validate(Requests.request(mdr, "4.6.1", ESME_S2).build(), s), AT, ComplianceMonitor.DateSource.SCENARIO);
        // IS business as usual: not MHHS, not counted
        m.add(v.validate(Requests.request(is, "4.8.1", ESME_S2).build(), s), AT, ComplianceMonitor.DateSource.SCENARIO);

        MonitorReport r = m.report(0.2, 2.0);
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
            assertThat(u.flagged()).isTrue();
            // executions of the 6th-10th fall in 2027-W01 (5, none failed), of the 11th-15th and the requests in W02
            assertThat(u.periods()).extracting(p -> p.total().period()).containsExactly("2027-W01", "2027-W02");
            assertThat(u.periods().get(0).total().executions()).isEqualTo(5);
            assertThat(u.periods().get(0).total().onDemandShare()).isEqualTo(0.0);
            assertThat(u.periods().get(1).total().onDemand()).isEqualTo(4);
            assertThat(u.periods().get(1).total().failedExecutions()).isEqualTo(2);
            assertThat(u.periods().get(1).total().onDemandShare()).isEqualTo(4.0 / 9);
            assertThat(u.periods().get(1).baseline()).isEqualTo(0.0);
            // 4/9 = 44.4%: above 20%, and above 2 x the baseline (0%, taken as the 1% floor)
            assertThat(u.flags()).extracting(MonitorReport.Flag::kind, MonitorReport.Flag::period).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(MonitorReport.Kind.THRESHOLD, "2027-W02"),
                    org.assertj.core.groups.Tuple.tuple(MonitorReport.Kind.RISE, "2027-W02"));
        });
        assertThat(m.report(0.45, 50).flagged()).isEmpty(); // 44.4% <= 45% and <= 50 x 1%
        assertThat(m.report(0.44, 50).flagged()).hasSize(1); // 44.4% > 44%
        assertThat(m.report(0.45, 44).flagged()).hasSize(1); // 44.4% > 44 x 1%

        StringWriter csv = new StringWriter();
        MonitorWriter.csv(r, csv);
        // header, 2 SRV rows and the User's total over the whole corpus; then W01 (4.8.1 and the total), W02 (2 SRVs and the total)
        assertThat(csv.toString().lines()).hasSize(1 + 3 + 2 + 3).first().asString().startsWith("user_id,srv");
        StringWriter json = new StringWriter();
        MonitorWriter.json(r, json);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toString())
                .at("/users/0/total/onDemand").asLong()).isEqualTo(4);
    }
}
