package io.duisvalidator.reference;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;
import io.duisvalidator.context.User;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.reference.Transcription.RuleSet;
import io.duisvalidator.reference.Transcription.Sender;
import io.duisvalidator.reference.Transcription.Side;
import io.duisvalidator.reference.Transcription.Srv;
import io.duisvalidator.reference.Transcription.TrtCell;
import io.duisvalidator.reference.Transcription.TrtMode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A second, independent decider in plain Java: the oracle of {@code DifferentialTest} and the baseline of the
 * benchmarks. It shares nothing with the product but the request as read from the XML ({@link DuisRequest}, the
 * reader's plain record) and the exported context API:
 * <ul>
 *   <li>its tables are the hand transcription {@link Transcription} (MP162 and DUIS), never {@code rules/};</li>
 *   <li>it derives its own facts ({@link #facts}): the London dates, the mode, the device and its generation, which
 *       MPAN, whether access control and SEC H3.13A apply, the failed executions and their windows. No
 *       {@code FactBuilder}, {@code RequestFact} or other class of {@code internal.facts} beyond the request itself;</li>
 *   <li>its logic is written again from docs/decisions.md and the contract's code table.</li>
 * </ul>
 * Each project decision that may change lives in one small method named after it ({@link #scheduleAccessDay},
 * {@link #futureDatedAccessDay}, {@link #executionCounts}, {@link #retryCovered}, {@link #serviceReferenceOk},
 * {@link #outOfSetServiceReferenceOk}, {@link #noMpanRejects}, {@link #schedulable}, {@link #futureDatedCommandVariantOk},
 * {@link #policy}).
 *
 * <p>Two states of the SEC (issue 15): the reference judges each request by the rule set in force at its receipt
 * instant, from its own boundary {@link #MP162_IN_FORCE} (never the product's manifests), or by the one forced
 * ({@code --rule-set}); what differs before MP162 is in {@link Transcription} (no MDR column, the TRT table before
 * footnotes 4 and 5) and in the small methods {@link #inForce}, {@link #validUser}, {@link #versionRequired},
 * {@link #h313aExists} and {@link #inventoryGeneration}. Every result names its rule set's id.
 *
 * <p>Test and benchmark scope only; it never ships. {@code ReferenceIndependenceTest} keeps its imports honest.
 */
public final class ReferenceDecider {
    /** GB settlement days are London days (D-DATES). */
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /**
     * MP162 s6: implemented in the June 2024 SEC Release, 27 June 2024; a SEC Release starts at 00:00 London
     * (D-RULESET-VALIDITY), i.e. 2024-06-26T23:00:00Z (BST). Written here, not read from rules/rule-sets.
     */
    static final Instant MP162_IN_FORCE = LocalDateTime.of(2024, 6, 27, 0, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    /** D-VERSION: DUIS 5.3 carries MP162. */
    private static final BigDecimal V5_3 = new BigDecimal("5.3");
    /** D-H313A-STALE. */
    private static final int STALE_DAYS = 7;
    /** D-DEVICE-STATUS. */
    private static final String COMMISSIONED = "Commissioned";

    /** The contract's precedence (highest first); codes outside it rank last. */
    private static final List<String> PRECEDENCE = List.of("DV-XML", "DV-SCHEMA", "DV-HEADER", "E12", "E1",
            "DV-VERSION", "E2", "E19", "E11", "E5", "E4", "DV-SCHEDULE", "DV-H3.13A");

    /** D-MODE. */
    public enum Mode { ON_DEMAND, FUTURE_DATED, SCHEDULE, NON_DEVICE }

    /** A FAILED or PARTIAL execution of one of the requester's schedules, with the data window it was to collect. */
    record Failure(LocalDate executionDate, Instant windowStart, Instant windowEnd) {}

    /**
     * What the reference derives from a request and the context before judging it.
     *
     * @param srv          the request's catalogue entry, or null outside the MP162 set
     * @param schedule     the CreateSchedule body of a 5.1, else null
     * @param scheduled    the catalogue entry of a 5.1's scheduled SRV, or null
     * @param deviceId     the device the device checks apply to (target of a 4.x, DeviceID of a 5.1), or null
     * @param device       that device from the inventory, or null
     * @param dataSrv      the SRV whose data is read (the scheduled SRV of a 5.1), or null
     * @param mpan         the ESME MPAN of the data side, or null
     * @param accessDay    the London day on which access is judged
     * @param appointed    for access control: the requester holds an appointment for the MPAN on the access day
     * @param accessEnds   for a 5.1 whose requester is appointed on its access day: first day it no longer is, or null
     * @param h313a        SEC H3.13A decides the request (D-H313A-SCOPE)
     * @param failures     the requester's failed executions that count for the request (H3.13A only)
     * @param ownership    for a 5.2 / 5.3 with history: whether the selector names a schedule of the requester (null:
     *                     it selects nothing)
     */
    public record Facts(DuisRequest request, ValidationSettings settings, String srvId, Srv srv, Mode mode, User user,
                        CreateScheduleBody schedule, Srv scheduled, String deviceId, Device device, Srv dataSrv,
                        String mpan, LocalDate receiptDay, LocalDate accessDay, boolean accessChecked, boolean appointed,
                        LocalDate accessEnds, boolean h313a, List<Failure> failures, boolean historySupplied,
                        Boolean ownership, RuleSet ruleSet, Integer readGeneration) {
        Role role() { return user == null ? null : user.role(); }

        /** D-RULESET-ROLES: a known User in a User Role the rule set has (an MDR before MP162 is not one). */
        boolean validUser() { return ReferenceDecider.validUser(ruleSet, user); }
    }

    /** What the oracle compares: mode, role, outcome, code, TRTs and the set of finding codes with severity. */
    /**
     * ... and the rule set that judged it, by id: the decision's id is compared as an {@code expected.jsonl} line
     * naming the id alone is (D-RULESET-EXPECT: the version is the product's packaging, the digest never compared).
     */
    public record Result(String mode, String role, String outcome, String responseCode, Long trtSeconds,
                         Long scheduledTrtSeconds, Set<String> findings, String ruleSet) {
        public static Result of(Decision d) {
            Set<String> f = new TreeSet<>();
            for (Finding x : d.findings()) f.add(x.code() + "/" + x.severity());
            return new Result(d.mode(), d.role(), d.outcome().name(), d.responseCode(), d.trtSeconds(),
                    d.scheduledTrtSeconds(), f, d.ruleSet() == null ? null : d.ruleSet().id());
        }
    }

    /** The decision for one request, by the rule set in force at its receipt. {@code settings.receivedAt()} must be set. */
    public Result decide(DuisRequest request, Context context, ValidationSettings settings) {
        return decide(facts(request, context, settings, null));
    }

    /**
     * The decision for one request by the rule set {@code forcedRuleSet} names (as {@code --rule-set ID}), or by the
     * one in force at its receipt when null.
     */
    public Result decide(DuisRequest request, Context context, ValidationSettings settings, String forcedRuleSet) {
        return decide(facts(request, context, settings, forcedRuleSet));
    }

    /** D-RULESET-VALIDITY: the receipt instant decides, MP162 from its first instant (inclusive). */
    static RuleSet inForce(Instant receivedAt) {
        return receivedAt.isBefore(MP162_IN_FORCE) ? RuleSet.BEFORE_MP162 : RuleSet.MP162;
    }

    /** D-RULESET-ROLES: a User registered in a role the rule set lacks is no valid User (E1), as an unknown one. */
    static boolean validUser(RuleSet ruleSet, User user) {
        return user != null && Transcription.roleExists(ruleSet, user.role());
    }

    // ============================================================================================================
    // Facts

    /** Derives everything the checks need from the request, the context and the settings (rule set by the instant). */
    public Facts facts(DuisRequest req, Context ctx, ValidationSettings settings) {
        return facts(req, ctx, settings, null);
    }

    /** As {@link #facts(DuisRequest, Context, ValidationSettings)}, with the rule set forced when not null. */
    public Facts facts(DuisRequest req, Context ctx, ValidationSettings settings, String forcedRuleSet) {
        Instant at = Objects.requireNonNull(settings.receivedAt(), "settings.receivedAt()");
        RuleSet ruleSet = forcedRuleSet != null ? RuleSet.ofId(forcedRuleSet) : inForce(at);
        String srvId = req.serviceReferenceVariant();
        Srv srv = Transcription.srv(srvId);
        CreateScheduleBody schedule = "5.1".equals(srvId) ? req.schedule() : null;
        Srv scheduled = schedule == null ? null : Transcription.srv(schedule.scheduledSrv());
        Mode mode = mode(req, srvId, srv);
        User user = ctx.user(req.originatorId()).orElse(null);

        String deviceId = null;
        if (srv != null && srv.device()) deviceId = req.targetId();
        else if (schedule != null) deviceId = schedule.deviceId();
        Device device = deviceId == null ? null : ctx.device(deviceId).orElse(null);

        Srv dataSrv = schedule != null ? scheduled : srv;
        String mpan = null;
        if (device != null && dataSrv != null && dataSrv.side() != null) {
            mpan = dataSrv.side() == Side.IMPORT ? device.importMpan() : device.exportMpan();
        }

        LocalDate receiptDay = londonDay(at);
        LocalDate accessDay = switch (mode) {
            case FUTURE_DATED -> futureDatedAccessDay(req.executionDateTime(), receiptDay);
            case SCHEDULE -> scheduleAccessDay(schedule == null ? null : schedule.startDate(), receiptDay);
            default -> receiptDay;
        };

        boolean accessChecked = user != null && accessRole(user.role()) && device != null && dataSrv != null
                && dataSrv.side() != null && mode != Mode.NON_DEVICE;
        List<Appointment> appointments = accessChecked && mpan != null ? ctx.appointments(mpan) : List.of();
        boolean appointed = accessChecked && mpan != null && appointedOn(appointments, user, accessDay);
        LocalDate accessEnds = null;
        if (appointed && schedule != null) accessEnds = firstDayNotAppointed(appointments, user, accessDay, schedule.endDate());

        boolean h313a = h313aExists(ruleSet) && h313aApplies(mode, srv, user, settings);
        Optional<ScheduleHistory> history = ctx.schedules();
        List<Failure> failures = h313a && history.isPresent()
                ? failures(history.get(), req.originatorId(), deviceId, srvId, receiptDay) : List.of();
        Boolean ownership = ("5.2".equals(srvId) || "5.3".equals(srvId)) && history.isPresent()
                ? ownsSelected(history.get(), req) : null;

        return new Facts(req, settings, srvId, srv, mode, user, schedule, scheduled, deviceId, device, dataSrv, mpan,
                receiptDay, accessDay, accessChecked, appointed, accessEnds, h313a, failures, history.isPresent(), ownership,
                ruleSet, inventoryGeneration(srvId, req, ctx));
    }

    /**
     * D-RULESET-8.2: the TRT of an 8.2 follows the SMETS generation of the device whose inventory entry it reads (its
     * DeviceID, when in the inventory); null otherwise, and for every other SRV.
     */
    static Integer inventoryGeneration(String srvId, DuisRequest req, Context ctx) {
        if (!"8.2".equals(srvId) || req.selectorDeviceId() == null) return null;
        return ctx.device(req.selectorDeviceId()).map(Device::smetsGeneration).orElse(null);
    }

    /** SEC H3.13A (schedule first) comes with MP162 (its sections 3 and 8). */
    static boolean h313aExists(RuleSet ruleSet) {
        return ruleSet == RuleSet.MP162;
    }

    /** D-VERSION: MP162 s4 expects the DUIS version that carries it; before MP162 no version is required of anyone. */
    static boolean versionRequired(RuleSet ruleSet) {
        return ruleSet == RuleSet.MP162;
    }

    /** D-MODE: read from the request's shape; CommandVariant says how a command is delivered, not its mode. */
    private static Mode mode(DuisRequest req, String srvId, Srv srv) {
        if ("5.1".equals(srvId)) return Mode.SCHEDULE;
        if (srv != null && !srv.device()) return Mode.NON_DEVICE;
        return req.executionDateTime() != null ? Mode.FUTURE_DATED : Mode.ON_DEMAND;
    }

    static LocalDate londonDay(Instant i) { return i.atZone(LONDON).toLocalDate(); }

    /** D-REQUEST-DATE, future-dated requests: the London day of ExecutionDateTime. */
    static LocalDate futureDatedAccessDay(Instant executionDateTime, LocalDate receiptDay) {
        return londonDay(executionDateTime);
    }

    /**
     * D-REQUEST-DATE, 5.1: the first day the schedule can run, the later of ScheduleStartDate and the receipt day (the
     * receipt day when the body has none).
     */
    static LocalDate scheduleAccessDay(LocalDate scheduleStart, LocalDate receiptDay) {
        return scheduleStart != null && scheduleStart.isAfter(receiptDay) ? scheduleStart : receiptDay;
    }

    /** D-ACCESS-ROLES: Registration Data decides MDR, IS and ES requests only. */
    private static boolean accessRole(Role r) { return r == Role.MDR || r == Role.IS || r == Role.ES; }

    /** D-DATES: an appointment of the requester's party in the requester's role covering the day, both ends inclusive. */
    private static boolean appointedOn(List<Appointment> mpanAppointments, User user, LocalDate day) {
        for (Appointment a : mpanAppointments) {
            if (a.role() == user.role() && a.partyId().equals(user.partyId()) && !day.isBefore(a.effectiveFrom())
                    && (a.effectiveTo() == null || !day.isAfter(a.effectiveTo()))) return true;
        }
        return false;
    }

    /**
     * D-SCHEDULE-PAST-APPOINTMENT: the first day from {@code from} to {@code to} (null: open-ended) on which the
     * requester holds no appointment, or null. Walks from appointment end to appointment end, so an open-ended
     * schedule is answered without walking forever.
     */
    private static LocalDate firstDayNotAppointed(List<Appointment> mpanAppointments, User user, LocalDate from,
                                                  LocalDate to) {
        LocalDate day = from;
        while (to == null || !day.isAfter(to)) {
            if (!appointedOn(mpanAppointments, user, day)) return day;
            LocalDate latestEnd = null;
            for (Appointment a : mpanAppointments) {
                if (a.role() != user.role() || !a.partyId().equals(user.partyId()) || day.isBefore(a.effectiveFrom())
                        || (a.effectiveTo() != null && day.isAfter(a.effectiveTo()))) continue;
                if (a.effectiveTo() == null) return null;
                if (latestEnd == null || a.effectiveTo().isAfter(latestEnd)) latestEnd = a.effectiveTo();
            }
            day = latestEnd.plusDays(1);
        }
        return null;
    }

    /**
     * D-H313A-SCOPE: on-demand and future-dated requests for the schedulable MHHS data SRVs, from an MDR, or from an
     * IS / ES declaring MHHS. (4.1.1 cannot be scheduled: D-H313A-4.1.1.)
     */
    private static boolean h313aApplies(Mode mode, Srv srv, User user, ValidationSettings settings) {
        if (mode != Mode.ON_DEMAND && mode != Mode.FUTURE_DATED) return false;
        if (srv == null || !srv.device() || !srv.schedulable() || user == null) return false;
        Role r = user.role();
        return r == Role.MDR || ((r == Role.IS || r == Role.ES) && settings.purpose() == ValidationSettings.Purpose.MHHS);
    }

    /** The FAILED / PARTIAL executions of the requester's schedules for this device and SRV that count. */
    private static List<Failure> failures(ScheduleHistory h, String userId, String deviceId, String srv,
                                          LocalDate receiptDay) {
        List<Failure> out = new ArrayList<>();
        for (Schedule s : h.schedules(userId, deviceId, srv)) {
            for (Execution e : h.executions(s.scheduleId())) {
                if (e.result() == Execution.Result.SUCCESS || !executionCounts(e.executionDate(), receiptDay)) continue;
                LocalDate d = e.executionDate();
                out.add(new Failure(d, d.minus(period(s.frequency())).atStartOfDay(LONDON).toInstant(),
                        d.atStartOfDay(LONDON).toInstant()));
            }
        }
        return out;
    }

    /**
     * D-H313A-RETRY: a retry follows a failure: only executions dated on or before the London receipt day count (the
     * receipt day itself included; for a future-dated request too it is the receipt day, not ExecutionDateTime's).
     */
    static boolean executionCounts(LocalDate executionDate, LocalDate receiptDay) {
        return !executionDate.isAfter(receiptDay);
    }

    /** D-H313A-WINDOW: one schedule period (one settlement day when the frequency is unknown). */
    static Period period(String frequency) {
        if (frequency == null) return Period.ofDays(1);
        return switch (frequency) {
            case "Daily" -> Period.ofDays(1);
            case "Weekly" -> Period.ofWeeks(1);
            case "Monthly" -> Period.ofMonths(1);
            case "Quarterly" -> Period.ofMonths(3);
            case "Half-Yearly" -> Period.ofMonths(6);
            case "Yearly" -> Period.ofYears(1);
            default -> Period.ofDays(1);
        };
    }

    /** D-SCHEDULE-OWNERSHIP: whether the 5.2 / 5.3 selector names a schedule of the requester (null: nothing selected). */
    private static Boolean ownsSelected(ScheduleHistory h, DuisRequest req) {
        if (req.scheduleId() != null) {
            return h.schedule(req.scheduleId()).map(s -> s.userId().equals(req.originatorId())).orElse(false);
        }
        if (req.selectorDeviceId() != null) {
            return !h.schedules(req.originatorId(), req.selectorDeviceId()).isEmpty();
        }
        return null;
    }

    // ============================================================================================================
    // Checks: each adds what it finds

    private static final class Found {
        final List<String[]> findings = new ArrayList<>(4);
        Long trt;
        Long scheduledTrt;

        void add(String code, Severity s) { findings.add(new String[]{code, s.name(), null}); }

        /** A finding whose requirement id the severity policy may name (D-SEVERITY-POLICY). */
        void add(String code, Severity s, String requirement) { findings.add(new String[]{code, s.name(), requirement}); }

        void error(String code) { add(code, Severity.ERROR); }
    }

    /** The decision for derived facts. */
    public Result decide(Facts f) {
        Found out = new Found();
        header(f, out);
        commandVariant(f, out);
        if (!f.validUser()) out.error("E1");
        version(f, out);
        scope(f, out);
        eligibility(f, out);
        trt(f, out);
        device(f, out);
        access(f, out);
        scheduleDates(f, out);
        ownership(f, out);
        scheduleFirst(f, out);
        return decision(f, out);
    }

    /** D-HEADER: ServiceReference, body element and, for a 5.1, the scheduled SRV's reference and DSP body agree. */
    private static void header(Facts f, Found out) {
        DuisRequest r = f.request();
        boolean bad;
        if (f.srv() != null) {
            bad = !serviceReferenceOk(f.srv(), r.serviceReference()) || !f.srv().body().equals(r.bodyElement());
        } else {
            bad = !outOfSetServiceReferenceOk(f.srvId(), r.serviceReference());
        }
        Srv bodyOwner = Transcription.srvOfBody(r.bodyElement());
        if (bodyOwner != null && !bodyOwner.srv().equals(f.srvId())) bad = true;
        CreateScheduleBody s = f.schedule();
        if (s != null) {
            if (f.scheduled() != null && f.scheduled().schedulable()
                    && (!serviceReferenceOk(f.scheduled(), s.scheduledServiceReference())
                    || !f.scheduled().dspBody().equals(s.dspBodyElement()))) bad = true;
            Srv dspOwner = Transcription.srvOfDspBody(s.dspBodyElement());
            if (dspOwner != null && !dspOwner.srv().equals(s.scheduledSrv())) bad = true;
        }
        if (bad) out.error("DV-HEADER");
    }

    /** D-HEADER: the ServiceReference of an SRV of the catalogue is the catalogue's. */
    static boolean serviceReferenceOk(Srv srv, String serviceReference) {
        return srv.serviceReference().equals(serviceReference);
    }

    /** D-HEADER: outside the catalogue, ServiceReference is the SRV itself or its prefix. */
    static boolean outOfSetServiceReferenceOk(String srv, String sr) {
        return sr != null && srv != null && (srv.equals(sr) || srv.startsWith(sr + "."));
    }

    /** D-CV; D-FUTURE-DATED-CV: a future-dated MP162 device request takes Command Variant 1 only. */
    private static void commandVariant(Facts f, Found out) {
        Integer cv = f.request().commandVariant();
        if (f.srv() != null && (cv == null || !f.srv().commandVariants().contains(cv))) out.error("E12");
        else if (f.srv() != null && f.mode() == Mode.FUTURE_DATED && !futureDatedCommandVariantOk(cv)) out.error("E12");
    }

    /** D-FUTURE-DATED-CV: the DUIS schema annotates Command Variant 1 alone as "OD & FD". */
    static boolean futureDatedCommandVariantOk(Integer cv) {
        return cv != null && cv == 1;
    }

    /** D-VERSION. */
    private static void version(Facts f, Found out) {
        if (!versionRequired(f.ruleSet())) return;
        BigDecimal v = f.request().schemaVersion();
        boolean old = v != null && v.compareTo(V5_3) < 0;
        if (!old) return;
        if (f.role() == Role.MDR) out.error("DV-VERSION");
        CreateScheduleBody s = f.schedule();
        if (s != null && "4.2".equals(s.scheduledSrv())) out.error("DV-VERSION");
    }

    /** D-SCOPE: an SRV (or scheduled SRV) outside the eleven is E2 from an MDR, an INFO from any other role. */
    private static void scope(Facts f, Found out) {
        if (!f.validUser()) return;
        boolean outOfSet = f.srv() == null || (f.mode() == Mode.SCHEDULE && f.scheduled() == null);
        if (!outOfSet) return;
        if (f.role() == Role.MDR) out.error("E2"); else out.add("DV-SCOPE", Severity.INFO);
    }

    /** Eligibility matrix, and for a 5.1 the scheduled SRV's row too (D-5.1-ELIGIBILITY). */
    private static void eligibility(Facts f, Found out) {
        if (!f.validUser()) return;
        if (f.srv() != null && !Transcription.eligible(f.ruleSet(), f.srvId(), f.role())) out.error("E2");
        if (f.scheduled() != null && schedulable(f.scheduled())
                && !Transcription.eligible(f.ruleSet(), f.scheduled().srv(), f.role())) {
            out.error("E2");
        }
    }

    /**
     * D-NO-UNREACHABLE-RULE: a 5.1 is judged for its scheduled SRV (eligibility, Scheduled cell) only when DUIS can
     * schedule it; one built in code past the schema for another SRV gets no Scheduled TRT and fails closed.
     */
    static boolean schedulable(Srv scheduled) {
        return scheduled.schedulable();
    }

    /**
     * D-TRT-MODE, D-NA-CODE: the SRV's On-Demand cell; for a 5.1 also the scheduled SRV's Scheduled cell. When several
     * generations' cells apply (a non-device SRV whose device is unknown) the longest TRT is given (D-RULESET-8.2).
     */
    private static void trt(Facts f, Found out) {
        if (!f.validUser()) return;
        Sender sender = Sender.of(f.role());
        for (int gen : generations(f)) {
            TrtCell own = Transcription.trt(f.ruleSet(), f.srvId(), sender, gen, TrtMode.ON_DEMAND);
            if (own != null) {
                if (own.na()) out.error(own.decisionCode());
                else if (out.trt == null || own.seconds() > out.trt) out.trt = own.seconds();
            }
            if (f.scheduled() != null && schedulable(f.scheduled())) {
                TrtCell sc = Transcription.trt(f.ruleSet(), f.scheduled().srv(), sender, gen, TrtMode.SCHEDULED);
                if (sc.na()) out.error(sc.decisionCode()); else out.scheduledTrt = sc.seconds();
            }
        }
    }

    /**
     * The SMETS generations whose cells apply: the device's; for 8.2 the generation of the device it reads when in the
     * inventory (D-RULESET-8.2); both for 5.2, 5.3 and any other 8.2 (D-DEVICE-SCOPE); none when the device is unknown
     * (E19 decides).
     */
    private static int[] generations(Facts f) {
        if (f.device() != null) return new int[]{f.device().smetsGeneration()};
        if (f.readGeneration() != null && f.mode() == Mode.NON_DEVICE) return new int[]{f.readGeneration()};
        if (f.srv() != null && !f.srv().device() && f.mode() == Mode.NON_DEVICE) return new int[]{1, 2};
        return new int[0];
    }

    /** D-DEVICE-SCOPE, D-DEVICE-TYPES, D-DEVICE-STATUS. */
    private static void device(Facts f, Found out) {
        if (f.deviceId() == null) return;
        if (f.device() == null) {
            out.error("E19");
            return;
        }
        Srv read = f.schedule() != null ? f.scheduled() : f.srv();
        Set<String> valid = read == null ? null : Transcription.deviceTypes(read.srv());
        if (valid != null && !valid.contains(f.device().deviceType())) out.error("E11");
        if (!COMMISSIONED.equals(f.device().deviceStatus())) out.error("E5");
    }

    /** D-ACCESS-ROLES, D-MPAN-SIDE, D-DATES, D-SCHEDULE-PAST-APPOINTMENT. */
    private static void access(Facts f, Found out) {
        if (!f.accessChecked()) return;
        if (!"ESME".equals(f.device().deviceType())) out.error("E4");
        else if (f.mpan() == null && noMpanRejects(f.dataSrv().side())) out.error("E4");
        if (f.mpan() != null && !f.appointed() && appointmentChecked(f)) out.error("E4");
        if (f.accessEnds() != null) out.add("E4", Severity.WARNING);
    }

    /**
     * D-RULESET-ROLES: a User registered in a role the rule set lacks (MDR before MP162) is E1, and no appointment of
     * that role is required; what access control says of the device (only an ESME, an MPAN on the data side) and of a
     * schedule outliving an appointment held in the Registration Data still applies to it, as to any User registered
     * in an access role. (The response code is E1 either way: E1 ranks above E4.)
     */
    static boolean appointmentChecked(Facts f) {
        return f.validUser();
    }

    /**
     * D-MPAN-SIDE: an ESME with no MPAN on the data side is E4 on either side: no export MPAN, no export data; no
     * import MPAN, no Registration Data that could grant access, so access control fails closed.
     */
    static boolean noMpanRejects(Side side) {
        return side == Side.EXPORT || side == Side.IMPORT;
    }

    /**
     * A schedule ends on or after its start; D-SCHEDULE-RECEIPT: and not before its London receipt day (it could
     * never run). D-FUTURE-DATED-PAST: a future-dated request is not dated before its receipt instant.
     */
    private static void scheduleDates(Facts f, Found out) {
        CreateScheduleBody s = f.schedule();
        if (s != null && s.endDate() != null && s.startDate() != null && s.endDate().isBefore(s.startDate())) {
            out.error("DV-SCHEDULE");
        }
        if (s != null && s.endDate() != null && s.endDate().isBefore(f.receiptDay())) out.error("DV-SCHEDULE");
        if (f.srv() != null && f.mode() == Mode.FUTURE_DATED
                && f.request().executionDateTime().isBefore(f.settings().receivedAt())) out.error("DV-SCHEDULE");
    }

    /** D-SCHEDULE-OWNERSHIP: without history an INFO; with it, the selected schedule must be the requester's. */
    private static void ownership(Facts f, Found out) {
        if (!"5.2".equals(f.srvId()) && !"5.3".equals(f.srvId())) return;
        if (!f.historySupplied()) out.add("DV-SCHEDULE", Severity.INFO);
        else if (Boolean.FALSE.equals(f.ownership())) out.error("DV-SCHEDULE");
    }

    /**
     * SEC H3.13A (D-H313A-*): MHHS data on demand only as the retry of FAILED / PARTIAL scheduled reads that cover it;
     * a retry whose covering failures are all stale is noted (INFO).
     */
    private static void scheduleFirst(Facts f, Found out) {
        if (!f.h313a()) return;
        if (!retryCovered(f.failures(), f.request(), f.accessDay())) {
            out.add("DV-H3.13A", Severity.ERROR, "H313A-SCHEDULE-FIRST");
            return;
        }
        boolean fresh = false;
        for (Failure x : f.failures()) {
            if (overlaps(x, f.request(), f.accessDay())
                    && !x.executionDate().plusDays(STALE_DAYS).isBefore(f.accessDay())) fresh = true;
        }
        if (!fresh) out.add("DV-H3.13A", Severity.INFO, "H313A-STALE-RETRY");
    }

    /**
     * D-H313A-WINDOW: a retry asks only for what failed. With a ReadLogPeriod [start, end) the period must lie wholly
     * inside the union of the counting failures' windows (half-open; a period ending at or before its start asks for
     * its start instant); without one (4.2), a counting failure on the request's day or the day before.
     */
    static boolean retryCovered(List<Failure> failures, DuisRequest r, LocalDate requestDay) {
        if (r.readLogStart() == null || r.readLogEnd() == null) {
            for (Failure x : failures) if (overlaps(x, r, requestDay)) return true;
            return false;
        }
        Instant from = r.readLogStart();
        Instant to = r.readLogEnd().isAfter(from) ? r.readLogEnd() : null; // null: the start instant alone
        if (to == null) {
            for (Failure x : failures) if (!from.isBefore(x.windowStart()) && from.isBefore(x.windowEnd())) return true;
            return false;
        }
        // walk from the period's start: each step, the failure window that holds the point and reaches furthest
        Instant point = from;
        while (point.isBefore(to)) {
            Instant reach = null;
            for (Failure x : failures) {
                if (!point.isBefore(x.windowStart()) && point.isBefore(x.windowEnd())
                        && (reach == null || x.windowEnd().isAfter(reach))) reach = x.windowEnd();
            }
            if (reach == null) return false;
            point = reach;
        }
        return true;
    }

    /**
     * D-H313A-WINDOW: a failure concerns a request whose ReadLogPeriod overlaps its window; a request without a period
     * (4.2) when it executed on the request's day or the day before.
     */
    static boolean overlaps(Failure x, DuisRequest r, LocalDate requestDay) {
        if (r.readLogStart() != null && r.readLogEnd() != null) {
            if (!r.readLogEnd().isAfter(r.readLogStart())) {
                // a period ending at or before its start reads its start instant (D-H313A-WINDOW)
                return !r.readLogStart().isBefore(x.windowStart()) && r.readLogStart().isBefore(x.windowEnd());
            }
            return r.readLogStart().isBefore(x.windowEnd()) && r.readLogEnd().isAfter(x.windowStart());
        }
        return x.executionDate().equals(requestDay) || x.executionDate().equals(requestDay.minusDays(1));
    }

    /**
     * D-SEVERITY-POLICY: the settings' severity for the finding's requirement id, else for its code, else its own.
     * (The reference names the requirement of its H3.13A findings only, the ones the generated settings set.)
     */
    static Severity policy(ValidationSettings settings, String code, String requirement, Severity own) {
        Severity s = requirement == null ? null : settings.severities().get(requirement);
        if (s == null) s = settings.severities().get(code);
        return s == null ? own : s;
    }

    /** The contract: the first ERROR by precedence rejects; otherwise accepted, failing closed without a TRT. */
    private static Result decision(Facts f, Found out) {
        Set<String> codes = new TreeSet<>();
        String first = null;
        int firstRank = Integer.MAX_VALUE;
        for (String[] x : out.findings) {
            Severity s = policy(f.settings(), x[0], x[2], Severity.valueOf(x[1]));
            codes.add(x[0] + "/" + s);
            if (s != Severity.ERROR) continue;
            int rank = PRECEDENCE.indexOf(x[0]);
            if (rank < 0) rank = PRECEDENCE.size();
            if (rank < firstRank) {
                firstRank = rank;
                first = x[0];
            }
        }
        String mode = f.mode().name();
        String role = f.role() == null ? null : f.role().name();
        String ruleSet = f.ruleSet().id();
        if (first != null) return new Result(mode, role, "REJECTED", first, null, null, codes, ruleSet);
        boolean trtRequired = f.srv() != null && f.validUser();
        if (trtRequired && (out.trt == null || (f.schedule() != null && f.scheduled() != null && out.scheduledTrt == null))) {
            codes.add("DV-INTERNAL/ERROR");
            return new Result(mode, role, "ERROR", "DV-INTERNAL", null, null, codes, ruleSet);
        }
        return new Result(mode, role, "ACCEPTED", "I99", out.trt, out.scheduledTrt, codes, ruleSet);
    }
}
