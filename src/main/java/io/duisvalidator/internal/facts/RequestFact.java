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
 * party, the device it reaches), flattened so that per-cell rules test a single fact and need no joins. To whom and to
 * what a rule applies is written in the rule, as constraints on these fields; this class derives facts, it does not
 * decide scope. Built by {@link FactBuilder} through {@link #builder}; immutable. A field the message or context
 * cannot supply is null.
 */
public final class RequestFact implements io.duisvalidator.internal.engine.PassCells.Request {
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
    private final LocalDate receiptDate;
    private final boolean scheduledSrvInMp162Set;
    private final List<Appointment> mpanAppointments;
    private final List<FailedExecution> failedReads;
    private final LocalDate scheduleAccessEnds;
    private final boolean accessCovered;
    private final boolean selectedScheduleFound;
    private final String selectedScheduleOwner;
    private final boolean ownsScheduleOfDevice;
    private final boolean mhhsDataSrv;
    private final boolean historySupplied;
    private final boolean trtRequired;
    private final boolean scheduledTrtRequired;

    private RequestFact(Builder b) {
        this.request = Objects.requireNonNull(b.request);
        this.srv = b.srv;
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.mp162Srv = b.mp162Srv;
        this.dataSide = b.dataSide;
        this.role = b.role;
        this.partyId = b.partyId;
        this.deviceId = b.deviceId;
        this.deviceKnown = b.deviceKnown;
        this.deviceType = b.deviceType;
        this.deviceStatus = b.deviceStatus;
        this.smetsGeneration = b.smetsGeneration;
        this.generationIndependent = b.generationIndependent;
        this.mpan = b.mpan;
        this.accessDate = Objects.requireNonNull(b.accessDate, "accessDate");
        this.purpose = b.purpose;
        this.receivedAt = Objects.requireNonNull(b.receivedAt, "receivedAt");
        this.receiptDate = b.receivedAt.atZone(FactBuilder.LONDON).toLocalDate();
        this.scheduledSrvInMp162Set = b.scheduledSrvInMp162Set;
        this.mpanAppointments = List.copyOf(b.mpanAppointments);
        this.failedReads = List.copyOf(b.failedReads);
        this.scheduleAccessEnds = b.scheduleAccessEnds;
        this.accessCovered = b.accessCovered;
        this.selectedScheduleFound = b.selectedScheduleFound;
        this.selectedScheduleOwner = b.selectedScheduleOwner;
        this.ownsScheduleOfDevice = b.ownsScheduleOfDevice;
        this.mhhsDataSrv = b.mhhsDataSrv;
        this.historySupplied = b.historySupplied;
        this.trtRequired = b.trtRequired;
        this.scheduledTrtRequired = b.scheduledTrtRequired;
    }

    /** A builder for the fact of {@code request}; every field not set is null, false or empty. */
    static Builder builder(DuisRequest request) {
        return new Builder(request);
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
    /**
     * The GB settlement day on which access is judged (docs/decisions.md D-REQUEST-DATE): the receipt date for an
     * on-demand request, the date of ExecutionDateTime for a future-dated one, for a 5.1 the later of
     * ScheduleStartDate and the receipt date (the first day the schedule can run).
     */
    public LocalDate getAccessDate() { return accessDate; }
    /** MHHS or BAU: declared for Suppliers, always MHHS for an MDR. */
    public String getPurpose() { return purpose; }
    /** When the DCC receives the request. */
    public Instant getReceivedAt() { return receivedAt; }
    /** The GB settlement day (London date) on which the DCC receives the request. */
    public LocalDate getReceiptDate() { return receiptDate; }

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

    /** The Registration Data role of the requester (its own role, when Registration Data holds it: MDR, IS, ES). */
    public Role getAccessRole() {
        return "MDR".equals(role) ? Role.MDR : "IS".equals(role) ? Role.IS : "ES".equals(role) ? Role.ES : null;
    }

    /** Every appointment of the MPAN the request reads (the context slice), sorted by Effective From. */
    public List<Appointment> getMpanAppointments() { return mpanAppointments; }

    /**
     * For a 5.1 whose requester is appointed on the first day the schedule can run: the first date its executions
     * will fail, or null.
     */
    public LocalDate getScheduleAccessEnds() { return scheduleAccessEnds; }

    /**
     * True when an appointment of the requester's party in its Registration Data role ({@link #getAccessRole()}) for
     * the MPAN the request reads covers the access date (false without such an MPAN or role): the join of the access
     * rules with the MPAN's appointments, made once when the fact is built so that no appointment is a fact.
     */
    public boolean isAccessCovered() { return accessCovered; }

    /** For a 5.2 or 5.3 that names a schedule id: true when the schedule history holds that schedule. */
    public boolean isSelectedScheduleFound() { return selectedScheduleFound; }

    /** For a 5.2 or 5.3 that names a schedule id the history holds: the User ID that created it, else null. */
    public String getSelectedScheduleOwner() { return selectedScheduleOwner; }

    /** For a 5.2 or 5.3 that names a device: true when the history holds a schedule of the requester for it. */
    public boolean isOwnsScheduleOfDevice() { return ownsScheduleOfDevice; }

    /** Why the requester is not appointed on the access date (for E4 messages). */
    public String explainAccess() {
        return AccessTimeline.explain(mpanAppointments, getAccessRole(), partyId, mpan, accessDate);
    }

    /** True for the schedulable MHHS data SRVs (tables/srv-catalogue.csv: device SRVs with a DSP body element). */
    public boolean isMhhsDataSrv() { return mhhsDataSrv; }

    /**
     * The FAILED and PARTIAL executions of the requester's schedules for the request's device and SRV (the context
     * slice of schedule history an on-demand request may retry), whatever their date; empty without history.
     */
    public List<FailedExecution> getFailedReads() { return failedReads; }

    /**
     * True when the failed reads executed on or before {@code lastExecutionDate} (the rules give the receipt date)
     * failed to collect everything the request asks for: every part of its ReadLogPeriod lies in their windows;
     * without a period (4.2), one of them executed on the request's date or the day before (docs/decisions.md
     * D-H313A-RETRY, D-H313A-WINDOW).
     */
    public boolean retriesFailuresUpTo(LocalDate lastExecutionDate) {
        return RetryCoverage.retries(this, RetryCoverage.upTo(failedReads, lastExecutionDate));
    }

    /**
     * True when every failed read executed on or before {@code lastExecutionDate} whose window holds some of the data
     * asked for failed more than {@link FailedExecution#STALE_AFTER_DAYS} days before the request date, and there is
     * one (docs/decisions.md D-H313A-STALE).
     */
    public boolean retriesOnlyLateFailuresUpTo(LocalDate lastExecutionDate) {
        boolean any = false;
        for (FailedExecution f : RetryCoverage.upTo(failedReads, lastExecutionDate)) {
            if (!RetryCoverage.overlaps(f, this)) continue;
            if (!f.executionDate().plusDays(FailedExecution.STALE_AFTER_DAYS).isBefore(accessDate)) return false;
            any = true;
        }
        return any;
    }

    /**
     * What the failed reads executed on or before {@code lastExecutionDate} do not cover, in words (the London dates);
     * "nothing" when they cover it all.
     */
    public String notRetriedByFailuresUpTo(LocalDate lastExecutionDate) {
        return RetryCoverage.describeUncovered(this, RetryCoverage.upTo(failedReads, lastExecutionDate));
    }

    /** True when the caller supplied schedule history (schedules.csv, or a store through the API). */
    public boolean isHistorySupplied() { return historySupplied; }

    /** True when an accepted request must have a TRT: a known User's request for an SRV of the TRT table. */
    public boolean isTrtRequired() { return trtRequired; }

    /** True when an accepted 5.1 must also have a TRT for its executions: its scheduled SRV is in the TRT table. */
    public boolean isScheduledTrtRequired() { return scheduledTrtRequired; }

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

    /** Sets the fields of a {@link RequestFact} by name; {@link FactBuilder} derives them. */
    static final class Builder {
        private final DuisRequest request;
        private String srv;
        private Mode mode;
        private boolean mp162Srv;
        private String dataSide;
        private String role;
        private String partyId;
        private String deviceId;
        private boolean deviceKnown;
        private String deviceType;
        private String deviceStatus;
        private Integer smetsGeneration;
        private boolean generationIndependent;
        private String mpan;
        private LocalDate accessDate;
        private String purpose;
        private Instant receivedAt;
        private boolean scheduledSrvInMp162Set;
        private List<Appointment> mpanAppointments = List.of();
        private List<FailedExecution> failedReads = List.of();
        private LocalDate scheduleAccessEnds;
        private boolean accessCovered;
        private boolean selectedScheduleFound;
        private String selectedScheduleOwner;
        private boolean ownsScheduleOfDevice;
        private boolean mhhsDataSrv;
        private boolean historySupplied;
        private boolean trtRequired;
        private boolean scheduledTrtRequired;

        private Builder(DuisRequest request) { this.request = request; }

        Builder srv(String v) { srv = v; return this; }
        Builder mode(Mode v) { mode = v; return this; }
        Builder mp162Srv(boolean v) { mp162Srv = v; return this; }
        Builder dataSide(String v) { dataSide = v; return this; }
        Builder user(String roleName, String party) { role = roleName; partyId = party; return this; }
        /** The device the device checks apply to, and what the inventory says of it (all null: unknown). */
        Builder device(String id, boolean known, String type, String status, Integer generation) {
            deviceId = id;
            deviceKnown = known;
            deviceType = type;
            deviceStatus = status;
            smetsGeneration = generation;
            return this;
        }
        Builder generationIndependent(boolean v) { generationIndependent = v; return this; }
        /** The SMETS generation a generation-independent request's TRT follows (8.2: of the device it reads). */
        Builder generation(Integer g) { smetsGeneration = g; return this; }
        Builder mpan(String v) { mpan = v; return this; }
        Builder accessDate(LocalDate v) { accessDate = v; return this; }
        Builder purpose(String v) { purpose = v; return this; }
        Builder receivedAt(Instant v) { receivedAt = v; return this; }
        Builder scheduledSrvInMp162Set(boolean v) { scheduledSrvInMp162Set = v; return this; }
        Builder mpanAppointments(List<Appointment> v) { mpanAppointments = v; return this; }
        Builder failedReads(List<FailedExecution> v) { failedReads = v; return this; }
        Builder scheduleAccessEnds(LocalDate v) { scheduleAccessEnds = v; return this; }
        Builder accessCovered(boolean v) { accessCovered = v; return this; }
        Builder selectedSchedule(boolean found, String owner) { selectedScheduleFound = found; selectedScheduleOwner = owner; return this; }
        Builder ownsScheduleOfDevice(boolean v) { ownsScheduleOfDevice = v; return this; }
        Builder mhhsDataSrv(boolean v) { mhhsDataSrv = v; return this; }
        Builder historySupplied(boolean v) { historySupplied = v; return this; }
        Builder trtRequired(boolean required, boolean scheduledRequired) {
            trtRequired = required;
            scheduledTrtRequired = scheduledRequired;
            return this;
        }

        RequestFact build() { return new RequestFact(this); }
    }
}
