package io.duisvalidator.internal.engine;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Role;
import io.duisvalidator.Decision;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static io.duisvalidator.support.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Each check of the validator core on both sides of its boundary. */
class CoreChecksTest {
    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());

    private Decision judge(Requests.Builder b) {
        return validator.validate(b.build(), Fixtures.settings());
    }

    private static Requests.Builder is481() {
        return Requests.request(USER.get(Role.IS), "4.8.1", ESME_S2);
    }

    @Test
    void aValidRequestIsAcceptedWithItsTrtAndNoErrorFinding() {
        Decision d = judge(is481());
        assertThat(d.responseCode()).isEqualTo("I99");
        assertThat(d.trtSeconds()).isEqualTo(5600L);
        assertThat(d.findings()).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(d.ruleSet().id()).isEqualTo("duis-mp162-rules");
        assertThat(d.mode()).isEqualTo("ON_DEMAND");
    }

    @Nested
    class Header {
        @Test
        void serviceReferenceMustPrefixTheSrv() {
            assertThat(judge(is481().serviceReference("4.8")).responseCode()).isEqualTo("I99");
            Decision d = judge(is481().serviceReference("4.6"));
            assertThat(d.responseCode()).isEqualTo("DV-HEADER");
            assertThat(d.findings().get(0).ruleId()).isEqualTo("HDR-4.8.1-SR");
        }

        @Test
        void bodyElementMustBeTheSrvs() {
            Decision d = judge(is481().body("ReadExportProfileData"));
            assertThat(d.responseCode()).isEqualTo("DV-HEADER");
            assertThat(d.findings()).extracting(f -> f.ruleId()).contains("HDR-4.8.1-BODY", "HDR-4.8.3-BODY-OWNER");
        }

        @Test
        void anSrvOutsideTheSetStillNeedsItsServiceReferenceAsPrefix() {
            Requests.Builder ok = Requests.request(USER.get(Role.IS), "6.15.2", ESME_S2).serviceReference("6.15");
            assertThat(judge(ok).responseCode()).isEqualTo("I99");
            Requests.Builder bad = Requests.request(USER.get(Role.IS), "6.15.2", ESME_S2).serviceReference("6.1");
            assertThat(judge(bad).responseCode()).isEqualTo("DV-HEADER");
        }

        @Test
        void aScheduleNamesItsScheduledSrvConsistently() {
            Requests.Builder ok = Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedules("4.8.1", "2027-02-01", null);
            assertThat(judge(ok).responseCode()).isEqualTo("I99");
            Requests.Builder wrongDsp = Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedule(new CreateScheduleBody(
                    "Daily", LocalDate.parse("2027-02-01"), null, null, "4.8", "4.8.1", ESME_S2,
                    "DSPRetrieveImportDailyReadLog", -1, 0));
            Decision d = judge(wrongDsp);
            assertThat(d.responseCode()).isEqualTo("DV-HEADER");
            assertThat(d.findings()).extracting(f -> f.ruleId()).contains("HDR-5.1-SCHED-4.8.1", "HDR-5.1-DSP-OWNER-4.6.1");
            Requests.Builder wrongSr = Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedule(new CreateScheduleBody(
                    "Daily", LocalDate.parse("2027-02-01"), null, null, "4.6", "4.8.1", ESME_S2,
                    "DSPReadActiveImportProfileData", -1, 0));
            assertThat(judge(wrongSr).responseCode()).isEqualTo("DV-HEADER");
        }
    }

    @Nested
    class CommandVariant {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3})
        void deviceSrvsTakeOneTwoOrThree(int cv) {
            assertThat(judge(is481().commandVariant(cv)).responseCode()).isEqualTo("I99");
        }

        @ParameterizedTest
        @ValueSource(ints = {4, 5, 6, 7, 8, 9})
        void deviceSrvsRefuseTheOthers(int cv) {
            assertThat(judge(is481().commandVariant(cv)).responseCode()).isEqualTo("E12");
        }

        @Test
        void nonDeviceSrvsTakeEightOnly() {
            Requests.Builder b = Requests.request(USER.get(Role.IS), "8.2", ESME_S2);
            assertThat(judge(b.commandVariant(8)).responseCode()).isEqualTo("I99");
            assertThat(judge(b.commandVariant(1)).responseCode()).isEqualTo("E12");
        }

        @Test
        void e12OutranksE2() {
            Decision d = judge(Requests.request(USER.get(Role.ES), "4.8.1", ESME_S2).commandVariant(8));
            assertThat(d.responseCode()).isEqualTo("E12");
            assertThat(d.findings()).extracting(f -> f.code()).contains("E12", "E2");
        }
    }

    @Nested
    class Users {
        @Test
        void anUnknownUserIsE1AndNothingRoleBasedIsChecked() {
            Decision d = judge(Requests.request(UNKNOWN_USER, "4.8.1", ESME_S2));
            assertThat(d.responseCode()).isEqualTo("E1");
            assertThat(d.role()).isNull();
            assertThat(d.firedRules()).noneMatch(r -> r.startsWith("ELIG-") || r.startsWith("TRT-"));
        }

        @Test
        void anMdrNeedsSchemaVersionFiveThree() {
            Requests.Builder b = Requests.request(USER.get(Role.MDR), "4.8.1", ESME_S2);
            assertThat(judge(b.schemaVersion("5.3")).responseCode()).isEqualTo("I99");
            assertThat(judge(b.schemaVersion("5.2")).responseCode()).isEqualTo("DV-VERSION");
            assertThat(judge(Requests.request(USER.get(Role.IS), "4.8.1", ESME_S2).schemaVersion("5.1")).responseCode())
                    .isEqualTo("I99");
        }

        @Test
        void scheduling42NeedsFiveThreeForEveryone() {
            Requests.Builder b = Requests.request(USER.get(Role.ES), "5.1", ESME_S2).schedules("4.2", "2027-02-01", null);
            assertThat(judge(b.schemaVersion("5.3")).responseCode()).isEqualTo("I99");
            assertThat(judge(b.schemaVersion("5.2")).responseCode()).isEqualTo("DV-VERSION");
            Requests.Builder other = Requests.request(USER.get(Role.ES), "5.1", ESME_S2).schedules("4.8.3", "2027-02-01", null);
            assertThat(judge(other.schemaVersion("5.1")).responseCode()).isEqualTo("I99");
        }

        @Test
        void aScheduleNeedsEligibilityForTheScheduledSrv() {
            Requests.Builder b = Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedules("4.8.3", "2027-02-01", null);
            Decision d = judge(b);
            assertThat(d.responseCode()).isEqualTo("E2");
            assertThat(d.findings().get(0).ruleId()).isEqualTo("ELIG-4.8.3-IS-SCHED");
        }
    }

    @Nested
    class Scope {
        @Test
        void otherRolesOutsideTheSetAreReportedNotRejected() {
            Decision d = judge(Requests.request(USER.get(Role.IS), "6.15.2", ESME_S2));
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.trtSeconds()).isNull();
            assertThat(d.findings()).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("DV-SCOPE");
                assertThat(f.severity()).isEqualTo(Severity.INFO);
            });
        }

        @Test
        void anMdrOutsideTheSetIsE2() {
            assertThat(judge(Requests.request(USER.get(Role.MDR), "6.15.2", ESME_S2)).responseCode()).isEqualTo("E2");
        }

        @Test
        void insideTheSetThereIsNoScopeFinding() {
            assertThat(judge(is481()).findings()).noneMatch(f -> f.code().equals("DV-SCOPE"));
        }
    }

    @Nested
    class Devices {
        @Test
        void anUnknownDeviceIsE19() {
            assertThat(judge(Requests.request(USER.get(Role.IS), "4.8.1", UNKNOWN_DEVICE)).responseCode()).isEqualTo("E19");
        }

        @Test
        void anUnknownScheduleDeviceIsE19() {
            Requests.Builder b = Requests.request(USER.get(Role.IS), "5.1", UNKNOWN_DEVICE).schedules("4.8.1", "2027-02-01", null);
            assertThat(judge(b).responseCode()).isEqualTo("E19");
        }

        @Test
        void exportSrvsNeedAnEsme() {
            assertThat(judge(Requests.request(USER.get(Role.ES), "4.8.3", ESME_S2)).responseCode()).isEqualTo("I99");
            Decision d = judge(Requests.request(USER.get(Role.ES), "4.8.3", GSME_S2));
            assertThat(d.responseCode()).isEqualTo("E11");
            assertThat(d.findings().get(0).ruleId()).isEqualTo("DEVTYPE-4.8.3");
        }

        @Test
        void importSrvsServeGasDevicesToo() {
            assertThat(judge(Requests.request(USER.get(Role.GS), "4.8.1", GSME_S2)).responseCode()).isEqualTo("I99");
            assertThat(judge(Requests.request(USER.get(Role.GS), "4.8.1", GPF_S2)).responseCode()).isEqualTo("I99");
        }

        @Test
        void aDeviceMustBeCommissioned() {
            Decision d = judge(Requests.request(USER.get(Role.IS), "4.8.1", ESME_SUSPENDED));
            assertThat(d.responseCode()).isEqualTo("E5");
            assertThat(d.findings().get(0).message()).contains("Suspended");
        }

        @Test
        void nonDeviceSrvsAreNotCheckedAgainstTheInventory() {
            assertThat(judge(Requests.request(USER.get(Role.IS), "8.2", UNKNOWN_DEVICE)).responseCode()).isEqualTo("I99");
        }
    }

    @Nested
    class Schedules {
        @Test
        void aScheduleMayEndOnItsStartDateButNotBefore() {
            Requests.Builder same = Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedules("4.8.1", "2027-02-01", "2027-02-01");
            assertThat(judge(same).responseCode()).isEqualTo("I99");
            Requests.Builder before = Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedules("4.8.1", "2027-02-01", "2027-01-31");
            assertThat(judge(before).responseCode()).isEqualTo("DV-SCHEDULE");
        }

        @Test
        void anAcceptedScheduleCarriesBothTrts() {
            Decision d = judge(Requests.request(USER.get(Role.MDR), "5.1", ESME_S1).schedules("4.6.1", "2027-02-01", null));
            assertThat(d.responseCode()).isEqualTo("I99");
            assertThat(d.trtSeconds()).isEqualTo(86400L);
            assertThat(d.scheduledTrtSeconds()).isEqualTo(86400L);
            assertThat(d.mode()).isEqualTo("SCHEDULE");
        }

        /**
         * A 5.1 naming 4.1.1 is DV-SCHEMA at the reader (samples/schedules-5.1/mdr-5.1-4.1.1-not-schedulable.xml), so
         * no rule is generated for the Scheduled cells of SRVs a 5.1 cannot schedule (issue 17). Built past the reader,
         * such a request still fails closed: no TRT cell decides it.
         */
        @Test
        void scheduling411PastTheReaderFailsClosed() {
            Decision d = judge(Requests.request(USER.get(Role.IS), "5.1", ESME_S2).schedules("4.1.1", "2027-02-01", null));
            assertThat(d.accepted()).isFalse();
            assertThat(d.responseCode()).isEqualTo("DV-INTERNAL");
        }
    }

    @Test
    void aFutureDatedRequestTakesTheOnDemandCell() {
        Decision d = judge(is481().executeAt("2027-01-20T09:00:00Z"));
        assertThat(d.mode()).isEqualTo("FUTURE_DATED");
        assertThat(d.trtSeconds()).isEqualTo(5600L);
    }

    /** Issue 12, item 4 (docs/decisions.md D-FUTURE-DATED-CV, D-FUTURE-DATED-PAST). Fixtures.AT is 2027-01-15T10:00:00Z. */
    @Nested
    class FutureDated {
        @ParameterizedTest
        @ValueSource(ints = {2, 3})
        void commandVariantsTwoAndThreeAreOnDemandOnly(int cv) {
            Decision future = judge(is481().commandVariant(cv).executeAt("2027-01-16T03:00:00Z"));
            assertThat(future.responseCode()).isEqualTo("E12");
            assertThat(future.findings()).anySatisfy(f -> {
                assertThat(f.ruleId()).isEqualTo("CV-FUTURE-DATED");
                assertThat(f.message()).contains("Command Variant " + cv, "on demand only");
            });
            assertThat(judge(is481().commandVariant(cv)).responseCode()).isEqualTo("I99");
        }

        @Test
        void commandVariantOneMayBeFutureDated() {
            assertThat(judge(is481().commandVariant(1).executeAt("2027-01-16T03:00:00Z")).responseCode()).isEqualTo("I99");
        }

        @Test
        void anSrvOutsideTheSetIsNotCheckedForItsCommandVariant() {
            Decision d = judge(Requests.request(USER.get(Role.IS), "6.15.2", ESME_S2).commandVariant(2)
                    .executeAt("2027-01-16T03:00:00Z"));
            assertThat(d.findings()).noneMatch(f -> f.code().equals("E12"));
        }

        @Test
        void anExecutionDateTimeBeforeTheReceiptIsRejected() {
            Decision past = judge(is481().executeAt("2027-01-15T09:59:59Z"));
            assertThat(past.responseCode()).isEqualTo("DV-SCHEDULE");
            assertThat(past.findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("FUTURE-DATED-IN-THE-PAST");
                assertThat(f.message()).contains("2027-01-15T09:59:59Z", "2027-01-15T10:00:00Z");
            });
            // at the receipt instant itself: not past
            assertThat(judge(is481().executeAt("2027-01-15T10:00:00Z")).responseCode()).isEqualTo("I99");
            assertThat(judge(is481().executeAt("2027-01-15T10:00:01Z")).responseCode()).isEqualTo("I99");
        }
    }
}
