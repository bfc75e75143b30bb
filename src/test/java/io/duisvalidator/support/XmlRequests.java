package io.duisvalidator.support;

import java.nio.charset.StandardCharsets;

/** DUIS request messages as XML, for tests that must go through the reader and its schema. */
public final class XmlRequests {
    private XmlRequests() {}

    /**
     * A 5.1 CreateSchedule (schemaVersion 5.4, Command Variant 8, Daily from 2027-02-01) scheduling
     * {@code scheduledSrv} on {@code deviceId}, with the DSP body {@code dspBody} (a ReadLogPeriodOffset body such as
     * {@code DSPReadActiveImportProfileData}): valid against the DUIS schema unless the scheduled SRV is not one DUIS
     * can schedule.
     */
    public static byte[] createSchedule(String userId, String deviceId, String scheduledServiceReference,
                                        String scheduledSrv, String dspBody) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.4">
                  <sr:Header>
                    <sr:RequestID>%s:%s:1000</sr:RequestID>
                    <sr:CommandVariant>8</sr:CommandVariant>
                    <sr:ServiceReference>5.1</sr:ServiceReference>
                    <sr:ServiceReferenceVariant>5.1</sr:ServiceReferenceVariant>
                  </sr:Header>
                  <sr:Body>
                    <sr:CreateSchedule>
                      <sr:ScheduleFrequency>Daily</sr:ScheduleFrequency>
                      <sr:ScheduleStartDate>2027-02-01</sr:ScheduleStartDate>
                      <sr:DSPScheduledServiceReference>%s</sr:DSPScheduledServiceReference>
                      <sr:DSPScheduledServiceReferenceVariant>%s</sr:DSPScheduledServiceReferenceVariant>
                      <sr:DeviceID>%s</sr:DeviceID>
                      <sr:%s>
                        <sr:StartDateOffset>-1</sr:StartDateOffset>
                        <sr:StartTime>00:00:00Z</sr:StartTime>
                        <sr:EndDateOffset>0</sr:EndDateOffset>
                        <sr:EndTime>00:00:00Z</sr:EndTime>
                      </sr:%s>
                    </sr:CreateSchedule>
                  </sr:Body>
                </sr:Request>
                """.formatted(userId, Requests.DCC, scheduledServiceReference, scheduledSrv, deviceId, dspBody, dspBody);
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
