package io.duisvalidator.access;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.Decision;
import io.duisvalidator.Severity;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static io.duisvalidator.support.Fixtures.PARTY;
import static io.duisvalidator.support.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

/** Effective-dated access control (issue 3): E4 on both sides of each boundary. */
class AccessControlTest {
    static final String ESME = "00-11-22-33-44-55-0A-01";
    static final String ESME_NO_EXPORT = "00-11-22-33-44-55-0A-02";
    static final String IMPORT = "1312345678907";
    static final String EXPORT = "2499999999991";
    static final String MDR2 = "90-B3-D5-1F-30-01-00-99";

    private static Context.Builder world() {
        Context.Builder b = Fixtures.bareContext();
        b.user(MDR2, Role.MDR, "PMDR2");
        b.device(new Device(ESME, "ESME", "Commissioned", 2, IMPORT, EXPORT));
        b.device(new Device(ESME_NO_EXPORT, "ESME", "Commissioned", 2, IMPORT, null));
        return b;
    }

    private static Appointment mdr(String mpan, String from, String to) {
        return new Appointment(mpan, Role.MDR, PARTY.get(Role.MDR), LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static Decision onDemand(Context ctx, String userId, String srv, String device, String at) {
        return Fixtures.validator(ctx).validate(Requests.request(userId, srv, device).build(),
                Fixtures.settings().at(Instant.parse(at)));
    }

    @Nested
    class Boundaries {
        private final Context ctx = world().appointment(mdr(IMPORT, "2027-03-10", "2027-03-20")).build();

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "2027-03-09T12:00:00Z, E4",   // the day before Effective From
                "2027-03-10T12:00:00Z, I99",  // Effective From
                "2027-03-20T12:00:00Z, I99",  // Effective To (inclusive)
                "2027-03-21T12:00:00Z, E4"})  // the day after
        void effectiveFromAndToAreInclusive(String at, String code) {
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, at).responseCode()).isEqualTo(code);
        }

        @Test
        void anOpenEndedAppointmentNeverEnds() {
            Context open = world().appointment(mdr(IMPORT, "2027-03-10", null)).build();
            assertThat(onDemand(open, USER.get(Role.MDR), "4.8.1", ESME, "2099-12-31T12:00:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(open, USER.get(Role.MDR), "4.8.1", ESME, "2027-03-09T12:00:00Z").responseCode()).isEqualTo("E4");
        }

        @Test
        void theMessageSaysWhetherTheAppointmentEndedOrHasNotStarted() {
            Decision after = onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-03-21T12:00:00Z");
            assertThat(after.findings().get(0).message()).contains(IMPORT, "2027-03-21", "ended on 2027-03-20");
            Decision before = onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-03-09T12:00:00Z");
            assertThat(before.findings().get(0).message()).contains("starts on 2027-03-10");
            Decision never = onDemand(ctx, MDR2, "4.8.1", ESME, "2027-03-15T12:00:00Z");
            assertThat(never.findings().get(0).message()).contains("PMDR2", "has no appointment");
        }

        @Test
        void aFutureDatedRequestIsJudgedAtItsExecutionDate() {
            CoreValidator v = Fixtures.validator(ctx);
            Requests.Builder into = Requests.request(USER.get(Role.MDR), "4.8.1", ESME).executeAt("2027-03-12T09:00:00Z");
            Requests.Builder beyond = Requests.request(USER.get(Role.MDR), "4.8.1", ESME).executeAt("2027-03-21T09:00:00Z");
            assertThat(v.validate(into.build(), Fixtures.settings().at(Instant.parse("2027-03-01T12:00:00Z"))).responseCode()).isEqualTo("I99");
            assertThat(v.validate(beyond.build(), Fixtures.settings().at(Instant.parse("2027-03-15T12:00:00Z"))).responseCode()).isEqualTo("E4");
        }
    }

    @Nested
    class ChangeOfSupplier {
        @Test
        void theSameMdrDeAppointedAndReAppointedIsCoveredOnBothSides() {
            Context ctx = world().appointment(mdr(IMPORT, "2027-01-01", "2027-03-31"))
                    .appointment(mdr(IMPORT, "2027-04-01", null)).build();
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-03-31T12:00:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-04-01T12:00:00Z").responseCode()).isEqualTo("I99");
        }

        @Test
        void aDifferentPartyAppointedTheNextDayTakesOver() {
            Context ctx = world().appointment(mdr(IMPORT, "2027-01-01", "2027-03-31"))
                    .appointment(new Appointment(IMPORT, Role.MDR, "PMDR2", LocalDate.parse("2027-04-01"), null)).build();
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-04-01T12:00:00Z").responseCode()).isEqualTo("E4");
            assertThat(onDemand(ctx, MDR2, "4.8.1", ESME, "2027-04-01T12:00:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(ctx, MDR2, "4.8.1", ESME, "2027-03-31T12:00:00Z").responseCode()).isEqualTo("E4");
        }

        @Test
        void overlappingMdrsOfDifferentPartiesAreReportedWhenLoaded() {
            Context ctx = world().appointment(mdr(IMPORT, "2027-01-01", "2027-04-02"))
                    .appointment(new Appointment(IMPORT, Role.MDR, "PMDR2", LocalDate.parse("2027-04-01"), null)).build();
            assertThat(ctx.warnings()).singleElement().asString().contains("overlapping MDR", IMPORT, "PMDR", "PMDR2");
            Context apart = world().appointment(mdr(IMPORT, "2027-01-01", "2027-03-31"))
                    .appointment(new Appointment(IMPORT, Role.MDR, "PMDR2", LocalDate.parse("2027-04-01"), null)).build();
            assertThat(apart.warnings()).isEmpty();
        }
    }

    @Nested
    class LondonDates {
        // British Summer Time 2027 ends at 01:00 UTC on Sunday 31 October.
        private final Context ctx = world().appointment(mdr(IMPORT, "2027-10-31", null)).build();

        @Test
        void twentyThreeThirtyZuluOnTheLastDayOfBstIsAlreadyTheNextLondonDay() {
            // 2027-10-30T23:30Z is 00:30 BST on 31 October: the first day of the appointment
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-10-30T23:30:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME, "2027-10-30T22:59:00Z").responseCode()).isEqualTo("E4");
        }

        @Test
        void halfPastMidnightLocalOnTheFirstDayAfterTheClockChange() {
            Context winter = world().appointment(mdr(IMPORT, "2027-11-01", null)).build();
            // 00:30 GMT on 1 November is 00:30Z; 23:30Z the evening before is still 31 October
            assertThat(onDemand(winter, USER.get(Role.MDR), "4.8.1", ESME, "2027-11-01T00:30:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(winter, USER.get(Role.MDR), "4.8.1", ESME, "2027-10-31T23:30:00Z").responseCode()).isEqualTo("E4");
        }

        @Test
        void halfPastMidnightLocalOnTheFirstDayBeforeTheClockChange() {
            Context summer = world().appointment(mdr(IMPORT, "2027-07-01", null)).build();
            // 00:30 BST on 1 July is 23:30Z on 30 June
            assertThat(onDemand(summer, USER.get(Role.MDR), "4.8.1", ESME, "2027-06-30T23:30:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(summer, USER.get(Role.MDR), "4.8.1", ESME, "2027-06-30T22:30:00Z").responseCode()).isEqualTo("E4");
        }
    }

    @Nested
    class MpanSides {
        @ParameterizedTest(name = "{0} reads the {1} MPAN")
        @CsvSource({"4.1.1, import", "4.6.1, import", "4.8.1, import", "4.17, import",
                "4.2, export", "4.6.2, export", "4.8.3, export"})
        void eachDataSrvReadsItsSide(String srv, String side) {
            String mpan = side.equals("import") ? IMPORT : EXPORT;
            String other = side.equals("import") ? EXPORT : IMPORT;
            Context onSide = world().appointment(mdr(mpan, "2027-01-01", null)).build();
            Context otherSide = world().appointment(mdr(other, "2027-01-01", null)).build();
            // 4.1.1 is N/A for the MDR on SMETS2: use the ES/IS suppliers' rules for the same side through an MDR on SMETS1
            String device = ESME;
            if (srv.equals("4.1.1")) {
                onSide = Context.builder().user(USER.get(Role.MDR), Role.MDR, PARTY.get(Role.MDR))
                        .device(new Device(ESME, "ESME", "Commissioned", 1, IMPORT, EXPORT))
                        .appointment(mdr(mpan, "2027-01-01", null)).build();
                otherSide = Context.builder().user(USER.get(Role.MDR), Role.MDR, PARTY.get(Role.MDR))
                        .device(new Device(ESME, "ESME", "Commissioned", 1, IMPORT, EXPORT))
                        .appointment(mdr(other, "2027-01-01", null)).build();
            }
            assertThat(onDemand(onSide, USER.get(Role.MDR), srv, device, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("I99");
            Decision d = onDemand(otherSide, USER.get(Role.MDR), srv, device, "2027-02-01T12:00:00Z");
            assertThat(d.responseCode()).isEqualTo("E4");
            assertThat(d.findings().get(0).message()).contains(mpan);
        }

        @Test
        void anEsmeWithoutExportMpanHasNoExportData() {
            Context ctx = world().appointment(mdr(IMPORT, "2027-01-01", null)).build();
            Decision d = onDemand(ctx, USER.get(Role.MDR), "4.8.3", ESME_NO_EXPORT, "2027-02-01T12:00:00Z");
            assertThat(d.responseCode()).isEqualTo("E4");
            assertThat(d.findings().get(0).message()).contains("no export MPAN");
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", ESME_NO_EXPORT, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("I99");
        }

        @Test
        void anMdrOrSupplierReachesOnlyEsme() {
            Context ctx = Fixtures.baseContext().build();
            assertThat(onDemand(ctx, USER.get(Role.MDR), "4.8.1", Fixtures.GSME_S2, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("E4");
            assertThat(onDemand(ctx, USER.get(Role.IS), "4.8.1", Fixtures.GSME_S2, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("E4");
            assertThat(onDemand(ctx, USER.get(Role.GS), "4.8.1", Fixtures.GSME_S2, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("I99");
        }
    }

    @Nested
    class Suppliers {
        @Test
        void anImportSupplierMustBeRegisteredOnTheDate() {
            Context ctx = world().appointment(new Appointment(IMPORT, Role.IS, PARTY.get(Role.IS),
                    LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-31"))).build();
            assertThat(onDemand(ctx, USER.get(Role.IS), "4.8.1", ESME, "2027-01-31T12:00:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(ctx, USER.get(Role.IS), "4.8.1", ESME, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("E4");
        }

        @Test
        void anMdrAppointmentDoesNotOpenTheMeterToTheSameRoleOfAnotherKind() {
            // the ES party holds an MDR row, not an ES row: it is not the Export Supplier
            Context ctx = world().appointment(new Appointment(EXPORT, Role.MDR, PARTY.get(Role.ES), LocalDate.parse("2027-01-01"), null)).build();
            assertThat(onDemand(ctx, USER.get(Role.ES), "4.8.3", ESME, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("E4");
        }

        @Test
        void otherRolesAreNotCheckedAgainstRegistrationData() {
            Context ctx = world().build();
            assertThat(onDemand(ctx, USER.get(Role.ED), "4.8.1", ESME, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("I99");
            assertThat(onDemand(ctx, USER.get(Role.OU), "4.8.3", ESME, "2027-02-01T12:00:00Z").responseCode()).isEqualTo("I99");
        }
    }

    @Nested
    class Schedules {
        private final Context ctx = world().appointment(mdr(IMPORT, "2027-03-10", "2027-06-30")).build();

        private Decision schedule(String start, String end) {
            return Fixtures.validator(ctx).validate(Requests.request(USER.get(Role.MDR), "5.1", ESME)
                    .schedules("4.8.1", start, end).build(), Fixtures.settings().at(Instant.parse("2027-03-01T12:00:00Z")));
        }

        @Test
        void aScheduleMayBeCreatedBeforeEffectiveFromIfItStartsOnOrAfterIt() {
            assertThat(schedule("2027-03-10", "2027-06-30").responseCode()).isEqualTo("I99");
            assertThat(schedule("2027-03-09", "2027-06-30").responseCode()).isEqualTo("E4");
        }

        @Test
        void aScheduleThatOutlivesTheAppointmentIsAcceptedWithAWarning() {
            Decision within = schedule("2027-03-10", "2027-06-30");
            assertThat(within.findings()).noneMatch(f -> f.severity() == Severity.WARNING);
            Decision past = schedule("2027-03-10", "2027-07-01");
            assertThat(past.responseCode()).isEqualTo("I99");
            assertThat(past.findings()).anySatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("from 2027-07-01");
            });
            Decision openEnded = schedule("2027-03-10", null);
            assertThat(openEnded.findings()).anySatisfy(f -> assertThat(f.message()).contains("from 2027-07-01"));
        }

        /** Issue 12: a 5.1 is judged from the later of ScheduleStartDate and the London receipt date. */
        private Decision receivedOn(String at, String start, String end) {
            return Fixtures.validator(ctx).validate(Requests.request(USER.get(Role.MDR), "5.1", ESME)
                    .schedules("4.8.1", start, end).build(), Fixtures.settings().at(Instant.parse(at)));
        }

        @Test
        void aScheduleStartingInThePastIsJudgedOnItsReceiptDate() {
            // starts inside the appointment, received after it ended: E4 (it was accepted with a warning before)
            assertThat(receivedOn("2027-07-01T09:00:00Z", "2027-06-01", null).responseCode()).isEqualTo("E4");
            // received on the last day of the appointment: judged that day, appointed
            assertThat(receivedOn("2027-06-30T09:00:00Z", "2027-06-01", null).responseCode()).isEqualTo("I99");
            // starts before Effective From, received once the appointment runs: judged on the receipt date, appointed
            assertThat(receivedOn("2027-03-10T09:00:00Z", "2027-03-01", "2027-06-30").responseCode()).isEqualTo("I99");
            assertThat(receivedOn("2027-03-09T09:00:00Z", "2027-03-01", "2027-06-30").responseCode()).isEqualTo("E4");
            // the E4 message names the receipt date, not the start date
            assertThat(receivedOn("2027-07-01T09:00:00Z", "2027-06-01", null).findings().get(0).message())
                    .contains("on 2027-07-01 (London)");
        }

        @Test
        void theReceiptDateIsTheLondonDate() {
            // 23:30Z on 30 June is already 1 July in London (BST): not appointed any more
            assertThat(receivedOn("2027-06-30T23:30:00Z", "2027-06-01", null).responseCode()).isEqualTo("E4");
            assertThat(receivedOn("2027-06-30T22:30:00Z", "2027-06-01", null).responseCode()).isEqualTo("I99");
        }

        @Test
        void theOutlivesWarningCountsFromTheFirstDayTheScheduleCanRun() {
            Decision d = receivedOn("2027-06-20T09:00:00Z", "2027-01-01", null);
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.message()).contains("from 2027-07-01");
            });
        }

        @Test
        void aScheduleThatEndsBeforeItIsReceivedCanNeverRun() {
            Decision ended = receivedOn("2027-05-11T09:00:00Z", "2027-04-01", "2027-05-10");
            assertThat(ended.responseCode()).isEqualTo("DV-SCHEDULE");
            assertThat(ended.findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("SCHED-ENDS-BEFORE-RECEIPT");
                assertThat(f.message()).contains("2027-05-10", "2027-05-11", "can never run");
            });
            // ends on the receipt date: runs once, that day
            assertThat(receivedOn("2027-05-10T09:00:00Z", "2027-04-01", "2027-05-10").responseCode()).isEqualTo("I99");
        }

        @Test
        void readAndDeleteScheduleAndReadInventoryAreNotCheckedAgainstRegistrationData() {
            Context none = world().build();
            for (String srv : new String[]{"5.2", "5.3", "8.2"}) {
                Decision d = Fixtures.validator(none).validate(Requests.request(USER.get(Role.MDR), srv, ESME).build(),
                        Fixtures.settings());
                assertThat(d.findings()).as(srv).noneMatch(f -> f.code().equals("E4"));
            }
        }
    }
}
