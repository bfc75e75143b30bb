package io.duisvalidator.reference;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.InMemoryScheduleHistory;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of contexts and requests for the differential test: mostly well-formed requests with one or two
 * things wrong, over users of every role, devices of every type, generation and status, Registration Data with
 * appointments starting and ending around the request dates, and schedule histories with failed, partial and
 * successful executions.
 *
 * <p>Both rule sets (issue 15): half the worlds (even seeds) live around the MP162 go-live (their dates, Registration Data and
 * schedule history around 27 June 2024), the others in 2027. Receipt instants fall on both sides of the go-live
 * instant, 2024-06-26T23:00:00Z (00:00 in London), some within seconds of it and some around the London and UTC
 * midnights of the days around it; one request in eight is judged by a forced rule set ({@link #forcedRuleSet()}).
 */
public final class RandomWorld {
    static final String DCC = "90-B3-D5-1F-30-00-00-02";
    static final String UNKNOWN_USER = "7A-00-00-00-00-00-0F-FF";
    static final String UNKNOWN_DEVICE = "00-1A-00-00-00-00-0E-EE";

    /**
     * SRV -> {ServiceReference, body element, DSP body element or null}: the eleven of the {@link Transcription} and
     * two SRVs outside the MP162 set.
     */
    static final Map<String, String[]> SHAPES = new java.util.HashMap<>();

    static {
        for (Transcription.Srv s : Transcription.catalogue()) {
            SHAPES.put(s.srv(), new String[]{s.serviceReference(), s.body(), s.dspBody()});
        }
        SHAPES.put("6.15.2", new String[]{"6.15", "UpdateSecurityCredentialsCoS", null});
        SHAPES.put("4.4.2", new String[]{"4.4", "RetrieveBillingCalendarTriggeredDataLog", null});
    }

    static final List<String> SRVS = List.copyOf(new java.util.TreeSet<>(SHAPES.keySet()));
    static final List<String> DATA_SRVS = List.of("4.1.1", "4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17");
    /** The SRVs a 5.1 can schedule (a DSP body in the transcription). */
    static final List<String> SCHEDULABLE = Transcription.catalogue().stream().filter(Transcription.Srv::schedulable)
            .map(Transcription.Srv::srv).toList();
    static final String[] FREQUENCIES = {"Daily", "Weekly", "Monthly", "Quarterly", "Half-Yearly", "Yearly", null};

    private final Random rnd;
    /** The MP162 go-live, 00:00 in London on 27 June 2024 (written here; the rule sets' boundary is not read). */
    static final Instant GO_LIVE = Instant.parse("2024-06-26T23:00:00Z");
    static final List<String> RULE_SETS = List.of("before-mp162", "mp162");

    private final LocalDate base;
    /** The rule set forced for the request of the last {@link #settings()} call, or null (by its receipt instant). */
    private String forced;
    final List<String> users = new ArrayList<>();
    final List<String> devices = new ArrayList<>();
    final List<String> scheduleIds = new ArrayList<>();
    final Context context;

    public RandomWorld(long seed) {
        rnd = new Random(seed);
        // by the seed's parity, not a first draw: the first draws of Randoms seeded one apart are alike
        base = Math.floorMod(seed, 2L) == 0 ? LocalDate.parse("2024-06-27") : LocalDate.parse("2027-01-15");
        Context.Builder b = Context.builder();

        for (Role r : Role.values()) {
            for (int k = 1; k <= 2; k++) {
                String id = String.format("7A-00-00-00-00-00-%02X-%02X", r.ordinal() + 1, k);
                b.user(id, r, r.name() + "P" + k);
                users.add(id);

            }
        }
        users.add(UNKNOWN_USER);
        List<String> mpans = new ArrayList<>();
        String[][] kinds = {{"ESME", "1"}, {"ESME", "2"}, {"ESME", "2"}, {"GSME", "1"}, {"GSME", "2"}, {"GPF", "2"},
                {"IHD", "2"}, {"ESME", "1"}};
        for (int i = 0; i < kinds.length; i++) {
            String id = String.format("00-1A-00-00-00-00-%02X-%02X", i + 1, rnd.nextInt(256));
            boolean esme = kinds[i][0].equals("ESME");
            // one ESME in six has no import MPAN (D-MPAN-SIDE: import data then fails closed)
            String imp = esme && rnd.nextInt(6) > 0 ? mpan(mpans) : null;
            String exp = esme && rnd.nextInt(3) > 0 ? mpan(mpans) : null;
            String status = rnd.nextInt(8) == 0 ? "Suspended" : "Commissioned";
            b.device(new Device(id, kinds[i][0], status, Integer.parseInt(kinds[i][1]), imp, exp));
            devices.add(id);
        }
        devices.add(UNKNOWN_DEVICE);
        for (String m : mpans) {
            for (Role r : List.of(Role.IS, Role.ES, Role.MDR)) {
                // often a long-standing appointment of party 1, so that its requests pass access control
                if (rnd.nextBoolean()) b.appointment(new Appointment(m, r, r.name() + "P1", base.minusDays(90), null));
                int n = rnd.nextInt(3);
                for (int k = 0; k < n; k++) {
                    LocalDate from = base.plusDays(rnd.nextInt(40) - 25);
                    LocalDate to = rnd.nextBoolean() ? null : from.plusDays(rnd.nextInt(30));
                    b.appointment(new Appointment(m, r, r.name() + "P" + (1 + rnd.nextInt(2)), from, to));
                }
            }
        }
        if (rnd.nextInt(4) > 0) {
            InMemoryScheduleHistory h = new InMemoryScheduleHistory();
            int n = 5 + rnd.nextInt(25);
            for (int i = 0; i < n; i++) {
                String id = "S" + i;
                String user = users.get(rnd.nextInt(users.size() - 1));
                String device = devices.get(rnd.nextInt(devices.size() - 1));
                String srv = DATA_SRVS.get(rnd.nextInt(DATA_SRVS.size()));
                LocalDate start = base.minusDays(rnd.nextInt(60));
                h.record(new Schedule(id, user, device, srv, FREQUENCIES[rnd.nextInt(FREQUENCIES.length)], start, null));
                scheduleIds.add(id);
                int e = rnd.nextInt(6);
                for (int k = 0; k < e; k++) {
                    Execution.Result res = Execution.Result.values()[rnd.nextInt(3)];
                    h.record(new Execution(id, base.minusDays(rnd.nextInt(20)), res));
                }
            }
            b.schedules(h);
        }
        context = b.build();
    }

    /** A 13-digit MPAN core with a valid check digit, added to the list. */
    private String mpan(List<String> all) {
        int[] primes = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};
        StringBuilder sb = new StringBuilder();
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = i == 0 ? 1 + rnd.nextInt(9) : rnd.nextInt(10);
            sb.append(d);
            sum += d * primes[i];
        }
        sb.append(sum % 11 % 10);
        all.add(sb.toString());
        return sb.toString();
    }

    public Context context() { return context; }

    /** The day the world's dates are drawn around: 27 June 2024 (the MP162 go-live) or 15 January 2027. */
    public LocalDate base() { return base; }

    /**
     * The receipt instant, purpose and H3.13A policy of the next request; also draws whether it is judged by a forced
     * rule set ({@link #forcedRuleSet()}).
     */
    public ValidationSettings settings() {
        Instant at = base.plusDays(rnd.nextInt(21) - 10).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(rnd.nextInt(86400));
        int near = rnd.nextInt(10);
        if (near == 0) at = at.plusSeconds(180L * 86400); // British Summer Time in 2027, GMT in 2024
        else if (near == 1) at = GO_LIVE.plusSeconds(rnd.nextInt(11) - 5); // within seconds of the go-live
        else if (near == 2) {
            // around a London midnight (23:00Z in summer) or a UTC midnight of the days around the go-live
            Instant midnight = GO_LIVE.plusSeconds(86400L * (rnd.nextInt(3) - 1) + (rnd.nextBoolean() ? 0 : 3600));
            at = midnight.plusSeconds(rnd.nextInt(1201) - 600);
        }
        forced = rnd.nextInt(8) == 0 ? pick(RULE_SETS) : null;
        return ValidationSettings.defaults().at(at)
                .purpose(rnd.nextBoolean() ? ValidationSettings.Purpose.MHHS : ValidationSettings.Purpose.BAU)
                .h313a(rnd.nextBoolean() ? Severity.ERROR : Severity.WARNING);
    }

    /** The rule set forced for the request of the last {@link #settings()} (as {@code --rule-set ID}), or null. */
    public String forcedRuleSet() { return forced; }

    private <T> T pick(List<T> l) { return l.get(rnd.nextInt(l.size())); }

    private boolean chance(int inN) { return rnd.nextInt(inN) == 0; }

    private Instant instant(int daysAround) {
        return base.plusDays(rnd.nextInt(2 * daysAround + 1) - daysAround).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * A request; one in three is "clean" (its header, Command Variant, version and, for a 5.1, its scheduled SRV,
     * DSP body and dates as DUIS wants them), so that accepted requests, scheduled TRT cells included, are frequent.
     */
    public DuisRequest request() {
        boolean clean = chance(3);
        String user = pick(users);
        String srv = pick(SRVS);
        String[] shape = SHAPES.get(srv);
        String sr = !clean && chance(12) ? SHAPES.get(pick(SRVS))[0] : shape[0];
        String body = !clean && chance(12) ? SHAPES.get(pick(SRVS))[1] : shape[1];
        boolean device4 = srv.startsWith("4.") || srv.startsWith("6.");
        Integer cv = !clean && chance(8) ? pick(java.util.Arrays.asList(1, 2, 3, 4, 8, null)) : (device4 ? 1 + rnd.nextInt(3) : 8);
        BigDecimal version = new BigDecimal(!clean && chance(6) ? pick(List.of("5.1", "5.2", "5.3")) : "5.4");
        String device = pick(devices);
        String target = device4 ? device : DCC;
        Instant execution = device4 && chance(6) ? instant(10).plusSeconds(rnd.nextInt(86400)) : null;
        Instant logStart = null;
        Instant logEnd = null;
        if (device4 && !srv.equals("4.1.1") && !srv.equals("4.2") && !chance(10)) {
            logStart = instant(20);
            logEnd = logStart.plusSeconds(86400L * (1 + rnd.nextInt(5)));
        }
        CreateScheduleBody schedule = null;
        String scheduleId = null;
        String selector = null;
        if (srv.equals("5.1")) {
            // only SRVs a schema-valid 5.1 may name (DSPScheduledServiceReferenceVariant): the reader rejects any
            // other before a rule runs, and the rule base has no rule for what no message reaches (issue 17)
            String scheduled = pick(SCHEDULABLE);
            String[] s = SHAPES.get(scheduled);
            String ssr = !clean && chance(12) ? SHAPES.get(pick(SRVS))[0] : s[0];
            String dsp = !clean && chance(12) ? SHAPES.get(pick(DATA_SRVS))[2] : s[2];
            LocalDate start = base.plusDays(rnd.nextInt(60) - 20);
            LocalDate end = chance(2) ? null : start.plusDays(rnd.nextInt(60) - (clean ? 0 : 5));
            schedule = new CreateScheduleBody(FREQUENCIES[rnd.nextInt(FREQUENCIES.length - 1)], start, end, null, ssr,
                    scheduled, device, dsp, -1, 0);
        } else if (srv.equals("5.2") || srv.equals("5.3")) {
            if (rnd.nextBoolean() && !scheduleIds.isEmpty()) scheduleId = chance(5) ? "S999" : pick(scheduleIds);
            else if (rnd.nextBoolean()) scheduleId = "S" + rnd.nextInt(40);
            else selector = device;
        } else if (srv.equals("8.2")) {
            selector = device;
        }
        return new DuisRequest(user + ":" + target + ":1000", user, target, "1000", version, null, null, cv, sr, srv,
                body, execution, logStart, logEnd, schedule, scheduleId, selector, true);
    }
}
