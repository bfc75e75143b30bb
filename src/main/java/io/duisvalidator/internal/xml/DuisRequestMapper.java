package io.duisvalidator.internal.xml;

import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.xml.bind.DSPSchedule;
import io.duisvalidator.internal.xml.bind.DeleteSchedule;
import io.duisvalidator.internal.xml.bind.FutureDatedAbstractType;
import io.duisvalidator.internal.xml.bind.ReadInventory;
import io.duisvalidator.internal.xml.bind.ReadLogPeriod;
import io.duisvalidator.internal.xml.bind.ReadLogPeriodFDAbstractType;
import io.duisvalidator.internal.xml.bind.ReadLogPeriodOffset;
import io.duisvalidator.internal.xml.bind.ReadSchedule;
import io.duisvalidator.internal.xml.bind.Request;
import io.duisvalidator.internal.xml.bind.RequestHeader;
import jakarta.xml.bind.JAXBElement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The one place where JAXB types become the plain {@link DuisRequest}.
 * EUI-64 identifiers are upper-cased; the RequestID is split into originator, target and counter;
 * xs:dateTime values become Instants (a value without a zone offset is taken as UTC, as DUIS times are);
 * xs:time values are normalised to UTC.
 */
final class DuisRequestMapper {

    private DuisRequestMapper() {
    }

    /**
     * @param request     the bound request (schema-valid)
     * @param bodyElement local name of the body element as noted while parsing (used when the body is not bound)
     * @param signed      whether a ds:Signature was present
     * @throws java.time.DateTimeException or ArithmeticException when a valid value cannot be represented
     */
    static DuisRequest map(Request request, String bodyElement, boolean signed) {
        RequestHeader h = request.getHeader();
        String requestId = h.getRequestID();
        String[] id = splitRequestId(requestId);

        String body = bodyElement;
        Object value = null;
        Object any = request.getBody() == null ? null : request.getBody().getAny();
        if (any instanceof JAXBElement<?> element) {
            body = element.getName().getLocalPart();
            value = element.getValue();
        }

        Instant execution = null;
        Instant logStart = null;
        Instant logEnd = null;
        CreateScheduleBody schedule = null;
        String scheduleId = null;
        String selectorDevice = null;

        if (value instanceof FutureDatedAbstractType fd) {
            execution = instant(fd.getExecutionDateTime());
            if (fd instanceof ReadLogPeriodFDAbstractType log && log.getReadLogPeriod() != null) {
                ReadLogPeriod period = log.getReadLogPeriod();
                logStart = instant(period.getStartDateTime());
                logEnd = instant(period.getEndDateTime());
            }
        } else if (value instanceof DSPSchedule s) {
            schedule = schedule(s);
        } else if (value instanceof ReadSchedule rs) {
            scheduleId = string(rs.getDSPScheduleID());
            selectorDevice = upper(rs.getDeviceID());
        } else if (value instanceof DeleteSchedule ds) {
            scheduleId = string(ds.getDSPScheduleID());
            selectorDevice = upper(ds.getDeviceID());
        } else if (value instanceof ReadInventory ri) {
            selectorDevice = upper(ri.getDeviceID());
        }

        return new DuisRequest(
                requestId, id[0], id[1], id[2],
                request.getSchemaVersion(),
                h.isFirstInSequence(),
                h.getPrecedingServiceRequestID(),
                h.getCommandVariant(),
                h.getServiceReference(),
                h.getServiceReferenceVariant(),
                body,
                execution, logStart, logEnd,
                schedule, scheduleId, selectorDevice,
                signed);
    }

    /** The header fields that could be read from a message that breaks the schema; unreadable ones are null. */
    static DuisRequest partial(GuardHandler notes) {
        String requestId = collapse(notes.requestId);
        String[] id = splitRequestId(requestId);
        return new DuisRequest(
                requestId, id[0], id[1], id[2],
                decimal(notes.schemaVersion),
                bool(notes.firstInSequence),
                collapse(notes.precedingRequestId),
                integer(notes.commandVariant),
                trim(notes.serviceReference),
                trim(notes.serviceReferenceVariant),
                Names.SR.equals(notes.bodyNamespace) ? notes.bodyElement : null,
                null, null, null, null, null, null,
                notes.signed);
    }

