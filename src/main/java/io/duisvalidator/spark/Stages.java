package io.duisvalidator.spark;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.facts.RequestFact;
import io.duisvalidator.internal.report.JsonlReport;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The two stages that run the library on the executors: reading each message once, and judging it with its context. */
final class Stages {
    private Stages() {}

    /** A judged message: its jsonl line and what the summaries read. */
    static final StructType JUDGED = new StructType()
            .add("scenario", DataTypes.IntegerType, false)
            .add("file", DataTypes.StringType, false)
            .add("line", DataTypes.StringType, false)
            .add("outcome", DataTypes.StringType, false)
            .add("userId", DataTypes.StringType, true)
            .add("srv", DataTypes.StringType, true)
            .add("scheduledSrv", DataTypes.StringType, true)
            .add("fired", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("requirements", DataTypes.createArrayType(DataTypes.StringType, false), false)
            // the rule set that judged it (RuleSetId text), or null when none did: coverage reports per rule set
            .add("ruleSet", DataTypes.StringType, true);

    /** What the read stage gives: a judged message (one that needs no context), or a read request and its join keys. */
    static final StructType READ;

    static {
        StructType s = new StructType().add("done", DataTypes.BooleanType, false);
        for (var f : JUDGED.fields()) s = s.add(f.name(), f.dataType(), true);
        READ = s.add("request", DataTypes.BinaryType, true)
                .add("tkey", DataTypes.StringType, true)
                .add("userKey", DataTypes.StringType, true)
                .add("deviceKey", DataTypes.StringType, true)
                .add("side", DataTypes.StringType, true)
                .add("scheduleId", DataTypes.StringType, true)
                .add("historyDeviceKey", DataTypes.StringType, true);
    }

    /** A message root of the run, qualified, with the name the results give its files. */
    record Root(String qualified, String given, int part) implements Serializable {}

    /** Builds jsonl lines with the CLI's own writer ({@link JsonlReport}), one at a time. */
    static final class Lines {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        private final JsonlReport report;

        Lines() {
            try {
                report = new JsonlReport(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String line(String file, Decision d) {
            try {
                report.write(new FileResult(file, 0, d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String s = out.toString(StandardCharsets.UTF_8);
            out.reset();
            return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        }
    }

    static Object[] judged(Lines lines, int part, String file, Decision d) {
        Set<String> reqs = new LinkedHashSet<>();
        for (Finding f : d.findings()) if (f.requirement() != null) reqs.add(f.requirement());
        return new Object[]{part, file, lines.line(file, d), d.outcome().name(), d.userId(), d.srv(), d.scheduledSrv(),
                d.firedRules().toArray(String[]::new), reqs.toArray(String[]::new),
                d.ruleSet() == null ? null : d.ruleSet().text()};
    }

    /**
     * Reads each listed file (at most the reader's limit plus one byte, as the CLI does) and the request in it, once.
     * A message the reader rejects, or a file that cannot be read, is judged here (it needs no context); any other
     * message leaves with its request and the keys of the context rows it needs, which the library's own reading
     * gives: the originator's User ID, the device the rules check (the target of a device SRV, the DeviceID of a
     * 5.1), which MPAN of that device the data SRV reads (import or export), and the schedule a 5.2 / 5.3 names.
     */
    static final class Read implements MapPartitionsFunction<Row, Row> {
        private final JobSpec spec;
        private final List<Root> roots;
        private final Broadcast<SerializableConfiguration> conf;

        private final boolean table;

        /** @param table the messages come from a table (path: the message's id, content: its bytes) rather than files */
        Read(JobSpec spec, List<Root> roots, boolean table, Broadcast<SerializableConfiguration> conf) {
            this.spec = spec;
            this.roots = roots;
            this.table = table;
            this.conf = conf;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> in) {
            CoreValidator reader = ExecutorRules.reader(spec.readerOptions(), spec.ruleSet());
            Opener c = table ? null : new Opener(conf.value().value());
            Lines lines = new Lines();
            return new Iterator<>() {
                @Override
                public boolean hasNext() { return in.hasNext(); }

                @Override
                public Row next() {
                    Row r = in.next();
                    return table ? fromTable(reader, lines, r.isNullAt(0) ? "" : r.getString(0), r.isNullAt(2) ? null : (byte[]) r.get(2))
                            : read(reader, c, lines, r.getString(0), r.getLong(1));
                }
            };
        }

        private Row read(CoreValidator reader, Opener c, Lines lines, String path, long length) {
            Root root = root(path);
            JobSpec.Part part = spec.scenarios().get(root.part());
            String file = path.equals(root.qualified()) ? root.given() : root.given() + path.substring(root.qualified().length());
            byte[] bytes;
            try {
                bytes = readLimited(c.open(root, path), length, spec.maxMessageBytes());
            } catch (IOException | RuntimeException e) {
                return done(lines, part.index(), file, reader.unreadable("cannot read " + file + ": "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), part.at()));
            }
            return judge(reader, lines, part, file, bytes);
        }

        private Row fromTable(CoreValidator reader, Lines lines, String id, byte[] bytes) {
            JobSpec.Part part = spec.scenarios().get(0);
            if (bytes == null) return done(lines, part.index(), id, reader.unreadable("no message in the row of " + id, part.at()));
            return judge(reader, lines, part, id, bytes);
        }

        private Row judge(CoreValidator reader, Lines lines, JobSpec.Part part, String file, byte[] bytes) {
            ValidationSettings settings = part.settings();
            Optional<DuisRequest> read = reader.read(bytes);
            if (read.isEmpty()) return done(lines, part.index(), file, reader.validate(bytes, settings));
            return pending(part, file, read.get());
        }

        private Row done(Lines lines, int part, String file, Decision d) {
            Object[] v = new Object[READ.size()];
            v[0] = true;
            System.arraycopy(judged(lines, part, file, d), 0, v, 1, JUDGED.size());
            return RowFactory.create(v);
        }

        private Root root(String path) {
            Root best = null;
            for (Root r : roots) {
                boolean under = path.equals(r.qualified()) || path.startsWith(r.qualified().endsWith("/") ? r.qualified() : r.qualified() + "/");
                if (under && (best == null || r.qualified().length() > best.qualified().length())) best = r;
            }
            if (best == null) throw new IllegalStateException("a listed file under no root of the run: " + path);
            return best;
        }
    }

    /**
     * A read request leaving the read stage: its record and the keys of the context rows it needs, as the library's
     * own reading gives them (the {@link Read} stage's rows for messages the reader accepted).
     */
    static Row pending(JobSpec.Part part, String file, DuisRequest req) {
        ValidationSettings settings = part.settings();
        String user = key(req.originatorId());
        String device = "";
        String side = "";
        String scheduleId = "";
        String historyDevice = "";
        try {
            RequestFact rf = ExecutorRules.facts().requestFact(req, Context.empty(), settings, part.at());
            device = key(rf.getDeviceId());
            side = rf.getDataSide() == null ? "" : rf.getDataSide();
            boolean readsSchedules = "5.2".equals(rf.getSrv()) || "5.3".equals(rf.getSrv());
            if (readsSchedules) scheduleId = req.scheduleId() == null ? "" : req.scheduleId();
            historyDevice = readsSchedules ? key(req.selectorDeviceId()) : device;
            // 8.2 (a non-device SRV) reads the generation of the device whose inventory entry it asks for, for its TRT
            // (FactBuilder, docs/decisions.md D-RULESET-8.2): that device's inventory row is its slice's device
            if (device.isEmpty() && "8.2".equals(rf.getSrv())) device = key(req.selectorDeviceId());
        } catch (RuntimeException e) {
            // judged as the CLI judges it: Validator.validate reports the failure (DV-INTERNAL) in the judge stage
        }
        String tkey = String.join("\u0001", Integer.toString(part.index()), user, device, side, scheduleId, historyDevice);
        Object[] v = new Object[READ.size()];
        v[0] = false;
        v[1] = part.index();
        v[2] = file;
        int k = 1 + JUDGED.size();
        v[k] = RequestCodec.encode(req);
        v[k + 1] = tkey;
        v[k + 2] = user;
        v[k + 3] = device;
        v[k + 4] = side;
        v[k + 5] = scheduleId;
        v[k + 6] = historyDevice;
        return RowFactory.create(v);
    }

    static String key(String id) {
        return id == null ? "" : id.trim().toUpperCase(java.util.Locale.ROOT); // as the context normalises EUI-64 ids
    }

    /**
     * Opens the listed files of one task, each through the file system of its root (looked up once per root and task,
     * not per file). Hadoop's local file system is a checksummed wrapper: every open looks for a {@code .crc} file
     * beside the message, asks for its status and builds I/O statistics, which cost more than the read of a small
     * message. Its files are read as its raw file system maps them ({@link RawLocalFileSystem#pathToFile}) through the
     * JDK, as the CLI reads them (no {@code .crc} is checked: the CLI checks none either); any other file system (HDFS,
     * object stores) is opened through Hadoop.
     */
    static final class Opener {
        private final Configuration conf;
        private final java.util.Map<Root, Object> byRoot = new java.util.HashMap<>();

        Opener(Configuration conf) {
            this.conf = conf;
        }

        InputStream open(Root root, String path) throws IOException {
            Object fs = byRoot.get(root);
            if (fs == null) {
                Path r = new Path(root.qualified());
                FileSystem f = r.getFileSystem(conf);
                fs = f instanceof LocalFileSystem local && local.getRaw() instanceof RawLocalFileSystem raw
                        ? raw.pathToFile(r).toPath() : f;
                byRoot.put(root, fs);
            }
            if (fs instanceof java.nio.file.Path dir) {
                // the listed path is the root's qualified path, then '/' and the file's path below it (Hadoop's
                // Path.toString: not URI-escaped)
                java.nio.file.Path file = path.length() == root.qualified().length() ? dir
                        : dir.resolve(path.substring(root.qualified().length() + (root.qualified().endsWith("/") ? 0 : 1)));
                return java.nio.file.Files.newInputStream(file);
            }
            Path p = new Path(path);
            return ((FileSystem) fs).open(p);
        }
    }

    /**
     * At most {@code limit + 1} bytes of a file (enough for the reader to see it is over the limit); a file whose size
     * is not the listed one when read is reported, not judged half-written (as the CLI's BatchRunner does).
     */
    static byte[] readLimited(InputStream open, long listedLength, int limit) throws IOException {
        byte[] bytes;
        try (InputStream in = open) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length <= limit && bytes.length != listedLength) {
            throw new IOException("the file changed while it was being read (listed " + listedLength + " bytes, read "
                    + bytes.length + "): judge it again once it is complete");
        }
        return bytes;
    }

    /** Judges each read request with the context rows joined to it. */
    static final class Judge implements MapPartitionsFunction<Row, Row> {
        private final JobSpec spec;

        Judge(JobSpec spec) {
            this.spec = spec;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> in) {
            Lines lines = new Lines();
            // one validator per task; each key's context replaces the last (the library's context replacement); it
            // judges each request by the rule set in force at its receipt instant, or the forced one, as the CLI's does
            // (the rule sets are shared by the executor's tasks and built on first need: ExecutorRules)
            CoreValidator validator = CoreValidator.create(ExecutorRules.sets(), spec.ruleSet(),
                    io.duisvalidator.context.Context.empty(), io.duisvalidator.ReaderOptions.defaults());
            return new Iterator<>() {
                private String lastKey;

                @Override
                public boolean hasNext() { return in.hasNext(); }

                @Override
                public Row next() {
                    Row r = in.next();
                    JobSpec.Part part = spec.scenarios().get(r.getInt(r.fieldIndex("scenario")));
                    String tkey = r.getAs("tkey");
                    if (!tkey.equals(lastKey)) {
                        // rows of one key arrive together after the join: one context and validator for all of them
                        validator.replaceContext(SliceContext.of(r, part.history()));
                        lastKey = tkey;
                    }
                    DuisRequest req = RequestCodec.decode(r.getAs("request"));
                    Decision d = validator.validate(req, part.settings());
                    return RowFactory.create(judged(lines, part.index(), r.getAs("file"), d));
                }
            };
        }
    }
}
