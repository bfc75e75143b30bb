package io.duisvalidator;

import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.RegistrationData;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;
import io.duisvalidator.context.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Context served from an adaptor's own stores, through the exported API only: the same decisions as the in-memory
 * context; a source that throws, answers wrongly or hangs costs one request an ERROR naming it and nothing else; a
 * context replaced while requests run is seen whole or not at all.
 */
class LiveContextTest {
    static final Path SCENARIO = Path.of("samples/h313a-mdr-retry-after-failed-schedule");
    static final String USER = "7A-00-00-00-00-00-08-01";
    static final String DEVICE = "00-1A-00-00-00-00-02-01";
    static final String IMPORT_MPAN = "1400000002018";
    static final ValidationSettings SETTINGS = ValidationSettings.defaults().at(java.time.Instant.parse("2027-01-15T10:00:00Z"));

    static Context loaded;
    static List<byte[]> messages = new ArrayList<>();
    static List<Decision> expected = new ArrayList<>();
    static byte[] retry;
    static Validator inMemory;

    @BeforeAll
    static void load() throws Exception {
        loaded = CsvContextLoader.load(SCENARIO.resolve("context"));
        inMemory = Validator.create(loaded);
        try (var files = Files.list(SCENARIO.resolve("messages"))) {
            for (Path f : files.sorted().toList()) {
                messages.add(Files.readAllBytes(f));
                expected.add(inMemory.validate(messages.get(messages.size() - 1), SETTINGS));
            }
        }
        retry = Files.readAllBytes(SCENARIO.resolve("messages/retry-4.8.1-day-of-failed-execution.xml"));
        assertThat(inMemory.validate(retry, SETTINGS).accepted()).isTrue();
    }

    /** The loaded context's rows behind lambdas: sources the validator knows nothing about. */
    private static Context.Builder adaptorSources(RegistrationData registration) {
        return Context.builder()
                .users(id -> loaded.user(id))
                .devices(id -> loaded.device(id))
                .registration(registration)
                .schedules(loaded.schedules().orElseThrow());
    }

    @Test
    void adaptorSourcesGiveTheDecisionsOfTheInMemoryContextAskingOneMpanAtATime() {
        Set<String> asked = ConcurrentHashMap.newKeySet();
        Validator v = Validator.create(adaptorSources(mpan -> {
            asked.add(mpan);
            return loaded.appointments(mpan);
        }).build());
        for (int i = 0; i < messages.size(); i++) {
            assertThat(v.validate(messages.get(i), SETTINGS)).isEqualTo(expected.get(i));
        }
        assertThat(asked).containsOnly(IMPORT_MPAN, "1400000002027");
    }

    @Test
    void appointmentsInAnyOrderAreReadInEffectiveFromOrder() {
        LocalDate d = LocalDate.of(2026, 1, 1);
        List<Appointment> unsorted = List.of(
                new Appointment(IMPORT_MPAN, Role.MDR, "MDRX", d.plusYears(1), null),
                new Appointment(IMPORT_MPAN, Role.MDR, "MDRX", d, d.plusYears(1).minusDays(1)),
                new Appointment(IMPORT_MPAN, Role.IS, "SUPA", d, null));
        Context c = Context.builder().registration(mpan -> unsorted).build();
        assertThat(c.appointments(IMPORT_MPAN)).extracting(Appointment::effectiveFrom)
                .containsExactly(d, d, d.plusYears(1));
        Validator v = Validator.create(adaptorSources(mpan -> IMPORT_MPAN.equals(mpan) ? unsorted : loaded.appointments(mpan)).build());
        assertThat(v.validate(retry, SETTINGS)).isEqualTo(inMemory.validate(retry, SETTINGS));
    }

