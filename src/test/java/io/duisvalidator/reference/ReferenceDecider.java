package io.duisvalidator.reference;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.RuleTables;
import io.duisvalidator.internal.facts.FailedExecution;
import io.duisvalidator.internal.facts.Mode;
import io.duisvalidator.internal.facts.RequestFact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hand-written decider in plain Java that reaches the decisions of the rule set without Drools, from the same
 * inputs the rules get: the facts {@link io.duisvalidator.internal.facts.FactBuilder} builds (the request fact, the MPAN's
 * appointments, the requester's failed executions, the 5.2 / 5.3 schedules) and the same rule tables
 * ({@code rules/tables/*.csv} are data; the logic here is written again from docs/decisions.md and docs/codes.md).
 *
 * <p>Test and benchmark scope only: it is the baseline for the rule engine's cost and the oracle of the
 * differential test. It is not the product and never ships.
 */
public final class ReferenceDecider {
    /** D-VERSION: DUIS 5.3 carries MP162. */
    private static final BigDecimal V5_3 = new BigDecimal("5.3");
    /** D-DATES: GB settlement days. */
    private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");
    /** D-ACCESS-ROLES, D-H313A-SCOPE: the roles Registration Data and SEC H3.13A concern. */
    private static final Set<String> MDR_IS_ES = Set.of("MDR", "IS", "ES");
    /** D-H313A-STALE. */
    private static final int STALE_DAYS = 7;

    /** Precedence of docs/codes.md (highest first); codes outside it rank last. */
    private static final List<String> PRECEDENCE = List.of("DV-XML", "DV-SCHEMA", "DV-HEADER", "E12", "E1",
            "DV-VERSION", "E2", "E19", "E11", "E5", "E4", "DV-SCHEDULE", "DV-H3.13A");

    private record Srv(String srv, String serviceReference, String body, String dspBody, Set<Integer> cvs,
                       boolean nonDevice) {}

    private final Map<String, Srv> catalogue = new HashMap<>();
    private final Map<String, Srv> byBody = new HashMap<>();
    private final Map<String, Srv> byDspBody = new HashMap<>();
    /** srv|role -> eligible. */
    private final Map<String, Boolean> eligible = new HashMap<>();
    /** srv|sender|smets|mode -> seconds or "N/A". */
    private final Map<String, String> trt = new HashMap<>();
    private final Set<String> trtSrvs = new HashSet<>();
    /** srv -> device types it is valid for. */
    private final Map<String, Set<String>> deviceTypes = new HashMap<>();

    public ReferenceDecider(RuleTables tables) {
        for (Map<String, String> r : tables.rows(RuleTables.SRV_CATALOGUE)) {
            Set<Integer> cvs = new HashSet<>();
            for (String c : r.get("command_variants").split(" ")) cvs.add(Integer.valueOf(c));
            Srv s = new Srv(r.get("srv"), r.get("service_reference"), r.get("body_element"),
                    r.get("dsp_body_element").isEmpty() ? null : r.get("dsp_body_element"), cvs,
                    "NON_DEVICE".equals(r.get("kind")));
            catalogue.put(s.srv, s);
            byBody.put(s.body, s);
            if (s.dspBody != null) byDspBody.put(s.dspBody, s);
        }
        for (Map<String, String> r : tables.rows(RuleTables.ELIGIBILITY)) {
            eligible.put(r.get("srv") + "|" + r.get("role"), "yes".equals(r.get("eligible")));
        }
        for (Map<String, String> r : tables.rows(RuleTables.TRT)) {
            trt.put(r.get("srv") + "|" + r.get("sender") + "|" + r.get("smets") + "|" + r.get("mode"), r.get("trt_seconds"));
            trtSrvs.add(r.get("srv"));
        }
        for (Map<String, String> r : tables.rows(RuleTables.DEVICE_TYPES)) {
            Set<String> types = deviceTypes.computeIfAbsent(r.get("srv"), k -> new HashSet<>());
            if ("yes".equals(r.get("valid"))) types.add(r.get("device_type"));
        }
    }

    /** What the oracle compares: the decision's outcome, code, TRTs and the set of finding codes with severity. */
    public record Result(String outcome, String responseCode, Long trtSeconds, Long scheduledTrtSeconds,
                         Set<String> findings) {
        public static Result of(Decision d) {
            Set<String> f = new TreeSet<>();
            for (Finding x : d.findings()) f.add(x.code() + "/" + x.severity());
            return new Result(d.outcome().name(), d.responseCode(), d.trtSeconds(), d.scheduledTrtSeconds(), f);
        }
    }

    private static final class Found {
        final List<String[]> findings = new ArrayList<>(4);
        Long trt;
        Long scheduledTrt;

        void add(String code, Severity s) { findings.add(new String[]{code, s.name()}); }
    }

    /** The decision for the facts of one request ({@code facts.get(0)} is the {@link RequestFact}). */
    public Result decide(List<?> facts, ValidationSettings settings) {
        RequestFact r = (RequestFact) facts.get(0);
        Found f = new Found();
        String srv = r.getSrv();
        Srv own = srv == null ? null : catalogue.get(srv);
        boolean isSchedule = "5.1".equals(srv);
        String scheduled = r.getScheduledSrv();

        header(r, own, isSchedule, scheduled, f);
        if (own != null && (r.getCommandVariant() == null || !own.cvs.contains(r.getCommandVariant()))) {
            f.add("E12", Severity.ERROR);
        }
        String role = r.getRole();
        if (role == null) f.add("E1", Severity.ERROR);
        BigDecimal v = r.getSchemaVersion();
        boolean old = v != null && v.compareTo(V5_3) < 0;
        if ("MDR".equals(role) && old) f.add("DV-VERSION", Severity.ERROR);
        if (isSchedule && "4.2".equals(scheduled) && old) f.add("DV-VERSION", Severity.ERROR);

        // D-SCOPE
        boolean outOfSet = own == null || (isSchedule && !r.isScheduledSrvInMp162Set());
        if (role != null && outOfSet) f.add("MDR".equals(role) ? "E2" : "DV-SCOPE", "MDR".equals(role) ? Severity.ERROR : Severity.INFO);
        // Eligibility of the SRV and, for a 5.1, of the scheduled SRV (D-5.1-ELIGIBILITY)
        if (role != null && srv != null && Boolean.FALSE.equals(eligible.get(srv + "|" + role))) f.add("E2", Severity.ERROR);
        if (role != null && isSchedule && scheduled != null
                && Boolean.FALSE.equals(eligible.get(scheduled + "|" + role))) f.add("E2", Severity.ERROR);

        trt(r, isSchedule, scheduled, f);
        devices(r, f);
        access(r, facts, f);
        if (isSchedule && r.getScheduleEndDate() != null && r.getScheduleStartDate() != null
                && r.getScheduleEndDate().isBefore(r.getScheduleStartDate())) f.add("DV-SCHEDULE", Severity.ERROR);
        ownership(r, facts, f);
        scheduleFirst(r, facts, f);
        timing(r, f);

        return decide(r, f, settings);
    }

    /** D-HEADER. */
    private void header(RequestFact r, Srv own, boolean isSchedule, String scheduled, Found f) {
        String srv = r.getSrv();
        String sr = r.getServiceReference();
        String body = r.getBodyElement();
        boolean bad;
        if (own != null) {
            bad = !own.serviceReference.equals(sr) || !own.body.equals(body);
        } else {
            bad = sr == null || srv == null || !(srv.equals(sr) || srv.startsWith(sr + "."));
        }
        Srv bodyOwner = body == null ? null : byBody.get(body);
        if (bodyOwner != null && !bodyOwner.srv.equals(srv)) bad = true;
        if (isSchedule) {
            Srv sched = scheduled == null ? null : catalogue.get(scheduled);
            String dsp = r.getDspBodyElement();
            if (sched != null && sched.dspBody != null
                    && (!sched.serviceReference.equals(r.getScheduledServiceReference()) || !sched.dspBody.equals(dsp))) {
                bad = true;
            }
            Srv dspOwner = dsp == null ? null : byDspBody.get(dsp);
            if (dspOwner != null && !dspOwner.srv.equals(scheduled)) bad = true;
        }
        if (bad) f.add("DV-HEADER", Severity.ERROR);
    }

    /** D-TRT-MODE, D-NA-CODE: the On-Demand cell of the SRV, and for a 5.1 the Scheduled cell of the scheduled SRV. */
    private void trt(RequestFact r, boolean isSchedule, String scheduled, Found f) {
        String sender = r.getRole() == null ? null : ("MDR".equals(r.getRole()) ? "MDR" : "EXISTING");
        if (sender == null) return;
        for (int gen = 1; gen <= 2; gen++) {
            if (!r.servesGeneration(gen)) continue;
            if (r.getSrv() != null && trtSrvs.contains(r.getSrv())) {
                Long s = cell(r.getSrv(), sender, gen, "ON_DEMAND", f);
                if (s != null) f.trt = s;
            }
            if (isSchedule && scheduled != null && trtSrvs.contains(scheduled)) {
                Long s = cell(scheduled, sender, gen, "SCHEDULED", f);
                if (s != null) f.scheduledTrt = s;
            }
        }
    }

    private Long cell(String srv, String sender, int gen, String mode, Found f) {
        String v = trt.get(srv + "|" + sender + "|" + gen + "|" + mode);
        if (v == null) return null;
        if (!"N/A".equals(v)) return Long.valueOf(v);
        boolean allNa = true;
        boolean senderNa = true;
        for (String s : List.of("MDR", "EXISTING")) {
            for (String m : List.of("ON_DEMAND", "SCHEDULED")) {
                String x = trt.get(srv + "|" + s + "|" + gen + "|" + m);
                if (x == null) continue;
                boolean na = "N/A".equals(x);
                allNa &= na;
                if (s.equals(sender)) senderNa &= na;
            }
        }
        f.add(allNa ? "E11" : senderNa ? "E2" : "SCHEDULED".equals(mode) ? "DV-SCHEDULE" : "E2", Severity.ERROR);
        return null;
    }

    /** D-DEVICE-SCOPE, D-DEVICE-TYPES, D-DEVICE-STATUS. */
    private void devices(RequestFact r, Found f) {
        if (r.getDeviceId() == null) return;
        if (!r.isDeviceKnown()) {
            f.add("E19", Severity.ERROR);
            return;
        }
        Set<String> valid = deviceTypes.get(r.getDeviceSrv());
        if (valid != null && !valid.contains(r.getDeviceType())) f.add("E11", Severity.ERROR);
        if (!"Commissioned".equals(r.getDeviceStatus())) f.add("E5", Severity.ERROR);
    }

    /** D-ACCESS-ROLES, D-MPAN-SIDE, D-DATES, D-SCHEDULE-PAST-APPOINTMENT. */
    private static void access(RequestFact r, List<?> facts, Found f) {
        // issue 12: the scope moved from the fact builder into the DRL; written here again from D-ACCESS-ROLES
        if (r.getRole() == null || !MDR_IS_ES.contains(r.getRole()) || r.getDataSide() == null
                || !r.isDeviceKnown()) return;
        if (!"ESME".equals(r.getDeviceType())) {
            f.add("E4", Severity.ERROR);
        } else if ("EXPORT".equals(r.getDataSide()) && r.getMpan() == null) {
            f.add("E4", Severity.ERROR);
        }
        if (r.getMpan() != null) {
            Role role = Role.valueOf(r.getRole());
            LocalDate day = r.getAccessDate();
            boolean appointed = false;
            for (Object o : facts) {
                if (o instanceof Appointment a && a.mpan().equals(r.getMpan()) && a.role() == role
                        && a.partyId().equals(r.getPartyId()) && !day.isBefore(a.effectiveFrom())
                        && (a.effectiveTo() == null || !day.isAfter(a.effectiveTo()))) {
                    appointed = true;
                    break;
                }
            }
            if (!appointed) f.add("E4", Severity.ERROR);
        }
        if ("5.1".equals(r.getSrv()) && r.getScheduleAccessEnds() != null) f.add("E4", Severity.WARNING);
    }

    /** D-SCHEDULE-OWNERSHIP. */
    private static void ownership(RequestFact r, List<?> facts, Found f) {
        if (!"5.2".equals(r.getSrv()) && !"5.3".equals(r.getSrv())) return;
        if (!r.isHistorySupplied()) {
            f.add("DV-SCHEDULE", Severity.INFO);
            return;
        }
        String id = r.getSelectorScheduleId();
        String device = r.getSelectorDeviceId();
        if (id == null && device == null) return;
        boolean exists = false;
        boolean own = false;
        boolean other = false;
        for (Object o : facts) {
            if (!(o instanceof Schedule s)) continue;
            if (id != null) {
                if (!s.scheduleId().equals(id)) continue;
                exists = true;
                if (s.userId().equals(r.getUserId())) own = true; else other = true;
            } else if (s.deviceId().equals(device) && s.userId().equals(r.getUserId())) {
                own = true;
            }
        }
        if (id != null && (!exists || other)) f.add("DV-SCHEDULE", Severity.ERROR);
        if (id == null && !own) f.add("DV-SCHEDULE", Severity.ERROR);
    }

    /**
     * D-H313A-*: only FAILED / PARTIAL executions dated on or before the London receipt date count (D-H313A-RETRY);
     * the request's ReadLogPeriod must lie wholly inside their windows; without a period (4.2), one executed on the
     * request's date or the day before. Issue 12 changed both (before: any overlapping window, whatever its date).
     */
    private static void scheduleFirst(RequestFact r, List<?> facts, Found f) {
        // issue 12: the scope moved from the fact builder into the DRL; written here again from D-H313A-SCOPE
        boolean scope = r.isMhhsDataSrv() && (r.getMode() == Mode.ON_DEMAND || r.getMode() == Mode.FUTURE_DATED)
                && r.getRole() != null && MDR_IS_ES.contains(r.getRole()) && "MHHS".equals(r.getPurpose());
        if (!scope) return;
        LocalDate day = r.getAccessDate();
        LocalDate received = r.getReceivedAt().atZone(LONDON).toLocalDate();
        boolean period = r.getReadLogStart() != null && r.getReadLogEnd() != null;
        java.time.Instant start = period ? r.getReadLogStart() : null;
        java.time.Instant end = period ? (r.getReadLogEnd().isAfter(start) ? r.getReadLogEnd() : start.plusNanos(1)) : null;
        List<FailedExecution> counted = new ArrayList<>();
        // issue 12: the request fact carries the requester's failed reads (no longer facts of their own)
        for (FailedExecution e : r.getFailedReads()) {
            if (!e.executionDate().isAfter(received)) counted.add(e);
        }
        boolean covered;
        boolean fresh = false;
        if (period) {
            // walk the request's period, one failed window at a time
            java.time.Instant at = start;
            boolean progress = true;
            while (at.isBefore(end) && progress) {
                progress = false;
                for (FailedExecution e : counted) {
                    if (!e.windowStart().isAfter(at) && e.windowEnd().isAfter(at)) {
                        at = e.windowEnd();
                        progress = true;
                    }
                }
            }
            covered = !at.isBefore(end);
        } else {
            covered = counted.stream().anyMatch(e -> e.executionDate().equals(day) || e.executionDate().equals(day.minusDays(1)));
        }
        for (FailedExecution e : counted) {
            boolean overlaps = period ? start.isBefore(e.windowEnd()) && end.isAfter(e.windowStart())
                    : e.executionDate().equals(day) || e.executionDate().equals(day.minusDays(1));
            if (overlaps && !e.executionDate().plusDays(STALE_DAYS).isBefore(day)) fresh = true;
        }
        if (!covered) f.add("DV-H3.13A", Severity.ERROR);
        else if (!fresh) f.add("DV-H3.13A", Severity.INFO);
    }

    /** Issue 12: D-SCHEDULE-RECEIPT, D-FUTURE-DATED-CV, D-FUTURE-DATED-PAST. */
    private static void timing(RequestFact r, Found f) {
        LocalDate received = r.getReceivedAt().atZone(LONDON).toLocalDate();
        if ("5.1".equals(r.getSrv()) && r.getScheduleEndDate() != null && r.getScheduleEndDate().isBefore(received)) {
            f.add("DV-SCHEDULE", Severity.ERROR);
        }
        if (r.getMode() == Mode.FUTURE_DATED && r.isMp162Srv()) {
            Integer cv = r.getCommandVariant();
            if (cv != null && (cv == 2 || cv == 3)) f.add("E12", Severity.ERROR);
            if (r.getExecutionDateTime().isBefore(r.getReceivedAt())) f.add("DV-SCHEDULE", Severity.ERROR);
        }
    }

    /** docs/codes.md: the first ERROR by precedence; otherwise accepted, failing closed without a TRT. */
    private static Result decide(RequestFact r, Found f, ValidationSettings settings) {
        Set<String> codes = new TreeSet<>();
        String first = null;
        int firstRank = Integer.MAX_VALUE;
        for (String[] x : f.findings) {
            Severity s = Severity.valueOf(x[1]);
            if (x[0].equals("DV-H3.13A") && s == Severity.ERROR) s = settings.h313aSeverity();
            codes.add(x[0] + "/" + s);
            if (s == Severity.ERROR) {
                int rank = PRECEDENCE.indexOf(x[0]);
                if (rank < 0) rank = PRECEDENCE.size();
                if (rank < firstRank) {
                    firstRank = rank;
                    first = x[0];
                }
            }
        }
        if (first != null) return new Result("REJECTED", first, null, null, codes);
        boolean trtRequired = r.isMp162Srv() && r.getRole() != null;
        if (trtRequired && (f.trt == null
                || ("5.1".equals(r.getSrv()) && f.scheduledTrt == null && r.isScheduledSrvInMp162Set()))) {
            codes.add("DV-INTERNAL/ERROR");
            return new Result("ERROR", "DV-INTERNAL", null, null, codes);
        }
        return new Result("ACCEPTED", "I99", f.trt, f.scheduledTrt, codes);
    }
}
