package io.duisvalidator.context;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ScheduleHistory} kept in a relational database through JDBC, so that a restarted adaptor still knows which
 * scheduled reads failed (and an H3.13A retry of one is still accepted). The library uses only {@code java.sql}: the
 * database and its driver are the adaptor's choice (the project tests on H2; the SQL is plain: {@code VARCHAR},
 * {@code DATE}, {@code INTEGER}, primary keys, one index).
 *
 * <p>{@link #open(DataSource)} creates the tables in an empty database, migrates an older schema of this library to
 * the current one, and refuses, never resets, a database it cannot vouch for: a schema newer than this library knows,
 * or a damaged one (a version row missing or repeated, a table or column missing, history tables without a version).
 *
 * <p>Thread-safe: every call takes a connection from the data source and returns it, so a pooled data source is the
 * one to give. Recording is an upsert (update, else insert, in one transaction), safe when several threads or
 * processes record at once. A read or write that fails throws {@link ScheduleHistoryException}; while a request is
 * being judged, that request gets an ERROR decision naming the schedule history.
 *
 * <p>Tables (names unquoted, so in the database's default case): {@value #SCHEMA_TABLE} (one row: the schema
 * version), {@value #SCHEDULE_TABLE} and {@value #EXECUTION_TABLE}.
 */
public final class JdbcScheduleHistory implements ScheduleHistory {
    /** The schema version this library writes and reads. */
    public static final int SCHEMA_VERSION = 2;
    /** The table holding the schema version. */
    public static final String SCHEMA_TABLE = "duis_history_schema";
    /** The schedules table. */
    public static final String SCHEDULE_TABLE = "duis_schedule";
    /** The execution outcomes table. */
    public static final String EXECUTION_TABLE = "duis_execution";

    /** Migration steps: step {@code i} takes a database from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> STEPS = List.of(
            List.of("CREATE TABLE " + SCHEDULE_TABLE + " (schedule_id VARCHAR(100) NOT NULL PRIMARY KEY, "
                            + "user_id VARCHAR(23) NOT NULL, device_id VARCHAR(23) NOT NULL, srv VARCHAR(16) NOT NULL, "
                            + "frequency VARCHAR(16), start_date DATE NOT NULL, end_date DATE)",
                    "CREATE TABLE " + EXECUTION_TABLE + " (schedule_id VARCHAR(100) NOT NULL, "
                            + "execution_date DATE NOT NULL, outcome VARCHAR(8) NOT NULL, "
                            + "PRIMARY KEY (schedule_id, execution_date))"),
            // version 2: the validator looks schedules up by (User, device) for every H3.13A request
            List.of("CREATE INDEX duis_schedule_user_device ON " + SCHEDULE_TABLE + " (user_id, device_id)"));

    /** The columns each table of the current schema must have. */
    private static final Map<String, Set<String>> SHAPE = Map.of(
            SCHEMA_TABLE, Set.of("VERSION"),
            SCHEDULE_TABLE, Set.of("SCHEDULE_ID", "USER_ID", "DEVICE_ID", "SRV", "FREQUENCY", "START_DATE", "END_DATE"),
            EXECUTION_TABLE, Set.of("SCHEDULE_ID", "EXECUTION_DATE", "OUTCOME"));

    private static final String SCHEDULE_COLUMNS = "schedule_id, user_id, device_id, srv, frequency, start_date, end_date";

    private final DataSource dataSource;

    private JdbcScheduleHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Opens the history in a database: creates its tables when there are none, migrates an older schema of this
     * library, refuses anything else.
     *
     * @param dataSource where the tables are (a pooled data source: every call takes a connection and returns it)
     * @return the history, ready for reads and writes
     * @throws ScheduleHistoryException when the database cannot be opened, holds a schema newer than
     *                                  {@link #SCHEMA_VERSION}, or is damaged; the database is then left as it was
     */
    public static JdbcScheduleHistory open(DataSource dataSource) {
        JdbcScheduleHistory h = new JdbcScheduleHistory(java.util.Objects.requireNonNull(dataSource, "dataSource"));
        h.prepare(SCHEMA_VERSION);
        return h;
    }

    /** Opens at an older schema version (tests of the migration: a database as an older library left it). */
    static JdbcScheduleHistory openAtVersion(DataSource dataSource, int version) {
        JdbcScheduleHistory h = new JdbcScheduleHistory(dataSource);
        h.prepare(version);
        return h;
    }

    private Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException | RuntimeException e) {
            throw new ScheduleHistoryException("cannot open the schedule history database: " + e.getMessage(), e);
        }
    }

    private void prepare(int target) {
        try (Connection c = connect()) {
            Map<String, String> tables = tables(c);
            String schemaTable = tables.get(SCHEMA_TABLE.toUpperCase(Locale.ROOT));
            int version;
            if (schemaTable == null) {
                List<String> ours = tables.keySet().stream()
                        .filter(t -> t.equals(SCHEDULE_TABLE.toUpperCase(Locale.ROOT)) || t.equals(EXECUTION_TABLE.toUpperCase(Locale.ROOT)))
                        .sorted().toList();
                if (!ours.isEmpty()) {
                    throw damaged("it holds " + String.join(" and ", ours) + " but no " + SCHEMA_TABLE
                            + " (not a history this library created, or a damaged one)", null);
                }
                create(c);
                version = 0;
            } else {
                version = version(c);
            }
            if (version > SCHEMA_VERSION) {
                throw new ScheduleHistoryException("the schedule history database has schema version " + version
                        + ", newer than this library knows (" + SCHEMA_VERSION + "): use a duis-validator at least as "
                        + "new as the one that wrote it; the database was not changed", null);
            }
            for (int v = version; v < target; v++) migrate(c, v);
            checkShape(c, Math.max(version, target));
        } catch (SQLException e) {
            throw new ScheduleHistoryException("cannot open the schedule history database: " + e.getMessage(), e);
        }
    }

    /** Table names of the connection's schema, upper case, to the name as the database spells it. */
    private static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                out.put(name.toUpperCase(Locale.ROOT), name);
            }
        }
        return out;
    }

    private static void create(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE " + SCHEMA_TABLE + " (version INTEGER NOT NULL)");
            s.executeUpdate("INSERT INTO " + SCHEMA_TABLE + " (version) VALUES (0)");
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static int version(Connection c) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM " + SCHEMA_TABLE)) {
            while (rs.next()) {
                int v = rs.getInt(1);
                versions.add(rs.wasNull() ? null : v);
            }
        } catch (SQLException e) {
            throw damaged(SCHEMA_TABLE + " cannot be read: " + e.getMessage(), e);
        }
        if (versions.size() != 1 || versions.get(0) == null || versions.get(0) < 0) {
            throw damaged(SCHEMA_TABLE + " must hold one version row, and holds " + versions, null);
        }
        return versions.get(0);
    }

    private static void migrate(Connection c, int from) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : STEPS.get(from)) s.executeUpdate(sql);
            int n = s.executeUpdate("UPDATE " + SCHEMA_TABLE + " SET version = " + (from + 1) + " WHERE version = " + from);
            if (n != 1) throw new SQLException("another process changed the schema version while migrating from " + from);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw new ScheduleHistoryException("cannot migrate the schedule history database from schema version "
                    + from + " to " + (from + 1) + ": " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void checkShape(Connection c, int version) throws SQLException {
        if (version < SCHEMA_VERSION) return; // an older version kept on purpose (tests of the migration)
        Map<String, String> tables = tables(c);
        DatabaseMetaData md = c.getMetaData();
        for (Map.Entry<String, Set<String>> t : new java.util.TreeMap<>(SHAPE).entrySet()) {
            String actual = tables.get(t.getKey().toUpperCase(Locale.ROOT));
            if (actual == null) throw damaged("table " + t.getKey() + " is missing (schema version " + version + ")", null);
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), actual, "%")) {
                while (rs.next()) columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
            for (String col : new java.util.TreeSet<>(t.getValue())) {
                if (!columns.contains(col)) {
                    throw damaged("table " + t.getKey() + " lacks column " + col.toLowerCase(Locale.ROOT), null);
                }
            }
        }
    }

    private static ScheduleHistoryException damaged(String why, Throwable cause) {
        return new ScheduleHistoryException("the schedule history database is damaged or not this library's: " + why
                + "; refusing to use it (nothing was changed: repair it or point to another database)", cause);
    }

    // ---- reads ----

    @Override
    public Optional<Schedule> schedule(String scheduleId) {
        if (scheduleId == null) return Optional.empty();
        List<Schedule> l = query("SELECT " + SCHEDULE_COLUMNS + " FROM " + SCHEDULE_TABLE + " WHERE schedule_id = ?",
                scheduleId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<Schedule> schedules(String userId, String deviceId, String srv) {
        if (userId == null || deviceId == null || srv == null) return List.of();
        return query("SELECT " + SCHEDULE_COLUMNS + " FROM " + SCHEDULE_TABLE
                        + " WHERE user_id = ? AND device_id = ? AND srv = ?",
                Checks.normaliseEui(userId), Checks.normaliseEui(deviceId), srv);
    }

    @Override
    public List<Schedule> schedules(String userId, String deviceId) {
        if (userId == null || deviceId == null) return List.of();
        return query("SELECT " + SCHEDULE_COLUMNS + " FROM " + SCHEDULE_TABLE + " WHERE user_id = ? AND device_id = ?",
                Checks.normaliseEui(userId), Checks.normaliseEui(deviceId));
    }

    @Override
    public Collection<Schedule> allSchedules() {
        return query("SELECT " + SCHEDULE_COLUMNS + " FROM " + SCHEDULE_TABLE);
    }

    private List<Schedule> query(String sql, String... params) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            List<Schedule> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    try {
                        out.add(new Schedule(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw new ScheduleHistoryException("schedule " + id + " in " + SCHEDULE_TABLE + " is not valid: "
                                + e.getMessage(), e);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ScheduleHistoryException("cannot read " + SCHEDULE_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Execution> executions(String scheduleId) {
        if (scheduleId == null) return List.of();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT execution_date, outcome FROM " + EXECUTION_TABLE + " WHERE schedule_id = ? ORDER BY execution_date")) {
            ps.setString(1, scheduleId);
            List<Execution> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String outcome = rs.getString(2);
                    try {
                        out.add(new Execution(scheduleId, rs.getObject(1, LocalDate.class),
                                Execution.Result.valueOf(Checks.oneOf(null, outcome, Checks.OUTCOMES))));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        throw new ScheduleHistoryException("an execution of schedule " + scheduleId + " in "
                                + EXECUTION_TABLE + " is not valid: " + e.getMessage(), e);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new ScheduleHistoryException("cannot read " + EXECUTION_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int scheduleCount() { return count(SCHEDULE_TABLE); }

    @Override
    public int executionCount() { return count(EXECUTION_TABLE); }

    private int count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return Math.toIntExact(rs.getLong(1));
        } catch (SQLException e) {
            throw new ScheduleHistoryException("cannot count " + table + ": " + e.getMessage(), e);
        }
    }

    // ---- writes ----

    @Override
    public void record(Schedule s) {
        upsert("schedule " + s.scheduleId(),
                "UPDATE " + SCHEDULE_TABLE + " SET user_id = ?, device_id = ?, srv = ?, frequency = ?, start_date = ?, "
                        + "end_date = ? WHERE schedule_id = ?",
                new Object[] {s.userId(), s.deviceId(), s.srv(), orNull(s.frequency(), Types.VARCHAR), s.startDate(),
                        orNull(s.endDate(), Types.DATE), s.scheduleId()},
                "INSERT INTO " + SCHEDULE_TABLE + " (" + SCHEDULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                new Object[] {s.scheduleId(), s.userId(), s.deviceId(), s.srv(), orNull(s.frequency(), Types.VARCHAR),
                        s.startDate(), orNull(s.endDate(), Types.DATE)});
    }

    @Override
    public void record(Execution e) {
        upsert("the execution of schedule " + e.scheduleId() + " on " + e.executionDate(),
                "UPDATE " + EXECUTION_TABLE + " SET outcome = ? WHERE schedule_id = ? AND execution_date = ?",
                new Object[] {e.result().name(), e.scheduleId(), e.executionDate()},
                "INSERT INTO " + EXECUTION_TABLE + " (schedule_id, execution_date, outcome) VALUES (?, ?, ?)",
                new Object[] {e.scheduleId(), e.executionDate(), e.result().name()});
    }

    /** Update, else insert; when another writer inserted the same key in between, update again. */
    private void upsert(String what, String update, Object[] updateArgs, String insert, Object[] insertArgs) {
        try (Connection c = connect()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int attempt = 0; ; attempt++) {
                    try {
                        if (execute(c, update, updateArgs) == 0) execute(c, insert, insertArgs);
                        c.commit();
                        return;
                    } catch (SQLException e) {
                        c.rollback();
                        boolean duplicate = e.getSQLState() != null && e.getSQLState().startsWith("23");
                        if (!duplicate || attempt >= 2) throw e;
                    }
                }
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new ScheduleHistoryException("cannot record " + what + ": " + e.getMessage(), e);
        }
    }

    private static int execute(Connection c, String sql, Object[] args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Null n) ps.setNull(i + 1, n.sqlType()); else ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** A null parameter of a known SQL type (some drivers cannot bind an untyped null). */
    private record Null(int sqlType) {}

    private static Object orNull(Object v, int sqlType) { return v == null ? new Null(sqlType) : v; }

    @Override
    public String toString() {
        return "JdbcScheduleHistory(" + dataSource + ")";
    }
}
