package io.duisvalidator.schedulefirst;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.InMemoryScheduleHistory;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.Decision;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.duisvalidator.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** SEC H3.13A (issue 4): an MHHS on-demand request is compliant only as a retry of a failed scheduled read. */
class ScheduleFirstTest {
    static final ValidationSettings STRICT = ValidationSettings.defaults().at(Instant.parse("2027-01-15T10:00:00Z"));
    static final String MDR = USER.get(Role.MDR);

    private static InMemoryScheduleHistory history() {
        InMemoryScheduleHistory h = new InMemoryScheduleHistory();
        h.record(new Schedule("S481", MDR, ESME_S2, "4.8.1", "Daily", LocalDate.parse("2027-01-01"), null));
        h.record(new Schedule("S461", MDR, ESME_S2, "4.6.1", "Daily", LocalDate.parse("2027-01-01"), null));
        h.record(new Schedule("S481-OTHER-DEVICE", MDR, ESME_S1, "4.8.1", "Daily", LocalDate.parse("2027-01-01"), null));
        h.record(new Schedule("S42", MDR, ESME_S2, "4.2", "Daily", LocalDate.parse("2027-01-01"), null));
        h.record(new Schedule("S-IS", USER.get(Role.IS), ESME_S2, "4.8.1", "Daily", LocalDate.parse("2027-01-01"), null));
        return h;
    }

    private static Decision judge(InMemoryScheduleHistory h, DuisRequest r, ValidationSettings s) {
        Context ctx = Fixtures.baseContext().schedules(h).build();
        return Fixtures.validator(ctx).validate(r, s);
    }

    /** MDR on-demand 4.8.1 reading 14 January (the data a Daily execution on 15 January collects). */
    private static DuisRequest mdr481() {
        return Requests.request(MDR, "4.8.1", ESME_S2).readLog("2027-01-14T00:00:00Z", "2027-01-15T00:00:00Z").build();
    }

    private static void execute(InMemoryScheduleHistory h, String schedule, String date, Execution.Result r) {
        h.record(new Execution(schedule, LocalDate.parse(date), r));
    }

