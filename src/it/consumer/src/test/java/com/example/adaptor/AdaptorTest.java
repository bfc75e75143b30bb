package com.example.adaptor;

import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library as an adaptor uses it: only the exported API, real-shaped DUIS messages, Registration Data from the
 * adaptor's own table, a schedule history that survives a restart, and a dependency tree without the command line's
 * jars.
 */
class AdaptorTest {
    static final String MDR = "7A-00-00-00-00-00-08-01";
    static final String ESME = "00-1A-00-00-00-00-02-01";
    static final String IMPORT_MPAN = "1400000002018";
    static final String EXPORT_MPAN = "1400000002027";
    static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");

    @TempDir
    Path dir;
    Path context;
    final List<JdbcConnectionPool> pools = new ArrayList<>();

    @BeforeEach
    void files() throws Exception {
        context = dir.resolve("context");
        Files.createDirectories(context);
        for (String f : List.of("users.csv", "inventory.csv")) copy("/context/" + f, context.resolve(f));
    }

    @AfterEach
    void close() {
        pools.forEach(JdbcConnectionPool::dispose);
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = AdaptorTest.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }

    private static byte[] message(String name) throws IOException {
        try (InputStream in = AdaptorTest.class.getResourceAsStream("/messages/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The adaptor's database (a file: it outlives the adaptor), with Registration Data filled by "MPAS". */
    private JdbcConnectionPool database() throws Exception {
        JdbcConnectionPool db = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("adaptor") + ";DB_CLOSE_DELAY=0", "sa", "");
        pools.add(db);
        RegistrationStore.createTable(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM mpas_appointment")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                LocalDate from = LocalDate.of(2026, 1, 1);
                RegistrationStore.add(db, new Appointment(IMPORT_MPAN, Role.IS, "SUPA", from, null));
                RegistrationStore.add(db, new Appointment(IMPORT_MPAN, Role.MDR, "MDRX", from, null));
                RegistrationStore.add(db, new Appointment(EXPORT_MPAN, Role.ES, "SUPC", from, null));
                RegistrationStore.add(db, new Appointment(EXPORT_MPAN, Role.MDR, "MDRX", from, null));
            }
        }
        return db;
    }

    @Test
    void realShapedMessagesAreJudged() throws Exception {
        OutgoingRequests gate = new OutgoingRequests(database(), context);
        Decision schedule = gate.check(message("schedule-5.1-4.17.xml"), NOW);
        assertEquals(Outcome.ACCEPTED, schedule.outcome(), schedule.toString());
        assertEquals(86400L, schedule.trtSeconds());

        // no schedule history yet: an on-demand read of MHHS data is not a retry (SEC H3.13A)
        Decision first = gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW);
        assertEquals("DV-H3.13A", first.responseCode(), first.toString());
        assertFalse(first.findings().isEmpty());
        assertEquals("mp162", first.ruleSet().id(), first.ruleSet().text()); // the rule set in force at NOW

        Decision garbage = gate.check("<not a request".getBytes(), NOW);
        assertEquals(Outcome.REJECTED, garbage.outcome());
        assertEquals("DV-XML", garbage.responseCode());
    }

    private static void recordHistory(OutgoingRequests gate) {
        gate.scheduleConfirmed(new Schedule("3001", MDR, ESME, "4.8.1", "Daily", LocalDate.of(2027, 1, 1), null));
        gate.executionReported(new Execution("3001", LocalDate.of(2027, 1, 13), Execution.Result.SUCCESS));
        gate.executionReported(new Execution("3001", LocalDate.of(2027, 1, 14), Execution.Result.FAILED));
    }

    @Test
    void theScheduleHistorySurvivesARestart() throws Exception {
        JdbcConnectionPool db = database();
        OutgoingRequests before = new OutgoingRequests(db, context);
        recordHistory(before);
        Decision retry = before.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW);
        assertEquals(Outcome.ACCEPTED, retry.outcome(), retry.toString());
        Decision succeeded = before.check(message("on-demand-4.8.1-day-that-succeeded.xml"), NOW);
        assertEquals("DV-H3.13A", succeeded.responseCode(), succeeded.toString());

