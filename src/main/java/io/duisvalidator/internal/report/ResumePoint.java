package io.duisvalidator.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.internal.batch.PathWalk;
import io.duisvalidator.Outcome;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Where an interrupted {@code --format jsonl} run stopped, read from the report it left ({@code validate --resume}).
 *
 * <p>A run writes one whole line per input, in input order ({@link JsonlReport}), so the complete lines of the report
 * are the results of the first inputs. Opening the report keeps those lines, cuts an incomplete last line (the only
 * damage a kill can do), and checks that every kept line is a result of this rule set. {@link #remaining} then walks
 * the inputs beside the kept lines and yields only the inputs no kept line covers: while the inputs follow the report
 * line for line nothing is held in memory; once they differ (a file removed or added since the run began) the
 * report's remaining file names are held in a map, so each input is still judged exactly once.
 */
public final class ResumePoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path report;
    private final long kept;
    private final long droppedBytes;
    private volatile long notAmongInputs;

    private ResumePoint(Path report, long kept, long droppedBytes) {
        this.report = report;
        this.kept = kept;
        this.droppedBytes = droppedBytes;
    }

    /** The report cannot be resumed from: it is not a jsonl report of this rule set. */
    public static final class CannotResume extends Exception {
        CannotResume(String message) {
            super(message);
        }
    }

    /** What every kept result is counted by (e.g. {@link RunSummary#add(Outcome, String, String)}). */
    @FunctionalInterface
    public interface Tally {
        void add(Outcome outcome, String responseCode, String srv);
    }

    /** A report line longer than this is not one this tool wrote (findings echo values shortened). */
    public static final int MAX_LINE_BYTES = 4 << 20;
    /** How every result line starts ({@link JsonlReport}): a cut last line must be the start of one. */
    private static final byte[] LINE_START = "{\"file\":\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Opens the report of an interrupted run: checks, reading only, that every complete line is a result of this
     * rule set and that what follows the last line feed could be the start of one; counts the complete lines; and only
     * then cuts that incomplete last line. A file that is not such a report is refused and left exactly as it was.
     * A report that does not exist is a run that has not started: nothing is kept.
     *
     * @param ruleSet the rule set of this run; a report written by another is refused (its results would be mixed)
     */
    public static ResumePoint open(Path report, String ruleSet, Tally tally) throws CannotResume, IOException {
        if (!Files.exists(report)) return new ResumePoint(report, 0, 0);
        if (!Files.isRegularFile(report)) throw new CannotResume("cannot resume: " + report + " is not a file");
        long n = 0;
        long size;
        byte[] tail;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(report), 1 << 16)) {
            LineBuffer line = new LineBuffer();
            for (int b; (b = in.read()) >= 0; ) {
                if (b != '\n') {
                    if (!line.add((byte) b)) {
                        throw new CannotResume("cannot resume from " + report + ": line " + (n + 1) + " is longer than "
                                + MAX_LINE_BYTES + " bytes: not a line of validate --format jsonl");
                    }
                    continue;
                }
                n++;
                String text = line.text();
                if (text == null) throw notAResult(report, n, "not UTF-8 text");
                JsonNode node = result(text, report, n);
                String set = node.path("ruleSet").asText(null);
                if (ruleSet != null && !ruleSet.equals(set)) {
                    throw new CannotResume("cannot resume from " + report + ": line " + n + " was judged by rule set "
                            + set + ", this run uses " + ruleSet + " (start a new report)");
                }
                tally.add(Outcome.valueOf(node.get("outcome").asText()), node.get("responseCode").asText(),
                        node.path("srv").asText(null));
                line.clear();
            }
            tail = line.bytes();
        }
        for (int i = 0; i < Math.min(tail.length, LINE_START.length); i++) {
            if (tail[i] != LINE_START[i]) {
                throw new CannotResume("cannot resume from " + report + ": what follows line " + n + " (" + tail.length
                        + " bytes without a line feed) is not the start of a result line; was it written by validate --format jsonl?");
            }
        }
        long dropped = cutIncompleteLastLine(report);
        return new ResumePoint(report, n, dropped);
    }

    /** The bytes of one line, bounded; decoded strictly as UTF-8. */
    private static final class LineBuffer {
        private byte[] buf = new byte[8192];
        private int len;

        boolean add(byte b) {
            if (len == MAX_LINE_BYTES) return false;
            if (len == buf.length) buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
            buf[len++] = b;
            return true;
        }

        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, 0, len)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }

        void clear() {
            len = 0;
        }
    }

    /** A line of a jsonl report: an object with a file and an outcome; anything else is refused. */
    private static JsonNode result(String line, Path report, long n) throws CannotResume {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw notAResult(report, n, "not JSON");
        }
        if (node == null || !node.isObject()) throw notAResult(report, n, "not a JSON object");
        if (!node.path("file").isTextual()) throw notAResult(report, n, "no \"file\"");
        String outcome = node.path("outcome").asText("");
        boolean known = false;
        for (Outcome o : Outcome.values()) known |= o.name().equals(outcome);
        if (!known) throw notAResult(report, n, "no valid \"outcome\"");
        if (!node.path("responseCode").isTextual()) throw notAResult(report, n, "no \"responseCode\"");
        return node;
    }

    private static CannotResume notAResult(Path report, long n, String why) {
        return new CannotResume("cannot resume from " + report + ": line " + n + " is not a jsonl result (" + why
                + "); was it written by validate --format jsonl?");
    }

    /** Truncates the file after its last line feed; returns how many bytes were cut (0 when it ends with one). */
    static long cutIncompleteLastLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long end = size;
            while (end > 0) {
                long start = Math.max(0, end - buf.capacity());
                buf.clear().limit((int) (end - start));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, start + buf.position()) < 0) throw new IOException(file + " shrank while being read");
                }
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        long keep = start + i + 1;
                        if (keep < size) ch.truncate(keep);
                        return size - keep;
                    }
                }
                end = start;
            }
            if (size > 0) ch.truncate(0);
            return size;
        }
    }

    /** Complete results kept from the interrupted run. */
    public long kept() { return kept; }

    /** Bytes of an incomplete last line that were cut (0 when the report ended with a whole line). */
    public long droppedBytes() { return droppedBytes; }

    /** After {@link #remaining} has been walked to its end: kept results naming no input of this run. */
    public long notAmongInputs() { return notAmongInputs; }

    /**
     * The inputs (in their order) that no kept result covers: each kept line covers one input of the same name.
     * Each iteration reads the kept lines afresh, so the result may be walked more than once (e.g. to count it).
     */
    public Iterable<Path> remaining(Iterable<Path> inputs) {
        if (kept == 0) return inputs;
        return () -> new Remaining(inputs.iterator());
    }

    private final class Remaining extends PathWalk {
        private final Iterator<Path> inputs;
        private BufferedReader lines;
        private long unread = kept;
        /** Null while the inputs follow the kept lines one for one; then the kept file names not yet met, counted. */
        private Map<String, Integer> ahead;

        Remaining(Iterator<Path> inputs) {
            this.inputs = inputs;
        }

        @Override
        protected Path advance() {
            while (inputs.hasNext()) {
                Path p = inputs.next();
                String name = p.toString();
                if (ahead == null) {
                    String f = nextKeptFile();
                    if (f != null && f.equals(name)) continue;
                    ahead = new HashMap<>();
                    for (; f != null; f = nextKeptFile()) ahead.merge(f, 1, Integer::sum);
                }
                Integer c = ahead.get(name);
                if (c == null) return p;
                if (c == 1) ahead.remove(name); else ahead.put(name, c - 1);
            }
            long left = 0;
            if (ahead != null) for (int c : ahead.values()) left += c;
            while (nextKeptFile() != null) left++;
            notAmongInputs = left;
            return null;
        }

        /** The file named by the next kept line, or null after the last one. */
        private String nextKeptFile() {
            try {
                if (unread == 0) {
                    if (lines != null) lines.close();
                    lines = null;
                    return null;
                }
                if (lines == null) lines = Files.newBufferedReader(report, StandardCharsets.UTF_8);
                String line = lines.readLine();
                if (line == null) throw new IOException(report + " lost lines while the run was resumed");
                unread--;
                return JSON.readTree(line).get("file").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
