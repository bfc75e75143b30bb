package io.duisvalidator.internal.facts;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.User;
import io.duisvalidator.internal.engine.RuleTables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a request and the context it touches into the facts the rules read: one {@link RequestFact} plus the
 * context slice (only the rows this request needs). It derives facts (the device, the MPAN, the dates); to whom
 * and to what a rule applies is the rule's business, written in the DRL.
 */
public final class FactBuilder {
    /** GB settlement days are London days. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Map<String, Map<String, String>> catalogue = new HashMap<>();
    private final Set<String> scheduleFirstSrvs;
    private final Set<String> trtSrvs;

    public FactBuilder(RuleTables tables) {
        for (Map<String, String> row : tables.rows(RuleTables.SRV_CATALOGUE)) catalogue.put(row.get("srv"), row);
        this.scheduleFirstSrvs = tables.scheduleFirstSrvs();
        this.trtSrvs = tables.trtSrvs();
    }

    /**
     * The facts for one evaluation: the request fact alone. What the rules would otherwise join (the MPAN's
     * appointments, the schedules a 5.2 or 5.3 names) is read once here into values of the fact, so the rules test
     * one fact and need no join. {@code receivedAt} must already be resolved (not null).
     */
    public List<Object> facts(DuisRequest req, Context ctx, ValidationSettings settings, Instant receivedAt) {
        return List.of(requestFact(req, ctx, settings, receivedAt));
    }

    public RequestFact requestFact(DuisRequest req, Context ctx, ValidationSettings settings, Instant receivedAt) {
        String srv = req.serviceReferenceVariant();
        Map<String, String> row = srv == null ? null : catalogue.get(srv);
        boolean mp162 = row != null;
        boolean nonDevice = mp162 && "NON_DEVICE".equals(row.get("kind"));
        CreateScheduleBody schedule = "5.1".equals(srv) ? req.schedule() : null;
        RequestFact.Builder b = RequestFact.builder(req).srv(srv).mp162Srv(mp162).receivedAt(receivedAt)
                .generationIndependent(nonDevice && !"5.1".equals(srv))
                .mhhsDataSrv(srv != null && scheduleFirstSrvs.contains(srv))
                .historySupplied(ctx.schedules().isPresent());

        Mode mode;
        if (schedule != null || "5.1".equals(srv)) mode = Mode.SCHEDULE;
        else if (nonDevice) mode = Mode.NON_DEVICE;
        else if (req.executionDateTime() != null) mode = Mode.FUTURE_DATED;
        else mode = Mode.ON_DEMAND;
        b.mode(mode);

        User user = ctx.user(req.originatorId()).orElse(null);
        String role = user == null ? null : user.role().name();
        b.user(role, user == null ? null : user.partyId());
        // MDR requests are always for MHHS; a Supplier (or any other role) declares its purpose
        b.purpose(user != null && user.role() == Role.MDR ? "MHHS" : settings.purpose().name());

        String deviceId = null;
        if (mp162 && !nonDevice) deviceId = req.targetId();
        else if (schedule != null) deviceId = schedule.deviceId();
        Device device = ctx.device(deviceId).orElse(null);
        b.device(deviceId, device != null, device == null ? null : device.deviceType(),
                device == null ? null : device.deviceStatus(), device == null ? null : device.smetsGeneration());
        if ("8.2".equals(srv) && req.selectorDeviceId() != null) {
            // 8.2's TRT follows the generation of the device whose inventory entry is read (MP162 footnote 5: before
            // MP162 16 s on SMETS1); nothing else of that device is judged (docs/decisions.md D-RULESET-8.2)
            ctx.device(req.selectorDeviceId()).ifPresent(d -> b.generation(d.smetsGeneration()));
        }

        String dataSrv = schedule != null ? schedule.scheduledSrv() : srv;
        Map<String, String> dataRow = dataSrv == null ? null : catalogue.get(dataSrv);
        String side = dataRow == null || dataRow.get("data_side").isEmpty() ? null : dataRow.get("data_side");
        String mpan = null;
        if (device != null && side != null) mpan = "IMPORT".equals(side) ? device.importMpan() : device.exportMpan();
        b.dataSide(side).mpan(mpan);

        LocalDate receiptDate = receivedAt.atZone(LONDON).toLocalDate();
        LocalDate accessDate = switch (mode) {
            case FUTURE_DATED -> req.executionDateTime().atZone(LONDON).toLocalDate();
            // a schedule is judged on the first day it can run (docs/decisions.md D-REQUEST-DATE)
            case SCHEDULE -> schedule != null && schedule.startDate() != null && schedule.startDate().isAfter(receiptDate)
                    ? schedule.startDate() : receiptDate;
            default -> receiptDate;
        };
        b.accessDate(accessDate);
        boolean scheduledInSet = schedule != null && schedule.scheduledSrv() != null
                && catalogue.containsKey(schedule.scheduledSrv());
        b.scheduledSrvInMp162Set(scheduledInSet);

        // the MPAN's Registration Data, when it can hold the requester's role (IS, ES, MDR): the slice access rules read
        List<Appointment> appointments = mpan != null && user != null && REGISTERED.contains(user.role())
                ? ctx.appointments(mpan) : List.of();
        b.mpanAppointments(appointments);
        // access-control.drl, mdr-role.drl: an appointment of this party in this role covers the access date
        b.accessCovered(!appointments.isEmpty()
                && AccessTimeline.covered(appointments, user.role(), user.partyId(), accessDate));
        if (schedule != null && !appointments.isEmpty()
                && AccessTimeline.covered(appointments, user.role(), user.partyId(), accessDate)) {
            b.scheduleAccessEnds(AccessTimeline.firstUncoveredDay(appointments, user.role(), user.partyId(),
                    accessDate, schedule.endDate()));
        }

        // the requester's failed reads of this device and SRV: what an on-demand request of it may retry (the request
        // fact carries them, so the schedule-first rules test one fact)
        ScheduleHistory history = ctx.schedules().orElse(null);
        // schedule-ownership.drl: the schedule a 5.2 or 5.3 names, or whether the requester has one for its device
        if (history != null && ("5.2".equals(srv) || "5.3".equals(srv))) {
            if (req.scheduleId() != null) {
                Schedule named = history.schedule(req.scheduleId()).orElse(null);
                b.selectedSchedule(named != null, named == null ? null : named.userId());
            } else if (req.selectorDeviceId() != null) {
                b.ownsScheduleOfDevice(!history.schedules(req.originatorId(), req.selectorDeviceId()).isEmpty());
            }
        }
        if (history != null && srv != null && scheduleFirstSrvs.contains(srv) && deviceId != null) {
            List<FailedExecution> failed = new ArrayList<>(2);
            for (Schedule s : history.schedules(req.originatorId(), deviceId, srv)) {
                for (Execution e : history.executions(s.scheduleId())) {
                    if (e.result() != Execution.Result.SUCCESS) failed.add(FailedExecution.of(s, e));
                }
            }
            b.failedReads(failed);
        }

        boolean trtRequired = role != null && srv != null && trtSrvs.contains(srv);
        b.trtRequired(trtRequired, trtRequired && schedule != null && schedule.scheduledSrv() != null
                && trtSrvs.contains(schedule.scheduledSrv()));
        return b.build();
    }

    /** The roles Registration Data holds appointments of (Appointment: IS, ES, MDR). */
    private static final Set<Role> REGISTERED = EnumSet.of(Role.MDR, Role.IS, Role.ES);
}