    @Nested
    class MdrOnDemand481 {
        @Test
        void withNoScheduleIsRejected() {
            Decision d = judge(new InMemoryScheduleHistory(), mdr481(), STRICT);
            assertThat(d.responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void withNoHistoryAtAllIsRejected() {
            Decision d = Fixtures.validator(Fixtures.baseContext().build()).validate(mdr481(), STRICT);
            assertThat(d.responseCode()).isEqualTo("DV-H3.13A");
            assertThat(d.findings().get(0).message()).contains("no schedule history was supplied");
        }

        @Test
        void withOnlySuccessfulExecutionsIsRejected() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-01-14", Execution.Result.SUCCESS);
            execute(h, "S481", "2027-01-15", Execution.Result.SUCCESS);
            assertThat(judge(h, mdr481(), STRICT).responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void withAFailedExecutionForTheSameDayIsAccepted() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-01-15", Execution.Result.FAILED);
            Decision d = judge(h, mdr481(), STRICT);
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.firedRules()).contains("H313A-RETRY");
        }

        @Test
        void withAFailedExecutionForAnotherDeviceIsRejected() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481-OTHER-DEVICE", "2027-01-15", Execution.Result.FAILED);
            assertThat(judge(h, mdr481(), STRICT).responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void withAFailedExecutionForAnotherSrvIsRejected() {
            InMemoryScheduleHistory h = history();
            execute(h, "S461", "2027-01-15", Execution.Result.FAILED);
            assertThat(judge(h, mdr481(), STRICT).responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void withAFailedExecutionForANonOverlappingPeriodIsRejected() {
            InMemoryScheduleHistory h = history();
            // executed on the 14th: collects the 13th, which the request (the 14th) does not read
            execute(h, "S481", "2027-01-14", Execution.Result.FAILED);
            assertThat(judge(h, mdr481(), STRICT).responseCode()).isEqualTo("DV-H3.13A");
            // executed on the 16th: collects the 15th
            InMemoryScheduleHistory h2 = history();
            execute(h2, "S481", "2027-01-16", Execution.Result.FAILED);
            assertThat(judge(h2, mdr481(), STRICT).responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void withAPartialExecutionIsAccepted() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-01-15", Execution.Result.PARTIAL);
            assertThat(judge(h, mdr481(), STRICT).responseCode()).isEqualTo("I99");
        }

        @Test
        void anotherUsersFailedScheduleDoesNotCount() {
            InMemoryScheduleHistory h = history();
            execute(h, "S-IS", "2027-01-15", Execution.Result.FAILED);
            assertThat(judge(h, mdr481(), STRICT).responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void aLateRetryIsCompliantWithAnInfo() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-01-15", Execution.Result.FAILED);
            ValidationSettings eightDaysLater = STRICT.at(Instant.parse("2027-01-23T10:00:00Z"));
            ValidationSettings sevenDaysLater = STRICT.at(Instant.parse("2027-01-22T10:00:00Z"));
            Decision late = judge(h, mdr481(), eightDaysLater);
            assertThat(late.responseCode()).isEqualTo("I99");
            assertThat(late.findings()).anySatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("H313A-STALE-RETRY");
                assertThat(f.severity()).isEqualTo(Severity.INFO);
            });
            assertThat(judge(h, mdr481(), sevenDaysLater).findings()).noneMatch(f -> f.ruleId().equals("H313A-STALE-RETRY"));
        }
    }

    @Test
    void srv42IsCoveredByAFailureOnTheRequestDateOrTheDayBefore() {
        DuisRequest r = Requests.request(MDR, "4.2", ESME_S2).build();
        for (String[] c : List.of(new String[]{"2027-01-15", "I99"}, new String[]{"2027-01-14", "I99"},
                new String[]{"2027-01-13", "DV-H3.13A"})) {
            InMemoryScheduleHistory h = history();
            execute(h, "S42", c[0], Execution.Result.FAILED);
            assertThat(judge(h, r, STRICT).responseCode()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void srv411IsExempt() {
        DuisRequest r = Requests.request(MDR, "4.1.1", ESME_S1).build();
        Decision d = judge(new InMemoryScheduleHistory(), r, STRICT);
        assertThat(d.responseCode()).isEqualTo("I99");
        assertThat(d.firedRules()).contains("H313A-4.1.1-EXEMPT");
    }

    @Nested
    class Suppliers {
        private final DuisRequest is481 = Requests.request(USER.get(Role.IS), "4.8.1", ESME_S2)
                .readLog("2027-01-14T00:00:00Z", "2027-01-15T00:00:00Z").build();

        @Test
        void businessAsUsualGoesOnDemandWithoutFinding() {
            Decision d = judge(new InMemoryScheduleHistory(), is481, STRICT);
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.findings()).isEmpty();
        }

        @Test
        void mhhsPurposeIsJudgedLikeAnMdr() {
            ValidationSettings mhhs = STRICT.purpose(ValidationSettings.Purpose.MHHS);
            assertThat(judge(new InMemoryScheduleHistory(), is481, mhhs).responseCode()).isEqualTo("DV-H3.13A");
            InMemoryScheduleHistory h = history();
            execute(h, "S-IS", "2027-01-15", Execution.Result.FAILED);
            assertThat(judge(h, is481, mhhs).responseCode()).isEqualTo("I99");
        }
    }

    @Test
    void theWarningPolicyTurnsEveryRejectionIntoAnAcceptanceWithAWarningAndNothingElse() {
        ValidationSettings warn = STRICT.h313a(Severity.WARNING);
        for (DuisRequest r : List.of(mdr481(), Requests.request(MDR, "4.2", ESME_S2).build(),
                Requests.request(MDR, "4.6.1", ESME_S1).build())) {
            Decision strict = judge(new InMemoryScheduleHistory(), r, STRICT);
            Decision warned = judge(new InMemoryScheduleHistory(), r, warn);
            assertThat(strict.responseCode()).isEqualTo("DV-H3.13A");
            assertThat(warned.responseCode()).isEqualTo("I99");
            assertThat(warned.trtSeconds()).isEqualTo(86400L);
            assertThat(warned.findings()).hasSameSizeAs(strict.findings());
            assertThat(warned.findings()).allSatisfy(f -> {
                if (f.code().equals("DV-H3.13A")) assertThat(f.severity()).isEqualTo(Severity.WARNING);
            });
            assertThat(warned.firedRules()).isEqualTo(strict.firedRules());
        }
        // and leaves other rejections alone
        Decision e2 = judge(new InMemoryScheduleHistory(), Requests.request(MDR, "6.15.2", ESME_S2).build(), warn);
        assertThat(e2.responseCode()).isEqualTo("E2");
    }

    @Nested
    class Ownership {
        @Test
        void ownScheduleIsAcceptedOthersAndUnknownAreDvSchedule() {
            InMemoryScheduleHistory h = history();
            for (String srv : new String[]{"5.2", "5.3"}) {
                assertThat(judge(h, Requests.request(MDR, srv, ESME_S2).scheduleId("S481").build(), STRICT).responseCode()).isEqualTo("I99");
                assertThat(judge(h, Requests.request(MDR, srv, ESME_S2).scheduleId("S-IS").build(), STRICT).responseCode()).isEqualTo("DV-SCHEDULE");
                assertThat(judge(h, Requests.request(MDR, srv, ESME_S2).scheduleId("NOPE").build(), STRICT).responseCode()).isEqualTo("DV-SCHEDULE");
            }
        }

        @Test
        void byDeviceTheRequesterNeedsAScheduleForIt() {
            InMemoryScheduleHistory h = history();
            assertThat(judge(h, Requests.request(MDR, "5.2", ESME_S2).build(), STRICT).responseCode()).isEqualTo("I99");
            assertThat(judge(h, Requests.request(USER.get(Role.ES), "5.2", ESME_S2).build(), STRICT).responseCode()).isEqualTo("DV-SCHEDULE");
        }

        @Test
        void withoutHistoryAnInfoSaysOwnershipWasNotChecked() {
            Decision d = Fixtures.validator(Fixtures.baseContext().build())
                    .validate(Requests.request(MDR, "5.3", ESME_S2).scheduleId("S481").build(), STRICT);
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.message()).contains("not checked");
            });
        }
    }
}
