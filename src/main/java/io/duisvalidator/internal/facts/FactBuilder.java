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
 * context slice (only the rows this request needs).
 */
public final class FactBuilder {
    /** GB settlement days are London days. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** The roles Registration Data decides (docs/decisions.md D-ACCESS-ROLES). */
    private static final Set<Role> ACCESS_ROLES = EnumSet.of(Role.MDR, Role.IS, Role.ES);

    private final Map<String, Map<String, String>> catalogue = new HashMap<>();

    public FactBuilder(RuleTables tables) {
        for (Map<String, String> row : tables.rows(RuleTables.SRV_CATALOGUE)) catalogue.put(row.get("srv"), row);
    }

    /** The facts for one evaluation. {@code receivedAt} must already be resolved (not null). */
    public List<Object> facts(DuisRequest req, Context ctx, ValidationSettings settings, Instant receivedAt) {
        List<Object> facts = new ArrayList<>(4);
        RequestFact rf = requestFact(req, ctx, settings, receivedAt);
        facts.add(rf);
        if (rf.isAccessChecked()) facts.addAll(rf.getMpanAppointments());
        ScheduleHistory history = ctx.schedules().orElse(null);
        if (history != null && rf.isH313aApplies()) {
            for (Schedule s : history.schedules(rf.getUserId(), rf.getDeviceId(), rf.getSrv())) {
                for (Execution e : history.executions(s.scheduleId())) {
                    if (e.result() != Execution.Result.SUCCESS) facts.add(FailedExecution.of(s, e));
                }
            }
        }
        if (history != null && ("5.2".equals(rf.getSrv()) || "5.3".equals(rf.getSrv()))) {
            if (req.scheduleId() != null) history.schedule(req.scheduleId()).ifPresent(facts::add);
            else if (req.selectorDeviceId() != null) facts.addAll(history.schedules(rf.getUserId(), req.selectorDeviceId()));
        }
        return facts;
    }

    public RequestFact requestFact(DuisRequest req, Context ctx, ValidationSettings settings, Instant receivedAt) {
        String srv = req.serviceReferenceVariant();
        Map<String, String> row = srv == null ? null : catalogue.get(srv);
        boolean mp162 = row != null;
        boolean nonDevice = mp162 && "NON_DEVICE".equals(row.get("kind"));
        CreateScheduleBody schedule = "5.1".equals(srv) ? req.schedule() : null;

        Mode mode;
        if (schedule != null || "5.1".equals(srv)) mode = Mode.SCHEDULE;
        else if (nonDevice) mode = Mode.NON_DEVICE;
        else if (req.executionDateTime() != null) mode = Mode.FUTURE_DATED;
        else mode = Mode.ON_DEMAND;

        User user = ctx.user(req.originatorId()).orElse(null);
        String role = user == null ? null : user.role().name();

        String deviceId = null;
        if (mp162 && !nonDevice) deviceId = req.targetId();
        else if (schedule != null) deviceId = schedule.deviceId();
        Device device = ctx.device(deviceId).orElse(null);

        String dataSrv = schedule != null ? schedule.scheduledSrv() : srv;
        Map<String, String> dataRow = dataSrv == null ? null : catalogue.get(dataSrv);
        String side = dataRow == null || dataRow.get("data_side").isEmpty() ? null : dataRow.get("data_side");
        String mpan = null;
        if (device != null && side != null) mpan = "IMPORT".equals(side) ? device.importMpan() : device.exportMpan();

        LocalDate accessDate = switch (mode) {
            case FUTURE_DATED -> req.executionDateTime().atZone(LONDON).toLocalDate();
            case SCHEDULE -> schedule != null && schedule.startDate() != null
                    ? schedule.startDate() : receivedAt.atZone(LONDON).toLocalDate();
            default -> receivedAt.atZone(LONDON).toLocalDate();
        };
        String purpose = user != null && user.role() == Role.MDR ? "MHHS" : settings.purpose().name();
        boolean scheduledInSet = schedule != null && schedule.scheduledSrv() != null
                && catalogue.containsKey(schedule.scheduledSrv());

        boolean accessChecked = user != null && ACCESS_ROLES.contains(user.role()) && device != null && side != null
                && (mode == Mode.ON_DEMAND || mode == Mode.FUTURE_DATED || mode == Mode.SCHEDULE);
        List<Appointment> appointments = accessChecked ? ctx.appointments(mpan) : List.of();
        LocalDate accessEnds = null;
        if (accessChecked && schedule != null && mpan != null && schedule.startDate() != null
                && AccessTimeline.covered(appointments, user.role(), user.partyId(), schedule.startDate())) {
            accessEnds = AccessTimeline.firstUncoveredDay(appointments, user.role(), user.partyId(),
                    schedule.startDate(), schedule.endDate());
        }

        boolean mhhsData = mp162 && !nonDevice && !row.get("dsp_body_element").isEmpty();
        boolean supplierMhhs = user != null && (user.role() == Role.IS || user.role() == Role.ES)
                && settings.purpose() == ValidationSettings.Purpose.MHHS;
        boolean h313a = mhhsData && (mode == Mode.ON_DEMAND || mode == Mode.FUTURE_DATED)
                && user != null && (user.role() == Role.MDR || supplierMhhs);

        return new RequestFact(req, srv, mode, mp162, side, role, user == null ? null : user.partyId(), deviceId,
                device != null, device == null ? null : device.deviceType(),
                device == null ? null : device.deviceStatus(), device == null ? null : device.smetsGeneration(),
                nonDevice && !"5.1".equals(srv), mpan, accessDate, purpose, receivedAt, scheduledInSet,
                appointments, accessChecked, accessEnds, mhhsData, h313a, ctx.schedules().isPresent());
    }
}
