package io.duisvalidator.internal.batch;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Decision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Validates files in parallel and hands the results to a sink in input order. A bounded window of files is in
 * flight at any time, so memory stays flat however many files there are. Every file yields exactly one result.
 */
public final class BatchRunner {
    private final CoreValidator validator;
    private final ValidationSettings settings;
    private final int threads;
    private Set<Object> excluded = Set.of();

    public BatchRunner(CoreValidator validator, ValidationSettings settings, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.validator = validator;
        this.settings = settings;
        this.threads = threads;
    }

    /**
     * Files never judged, by {@link BasicFileAttributes#fileKey()}: the run's own outputs, however an input reaches
     * them (a link inside an input folder); each is one error result instead.
     */
    public BatchRunner excluding(Set<Object> fileKeys) {
        excluded = Set.copyOf(fileKeys);
        return this;
    }

    /** Validates every file, calling {@code sink} once per file in input order; returns the number of files. */
    public long run(Iterable<Path> files, Consumer<FileResult> sink) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "duis-validator-worker");
            t.setDaemon(true);
            return t;
        });
        int window = threads * 64;
        Deque<Future<FileResult>> inFlight = new ArrayDeque<>(window);
        long index = 0;
        try {
            for (Path p : files) {
                final long i = index++;
                inFlight.addLast(pool.submit(() -> validateFile(p, i)));
                if (inFlight.size() >= window) sink.accept(take(inFlight.pollFirst()));
            }
            while (!inFlight.isEmpty()) sink.accept(take(inFlight.pollFirst()));
        } finally {
            pool.shutdownNow();
        }
        return index;
    }

    private static FileResult take(Future<FileResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // validateFile catches everything; this is only reachable through an Error thrown past it
            throw new IllegalStateException("a worker failed outside the validator", e.getCause());
        }
    }

    /** Reads and validates one file; never throws. */
    public FileResult validateFile(Path p, long index) {
        String name = p.toString();
        Decision d;
        try {
            if (!excluded.isEmpty() && excluded.contains(Files.readAttributes(p, BasicFileAttributes.class).fileKey())) {
                throw new IOException(p + " is an output of this run (its report): not judged");
            }
            d = validator.validate(readLimited(p, validator.maxMessageBytes()), settings);
        } catch (ChangedWhileReading e) {
            d = validator.unreadable(e.getMessage());
        } catch (IOException e) {
            d = validator.unreadable("cannot read " + name + ": " + (e.getClass() == IOException.class ? ""
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " ")) + (e.getMessage() == null ? "" : e.getMessage()));
        } catch (OutOfMemoryError e) {
            d = validator.unreadable("out of memory while processing " + name);
        } catch (RuntimeException | StackOverflowError e) {
            d = validator.unreadable("failed on " + name + ": " + e);
        }
        return new FileResult(name, index, d);
    }

    /**
     * Reads at most {@code limit + 1} bytes (enough for the reader to see that a file is over the limit), and makes
     * sure they are one version of the file: its identity, size and modification time are looked at before and after
     * the read, and the bytes read must be its size. A file written, replaced or truncated meanwhile is
     * {@link ChangedWhileReading}, so a half-written message is reported as such rather than judged.
     */
    static byte[] readLimited(Path p, int limit) throws IOException {
        return readLimited(p, limit, () -> { });
    }

    /** {@link #readLimited(Path, int)} with a step run between the first look at the file and the read (tests). */
    static byte[] readLimited(Path p, int limit, Runnable betweenLookAndRead) throws IOException {
        BasicFileAttributes before = Files.readAttributes(p, BasicFileAttributes.class);
        notOpened(p, before);
        betweenLookAndRead.run();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(p)) {
            bytes = in.readNBytes(limit + 1);
        }
        BasicFileAttributes after = Files.readAttributes(p, BasicFileAttributes.class);
        boolean whole = bytes.length > limit || bytes.length == after.size();
        if (!whole || before.size() != after.size() || !before.lastModifiedTime().equals(after.lastModifiedTime())
                || !Objects.equals(before.fileKey(), after.fileKey())) {
            throw new ChangedWhileReading(p + " changed while it was being read (size " + before.size() + " then "
                    + after.size() + " bytes, " + bytes.length + " read; modified " + before.lastModifiedTime()
                    + " then " + after.lastModifiedTime() + "): judge it again once it is complete");
        }
        return bytes;
    }

    /**
     * Refuses, without opening it, what is not a regular file: a FIFO, socket or device (or a link to one: opening
     * /dev/stdin or a FIFO would wait forever), and a folder that could not be searched (passed on by {@link InputFiles}).
     */
    private static void notOpened(Path p, BasicFileAttributes a) throws IOException {
        if (a.isRegularFile()) return;
        if (a.isDirectory()) {
            try (var s = Files.newDirectoryStream(p)) {
                s.iterator().hasNext();
            } catch (IOException | RuntimeException e) {
                throw new IOException("a folder that cannot be searched: " + p + ": " + (e.getMessage() == null ? e : e.getMessage()));
            }
            throw new IOException(p + " is a folder, not a message file");
        }
        throw new IOException(p + " is not a regular file (" + (a.isOther() ? "a FIFO, socket or device" : "a link")
                + "): not opened");
    }

    /** A file that was written, replaced or truncated while it was being read. */
    static final class ChangedWhileReading extends IOException {
        ChangedWhileReading(String message) {
            super(message);
        }
    }
}