        db.dispose(); // the adaptor stops
        OutgoingRequests after = new OutgoingRequests(database(), context);
        assertEquals(retry, after.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW));
        assertEquals(succeeded, after.check(message("on-demand-4.8.1-day-that-succeeded.xml"), NOW));
    }

    @Test
    void registrationDataComesFromTheAdaptorsOwnTable() throws Exception {
        JdbcConnectionPool db = database();
        OutgoingRequests gate = new OutgoingRequests(db, context);
        recordHistory(gate);
        assertTrue(gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW).accepted());

        // MPAS de-appoints the MDR: the next request sees it, no rebuild, no reload
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE mpas_appointment SET effective_to = DATE '2027-01-10' WHERE role = 'MDR'");
        }
        Decision d = gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW);
        assertEquals("E4", d.responseCode(), d.toString());

        // the table is gone: that request is an ERROR naming Registration Data, and the next one is judged again
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE mpas_appointment RENAME TO mpas_old");
        }
        Decision broken = gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW);
        assertEquals(Outcome.ERROR, broken.outcome());
        assertEquals("DV-CONTEXT", broken.responseCode());
        assertTrue(broken.findings().get(0).message().contains("Registration Data"), broken.toString());
        assertTrue(broken.findings().get(0).message().contains(RegistrationStore.class.getName()), broken.toString());
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE mpas_old RENAME TO mpas_appointment");
        }
        assertEquals(d, gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW));
    }

    @Test
    void aRefreshedContextIsSeenByTheNextRequest() throws Exception {
        OutgoingRequests gate = new OutgoingRequests(database(), context);
        recordHistory(gate);
        assertTrue(gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW).accepted());
        Path tonight = dir.resolve("tonight");
        Files.createDirectories(tonight);
        Files.writeString(tonight.resolve("users.csv"), "user_id,role,party_id\n");
        Files.copy(context.resolve("inventory.csv"), tonight.resolve("inventory.csv"));
        gate.refresh(tonight);
        assertEquals("E1", gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW).responseCode());
        gate.refresh(context);
        assertTrue(gate.check(message("retry-4.8.1-day-of-failed-execution.xml"), NOW).accepted());
    }

    /**
     * What the adaptor ships must not carry the command line, the reports or the rule compiler, nor Apache Spark (the
     * Spark job's dependency is provided: it is the cluster's, never an adaptor's).
     */
    @Test
    void theDependencyTreeHoldsNoneOfTheCommandLinesJars() throws Exception {
        String listed = Files.readString(Path.of(System.getProperty("consumer.dependencies")));
        assertTrue(listed.contains("io.duisvalidator:duis-validator:jar:"), listed);
        List<String> forbidden = List.of("info.picocli:picocli", "me.tongfei:progressbar", "org.jline:",
                "com.fasterxml.jackson", "org.eclipse.jdt:ecj", "org.drools:drools-templates", "org.apache.spark:",
                "org.apache.hadoop:", "org.scala-lang:", "com.fasterxml.woodstox:", "org.codehaus.woodstox:");
        for (String f : forbidden) assertFalse(listed.contains(f), f + " is in the runtime dependencies:\n" + listed);
        for (String jar : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            for (String name : List.of("picocli", "progressbar", "jline", "jackson", "ecj-", "drools-templates", "spark-",
                    "hadoop-", "scala-library", "woodstox-", "stax2-api")) {
                assertFalse(Path.of(jar).getFileName().toString().startsWith(name), jar + " is on the class path");
            }
        }
    }

    /**
     * The library's XML parser (Woodstox, relocated inside its jar) does not become the JVM's StAX provider: the
     * adaptor's own XML readers and writers stay the ones it had without us.
     */
    @Test
    void theLibraryLeavesTheJvmsStaxProvidersAlone() throws Exception {
        assertEquals(javax.xml.stream.XMLInputFactory.newDefaultFactory().getClass(),
                javax.xml.stream.XMLInputFactory.newFactory().getClass());
        assertEquals(javax.xml.stream.XMLOutputFactory.newDefaultFactory().getClass(),
                javax.xml.stream.XMLOutputFactory.newFactory().getClass());
        assertEquals(javax.xml.stream.XMLEventFactory.newDefaultFactory().getClass(),
                javax.xml.stream.XMLEventFactory.newFactory().getClass());
        // and the library still reads and validates through its relocated parser, after the lookups above
        OutgoingRequests gate = new OutgoingRequests(database(), context);
        assertEquals(Outcome.ACCEPTED, gate.check(message("schedule-5.1-4.17.xml"), NOW).outcome());
        byte[] offSchema = new String(message("schedule-5.1-4.17.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<sr:Body>", "<sr:Body><sr:Unknown/>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("DV-SCHEMA", gate.check(offSchema, NOW).responseCode()); // its schema validator too
    }

    /** The adaptor's code uses the exported API only: nothing of the library's internal packages. */
    @Test
    void theAdaptorUsesOnlyTheExportedApi() throws Exception {
        List<Path> sources;
        try (var walk = Files.walk(Path.of("src"))) {
            sources = walk.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertTrue(sources.size() >= 4, sources.toString());
        String internal = "io.duisvalidator" + ".internal";
        for (Path f : sources) {
            for (String line : Files.readAllLines(f)) {
                assertFalse(line.contains(internal), f + ": " + line);
            }
        }
    }

    /** Compiling the rules at start (here forced) needs jars the adaptor does not have: the message names them. */
    @Test
    void compilingTheRulesAtStartNamesWhatToAdd() throws Exception {
        String cp = System.getProperty("consumer.classes") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("consumer.classpath"))).trim();
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dduis.rules.prebuilt=false", "-cp", cp, StartupProbe.class.getName(), context.toString(), "-", NOW.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the JVM did not end");
        String text = Files.readString(out);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("the rules must be compiled at start (prebuilt rule model switched off"), text);
        assertTrue(text.contains("org.drools:drools-templates:"), text);
    }
}
