package io.duisvalidator.access;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.core.ScheduleExecutions;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Role;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.duisvalidator.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** "When will my schedule start failing?" answered date by date. */
class ScheduleExecutionsTest {
    private final Context ctx = Fixtures.bareContext()
            .appointment(new Appointment(MPAN_IMPORT_S2, Role.MDR, PARTY.get(Role.MDR), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-10")))
            .appointment(new Appointment(MPAN_IMPORT_S2, Role.MDR, PARTY.get(Role.MDR), LocalDate.parse("2027-01-11"), LocalDate.parse("2027-01-20")))
            .build();
    private final CoreValidator v = Fixtures.validator(ctx);

    @Test
    void dailyExecutionsPassWhileAppointedBackToBackAndFailAfter() {
        List<ScheduleExecutions.ExecutionCheck> c = ScheduleExecutions.explain(v,
                Requests.request(USER.get(Role.MDR), "5.1", ESME_S2).schedules("4.8.1", "2027-01-05", "2027-01-25").build(),
                null, null, Fixtures.settings());
        assertThat(c).hasSize(21);
        assertThat(c).filteredOn(ScheduleExecutions.ExecutionCheck::passes).hasSize(16); // 5th .. 20th
        assertThat(c.get(15).date()).isEqualTo(LocalDate.parse("2027-01-20"));
        assertThat(c.get(16).passes()).isFalse();
        assertThat(c.get(16).reason()).contains("2027-01-21", "ended on 2027-01-20");
    }

    @Test
    void weeklyExecutionsFollowTheFrequencyAndTheRange() {
        CreateScheduleBody weekly = new CreateScheduleBody("Weekly", LocalDate.parse("2027-01-01"), null, null, "4.8",
                "4.8.1", ESME_S2, "DSPReadActiveImportProfileData", -7, 0);
        List<ScheduleExecutions.ExecutionCheck> c = ScheduleExecutions.explain(v,
                Requests.request(USER.get(Role.MDR), "5.1", ESME_S2).schedule(weekly).build(),
                LocalDate.parse("2027-01-08"), LocalDate.parse("2027-01-31"), Fixtures.settings());
        assertThat(c).extracting(ScheduleExecutions.ExecutionCheck::date).containsExactly(
                LocalDate.parse("2027-01-08"), LocalDate.parse("2027-01-15"), LocalDate.parse("2027-01-22"), LocalDate.parse("2027-01-29"));
        assertThat(c).extracting(ScheduleExecutions.ExecutionCheck::passes).containsExactly(true, true, false, false);
    }
}
