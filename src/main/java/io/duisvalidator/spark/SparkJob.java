package io.duisvalidator.spark;

import io.duisvalidator.Outcome;
import io.duisvalidator.context.InMemoryScheduleHistory;
import io.duisvalidator.internal.coverage.CoverageReport;
import io.duisvalidator.internal.coverage.RuleSetCoverage;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.monitor.Period;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * The Spark job: messages in, one decision per message out, with the fields of {@code validate --format jsonl}.
 *
 * <pre>
 * list files ─► read (library reader, once) ─┬─ rejected / unreadable: judged now ───────────────────────┐
 *                                            └─ request + keys ─► distinct keys (with message counts)   │
 *                                                 ─► ⟕ users (User ID) ⟕ inventory (device) ─► MPAN       │
 *                                                 ─► ⟕ Registration Data (MPAN) ⟕ schedules (requester,   │
 *                                                    device) ⟕ schedule (id)  = one context slice per key │
 *               request + keys ─► ⋈ slice (key, salt: hot keys split) ─► judge (rule base per JVM) ────────┴─► tally ─► write
 * </pre>
 * Context is joined to messages by key, never collected; the context joins run on the distinct keys, so a message
 * travels once (to meet its slice) however many tables it needs, and a key with very many messages is split over
 * several tasks (its slice copied to each).
 */
final class SparkJob {
    /** jsonl columns for Parquet output: the same fields, typed. */
    static final StructType JSONL = new StructType()
            .add("file", DataTypes.StringType).add("requestId", DataTypes.StringType).add("userId", DataTypes.StringType)
            .add("role", DataTypes.StringType).add("srv", DataTypes.StringType).add("mode", DataTypes.StringType)
            .add("outcome", DataTypes.StringType).add("responseCode", DataTypes.StringType)
            .add("trtSeconds", DataTypes.LongType).add("scheduledTrtSeconds", DataTypes.LongType)
            .add("findings", DataTypes.createArrayType(new StructType()
                    .add("code", DataTypes.StringType).add("severity", DataTypes.StringType)
                    .add("ruleId", DataTypes.StringType).add("requirement", DataTypes.StringType)
                    .add("reference", DataTypes.StringType).add("message", DataTypes.StringType)))
            .add("ruleSet", DataTypes.StringType);

    /** What a run produced, for the summary and the exit status. */
    /** {@code coverage}: one report per rule set that judged some message (as {@code coverage}), or null when not asked; {@code unjudged}: messages no rule set judged. */
    record Result(Tally.Value tally, List<CoverageReport> coverage, long unjudged, ComplianceMonitor monitor, List<String> warnings) {
        long count(Outcome o) { return tally.count(o); }
    }

    private final SparkSession spark;
    private final JobSpec spec;
    /** What the listing's scan counts per file beyond its size (0; the benchmark sets Spark's default to compare). */
    long listingOpenCost = 0;

    SparkJob(SparkSession spark, JobSpec spec) {
        this.spark = spark;
        this.spec = spec;
    }

    /** Context of every part, loaded and checked (a malformed row throws {@link ContextTables.BadContext}). */
    ContextTables context(Map<Integer, ContextTables.Sources> sources) {
        return ContextTables.load(spark, spec.scenarios(), sources);
    }

    /**
     * Every message of the run judged: the columns of {@link Stages#JUDGED}. Lazy: nothing runs until it is written.
     */
    Dataset<Row> judged(ContextTables ctx) throws IOException {
        return plan(ctx).judged();
    }

    /**
     * The steps of {@link #judged(ContextTables)}, for measuring them one by one: the read stage (persisted), the
     * context slices (persisted), the messages joined to their slices, and the judged messages.
     */
    record Plan(Dataset<Row> read, Dataset<Row> slices, Dataset<Row> joined, Dataset<Row> judged) {}

