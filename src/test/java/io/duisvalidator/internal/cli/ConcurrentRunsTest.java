package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.report.RunLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.duisvalidator.internal.cli.ValidateCommandTest.MESSAGES;
import static io.duisvalidator.internal.cli.ValidateCommandTest.args;
import static io.duisvalidator.internal.cli.ValidateCommandTest.run;
import static io.duisvalidator.internal.xml.TestMessages.stderrOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 5: two runs never write one report. The first run is held, deterministically, just after it took its
 * locks ({@link ValidateCommand#whileLocked}); the second, started then, must exit 2 naming the holder and leave the
 * report to the first, which ends with the report an undisturbed run writes. No sleeps, no timing.
 */
class ConcurrentRunsTest {
    @AfterEach
    void noHook() {
        ValidateCommand.whileLocked = () -> { };
    }

    /** Runs {@code first} in a thread held at its locks, runs {@code second} meanwhile; returns both statuses and the second's stderr. */
    static Object[] race(List<String> first, List<String> second) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean();
        ValidateCommand.whileLocked = () -> {
            if (once.compareAndSet(false, true)) {
                locked.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AtomicInteger a = new AtomicInteger(-1);
        Thread t = new Thread(() -> a.set(run(first)), "first-run");
        t.start();
        assertThat(locked.await(60, TimeUnit.SECONDS)).as("first run took its locks").isTrue();
        int[] b = new int[1];
        String err;
        try {
            err = stderrOf(() -> b[0] = run(second));
        } finally {
            release.countDown();
            t.join(120_000);
        }
        return new Object[]{a.get(), b[0], err};
    }

    @Test
    void of_two_runs_writing_one_report_the_second_exits_2_and_the_report_is_the_first_runs(@TempDir Path dir) throws Exception {
        Path reference = dir.resolve("reference.jsonl");
        assertThat(run(args(reference, "jsonl", MESSAGES.toString()))).isEqualTo(1);
        Path out = dir.resolve("r.jsonl");

        Object[] r = race(args(out, "jsonl", MESSAGES.toString()), args(out, "text", MESSAGES.toString()));

        assertThat(r[1]).isEqualTo(2);
        assertThat((String) r[2]).contains(out.toString()).contains("in use by another run").contains("pid " + ProcessHandle.current().pid());
        assertThat(r[0]).isEqualTo(1);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(reference));
    }

    @Test
    void of_two_resumes_of_one_report_the_second_exits_2_and_no_line_is_written_twice(@TempDir Path dir) throws Exception {
        Path in = ValidateResumeTest.corpus(dir);
        Path reference = dir.resolve("reference.jsonl");
        assertThat(run(args(reference, "jsonl", in.toString()))).isEqualTo(3);
        Path out = dir.resolve("r.jsonl");
        List<String> lines = Files.readAllLines(reference);
        Files.write(out, lines.subList(0, 20));

        Object[] r = race(ValidateResumeTest.resumeArgs(out, in), ValidateResumeTest.resumeArgs(out, in));

        assertThat(r[1]).isEqualTo(2);
        assertThat(r[0]).isEqualTo(3);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(reference));
    }

    @Test
    void a_responses_folder_in_use_is_refused(@TempDir Path dir) throws Exception {
        Path responses = dir.resolve("responses");
        Object[] r = race(args(dir.resolve("a.txt"), "text", "--responses", responses.toString(), MESSAGES.toString()),
                args(dir.resolve("b.txt"), "text", "--responses", responses.toString(), MESSAGES.toString()));
        assertThat(r[1]).isEqualTo(2);
        assertThat((String) r[2]).contains(responses.toString()).contains("in use by another run");
        assertThat(r[0]).isEqualTo(1);
        assertThat(dir.resolve("b.txt")).doesNotExist();
    }

    @Test
    void a_lock_held_by_another_process_is_refused_and_one_left_by_a_killed_process_is_not(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.jsonl");
        // another JVM takes the lock, says so, and is then killed with SIGKILL
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", OutputSafetyTest.absoluteClassPath(), LockHolder.class.getName(), out.toString()));
        Process holder = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(r.readLine()).isEqualTo("locked");
            String[] err = new String[1];
            int status = OutputSafetyTest.runCapturing(err, args(out, "jsonl", MESSAGES.toString()));
            assertThat(status).isEqualTo(2);
            assertThat(err[0]).contains("in use by another run").contains("pid " + holder.pid());
            assertThat(out).doesNotExist();
        } finally {
            holder.destroyForcibly();
            holder.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(RunLock.forReport(out)).exists(); // the lock file outlives its holder...
        assertThat(run(args(out, "jsonl", MESSAGES.toString()))).isEqualTo(1); // ...and blocks nothing
        assertThat(Files.readAllLines(out)).hasSize(15);
    }

    /** Takes the lock of the report named by its argument, prints "locked", and waits to be killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            Path out = Path.of(args[0]);
            try (RunLock l = RunLock.acquire(RunLock.forReport(out), out)) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(600_000);
            }
        }
    }
}
