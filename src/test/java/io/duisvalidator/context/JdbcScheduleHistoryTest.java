package io.duisvalidator.context;

import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.internal.batch.Scenario;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schedule history in a database (H2 here, through JDBC only): created, migrated, refused when newer or damaged
 * (and left as it was), remembered across a restart, safe under concurrent recording and validating.
 */
class JdbcScheduleHistoryTest {
    static final Scenario RETRIES = new Scenario(Path.of("samples/h313a-mdr-retry-after-failed-schedule"));
    static final String USER = "7A-00-00-00-00-00-08-01";
    static final String DEVICE = "00-1A-00-00-00-00-02-01";

    @TempDir
    Path dir;

    private final List<JdbcConnectionPool> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(JdbcConnectionPool::dispose);
    }

    private JdbcConnectionPool pool(String name) {
        JdbcConnectionPool p = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(name) + ";DB_CLOSE_DELAY=0", "sa", "");
        pools.add(p);
        return p;
    }

    private static void sql(JdbcConnectionPool p, String... statements) throws SQLException {
        try (Connection c = p.getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) s.execute(q);
        }
    }

    private static Schedule schedule(String id, String srv) {
        return new Schedule(id, USER, DEVICE, srv, "Daily", LocalDate.of(2027, 1, 1), null);
    }

    @Test
    void anEmptyDatabaseGetsTheTablesAndKeepsWhatIsRecorded() {
        JdbcScheduleHistory h = JdbcScheduleHistory.open(pool("h"));
        assertThat(h.scheduleCount()).isZero();
        h.record(schedule("3001", "4.8.1"));
        h.record(new Schedule("3002", USER.toLowerCase(), DEVICE, "4.6.1", null, LocalDate.of(2026, 12, 7), LocalDate.of(2027, 12, 7)));
        h.record(new Execution("3001", LocalDate.of(2027, 1, 14), Execution.Result.SUCCESS));
        h.record(new Execution("3001", LocalDate.of(2027, 1, 5), Execution.Result.FAILED));
        // the DCC corrects an outcome: the later record replaces the earlier one
        h.record(new Execution("3001", LocalDate.of(2027, 1, 14), Execution.Result.PARTIAL));
        h.record(schedule("3001", "4.8.1"));

        assertThat(h.scheduleCount()).isEqualTo(2);
        assertThat(h.executionCount()).isEqualTo(2);
        assertThat(h.schedule("3002")).hasValue(new Schedule("3002", USER, DEVICE, "4.6.1", null,
                LocalDate.of(2026, 12, 7), LocalDate.of(2027, 12, 7)));
        assertThat(h.schedules(USER.toLowerCase(), DEVICE, "4.8.1")).containsExactly(schedule("3001", "4.8.1"));
        assertThat(h.schedules(USER, DEVICE)).hasSize(2);
        assertThat(h.schedules(USER, "00-1A-00-00-00-00-02-02")).isEmpty();
        assertThat(h.executions("3001")).containsExactly(
                new Execution("3001", LocalDate.of(2027, 1, 5), Execution.Result.FAILED),
                new Execution("3001", LocalDate.of(2027, 1, 14), Execution.Result.PARTIAL));
        assertThat(h.allSchedules()).extracting(Schedule::scheduleId).containsExactlyInAnyOrder("3001", "3002");
        assertThat(h.schedule("nope")).isEmpty();
        assertThat(h.executions("nope")).isEmpty();
    }

    /** Every schedule and execution of a loaded context, recorded into another history. */
    private static void copy(ScheduleHistory from, ScheduleHistory to) {
        for (Schedule s : from.allSchedules()) {
            to.record(s);
            from.executions(s.scheduleId()).forEach(to::record);
        }
    }

    private static List<Decision> validateAll(Validator v, ValidationSettings settings) throws Exception {
        List<Decision> out = new ArrayList<>();
        try (var files = Files.list(RETRIES.messages())) {
            for (Path f : files.sorted().toList()) out.add(v.validate(Files.readAllBytes(f), settings));
        }
        return out;
    }

    @Test
    void aRestartedAdaptorStillAcceptsTheRetryOfAFailedSchedule() throws Exception {
        Context loaded = RETRIES.loadContext();
        ValidationSettings settings = RETRIES.settings(ValidationSettings.defaults());
        List<Decision> expected = validateAll(Validator.create(loaded), settings);
        assertThat(expected).extracting(Decision::outcome).contains(Outcome.ACCEPTED, Outcome.REJECTED);

        JdbcConnectionPool first = pool("history");
        copy(loaded.schedules().orElseThrow(), JdbcScheduleHistory.open(first));
        first.dispose(); // the adaptor stops

        JdbcScheduleHistory reopened = JdbcScheduleHistory.open(pool("history"));
        Validator v = Validator.create(loaded.toBuilder().schedules(reopened).build());
        assertThat(validateAll(v, settings)).as("the same decisions after the restart").isEqualTo(expected);

        // and without the history the retries would have been rejected: the history is what decides them
        List<Decision> forgotten = validateAll(Validator.create(loaded.toBuilder().schedules(new InMemoryScheduleHistory()).build()), settings);
        long acceptedRetries = expected.stream().filter(d -> d.accepted() && "ON_DEMAND".equals(d.mode())).count();
        assertThat(acceptedRetries).isGreaterThan(0);
        assertThat(forgotten.stream().filter(d -> d.accepted() && "ON_DEMAND".equals(d.mode())).count()).isZero();
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftAsItWas() throws Exception {
        JdbcConnectionPool p = pool("newer");
        JdbcScheduleHistory.open(p).record(schedule("3001", "4.8.1"));
        sql(p, "UPDATE duis_history_schema SET version = 3");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(p)).isInstanceOf(ScheduleHistoryException.class)
                .hasMessageContaining("schema version 3, newer than this library knows (2)")
                .hasMessageContaining("not changed");
        sql(p, "UPDATE duis_history_schema SET version = 2");
        assertThat(JdbcScheduleHistory.open(p).schedule("3001")).isPresent();
    }

    @Test
    void aDamagedDatabaseIsRefusedNeverReset() throws Exception {
        JdbcConnectionPool p = pool("damaged");
        JdbcScheduleHistory.open(p).record(schedule("3001", "4.8.1"));

        sql(p, "INSERT INTO duis_history_schema (version) VALUES (2)");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(p)).isInstanceOf(ScheduleHistoryException.class)
                .hasMessageContaining("must hold one version row, and holds [2, 2]").hasMessageContaining("refusing");
        sql(p, "DELETE FROM duis_history_schema");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(p)).hasMessageContaining("holds []");
        sql(p, "INSERT INTO duis_history_schema (version) VALUES (2)", "ALTER TABLE duis_execution DROP COLUMN outcome");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(p)).hasMessageContaining("table duis_execution lacks column outcome");
        sql(p, "DROP TABLE duis_execution");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(p)).hasMessageContaining("table duis_execution is missing");
        sql(p, "DROP TABLE duis_history_schema");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(p))
                .hasMessageContaining("holds DUIS_SCHEDULE but no duis_history_schema");
        // nothing was reset: the schedule recorded at the start is still there
        try (Connection c = p.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM duis_schedule")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aRowThatIsNoLongerValidIsAnErrorNamingItNotAWrongAnswer() throws Exception {
        JdbcConnectionPool p = pool("badrow");
        JdbcScheduleHistory h = JdbcScheduleHistory.open(p);
        h.record(schedule("3001", "4.8.1"));
        sql(p, "UPDATE duis_schedule SET user_id = 'not-an-eui'", "INSERT INTO duis_execution VALUES ('3001', DATE '2027-01-05', 'LOST')");
        assertThatThrownBy(() -> h.schedule("3001")).isInstanceOf(ScheduleHistoryException.class)
                .hasMessageContaining("schedule 3001 in duis_schedule is not valid: userId: not an EUI-64");
        assertThatThrownBy(() -> h.executions("3001")).isInstanceOf(ScheduleHistoryException.class)
                .hasMessageContaining("'LOST' is not one of [FAILED, PARTIAL, SUCCESS]");
    }

    @Test
    void aCorruptedFileIsRefusedAndNotOverwritten() throws Exception {
        Path file = dir.resolve("corrupt.mv.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("corrupt") + ";DB_CLOSE_DELAY=0");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(ds)).isInstanceOf(ScheduleHistoryException.class)
                .hasMessageStartingWith("cannot open the schedule history database: ");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aDatabaseThatCannotBeOpenedFailsWithAClearException() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + notADir.resolve("db") + ";IFEXISTS=FALSE");
        assertThatThrownBy(() -> JdbcScheduleHistory.open(ds)).isInstanceOf(ScheduleHistoryException.class)
                .hasMessageStartingWith("cannot open the schedule history database: ");
    }

    @Test
    void anOlderSchemaIsMigratedKeepingItsRows() throws Exception {
        JdbcConnectionPool p = pool("older");
        JdbcScheduleHistory.openAtVersion(p, 1).record(schedule("3001", "4.8.1"));
        sql(p, "INSERT INTO duis_execution VALUES ('3001', DATE '2027-01-05', 'FAILED')");
        assertThat(version(p)).isEqualTo(1);
        assertThat(indexes(p)).doesNotContain("DUIS_SCHEDULE_USER_DEVICE");

        JdbcScheduleHistory h = JdbcScheduleHistory.open(p);
        assertThat(version(p)).isEqualTo(2);
        assertThat(indexes(p)).contains("DUIS_SCHEDULE_USER_DEVICE");
        assertThat(h.schedules(USER, DEVICE, "4.8.1")).hasSize(1);
        assertThat(h.executions("3001")).singleElement().extracting(Execution::result).isEqualTo(Execution.Result.FAILED);
        assertThat(JdbcScheduleHistory.open(p).scheduleCount()).as("opened again: nothing to migrate").isEqualTo(1);
    }

    private static int version(JdbcConnectionPool p) throws SQLException {
        try (Connection c = p.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery("SELECT version FROM duis_history_schema")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> indexes(JdbcConnectionPool p) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = p.getConnection(); var rs = c.getMetaData().getIndexInfo(null, null, "DUIS_SCHEDULE", false, false)) {
            while (rs.next()) out.add(String.valueOf(rs.getString("INDEX_NAME")));
        }
        return out;
    }

    @Test
    void recordingAndValidatingFromSeveralThreadsAtOnceIsSafe() throws Exception {
        Context loaded = RETRIES.loadContext();
        ValidationSettings settings = RETRIES.settings(ValidationSettings.defaults());
        JdbcScheduleHistory h = JdbcScheduleHistory.open(pool("concurrent"));
        copy(loaded.schedules().orElseThrow(), h);
        Validator v = Validator.create(loaded.toBuilder().schedules(h).build());
        List<Decision> expected = validateAll(v, settings);
        List<byte[]> messages = new ArrayList<>();
        try (var files = Files.list(RETRIES.messages())) {
            for (Path f : files.sorted().toList()) messages.add(Files.readAllBytes(f));
        }

        int writers = 3;
        int readers = 3;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Execution.Result> last = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perWriter; i++) {
                    // other Users' schedules (so the validated ones keep their meaning), and the same keys from every
                    // writer: the upserts collide on purpose
                    String sid = "W" + (i % 50);
                    h.record(new Schedule(sid, "7A-00-00-00-00-00-09-0" + (i % 3), DEVICE, "4.8.1", "Daily",
                            LocalDate.of(2027, 1, 1), null));
                    Execution.Result r = Execution.Result.values()[(i + id) % 3];
                    h.record(new Execution(sid, LocalDate.of(2027, 1, 1 + i % 20), r));
                }
                return null;
            }));
        }
        List<Decision> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int r = 0; r < readers; r++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int round = 0; round < 5; round++) {
                    for (int i = 0; i < messages.size(); i++) {
                        Decision d = v.validate(messages.get(i), settings);
                        if (!d.equals(expected.get(i))) seen.add(d);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get(2, TimeUnit.MINUTES);
        pool.shutdown();

        assertThat(seen).as("decisions that changed while others recorded").isEmpty();
        assertThat(h.scheduleCount()).isEqualTo(4 + 50);
        assertThat(h.executionCount()).isEqualTo(8 + countWrittenExecutions(perWriter));
    }

    /** Distinct (schedule, date) pairs the writers produce: schedule W(i % 50) on day 1 + i % 20. */
    private static int countWrittenExecutions(int perWriter) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < perWriter; i++) keys.add("W" + (i % 50) + "|" + (i % 20));
        return keys.size();
    }
}