    private static CreateScheduleBody schedule(DSPSchedule s) {
        ReadLogPeriodOffset offsets = null;
        String dspBody = null;
        Object[][] choices = {
                {"DSPRetrieveImportDailyReadLog", s.getDSPRetrieveImportDailyReadLog()},
                {"DSPRetrieveExportDailyReadLog", s.getDSPRetrieveExportDailyReadLog()},
                {"DSPReadActiveImportProfileData", s.getDSPReadActiveImportProfileData()},
                {"DSPReadReactiveImportProfileData", s.getDSPReadReactiveImportProfileData()},
                {"DSPReadExportProfileData", s.getDSPReadExportProfileData()},
                {"DSPReadNetworkData", s.getDSPReadNetworkData()},
                {"DSPReadMaximumDemandImportRegisters", s.getDSPReadMaximumDemandImportRegisters()},
                {"DSPReadMaximumDemandExportRegisters", s.getDSPReadMaximumDemandExportRegisters()},
                {"DSPReadPrepaymentDailyReadLog", s.getDSPReadPrepaymentDailyReadLog()},
                {"DSPReadLoadLimitData", s.getDSPReadLoadLimitData()},
                {"DSPReadActivePowerImport", s.getDSPReadActivePowerImport()},
                {"DSPRetrieveDailyConsumptionLog", s.getDSPRetrieveDailyConsumptionLog()},
                {"DSPRecordNetworkDataGAS", s.getDSPRecordNetworkDataGAS()},
                {"DSPReadInstantaneousExportRegisters", s.getDSPReadInstantaneousExportRegisters()},
        };
        for (Object[] choice : choices) {
            if (choice[1] != null) {
                dspBody = (String) choice[0];
                if (choice[1] instanceof ReadLogPeriodOffset o) {
                    offsets = o;
                }
                break;
            }
        }
        return new CreateScheduleBody(
                s.getScheduleFrequency() == null ? null : s.getScheduleFrequency().value(),
                date(s.getScheduleStartDate()),
                date(s.getScheduleEndDate()),
                time(s.getScheduleExecutionStartTime()),
                s.getDSPScheduledServiceReference(),
                s.getDSPScheduledServiceReferenceVariant(),
                upper(s.getDeviceID()),
                dspBody,
                offsets == null ? null : offsets.getStartDateOffset(),
                offsets == null ? null : offsets.getEndDateOffset());
    }

    // ---- values ----

    private static final String[] NO_ID = new String[3];

    /** originator, target (upper case), counter as written; nulls unless the ID has three parts. */
    static String[] splitRequestId(String requestId) {
        if (requestId == null) {
            return NO_ID;
        }
        int a = requestId.indexOf(':');
        int b = a < 0 ? -1 : requestId.indexOf(':', a + 1);
        if (a < 0 || b < 0 || requestId.indexOf(':', b + 1) >= 0) {
            return NO_ID;
        }
        return new String[] {
                upper(requestId.substring(0, a)),
                upper(requestId.substring(a + 1, b)),
                requestId.substring(b + 1)};
    }

    static Instant instant(XMLGregorianCalendar x) {
        if (x == null) {
            return null;
        }
        if (x.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            x = (XMLGregorianCalendar) x.clone();
            x.setTimezone(0);
        }
        return x.toGregorianCalendar().toInstant();
    }

    static LocalDate date(XMLGregorianCalendar x) {
        if (x == null) {
            return null;
        }
        if (x.getYear() == DatatypeConstants.FIELD_UNDEFINED) {
            throw new java.time.DateTimeException("year out of range: " + x.toXMLFormat());
        }
        return LocalDate.of(x.getYear(), x.getMonth(), x.getDay());
    }

    static LocalTime time(XMLGregorianCalendar x) {
        if (x == null) {
            return null;
        }
        int hour = x.getHour();
        LocalTime t = hour == 24
                ? LocalTime.MIDNIGHT
                : LocalTime.of(hour, x.getMinute(), x.getSecond() == DatatypeConstants.FIELD_UNDEFINED ? 0 : x.getSecond(),
                        nanos(x.getFractionalSecond()));
        int tz = x.getTimezone();
        return tz == DatatypeConstants.FIELD_UNDEFINED || tz == 0 ? t : t.minusMinutes(tz);
    }

    private static int nanos(BigDecimal fraction) {
        return fraction == null ? 0 : fraction.movePointRight(9).intValue();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String string(Long n) {
        return n == null ? null : n.toString();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    /** xs:token whitespace: trim and collapse runs to one space. */
    private static String collapse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.indexOf(' ') < 0 && t.indexOf('\t') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0
                ? t : t.replaceAll("[ \\t\\r\\n]+", " ");
    }

    private static BigDecimal decimal(String s) {
        try {
            return s == null ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : new BigInteger(s.strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static Boolean bool(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
