package io.duisvalidator.spark;

import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * The five context tables of the contract as Spark datasets, one set for every part of the run (a {@code scenario}
 * column keeps the parts apart). Every row goes through {@link CsvContextLoader}, so a malformed row fails the run at
 * its start with the loader's own message, file, line and column: a CSV file is loaded whole by one task (the
 * loader's checks across rows, its warnings and its line numbers stay exactly the CLI's); a Parquet table with the
 * same columns is loaded partition by partition, each partition written as a CSV file of the contract for the
 * loader, and its errors name the Parquet file and row. Nothing is collected to the driver but warnings.
 */
final class ContextTables {
    static final List<String> KINDS = List.of("users", "inventory", "registration", "schedules", "executions");
    static final Map<String, List<String>> COLUMNS = Map.of(
            "users", List.of("user_id", "role", "party_id"),
            "inventory", List.of("device_id", "device_type", "device_status", "smets_generation", "import_mpan", "export_mpan"),
            "registration", List.of("mpan", "role", "party_id", "effective_from", "effective_to"),
            "schedules", List.of("schedule_id", "user_id", "device_id", "srv", "frequency", "start_date", "end_date"),
            "executions", List.of("schedule_id", "execution_date", "outcome"));
    private static final int WIDTH = 7;
    static final StructType ROWS;

    static {
        StructType s = new StructType().add("scenario", DataTypes.IntegerType, false).add("kind", DataTypes.StringType, false);
        for (int i = 0; i < WIDTH; i++) s = s.add("c" + i, DataTypes.StringType, true);
        ROWS = s;
    }

    /** A context row the loader refused; its message is the loader's, prefixed with where the row is. */
    static final class BadContext extends RuntimeException {
        BadContext(String message) {
            super(message);
        }
    }

    final Dataset<Row> users;
    final Dataset<Row> inventory;
    final Dataset<Row> registration;
    final Dataset<Row> schedules;
    final Dataset<Row> executions;
    final List<String> warnings;

    private ContextTables(Dataset<Row> rows, List<String> warnings) {
        this.users = kind(rows, "users");
        this.inventory = kind(rows, "inventory");
        this.registration = kind(rows, "registration").withColumnRenamed("c5", "source");
        this.schedules = kind(rows, "schedules");
        this.executions = kind(rows, "executions");
        this.warnings = warnings;
    }

    private static Dataset<Row> kind(Dataset<Row> rows, String kind) {
        List<String> names = COLUMNS.get(kind);
        List<Column> cols = new ArrayList<>();
        cols.add(col("scenario"));
        for (int i = 0; i < names.size(); i++) cols.add(col("c" + i).as(names.get(i)));
        if (kind.equals("registration")) cols.add(col("c5"));
        return rows.filter(col("kind").equalTo(kind)).select(cols.toArray(Column[]::new));
    }

    /** Where a part's context files are: for each kind, a CSV file of the contract or a Parquet table, or neither. */
    record Sources(Map<String, String> csv, Map<String, String> parquet) {
        boolean isEmpty() { return csv.isEmpty() && parquet.isEmpty(); }

        boolean history() {
            return csv.containsKey("schedules") || csv.containsKey("executions") || parquet.containsKey("schedules")
                    || parquet.containsKey("executions");
        }
    }

