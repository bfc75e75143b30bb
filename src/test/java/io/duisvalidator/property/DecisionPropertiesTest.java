package io.duisvalidator.property;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.Decision;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.support.DecisionInvariants;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of decisions over generated requests and contexts: the decision invariants, determinism, independence
 * of thread count, order and unrelated context rows, and (issue 3) access control against an oracle written here.
 */
class DecisionPropertiesTest {
    static final Context BASE = Fixtures.baseContext().build();
    static final CoreValidator VALIDATOR = Fixtures.validator(BASE);
    static final List<String> DEVICES = List.of(Fixtures.ESME_S1, Fixtures.ESME_S2, Fixtures.GSME_S1, Fixtures.GSME_S2,
            Fixtures.GPF_S2, Fixtures.ESME_SUSPENDED, Fixtures.UNKNOWN_DEVICE);
    static final List<String> SRVS = List.of("4.1.1", "4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17", "5.1", "5.2",
            "5.3", "8.2", "4.4.2", "6.15.1");
    static final List<String> SCHEDULABLE = List.of("4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17", "4.1.1");

    /** A generated request with the settings it is judged with. */
    record Case(DuisRequest request, ValidationSettings settings) {}

    @Provide
    Arbitrary<Case> cases() {
        List<String> ids = new ArrayList<>(Fixtures.USER.values());
        ids.add(Fixtures.UNKNOWN_USER);
        Arbitrary<String> users = Arbitraries.of(ids);
        Arbitrary<Requests.Builder> builders = Combinators.combine(users, Arbitraries.of(SRVS), Arbitraries.of(DEVICES))
                .as(Requests::request);
        Arbitrary<Instant> at = Arbitraries.longs().between(0, 3L * 365 * 24 * 3600)
                .map(s -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(s));
        // Mostly the Command Variant the SRV takes (0 = keep it), sometimes any other.
        Arbitrary<Integer> cvs = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 9)));
        return Combinators.combine(builders, cvs, Arbitraries.of("5.1", "5.2", "5.3", "5.4"),
                Arbitraries.integers().between(-2, 40), Arbitraries.of(SCHEDULABLE), at,
                Arbitraries.of(ValidationSettings.Purpose.values()), Arbitraries.of(Severity.ERROR, Severity.WARNING))
                .as((b, cv, version, days, scheduled, instant, purpose, h313a) -> {
                    if (cv > 0) b.commandVariant(cv);
                    b.schemaVersion(version);
                    if (days > 30) b.executeAt(instant.plusSeconds(86_400L * (days - 30)).toString());
                    LocalDate day = instant.atZone(ZoneId.of("Europe/London")).toLocalDate();
                    b.readLog(day.minusDays(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant().toString(),
                            day.atStartOfDay(ZoneId.of("Europe/London")).toInstant().toString());
                    b.schedules(scheduled, day.plusDays(Math.max(0, days)).toString(),
                            days % 3 == 0 ? null : day.plusDays(days + 10L - days % 7).toString());
                    if (days % 5 == 0) b.scheduleId("S" + days);
                    return new Case(b.build(), ValidationSettings.defaults().at(instant).purpose(purpose).h313a(h313a));
                });
    }

    @Property(tries = 400)
    void everyDecisionKeepsTheInvariants(@ForAll("cases") Case c) {
        Decision d = VALIDATOR.validate(c.request(), c.settings());
        DecisionInvariants.check(d);
        Statistics.label("responseCode").collect(d.responseCode());
        Statistics.label("responseCode").coverage(cov -> {
            cov.check("I99").percentage(p -> p > 15);
            cov.check("E12").percentage(p -> p < 40);
        });
        assertThat(DecisionInvariants.isInternalFailure(d)).as(d.toString()).isFalse();
    }

    @Property(tries = 200)
    void equalInputsGiveEqualDecisions(@ForAll("cases") Case c) {
        CoreValidator other = Fixtures.validator(Fixtures.baseContext().build());
        assertThat(other.validate(c.request(), c.settings())).isEqualTo(VALIDATOR.validate(c.request(), c.settings()));
        assertThat(VALIDATOR.validate(c.request(), c.settings())).isEqualTo(VALIDATOR.validate(c.request(), c.settings()));
    }

    /** Users, devices and appointments that no generated request names (other EUI prefix, other MPANs). */
    @Property(tries = 200)
    void unrelatedContextRowsChangeNothing(@ForAll("cases") Case c, @ForAll long seed) {
        Context.Builder b = Fixtures.baseContext();
        Random r = new Random(seed);
        for (int i = 0; i < 1 + r.nextInt(30); i++) {
            String id = String.format("AA-BB-CC-DD-EE-%02X-%02X-%02X", r.nextInt(256), r.nextInt(256), r.nextInt(256));
            Role role = Role.values()[r.nextInt(Role.values().length)];
            String mpan = mpan(900_000_000_000L + r.nextInt(1_000_000));
            b.user(id, role, Fixtures.PARTY.get(role)); // an unrelated user of a related party
            b.device(new Device(id, r.nextBoolean() ? "ESME" : "GSME", "Commissioned", 1 + r.nextInt(2), mpan, null));
            b.appointment(new Appointment(mpan, Role.MDR, Fixtures.PARTY.get(Role.MDR), LocalDate.of(2020, 1, 1), null));
            b.appointment(new Appointment(mpan, Role.IS, "OTHER", LocalDate.of(2020, 1, 1), null));
        }
        Decision withExtra = Fixtures.validator(b.build()).validate(c.request(), c.settings());
        assertThat(withExtra).isEqualTo(VALIDATOR.validate(c.request(), c.settings()));
    }

    @Provide
    Arbitrary<List<Case>> batches() {
        return cases().list().ofMinSize(20).ofMaxSize(60);
    }

    @Property(tries = 15)
    void threadCountAndOrderChangeNothing(@ForAll("batches") List<Case> batch,
                                          @ForAll long seed) throws Exception {
        List<Decision> sequential = new ArrayList<>();
        for (Case c : batch) sequential.add(VALIDATOR.validate(c.request(), c.settings()));

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(seed));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (int i : order) futures.add(pool.submit(() -> VALIDATOR.validate(batch.get(i).request(), batch.get(i).settings())));
            for (int k = 0; k < order.size(); k++) {
                assertThat(futures.get(k).get()).isEqualTo(sequential.get(order.get(k)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- issue 3: random appointment timelines against an oracle ----

    static final String MDR_PARTY = Fixtures.PARTY.get(Role.MDR);

    /** One appointment: party (the requester's or another), start offset and length in days (length 0 = open). */
    record Span(boolean requester, int startDay, int days) {}

    @Provide
    Arbitrary<List<Span>> timelines() {
        Arbitrary<Integer> length = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                Tuple.of(6, Arbitraries.integers().between(1, 90)));
        return Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.integers().between(-20, 160), length)
                .as(Span::new).list().ofMaxSize(6);
    }

    @Property(tries = 500)
    void mdrAccessMatchesTheOracle(@ForAll("timelines") List<Span> timeline,
                                   @ForAll("londonInstants") Instant at,
                                   @ForAll("mdrSrvs") String srv) {
        LocalDate origin = LocalDate.of(2027, 1, 1);
        String mpan = srv.equals("4.2") || srv.equals("4.6.2") || srv.equals("4.8.3") ? Fixtures.MPAN_EXPORT_S2
                : Fixtures.MPAN_IMPORT_S2;
        Context.Builder b = Fixtures.bareContext();
        for (Span s : timeline) {
            LocalDate from = origin.plusDays(s.startDay());
            b.appointment(new Appointment(mpan, Role.MDR, s.requester() ? MDR_PARTY : "PMDR-OTHER", from,
                    s.days() == 0 ? null : from.plusDays(s.days() - 1)));
        }
        Decision d = Fixtures.validator(b.build()).validate(
                Requests.request(Fixtures.USER.get(Role.MDR), srv, Fixtures.ESME_S2).build(),
                Fixtures.settings().at(at));

        // Oracle: appointed when one of the requester's spans holds the London date of receipt, both ends inclusive.
        LocalDate day = at.atZone(ZoneId.of("Europe/London")).toLocalDate();
        boolean appointed = timeline.stream().anyMatch(s -> {
            LocalDate from = origin.plusDays(s.startDay());
            LocalDate to = s.days() == 0 ? null : from.plusDays(s.days() - 1);
            return s.requester() && !day.isBefore(from) && (to == null || !day.isAfter(to));
        });
        Statistics.label("appointed").collect(appointed);
        Statistics.label("appointed").coverage(cov -> {
            cov.check(true).percentage(p -> p > 10);
            cov.check(false).percentage(p -> p > 20);
        });
        assertThat(d.responseCode()).as(timeline + " at " + at + " (" + day + "): " + d.findings())
                .isEqualTo(appointed ? "I99" : "E4");
    }

    @Provide
    Arbitrary<Instant> londonInstants() {
        // 2026-12-15 .. 2027-06-15: covers the spring clock change; minutes, so London midnights are hit.
        Instant start = Instant.parse("2026-12-15T00:00:00Z");
        return Arbitraries.integers().between(0, 182 * 24 * 60).map(m -> start.plusSeconds(60L * m))
                .edgeCases(e -> e.add(Instant.parse("2027-03-27T23:59:00Z"), Instant.parse("2027-03-28T00:00:00Z"),
                        Instant.parse("2027-05-01T22:59:00Z"), Instant.parse("2027-05-01T23:00:00Z")));
    }

    @Provide
    Arbitrary<String> mdrSrvs() {
        return Arbitraries.of("4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17");
    }

    static String mpan(long twelveDigits) {
        int[] w = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};
        String s = String.format("%012d", twelveDigits);
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (s.charAt(i) - '0') * w[i];
        return s + (sum % 11) % 10;
    }
}
