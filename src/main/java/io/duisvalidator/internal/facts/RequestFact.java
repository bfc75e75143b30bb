package io.duisvalidator.internal.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Role;

/**
 * The one fact every rule tests: a request together with the slice of context it touches (its sender's role and
 * party, the device it reaches), flattened so that per-cell rules test a single fact and need no joins.
 * Built by {@link FactBuilder}; immutable. A field the message or context cannot supply is null.
 */
public final class RequestFact {
    private final DuisRequest request;
    private final String srv;
    private final Mode mode;
    private final boolean mp162Srv;
    private final String dataSide;
    private final String role;
    private final String partyId;
    private final String deviceId;
    private final boolean deviceKnown;
    private final String deviceType;
    private final String deviceStatus;
    private final Integer smetsGeneration;
    private final boolean generationIndependent;
    private final String mpan;
    private final LocalDate accessDate;
    private final String purpose;
    private final Instant receivedAt;
    private final boolean scheduledSrvInMp162Set;
    private final List<Appointment> mpanAppointments;
    private final boolean accessChecked;
    private final LocalDate scheduleAccessEnds;
    private final boolean h313aApplies;
    private final boolean mhhsDataSrv;
    private final boolean historySupplied;

    RequestFact(DuisRequest request, String srv, Mode mode, boolean mp162Srv, String dataSide, String role,
                String partyId, String deviceId, boolean deviceKnown, String deviceType, String deviceStatus,
                Integer smetsGeneration, boolean generationIndependent, String mpan, LocalDate accessDate,
                String purpose, Instant receivedAt, boolean scheduledSrvInMp162Set,
                List<Appointment> mpanAppointments, boolean accessChecked, LocalDate scheduleAccessEnds,
                boolean mhhsDataSrv, boolean h313aApplies, boolean historySupplied) {
        this.request = Objects.requireNonNull(request);
        this.srv = srv;
        this.mode = mode;
        this.mp162Srv = mp162Srv;
        this.dataSide = dataSide;
        this.role = role;
        this.partyId = partyId;
        this.deviceId = deviceId;
        this.deviceKnown = deviceKnown;
        this.deviceType = deviceType;
        this.deviceStatus = deviceStatus;
        this.smetsGeneration = smetsGeneration;
        this.generationIndependent = generationIndependent;
        this.mpan = mpan;
        this.accessDate = accessDate;
        this.purpose = purpose;
        this.receivedAt = receivedAt;
        this.scheduledSrvInMp162Set = scheduledSrvInMp162Set;
        this.mpanAppointments = mpanAppointments;
        this.accessChecked = accessChecked;
        this.scheduleAccessEnds = scheduleAccessEnds;
        this.mhhsDataSrv = mhhsDataSrv;
        this.h313aApplies = h313aApplies;
        this.historySupplied = historySupplied;
    }

    public DuisRequest getRequest() { return request; }

    /** ServiceReferenceVariant of the request. */
    public String getSrv() { return srv; }
    public String getServiceReference() { return request.serviceReference(); }
    public String getBodyElement() { return request.bodyElement(); }
    public Integer getCommandVariant() { return request.commandVariant(); }
    public BigDecimal getSchemaVersion() { return request.schemaVersion(); }
    public String getUserId() { return request.originatorId(); }
    public Mode getMode() { return mode; }
    /** True when the SRV is one of the eleven that MP162 opens to the MDR role. */
    public boolean isMp162Srv() { return mp162Srv; }
    /** IMPORT or EXPORT for the data SRVs (of the scheduled SRV for a 5.1), else null. */
    public String getDataSide() { return dataSide; }

    /** User Role of the originator, or null when the User ID is unknown. */
    public String getRole() { return role; }
    /** "MDR" for the MDR role, "EXISTING" for every other known role (the TRT table's two sender columns). */
    public String getSender() { return role == null ? null : ("MDR".equals(role) ? "MDR" : "EXISTING"); }
    public String getPartyId() { return partyId; }

    /** The device the device checks apply to: the target of a 4.x, the DeviceID of a 5.1; null otherwise. */
    public String getDeviceId() { return deviceId; }
    public boolean isDeviceChecked() { return deviceId != null; }
    public boolean isDeviceKnown() { return deviceKnown; }
    public String getDeviceType() { return deviceType; }
    public String getDeviceStatus() { return deviceStatus; }
    public Integer getSmetsGeneration() { return smetsGeneration; }

    /** True when a TRT cell for this SMETS generation applies to the request. */
    public boolean servesGeneration(int generation) {
        return smetsGeneration != null ? smetsGeneration == generation : generationIndependent;
    }

    /** The MPAN the request reads (import or export side of the device), or null. */
    public String getMpan() { return mpan; }
    /** The GB settlement day on which access is judged (docs/decisions.md D-REQUEST-DATE). */
    public LocalDate getAccessDate() { return accessDate; }
    /** MHHS or BAU: declared for Suppliers, always MHHS for an MDR. */
    public String getPurpose() { return purpose; }
    public Instant getReceivedAt() { return receivedAt; }

