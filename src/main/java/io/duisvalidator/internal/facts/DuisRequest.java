package io.duisvalidator.internal.facts;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A DUIS Service Request as read from its XML: plain, immutable, free of JAXB types.
 * Any field that the message does not carry (or that could not be read) is null.
 *
 * @param requestId               the whole RequestID, {@code originator:target:counter}
 * @param originatorId            BusinessOriginatorID (the sending User ID, EUI-64, upper case)
 * @param targetId                BusinessTargetID (Device ID for device SRVs, the DCC's ID otherwise; upper case)
 * @param originatorCounter       the counter part of the RequestID, as written
 * @param schemaVersion           the {@code schemaVersion} attribute of {@code sr:Request}
 * @param firstInSequence         Header FirstInSequence, when present
 * @param precedingRequestId      Header PrecedingServiceRequestID, when present
 * @param commandVariant          Header CommandVariant
 * @param serviceReference        Header ServiceReference, e.g. "4.8"
 * @param serviceReferenceVariant Header ServiceReferenceVariant, e.g. "4.8.1"
 * @param bodyElement             local name of the one element inside Body, e.g. "ReadActiveImportProfileData"
 * @param executionDateTime       the body's ExecutionDateTime (future-dated request), when present
 * @param readLogStart            ReadLogPeriod/StartDateTime, when present
 * @param readLogEnd              ReadLogPeriod/EndDateTime, when present
 * @param schedule                the CreateSchedule body of a 5.1, otherwise null
 * @param scheduleId              DSPScheduleID of a 5.2 ReadSchedule or 5.3 DeleteSchedule, when given
 * @param selectorDeviceId        DeviceID of a 5.2 / 5.3 (instead of a schedule ID) or of an 8.2 ReadInventory, upper case
 * @param signed                  whether a ds:Signature element was present
 */
public record DuisRequest(
        String requestId,
        String originatorId,
        String targetId,
        String originatorCounter,
        BigDecimal schemaVersion,
        Boolean firstInSequence,
        String precedingRequestId,
        Integer commandVariant,
        String serviceReference,
        String serviceReferenceVariant,
        String bodyElement,
        Instant executionDateTime,
        Instant readLogStart,
        Instant readLogEnd,
        CreateScheduleBody schedule,
        String scheduleId,
        String selectorDeviceId,
        boolean signed) {
}
