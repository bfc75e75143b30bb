package io.duisvalidator.internal.report;

import io.duisvalidator.internal.text.Printable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An exclusive lock on an output of a run ({@code --out FILE}, {@code --responses DIR}), so that two runs never write
 * one report or one responses folder at the same time. The lock is the operating system's lock on a small lock file
 * ({@code .NAME.lock} beside the report, {@code .duis-validator.lock} in the responses folder), taken with
 * {@link FileChannel#tryLock()}: it never waits, and it vanishes with the process that holds it, whatever ends it
 * (SIGKILL included), so a lock file left behind never blocks a later run. The holder writes who it is into the
 * file, so that a run refused can name it. The file is not deleted at the end (deleting it would let a third run lock
 * a new file while a second still holds the old one); it is a few bytes and harmless.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another run holds the lock; the message names the output and, where it could be read, the holder. */
    public static final class Held extends Exception {
        Held(String message) {
            super(message);
        }
    }

    /** The lock file of a report: {@code .NAME.lock} in the report's folder. */
    public static Path forReport(Path report) {
        return report.resolveSibling("." + report.getFileName() + ".lock");
    }

    /** The lock file of a responses folder. */
    public static Path forFolder(Path dir) {
        return dir.resolve(".duis-validator.lock");
    }

    /**
     * Takes the lock at {@code lockFile} (created if missing, never through a link) for {@code output}.
     *
     * @throws Held        when another run (or another command in this JVM) holds it
     * @throws IOException when the lock file cannot be made or opened
     */
    public static RunLock acquire(Path lockFile, Path output) throws Held, IOException {
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            l = null;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (l == null) {
            String holder = holder(ch);
            ch.close();
            throw new Held(Printable.text(output + " is in use by another run" + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; wait for it to end, or choose another output"));
        }
        ch.truncate(0);
        String who = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ch.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
        return new RunLock(ch, l);
    }

    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(200);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            return Printable.echo(s);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