    // 5.1 Create Schedule
    public String getScheduledSrv() { return request.schedule() == null ? null : request.schedule().scheduledSrv(); }
    public String getScheduledServiceReference() {
        return request.schedule() == null ? null : request.schedule().scheduledServiceReference();
    }
    public String getDspBodyElement() { return request.schedule() == null ? null : request.schedule().dspBodyElement(); }
    public LocalDate getScheduleStartDate() { return request.schedule() == null ? null : request.schedule().startDate(); }
    public LocalDate getScheduleEndDate() { return request.schedule() == null ? null : request.schedule().endDate(); }

    public Instant getExecutionDateTime() { return request.executionDateTime(); }
    public Instant getReadLogStart() { return request.readLogStart(); }
    public Instant getReadLogEnd() { return request.readLogEnd(); }

    /** The SRV the device checks apply to: the request's own for a 4.x, the scheduled SRV for a 5.1, else null. */
    public String getDeviceSrv() {
        if (deviceId == null) return null;
        return request.schedule() != null ? request.schedule().scheduledSrv() : srv;
    }

    /** True when the device's type is one of the space-separated types given. */
    public boolean deviceTypeIn(String types) {
        return deviceType != null && containsToken(types, deviceType);
    }

    /** True when {@code token} is one of the space-separated words of {@code list}; allocates nothing. */
    static boolean containsToken(String list, String token) {
        int n = token.length();
        for (int from = 0; from <= list.length() - n; ) {
            int at = list.indexOf(token, from);
            if (at < 0) return false;
            boolean startOk = at == 0 || list.charAt(at - 1) == ' ';
            boolean endOk = at + n == list.length() || list.charAt(at + n) == ' ';
            if (startOk && endOk) return true;
            from = at + 1;
        }
        return false;
    }

    /** True when ServiceReference is the SRV itself or its prefix (4.8 for 4.8.1). */
    public boolean serviceReferencePrefixesSrv() {
        String sr = request.serviceReference();
        return sr != null && srv != null && (srv.equals(sr) || srv.startsWith(sr + "."));
    }

    /**
     * True when Registration Data decides this request (docs/decisions.md D-ACCESS-ROLES, D-ACCESS-NONDEVICE): an
     * MDR, IS or ES request for a data SRV (or a 5.1 scheduling one) to a known device.
     */
    public boolean isAccessChecked() { return accessChecked; }

    /** The Registration Data role the requester must hold for the MPAN: its own role (MDR, IS or ES). */
    public Role getAccessRole() { return accessChecked ? Role.valueOf(role) : null; }

    /** Every appointment of the MPAN the request reads (the context slice), sorted by Effective From. */
    public List<Appointment> getMpanAppointments() { return mpanAppointments; }

    /** For a 5.1 whose requester is appointed on its start date: the first date its executions will fail, or null. */
    public LocalDate getScheduleAccessEnds() { return scheduleAccessEnds; }

    /** Why the requester is not appointed on the access date (for E4 messages). */
    public String explainAccess() {
        return AccessTimeline.explain(mpanAppointments, getAccessRole(), partyId, mpan, accessDate);
    }

    /** True for the schedulable MHHS data SRVs 4.2, 4.6.1, 4.6.2, 4.8.1, 4.8.3 and 4.17. */
    public boolean isMhhsDataSrv() { return mhhsDataSrv; }

    /**
     * True when SEC H3.13A decides the request (docs/decisions.md D-H313A-SCOPE): an on-demand or future-dated
     * request for MHHS data from an MDR, or from an IS / ES declaring purpose MHHS.
     */
    public boolean isH313aApplies() { return h313aApplies; }

    /** True when the caller supplied schedule history (schedules.csv, or a store through the API). */
    public boolean isHistorySupplied() { return historySupplied; }

    /** DSPScheduleID of a 5.2 / 5.3, or null. */
    public String getSelectorScheduleId() { return request.scheduleId(); }

    /** DeviceID of a 5.2 / 5.3 (or 8.2) that selects by device, or null. */
    public String getSelectorDeviceId() { return request.selectorDeviceId(); }

    /** For a 5.1: whether the scheduled SRV is one of the MP162 set. */
    public boolean isScheduledSrvInMp162Set() { return scheduledSrvInMp162Set; }

    /** True when the Command Variant is one of the space-separated values given. */
    public boolean commandVariantIn(String allowed) {
        Integer cv = request.commandVariant();
        if (cv == null) return false;
        int v = cv;
        return containsToken(allowed, v >= 0 && v < DIGITS.length ? DIGITS[v] : cv.toString());
    }

    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    /** True when the request's schemaVersion is below the given version. */
    public boolean schemaBelow(String version) {
        BigDecimal v = request.schemaVersion();
        return v != null && v.compareTo(VERSIONS.computeIfAbsent(version, BigDecimal::new)) < 0;
    }

    /** Versions the rules compare with, parsed once (the rules name a handful of literals). */
    private static final java.util.concurrent.ConcurrentHashMap<String, BigDecimal> VERSIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String toString() {
        return "RequestFact[" + request.requestId() + " srv=" + srv + " role=" + role + " device=" + deviceId + "]";
    }
}