    Plan plan(ContextTables ctx) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(hadoop));
        List<Stages.Root> roots = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (JobSpec.Part p : spec.scenarios()) {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(p.messages());
            FileSystem fs = root.getFileSystem(hadoop);
            String q = fs.makeQualified(root).toString();
            roots.add(new Stages.Root(q, stripSlash(p.messages()), p.index()));
            paths.add(q);
        }
        // the file source lists the folders (in parallel when there are many); only names and sizes are taken here,
        // each file is read by the read stage itself, so that a file that vanishes or grows is a DV-INPUT line.
        // The scan packs files into tasks counting each at its size plus spark.sql.files.openCostInBytes (4 MB by
        // default): 32 small messages a task, one task per 55 KB of messages (31,250 tasks for a million). Nothing is
        // opened here, so the listing is scanned in a session of its own (same Spark context) that counts files at
        // their size: one task or so per core; the read stage then spreads the names over its partitions.
        SparkSession lister = spark.newSession();
        lister.conf().set("spark.sql.files.openCostInBytes", Long.toString(listingOpenCost));
        Dataset<Row> names = lister.read().format("binaryFile").option("recursiveFileLookup", "true")
                .option("pathGlobFilter", "*.[xX][mM][lL]").load(paths.toArray(String[]::new))
                .select(col("path"), col("length"), lit(null).cast(DataTypes.BinaryType).as("content"));
        Dataset<Row> listing = spark.createDataFrame(names.javaRDD(), names.schema());
        return judge(listing, roots, false, conf, ctx);
    }

    /** {@link #judged(ContextTables)} for messages in a Parquet table: {@code id} names each (its 'file'). */
    Dataset<Row> judgedTable(ContextTables ctx, String id, String message) {
        return planTable(ctx, id, message).judged();
    }

    Plan planTable(ContextTables ctx, String id, String message) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()));
        Dataset<Row> listing = spark.read().parquet(spec.scenarios().get(0).messages())
                .select(col(id).cast(DataTypes.StringType).as("path"), lit(-1L).as("length"),
                        col(message).cast(DataTypes.BinaryType).as("content"));
        return judge(listing, List.of(), true, conf, ctx);
    }

    private Plan judge(Dataset<Row> listing, List<Stages.Root> roots, boolean table,
                               Broadcast<SerializableConfiguration> conf, ContextTables ctx) {
        int partitions = spec.partitions() > 0 ? spec.partitions() : spark.sparkContext().defaultParallelism() * 4;
        listing = listing.repartition(partitions);
        Dataset<Row> read = listing.mapPartitions(new Stages.Read(spec, roots, table, conf), Encoders.row(Stages.READ))
                .persist(StorageLevel.MEMORY_AND_DISK());
        return afterRead(read, ctx);
    }

    /** From the read stage's rows ({@link Stages#READ}) on: the context slices, the final join and the judge stage. */
    Plan afterRead(Dataset<Row> read, ContextTables ctx) {
        Column[] judgedCols = columns(Stages.JUDGED);
        Dataset<Row> done = read.filter(col("done")).select(judgedCols);
        Dataset<Row> pending = read.filter(col("done").equalTo(false))
                .select(col("scenario"), col("file"), col("request"), col("tkey"), col("userKey"), col("deviceKey"),
                        col("side"), col("scheduleId"), col("historyDeviceKey"));

        Dataset<Row> slices = slices(pending, ctx).persist(StorageLevel.MEMORY_AND_DISK());
        long hot = spec.hotKeyMessages();
        Column buckets = hot > 0 ? when(col("messages").gt(hot), ceil(col("messages").divide(hot))).otherwise(1) : lit(1);
        Dataset<Row> hotKeys = slices.filter(buckets.gt(1)).select(col("tkey").as("hkey"), buckets.cast("int").as("buckets"));
        Dataset<Row> salted = pending.join(broadcast(hotKeys), pending.col("tkey").equalTo(hotKeys.col("hkey")), "left")
                .withColumn("salt", when(col("buckets").isNull(), lit(0)).otherwise(pmod(hash(col("file")), col("buckets"))))
                .drop("hkey", "buckets", "scenario2");
        Dataset<Row> slicesSalted = slices.withColumn("salt", explode(sequence(lit(0), buckets.cast("int").minus(1))))
                .drop("scenario", "messages");
        Dataset<Row> joined = salted.join(slicesSalted, ContextTables.scala(List.of("tkey", "salt")));
        Dataset<Row> judged = joined.mapPartitions(new Stages.Judge(spec), Encoders.row(Stages.JUDGED));
        return new Plan(read, slices, joined, done.unionByName(judged));
    }

    /**
     * One context slice per distinct key of the messages: the User, the device, the appointments of the MPAN the key
     * reads, the requester's schedules for the device (with their executions) and the schedule a 5.2 / 5.3 names,
     * and how many messages share the key. Left joins throughout: a key without a row keeps nulls, and its messages
     * are judged as the CLI judges them (E1, E19, E4).
     */
    static Dataset<Row> slices(Dataset<Row> pending, ContextTables ctx) {
        Dataset<Row> keys = pending.groupBy("tkey", "scenario", "userKey", "deviceKey", "side", "scheduleId", "historyDeviceKey")
                .count().withColumnRenamed("count", "messages");
        Dataset<Row> users = ctx.usersOnce().select(col("scenario").as("u_s"), col("user_id").as("u_id"),
                struct(col("user_id"), col("role"), col("party_id")).as("user"));
        Dataset<Row> inventory = ctx.inventoryOnce().select(col("scenario").as("d_s"), col("device_id").as("d_id"),
                col("import_mpan"), col("export_mpan"),
                struct(col("device_id"), col("device_type"), col("device_status"), col("smets_generation"),
                        col("import_mpan"), col("export_mpan")).as("device"));
        Dataset<Row> registration = ctx.registration.groupBy(col("scenario").as("r_s"), col("mpan").as("r_mpan"))
                .agg(collect_list(struct(col("mpan"), col("role"), col("party_id"), col("effective_from"),
                        col("effective_to"), col("source"))).as("appointments"));
        Dataset<Row> schedules = ctx.schedulesWithExecutions();
        Dataset<Row> history = schedules.groupBy(col("scenario").as("h_s"), col("user_id").as("h_user"), col("device_id").as("h_device"))
                .agg(collect_list(col("schedule")).as("history"));
        Dataset<Row> byId = schedules.select(col("scenario").as("i_s"), col("schedule_id").as("i_id"), col("schedule").as("byId"));

        Dataset<Row> s = keys.join(users, keys.col("scenario").equalTo(users.col("u_s")).and(keys.col("userKey").equalTo(users.col("u_id"))), "left");
        s = s.join(inventory, s.col("scenario").equalTo(inventory.col("d_s")).and(s.col("deviceKey").equalTo(inventory.col("d_id"))), "left")
                .withColumn("mpan", when(col("side").equalTo("IMPORT"), col("import_mpan"))
                        .when(col("side").equalTo("EXPORT"), col("export_mpan")));
        s = s.join(registration, s.col("scenario").equalTo(registration.col("r_s")).and(s.col("mpan").equalTo(registration.col("r_mpan"))), "left");
        s = s.join(history, s.col("scenario").equalTo(history.col("h_s")).and(s.col("userKey").equalTo(history.col("h_user")))
                .and(s.col("historyDeviceKey").equalTo(history.col("h_device"))), "left");
        s = s.join(byId, s.col("scenario").equalTo(byId.col("i_s")).and(s.col("scheduleId").equalTo(byId.col("i_id"))), "left");
        return s.select(col("tkey"), col("scenario"), col("messages"), col("user"), col("device"), col("appointments"),
                col("history"), col("byId"));
    }

    /**
     * Writes the decisions ({@code jsonl}: the CLI's lines, in part files; {@code parquet}: the same fields as columns)
     * and returns the tally gathered while writing. {@code monitor}: the monitor's period, or null for no monitor;
     * {@code dating} says how the run dates requests that carry no receipt date (the monitor's note).
     */
    Result write(Dataset<Row> judged, String format, String out, boolean coverage, Period monitor, Dating dating,
                 ContextTables ctx, io.duisvalidator.internal.engine.RuleSets sets) {
        Tally tally = new Tally(coverage, monitor, spec.scenarios());
        spark.sparkContext().register(tally, "duis-validator tally");
        Dataset<Row> tallied = judged.mapPartitions(new Counting(tally), Encoders.row(Stages.JUDGED));
        Dataset<String> lines = tallied.select("line").as(Encoders.STRING());
        if (format.equals("parquet")) {
            spark.read().schema(JSONL).json(lines).write().mode(SaveMode.Overwrite).parquet(out);
        } else {
            lines.write().mode(SaveMode.Overwrite).text(out);
        }
        Tally.Value v = tally.value();
        List<CoverageReport> cov = null;
        long unjudged = 0;
        if (coverage) {
            RuleSetCoverage c = new RuleSetCoverage(sets, spec.ruleSet());
            Tally.replay(v, c);
            cov = c.reports();
            unjudged = c.unjudged();
        }
        ComplianceMonitor mon = null;
        if (monitor != null) {
            mon = new ComplianceMonitor(monitor).dating(dating.optionAt(), dating.runAt(), dating.scenarios());
            if (v.monitor != null) mon.merge(v.monitor);
            for (ComplianceMonitor m : historyMonitors(ctx, monitor)) mon.merge(m);
        }
        return new Result(v, cov, unjudged, mon, ctx.warnings);
    }

    /** Passes rows on, counting each into the tally (in the writing stage: Spark applies its updates once). */
    private record Counting(Tally tally) implements MapPartitionsFunction<Row, Row> {
        @Override
        public Iterator<Row> call(Iterator<Row> it) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() { return it.hasNext(); }

                @Override
                public Row next() {
                    Row r = it.next();
                    tally.add(r);
                    return r;
                }
            };
        }
    }

    /** How the run dates requests without a receipt date of their own: {@link ComplianceMonitor#dating}'s arguments. */
    record Dating(java.time.Instant optionAt, java.time.Instant runAt, boolean scenarios) {}

    /**
     * The monitor's scheduled side: each partition of the schedule table counted by the CLI's own monitor. A row is
     * one schedule with all its executions, so an execution's key (which holds its schedule id) is counted whole in
     * one partition, and merging partitions by the monitor's rule (the largest count of a key) gives the CLI's count.
     */
    private List<ComplianceMonitor> historyMonitors(ContextTables ctx, Period period) {
        Dataset<Row> s = ctx.schedulesWithExecutions().select("scenario", "schedule");
        return s.mapPartitions((MapPartitionsFunction<Row, byte[]>) it -> {
            Map<Integer, InMemoryScheduleHistory> byScenario = new java.util.HashMap<>();
            while (it.hasNext()) {
                Row r = it.next();
                SliceContext.record(byScenario.computeIfAbsent(r.getInt(0), k -> new InMemoryScheduleHistory()), r.getStruct(1));
            }
            ComplianceMonitor m = new ComplianceMonitor(period);
            byScenario.values().forEach(m::addHistory);
            return List.of(serialize(m)).iterator();
        }, Encoders.BINARY()).collectAsList().stream().map(SparkJob::deserialize).toList();
    }

    private static byte[] serialize(Object o) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(b)) {
            out.writeObject(o);
        }
        return b.toByteArray();
    }

    private static ComplianceMonitor deserialize(byte[] b) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(b))) {
            return (ComplianceMonitor) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Column[] columns(StructType t) {
        List<Column> c = new ArrayList<>();
        for (String n : t.fieldNames()) c.add(col(n));
        return c.toArray(Column[]::new);
    }

    static String stripSlash(String s) {
        String t = s;
        while (t.length() > 1 && (t.endsWith("/") || t.endsWith("\\"))) t = t.substring(0, t.length() - 1);
        return t;
    }
}