    @Test
    void aSourceThatThrowsCostsOneRequestAnErrorNamingIt() {
        AtomicBoolean broken = new AtomicBoolean(true);
        Validator v = Validator.create(adaptorSources(new FlakyRegistration(broken)).build());
        Decision d = v.validate(retry, SETTINGS);
        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.responseCode()).isEqualTo("DV-CONTEXT");
        assertThat(d.requestId()).isNotNull();
        assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Registration Data", FlakyRegistration.class.getName(), "MPAN " + IMPORT_MPAN,
                        "connection refused"));
        broken.set(false);
        assertThat(v.validate(retry, SETTINGS)).as("the next request").isEqualTo(inMemory.validate(retry, SETTINGS));
    }

    static final class FlakyRegistration implements RegistrationData {
        private final AtomicBoolean broken;

        FlakyRegistration(AtomicBoolean broken) { this.broken = broken; }

        @Override
        public List<Appointment> appointments(String mpan) {
            if (broken.get()) throw new IllegalStateException("MPAS replica: connection refused");
            return loaded.appointments(mpan);
        }
    }

    @Test
    void eachSourceIsNamedWhenItFails() {
        RuntimeException boom = new IllegalStateException("store offline");
        Context users = Context.builder().users(id -> { throw boom; }).build();
        assertThat(Validator.create(users).validate(retry, SETTINGS).findings().get(0).message())
                .startsWith("User registry").contains("User ID " + USER, "store offline");
        Context devices = loaded.toBuilder().devices(id -> { throw boom; }).build();
        assertThat(Validator.create(devices).validate(retry, SETTINGS).findings().get(0).message())
                .startsWith("device inventory").contains("Device ID " + DEVICE);
        Context history = loaded.toBuilder().schedules(new BrokenHistory(boom)).build();
        Decision h = Validator.create(history).validate(retry, SETTINGS);
        assertThat(h.responseCode()).isEqualTo("DV-CONTEXT");
        assertThat(h.findings().get(0).message()).startsWith("schedule history").contains("SRV 4.8.1", "store offline");
    }

    @Test
    void anAnswerForAnotherKeyIsRefusedNotUsed() {
        Context wrongUser = loaded.toBuilder()
                .users(id -> Optional.of(new User("7A-00-00-00-00-00-08-02", Role.MDR, "MDRX"))).build();
        assertThat(Validator.create(wrongUser).validate(retry, SETTINGS).findings().get(0).message())
                .contains("answered User 7A-00-00-00-00-00-08-02");
        Context wrongMpan = loaded.toBuilder().registration(mpan -> loaded.appointments("1400000002027")).build();
        Decision d = Validator.create(wrongMpan).validate(retry, SETTINGS);
        assertThat(d.responseCode()).isEqualTo("DV-CONTEXT");
        assertThat(d.findings().get(0).message()).contains("answered an appointment of MPAN 1400000002027");
        Context nothing = loaded.toBuilder().devices(id -> null).build();
        assertThat(Validator.create(nothing).validate(retry, SETTINGS).findings().get(0).message())
                .contains("device inventory", "answered null");
    }

    @Test
    void aSourceThatHangsIsCutOffByTheLookupTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean(true);
        Context c = adaptorSources(mpan -> {
            if (hang.get()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return loaded.appointments(mpan);
        }).lookupTimeout(Duration.ofMillis(200)).build();
        Validator v = Validator.create(c);
        // without the timeout this call would wait for the latch, which is only released after it returns
        Decision d = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> v.validate(retry, SETTINGS));
        release.countDown();
        assertThat(d.responseCode()).isEqualTo("DV-CONTEXT");
        assertThat(d.findings().get(0).message()).contains("Registration Data", "MPAN " + IMPORT_MPAN,
                "did not answer within 200 ms");
        hang.set(false);
        assertThat(v.validate(retry, SETTINGS)).as("the next request").isEqualTo(inMemory.validate(retry, SETTINGS));
    }

    /**
     * Two contexts that each accept the retry, but whose mix (the User of one, the Registration Data of the other)
     * rejects it with E4; the User lookup is slowed so that a validator reading the context more than once per
     * request would mix them often. Every decision taken while the context is swapped must be an acceptance.
     */
    @Test
    void aContextReplacedWhileRequestsRunIsSeenWholeOrNotAtAll() throws Exception {
        AtomicInteger askedA = new AtomicInteger();
        AtomicInteger askedB = new AtomicInteger();
        Context a = party("MDRX", askedA);
        Context b = party("MDRY", askedB);
        Validator v = Validator.create(b);
        assertThat(v.validate(retry, SETTINGS).accepted()).isTrue();
        assertThat(v.replaceContext(a)).isSameAs(b);
        assertThat(v.context()).isSameAs(a);
        assertThat(v.validate(retry, SETTINGS).accepted()).isTrue();

        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<Integer> swapper = pool.submit(() -> {
            int swaps = 0;
            while (!stop.get()) {
                v.replaceContext(swaps % 2 == 0 ? b : a);
                swaps++;
                LockSupport.parkNanos(50_000);
            }
            return swaps;
        });
        AtomicReference<Decision> mixed = new AtomicReference<>();
        List<Future<?>> judges = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            judges.add(pool.submit(() -> {
                for (int i = 0; i < 400 && mixed.get() == null; i++) {
                    Decision d = v.validate(retry, SETTINGS);
                    if (!d.accepted()) mixed.set(d);
                }
                return null;
            }));
        }
        for (Future<?> f : judges) f.get(5, TimeUnit.MINUTES);
        stop.set(true);
        int swaps = swapper.get(1, TimeUnit.MINUTES);
        pool.shutdown();
        assertThat(mixed.get()).as("a decision that mixed two contexts").isNull();
        assertThat(swaps).isGreaterThan(10);
        assertThat(askedA.get()).isPositive();
        assertThat(askedB.get()).isPositive();
    }

    /** The scenario's MDR User held by {@code party}, appointed to both MPANs of the ESME. */
    private static Context party(String party, AtomicInteger asked) {
        LocalDate from = LocalDate.of(2026, 1, 1);
        return Context.builder()
                .users(id -> {
                    asked.incrementAndGet();
                    LockSupport.parkNanos(200_000);
                    return USER.equals(id) ? Optional.of(new User(USER, Role.MDR, party)) : Optional.empty();
                })
                .devices(id -> loaded.device(id))
                .registration(mpan -> List.of(new Appointment(mpan, Role.MDR, party, from, null)))
                .schedules(loaded.schedules().orElseThrow())
                .build();
    }

    @Test
    void aRowForAPartServedByASourceIsRefused() {
        Context.Builder b = Context.builder().users(id -> Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.user(USER, Role.MDR, "MDRX"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("users come from a UserRegistry");
        // a source given after rows replaces them (toBuilder() of an in-memory context, then the adaptor's store)
        Context replaced = Context.builder().user(USER, Role.MDR, "MDRX").users(id -> Optional.empty()).build();
        assertThat(replaced.user(USER)).isEmpty();
        assertThat(Context.builder().device(new Device(DEVICE, "ESME", "Commissioned", 2, IMPORT_MPAN, null))
                .build().device(DEVICE.toLowerCase())).isPresent();
    }

    /** A history whose every read fails. */
    record BrokenHistory(RuntimeException e) implements ScheduleHistory {
        @Override public Optional<Schedule> schedule(String id) { throw e; }
        @Override public List<Schedule> schedules(String u, String d, String srv) { throw e; }
        @Override public List<Schedule> schedules(String u, String d) { throw e; }
        @Override public List<Execution> executions(String id) { throw e; }
        @Override public Collection<Schedule> allSchedules() { throw e; }
        @Override public void record(Schedule s) { throw e; }
        @Override public void record(Execution x) { throw e; }
        @Override public int scheduleCount() { throw e; }
        @Override public int executionCount() { throw e; }
    }
}
