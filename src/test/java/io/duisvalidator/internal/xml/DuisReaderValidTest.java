package io.duisvalidator.internal.xml;

import io.duisvalidator.ReaderOptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DuisReaderValidTest {

    private static final DuisReader READER = new DuisReader();

    private static DuisRequest ok(String resource) {
        ReadResult result = READER.read(TestMessages.resource(resource));
        assertThat(result).as(resource + " -> " + result).isInstanceOf(ReadResult.Ok.class);
        assertThat(result.isOk()).isTrue();
        assertThat(result.code()).isNull();
        assertThat(result.message()).isNull();
        return result.request();
    }

    @Test
    void readLogRequestWithSignature() {
        DuisRequest r = ok("valid/mdr-4.8.1-on-demand.xml");
        assertThat(r.requestId()).isEqualTo("ab-cd-ef-01-02-03-04-05:0a-0b-0c-0d-0e-0f-10-11:77");
        assertThat(r.originatorId()).isEqualTo("AB-CD-EF-01-02-03-04-05");
        assertThat(r.targetId()).isEqualTo("0A-0B-0C-0D-0E-0F-10-11");
        assertThat(r.originatorCounter()).isEqualTo("77");
        assertThat(r.schemaVersion()).isEqualByComparingTo(new BigDecimal("5.3"));
        assertThat(r.commandVariant()).isEqualTo(1);
        assertThat(r.serviceReference()).isEqualTo("4.8");
        assertThat(r.serviceReferenceVariant()).isEqualTo("4.8.1");
        assertThat(r.bodyElement()).isEqualTo("ReadActiveImportProfileData");
        assertThat(r.executionDateTime()).isNull();
        assertThat(r.readLogStart()).isEqualTo(Instant.parse("2025-03-29T23:30:00Z"));
        assertThat(r.readLogEnd()).isEqualTo(Instant.parse("2025-03-30T23:00:00.500Z"));
        assertThat(r.schedule()).isNull();
        assertThat(r.firstInSequence()).isNull();
        assertThat(r.precedingRequestId()).isNull();
        assertThat(r.signed()).isTrue();
    }

    @Test
    void futureDatedWithOffsetAndMaximumCounter() {
        DuisRequest r = ok("valid/4.1.1-future-dated-unsigned.xml");
        assertThat(r.originatorCounter()).isEqualTo("18446744073709551615");
        assertThat(r.firstInSequence()).isTrue();
        assertThat(r.precedingRequestId()).isEqualTo("AB-CD-EF-01-02-03-04-05:0A-0B-0C-0D-0E-0F-10-11:5");
        assertThat(r.commandVariant()).isEqualTo(3);
        assertThat(r.bodyElement()).isEqualTo("ReadInstantaneousImportRegisters");
        assertThat(r.executionDateTime()).isEqualTo(Instant.parse("2025-07-01T00:30:00Z"));
        assertThat(r.readLogStart()).isNull();
        assertThat(r.signed()).isFalse();
    }

    @Test
    void createScheduleWithEveryOptionalField() {
        DuisRequest r = ok("valid/5.1-schedule-4.8.3.xml");
        assertThat(r.bodyElement()).isEqualTo("CreateSchedule");
        assertThat(r.commandVariant()).isEqualTo(8);
        assertThat(r.schedule()).isEqualTo(new CreateScheduleBody("Half-Yearly", LocalDate.of(2025, 4, 1),
                LocalDate.of(2026, 3, 31), LocalTime.of(1, 15), "4.8", "4.8.3", "0A-0B-0C-0D-0E-0F-10-11",
                "DSPReadExportProfileData", -2, -1));
    }

    @Test
    void createScheduleForInstantaneousExportHasNoOffsets() {
        CreateScheduleBody s = ok("valid/5.1-schedule-4.2.xml").schedule();
        assertThat(s.scheduledSrv()).isEqualTo("4.2");
        assertThat(s.dspBodyElement()).isEqualTo("DSPReadInstantaneousExportRegisters");
        assertThat(s.endDate()).isNull();
        assertThat(s.executionStartTime()).isNull();
        assertThat(s.startDateOffset()).isNull();
        assertThat(s.endDateOffset()).isNull();
    }

    @Test
    void readScheduleByDevice() {
        DuisRequest r = ok("valid/5.2-read-schedule-by-device.xml");
        assertThat(r.bodyElement()).isEqualTo("ReadSchedule");
        assertThat(r.scheduleId()).isNull();
        assertThat(r.selectorDeviceId()).isEqualTo("0A-0B-0C-0D-0E-0F-10-11");
    }

    @Test
    void deleteScheduleById() {
        DuisRequest r = ok("valid/5.3-delete-schedule-by-id.xml");
        assertThat(r.bodyElement()).isEqualTo("DeleteSchedule");
        assertThat(r.scheduleId()).isEqualTo("1000000000000");
        assertThat(r.selectorDeviceId()).isNull();
    }

    @Test
    void readInventoryByPropertyHasNoDevice() {
        DuisRequest r = ok("valid/8.2-read-inventory-by-property.xml");
        assertThat(r.bodyElement()).isEqualTo("ReadInventory");
        assertThat(r.selectorDeviceId()).isNull();
        assertThat(r.targetId()).isEqualTo("90-B3-D5-1F-30-00-00-02");
    }

    @Test
    void unknownSrvBodyIsReadAndNamed() {
        DuisRequest r = ok("valid/unknown-srv-body.xml");
        assertThat(r.bodyElement()).isEqualTo("UpdateImportTariffMadeUp");
        assertThat(r.serviceReferenceVariant()).isEqualTo("1.1.1");
        assertThat(r.commandVariant()).isEqualTo(4);
        assertThat(r.signed()).isTrue();
        assertThat(r.executionDateTime()).isNull();
        assertThat(r.schedule()).isNull();
    }

    @Test
    void xsiSchemaLocationIsNeverFetched() throws Exception {
        java.nio.file.Path broken = java.nio.file.Files.createTempFile("not-a-schema", ".xsd");
        try {
            java.nio.file.Files.writeString(broken, "this is not a schema");
            String msg = TestMessages.text("valid/4.1.1-future-dated-unsigned.xml").replace(
                    "schemaVersion=\"5.3\"",
                    "schemaVersion=\"5.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                            + " xsi:schemaLocation=\"http://www.dccinterface.co.uk/ServiceUserGateway "
                            + broken.toUri() + "\" xsi:noNamespaceSchemaLocation=\"http://127.0.0.1:9/x.xsd\"");
            ReadResult result = READER.read(msg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(result.isOk()).as(String.valueOf(result)).isTrue();
        } finally {
            java.nio.file.Files.deleteIfExists(broken);
        }
    }

    @Test
    void depthJustUnderTheLimitIsFine() {
        DuisReader shallow = new DuisReader(ReaderOptions.defaults().withMaxElementDepth(10));
        assertThat(shallow.read(TestMessages.nested(7)).isOk()).isTrue(); // 3 + 7 = 10
        assertThat(shallow.read(TestMessages.nested(8)).code()).isEqualTo("DV-XML");
    }

    @Test
    void defaultsAreDocumented() {
        ReaderOptions o = ReaderOptions.defaults();
        assertThat(o.maxMessageBytes()).isEqualTo(1 << 20);
        assertThat(o.maxElementDepth()).isEqualTo(100);
        assertThat(o.extraSchema()).isNull();
        assertThat(READER.options()).isEqualTo(o);
    }
}
