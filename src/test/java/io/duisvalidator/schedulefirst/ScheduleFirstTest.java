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

    /** Issue 12, item 1 (docs/decisions.md D-H313A-RETRY): a failure after the request is not a retry. */
    @Nested
    class RetryFollowsTheFailure {
        /** Received 13 February 10:00 for 13 February's data, which the daily read of 14 February collects. */
        private final ValidationSettings feb13 = STRICT.at(Instant.parse("2027-02-13T10:00:00Z"));

        private DuisRequest reading(String day) {
            LocalDate d = LocalDate.parse(day);
            return Requests.request(MDR, "4.8.1", ESME_S2).readLog(d + "T00:00:00Z", d.plusDays(1) + "T00:00:00Z").build();
        }

        @Test
        void aFailureDatedAfterTheReceiptDateNeverCounts() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-02-14", Execution.Result.FAILED);
            Decision d = judge(h, reading("2027-02-13"), feb13);
            assertThat(d.responseCode()).isEqualTo("DV-H3.13A");
            assertThat(d.findings().get(0).message()).contains("on or before the receipt date 2027-02-13", "2027-02-13 (London)");
        }

        @Test
        void aFailureOnTheReceiptDateCounts() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-02-13", Execution.Result.FAILED);
            assertThat(judge(h, reading("2027-02-12"), feb13).responseCode()).isEqualTo("I99");
            // the same failure, for a request received the day before it: not yet a failure
            assertThat(judge(h, reading("2027-02-12"), STRICT.at(Instant.parse("2027-02-12T23:59:59Z"))).responseCode())
                    .isEqualTo("DV-H3.13A");
        }

        @Test
        void theReceiptDateIsTheLondonDate() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-07-14", Execution.Result.FAILED);
            // 13 July, London (BST: 23:00Z to 23:00Z), the window of the execution of 14 July
            DuisRequest july13 = Requests.request(MDR, "4.8.1", ESME_S2)
                    .readLog("2027-07-12T23:00:00Z", "2027-07-13T23:00:00Z").build();
            // 23:30Z on 13 July is 14 July in London: the failure of 14 July had happened
            assertThat(judge(h, july13, STRICT.at(Instant.parse("2027-07-13T23:30:00Z"))).responseCode()).isEqualTo("I99");
            assertThat(judge(h, july13, STRICT.at(Instant.parse("2027-07-13T22:30:00Z"))).responseCode()).isEqualTo("DV-H3.13A");
        }

        @Test
        void aWeeklyFailureAfterTheRequestIsNotCreditedToIt() {
            InMemoryScheduleHistory h = new InMemoryScheduleHistory();
            h.record(new Schedule("W", MDR, ESME_S2, "4.8.1", "Weekly", LocalDate.parse("2027-02-03"), null));
            execute(h, "W", "2027-03-10", Execution.Result.FAILED); // window 3 - 9 March
            DuisRequest march4to6 = Requests.request(MDR, "4.8.1", ESME_S2)
                    .readLog("2027-03-04T00:00:00Z", "2027-03-06T00:00:00Z").build();
            assertThat(judge(h, march4to6, STRICT.at(Instant.parse("2027-03-07T10:00:00Z"))).responseCode()).isEqualTo("DV-H3.13A");
            assertThat(judge(h, march4to6, STRICT.at(Instant.parse("2027-03-10T10:00:00Z"))).responseCode()).isEqualTo("I99");
        }

        @Test
        void aFutureDated42CountsOnlyFailuresByItsReceipt() {
            InMemoryScheduleHistory h = history();
            execute(h, "S42", "2027-02-14", Execution.Result.FAILED);
            DuisRequest at15th = Requests.request(MDR, "4.2", ESME_S2).executeAt("2027-02-15T03:00:00Z").build();
            assertThat(judge(h, at15th, feb13).responseCode()).isEqualTo("DV-H3.13A");
            assertThat(judge(h, at15th, STRICT.at(Instant.parse("2027-02-14T10:00:00Z"))).responseCode()).isEqualTo("I99");
        }
    }

    /** Issue 12, item 2 (docs/decisions.md D-H313A-WINDOW): a retry asks only for what failed. */
    @Nested
    class RetryAsksOnlyForWhatFailed {
        private DuisRequest period(String start, String end) {
            return Requests.request(MDR, "4.8.1", ESME_S2).readLog(start, end).build();
        }

        /** FAILED on 10, 11 and 13 January (windows 9, 10, 12 January), SUCCESS on 12 January (window 11 January). */
        private InMemoryScheduleHistory failures() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-01-10", Execution.Result.FAILED);
            execute(h, "S481", "2027-01-11", Execution.Result.FAILED);
            execute(h, "S481", "2027-01-12", Execution.Result.SUCCESS);
            execute(h, "S481", "2027-01-13", Execution.Result.PARTIAL);
            return h;
        }

        @Test
        void adjacentFailedWindowsCoverAPeriodTogether() {
            Decision d = judge(failures(), period("2027-01-09T00:00:00Z", "2027-01-11T00:00:00Z"), STRICT);
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.firedRules()).contains("H313A-RETRY");
        }

        @Test
        void aPeriodReachingIntoCollectedDataIsNotARetryAndTheFindingNamesTheDates() {
            Decision d = judge(failures(), period("2027-01-09T00:00:00Z", "2027-01-13T00:00:00Z"), STRICT);
            assertThat(d.responseCode()).isEqualTo("DV-H3.13A");
            assertThat(d.firedRules()).contains("H313A-NOT-A-RETRY").doesNotContain("H313A-RETRY");
            assertThat(d.findings().get(0).message()).contains("covers the data of 2027-01-11 (London)")
                    .doesNotContain("2027-01-09").doesNotContain("2027-01-12");
        }

        @Test
        void aMonthForOneFailedDayNamesEveryUncoveredRange() {
            Decision d = judge(failures(), period("2026-12-15T00:00:00Z", "2027-01-15T00:00:00Z"), STRICT);
            assertThat(d.responseCode()).isEqualTo("DV-H3.13A");
            assertThat(d.findings().get(0).message())
                    .contains("the data of 2026-12-15 to 2027-01-08, 2027-01-11, 2027-01-13 to 2027-01-14 (London)");
        }

        @Test
        void theEndOfAFailedWindowIsTheBoundary() {
            // 10 January's window ends at 11 January 00:00; 11 January was collected
            assertThat(judge(failures(), period("2027-01-10T23:00:00Z", "2027-01-11T00:00:00Z"), STRICT).responseCode())
                    .isEqualTo("I99");
            assertThat(judge(failures(), period("2027-01-10T23:00:00Z", "2027-01-11T00:30:00Z"), STRICT).responseCode())
                    .isEqualTo("DV-H3.13A");
            // and its start: 9 January 00:00
            assertThat(judge(failures(), period("2027-01-09T00:00:00Z", "2027-01-09T01:00:00Z"), STRICT).responseCode())
                    .isEqualTo("I99");
            assertThat(judge(failures(), period("2027-01-08T23:30:00Z", "2027-01-09T01:00:00Z"), STRICT).responseCode())
                    .isEqualTo("DV-H3.13A");
        }

        @Test
        void anEmptyOrInvertedPeriodAsksForItsStart() {
            assertThat(judge(failures(), period("2027-01-09T06:00:00Z", "2027-01-09T06:00:00Z"), STRICT).responseCode())
                    .isEqualTo("I99");
            assertThat(judge(failures(), period("2027-01-11T06:00:00Z", "2027-01-10T06:00:00Z"), STRICT).responseCode())
                    .isEqualTo("DV-H3.13A");
        }

        @Test
        void theStaleNoteNeedsEveryRetriedFailureToBeLate() {
            InMemoryScheduleHistory h = history();
            execute(h, "S481", "2027-01-05", Execution.Result.FAILED); // window 4 January: 11 days before the 15th
            execute(h, "S481", "2027-01-06", Execution.Result.FAILED); // window 5 January: 10 days before
            Decision late = judge(h, period("2027-01-04T00:00:00Z", "2027-01-06T00:00:00Z"), STRICT);
            assertThat(late.responseCode()).isEqualTo("I99");
            assertThat(late.firedRules()).contains("H313A-STALE-RETRY");
            execute(h, "S481", "2027-01-10", Execution.Result.FAILED);
            Decision mixed = judge(h, period("2027-01-05T00:00:00Z", "2027-01-10T00:00:00Z"), STRICT);
            assertThat(mixed.responseCode()).isEqualTo("DV-H3.13A"); // 6 - 8 January never failed
            assertThat(mixed.firedRules()).doesNotContain("H313A-STALE-RETRY");
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