    /** Finds {@code KIND.csv} or {@code KIND.parquet} (a file or a folder) for each kind in a context folder. */
    static Sources sources(String dir, Configuration conf) throws IOException {
        org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dir);
        FileSystem fs = d.getFileSystem(conf);
        Map<String, String> csv = new java.util.TreeMap<>();
        Map<String, String> parquet = new java.util.TreeMap<>();
        for (String k : KINDS) {
            org.apache.hadoop.fs.Path c = new org.apache.hadoop.fs.Path(d, k + ".csv");
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(d, k + ".parquet");
            if (fs.isFile(c)) csv.put(k, fs.makeQualified(c).toString());
            else if (fs.exists(p)) parquet.put(k, fs.makeQualified(p).toString());
        }
        return new Sources(csv, parquet);
    }

    /** One task's CSV work: the files of one part that the loader must see together. */
    record CsvUnit(int scenario, String dir, List<String> kinds, List<String> paths) implements Serializable {}

    /**
     * Loads and checks every part's context (one Spark job, run now: a bad row fails here, before any message is
     * read) and keeps the rows on the executors (persisted).
     */
    static ContextTables load(SparkSession spark, List<JobSpec.Part> parts, Map<Integer, Sources> sources) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
        List<CsvUnit> units = new ArrayList<>();
        Dataset<Row> rows = spark.createDataFrame(List.of(), ROWS);
        for (JobSpec.Part p : parts) {
            Sources s = sources.get(p.index());
            if (s == null) continue;
            for (List<String> group : List.of(List.of("users"), List.of("inventory"), List.of("registration"),
                    List.of("schedules", "executions"))) {
                List<String> kinds = group.stream().filter(s.csv()::containsKey).toList();
                if (!kinds.isEmpty()) units.add(new CsvUnit(p.index(), p.context(), kinds, kinds.stream().map(s.csv()::get).toList()));
            }
            for (Map.Entry<String, String> e : s.parquet().entrySet()) rows = rows.union(parquet(spark, p.index(), e.getKey(), e.getValue()));
        }
        if (!units.isEmpty()) {
            var csvRows = jsc.parallelize(units, units.size()).flatMap((FlatMapFunction<CsvUnit, Row>) u -> loadCsv(u, conf.value().value()));
            rows = spark.createDataFrame(csvRows, ROWS).union(rows);
        }
        rows = rows.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        List<String> warnings = rows.filter(col("kind").equalTo("warning")).select("c0").as(Encoders.STRING()).collectAsList();
        ContextTables t = new ContextTables(rows, warnings);
        t.checkUnique();
        return t;
    }

    /**
     * Rows of one key loaded by different Parquet partitions: identical ones are one row (the loader warns about
     * repeats within a file), different ones fail the run as the loader fails a file that holds them. One job for
     * the three keyed tables (a CSV file was checked whole by the loader already).
     */
    private void checkUnique() {
        Dataset<Row> keys = users.dropDuplicates().select(col("scenario"), lit("users: user_id").as("what"), col("user_id").as("key"))
                .union(inventory.dropDuplicates().select(col("scenario"), lit("inventory: device_id").as("what"), col("device_id").as("key")))
                .union(schedules.dropDuplicates().select(col("scenario"), lit("schedules: schedule_id").as("what"), col("schedule_id").as("key")));
        List<Row> clash = keys.groupBy("scenario", "what", "key").count().filter(col("count").gt(1)).limit(1).collectAsList();
        if (!clash.isEmpty()) {
            throw new BadContext(clash.get(0).getString(1) + " " + clash.get(0).getString(2) + " appears in two rows with other values");
        }
    }

    /** The part's tables with each key's rows once (rows loaded twice from Parquet partitions are dropped). */
    Dataset<Row> usersOnce() { return users.dropDuplicates(); }

    Dataset<Row> inventoryOnce() { return inventory.dropDuplicates(); }

    Dataset<Row> schedulesOnce() { return schedules.dropDuplicates(); }

    /** Each schedule with its executions: struct(schedule_id, user_id, device_id, srv, frequency, start_date, end_date, executions). */
    Dataset<Row> schedulesWithExecutions() {
        Dataset<Row> ex = executions.dropDuplicates().groupBy("scenario", "schedule_id")
                .agg(collect_list(struct(col("execution_date"), col("outcome"))).as("executions"));
        return schedulesOnce().join(ex, scala(List.of("scenario", "schedule_id")), "left")
                .select(col("scenario"), col("schedule_id"), col("user_id"), col("device_id"),
                        struct(col("schedule_id"), col("user_id"), col("device_id"), col("srv"), col("frequency"),
                                col("start_date"), col("end_date"), col("executions")).as("schedule"));
    }

    static scala.collection.immutable.Seq<String> scala(List<String> l) {
        return scala.jdk.javaapi.CollectionConverters.asScala(l).toList();
    }

    // ---- executor side ----

    private static Iterator<Row> loadCsv(CsvUnit u, Configuration conf) throws IOException {
        Path tmp = Files.createTempDirectory("duis-context");
        try {
            for (int i = 0; i < u.kinds().size(); i++) {
                org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(u.paths().get(i));
                try (InputStream in = src.getFileSystem(conf).open(src)) {
                    Files.copy(in, tmp.resolve(u.kinds().get(i) + ".csv"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Context ctx;
            try {
                ctx = CsvContextLoader.load(tmp);
            } catch (ContextFormatException e) {
                throw new BadContext(u.dir() + ": " + e.getMessage());
            }
            List<Row> out = new ArrayList<>();
            for (String w : ctx.warnings()) out.add(row(u.scenario(), "warning", u.dir() + ": " + w));
            for (String k : u.kinds()) {
                Set<String> keys = switch (k) {
                    case "users" -> column(tmp.resolve("users.csv"), "user_id");
                    case "inventory" -> column(tmp.resolve("inventory.csv"), "device_id");
                    case "registration" -> column(tmp.resolve("registration.csv"), "mpan");
                    case "executions" -> column(tmp.resolve("executions.csv"), "schedule_id");
                    default -> Set.of();
                };
                emit(u.scenario(), k, ctx, keys, out);
            }
            return out.iterator();
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The tables of contexts built in memory (checked at construction), from their rows ({@link #rows}): no files, no
     * loader. For judging requests that come with their own context rather than from files (the generated corpus of
     * the differential test).
     */
    static ContextTables of(Dataset<Row> rows) {
        return new ContextTables(rows, List.of());
    }

    /** The rows of a context for the given User IDs, device IDs and MPANs, with its whole schedule history. */
    static List<Row> rows(int scenario, Context ctx, Set<String> users, Set<String> devices, Set<String> mpans) {
        List<Row> out = new ArrayList<>();
        emit(scenario, "users", ctx, users, out);
        emit(scenario, "inventory", ctx, devices, out);
        emit(scenario, "registration", ctx, mpans, out);
        emit(scenario, "schedules", ctx, Set.of(), out);
        Set<String> ids = new LinkedHashSet<>();
        ctx.schedules().ifPresent(h -> h.allSchedules().forEach(s -> ids.add(s.scheduleId())));
        emit(scenario, "executions", ctx, ids, out);
        return out;
    }

    /** The rows the loader accepted, read back through the Context it built. */
    private static void emit(int scenario, String kind, Context ctx, Set<String> keys, List<Row> out) {
        switch (kind) {
            case "users" -> {
                for (String id : keys) {
                    ctx.user(id).ifPresent(u -> out.add(row(scenario, kind, u.userId(), u.role().name(), u.partyId())));
                }
            }
            case "inventory" -> {
                for (String id : keys) {
                    Device d = ctx.device(id).orElse(null);
                    if (d == null) continue;
                    out.add(row(scenario, kind, d.deviceId(), d.deviceType(), d.deviceStatus(),
                            Integer.toString(d.smetsGeneration()), d.importMpan(), d.exportMpan()));
                }
            }
            case "registration" -> {
                for (String mpan : keys) {
                    for (Appointment a : ctx.appointments(mpan)) {
                        out.add(row(scenario, kind, a.mpan(), a.role().name(), a.partyId(), a.effectiveFrom().toString(),
                                a.effectiveTo() == null ? null : a.effectiveTo().toString(), a.source()));
                    }
                }
            }
            case "schedules" -> {
                for (Schedule s : ctx.schedules().map(ScheduleHistory::allSchedules).orElse(List.of())) {
                    out.add(row(scenario, kind, s.scheduleId(), s.userId(), s.deviceId(), s.srv(), s.frequency(),
                            s.startDate().toString(), s.endDate() == null ? null : s.endDate().toString()));
                }
            }
            case "executions" -> {
                ScheduleHistory h = ctx.schedules().orElse(null);
                if (h == null) return;
                for (String id : keys) {
                    for (Execution e : h.executions(id)) {
                        out.add(row(scenario, kind, e.scheduleId(), e.executionDate().toString(), e.result().name()));
                    }
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** The distinct values of one column of a CSV file the loader has accepted (its keys, to read its rows back). */
    private static Set<String> column(Path csv, String name) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.builder().setAllowMissingColumnNames(true).get().parse(r)) {
            int idx = -1;
            for (CSVRecord rec : p) {
                if (idx < 0) {
                    for (int i = 0; i < rec.size(); i++) {
                        if (rec.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).equals(name)) idx = i;
                    }
                    continue;
                }
                if (idx < rec.size()) out.add(rec.get(idx).trim());
            }
        }
        return out;
    }

    private static Row row(int scenario, String kind, String... values) {
        Object[] v = new Object[2 + WIDTH];
        v[0] = scenario;
        v[1] = kind;
        System.arraycopy(values, 0, v, 2, values.length);
        return RowFactory.create(v);
    }

    /** A Parquet table of one kind: each partition's rows written as the contract's CSV and loaded by the loader. */
    private static Dataset<Row> parquet(SparkSession spark, int scenario, String kind, String path) {
        List<String> names = COLUMNS.get(kind);
        List<Column> cols = new ArrayList<>();
        for (String n : names) cols.add(col(n).cast(DataTypes.StringType).as(n));
        cols.add(col("_metadata.file_path").as("_file"));
        cols.add(col("_metadata.row_index").as("_row"));
        Dataset<Row> in = spark.read().parquet(path).select(cols.toArray(Column[]::new));
        return in.mapPartitions((MapPartitionsFunction<Row, Row>) it -> loadParquetPartition(scenario, kind, names, it),
                Encoders.row(ROWS));
    }

    private static Iterator<Row> loadParquetPartition(int scenario, String kind, List<String> names, Iterator<Row> it)
            throws IOException {
        Path tmp = Files.createTempDirectory("duis-context");
        try {
            List<String> where = new ArrayList<>();
            List<Long> startLines = new ArrayList<>();
            Set<String> keys = new LinkedHashSet<>();
            long line = 2;
            try (Writer w = Files.newBufferedWriter(tmp.resolve(kind + ".csv"), StandardCharsets.UTF_8);
                 CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                p.printRecord(names);
                while (it.hasNext()) {
                    Row r = it.next();
                    List<String> values = new ArrayList<>(names.size());
                    for (int i = 0; i < names.size(); i++) values.add(r.isNullAt(i) ? "" : r.getString(i));
                    p.printRecord(values);
                    where.add(r.getString(names.size()) + " row " + r.getLong(names.size() + 1));
                    startLines.add(line);
                    for (String v : values) line += v.chars().filter(c -> c == '\n').count();
                    line++;
                    keys.add(values.get(0).trim());
                }
            }
            Context ctx;
            try {
                ctx = CsvContextLoader.load(tmp);
            } catch (ContextFormatException e) {
                int i = java.util.Collections.binarySearch(startLines, e.line());
                String at = i >= 0 ? where.get(i) : kind + ".parquet";
                String message = e.getMessage().replaceFirst("^[^:]*:\\d+(:\\d+)?: ", "");
                throw new BadContext(at + (e.column() > 0 ? " (column " + names.get(Math.min(e.column(), names.size()) - 1) + ")" : "")
                        + ": " + message);
            }
            List<Row> out = new ArrayList<>();
            for (String w : ctx.warnings()) {
                // an execution table loaded alone cannot see its schedules: that check is the CSV loader's only
                if (!w.contains("is not in schedules.csv")) out.add(row(scenario, "warning", kind + ".parquet: " + w));
            }
            emit(scenario, kind, ctx, keys, out);
            return out.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
