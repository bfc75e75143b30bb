package io.duisvalidator.internal.cli;

import io.duisvalidator.support.Seeds;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.duisvalidator.internal.cli.ValidateCommandTest.args;
import static io.duisvalidator.internal.cli.ValidateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch validator in its own JVM, killed at random points (SIGKILL and SIGTERM) and resumed each time with
 * {@code --resume}: after every kill the report holds complete lines only, each the line an uninterrupted run writes
 * at that place; the last resume ends with exactly the uninterrupted report, nothing repeated, nothing skipped.
 * The seed is printed and in every failure message; {@code -Dduis.test.seed=N} runs with seed N ({@link Seeds}).
 */
class KillAndResumeTest {
    static final int FILES = 8_000;

    @Test
    void killed_at_random_points_and_resumed_the_report_is_the_uninterrupted_one(@TempDir Path dir) throws Exception {
        Path in = corpus(dir);
        Path reference = dir.resolve("reference.jsonl");
        int status = run(args(reference, "jsonl", in.toString()));
        byte[] whole = Files.readAllBytes(reference);
        List<String> lines = Files.readAllLines(reference);
        assertThat(lines).hasSize(FILES + 1);
        assertThat(status).isEqualTo(3); // rejections and one unreadable input

        long seed = Seeds.randomSeed("KillAndResumeTest");
        Random random = new Random(seed);
        Path out = dir.resolve("out.jsonl");
        String[] signals = {"KILL", "TERM", "KILL", "KILL"};
        int killed = 0;
        for (int round = 0; round < signals.length; round++) {
            String at = "seed " + seed + ", round " + round + " (SIG" + signals[round] + ")";
            long before = Files.exists(out) ? Files.size(out) : 0;
            Process p = start(dir, in, out, round);
            try {
                if (round == 0) {
                    // anywhere from JVM start (while the rules are loaded) into the first results
                    waitUntil(p, out, Long.MAX_VALUE, random.nextInt(1_500));
                } else {
                    // when the report reaches a random size within the first 90 % of what is left
                    long target = before + 1 + (long) (random.nextDouble() * 0.9 * Math.max(1, whole.length - before - 2));
                    waitUntil(p, out, target, 120_000);
                }
                if (!p.isAlive()) break; // it finished first: nothing to interrupt
                if (signals[round].equals("KILL")) p.destroyForcibly(); else p.destroy();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(at).isTrue();
                killed++;
            } finally {
                p.destroyForcibly();
            }
            assertCompletePrefix(out, whole, lines, at);
        }
        assertThat(run(resumeArgs(out, in))).as("seed %d: final resume", seed).isEqualTo(status);
        assertThat(Files.readAllBytes(out)).as("seed %d: %d kills, then resumed", seed, killed).isEqualTo(whole);
        assertThat(killed).as("seed %d: the runs were interrupted", seed).isGreaterThanOrEqualTo(2);
    }

    /** The report so far: complete lines only, each the uninterrupted run's line at that place. */
    private static void assertCompletePrefix(Path out, byte[] whole, List<String> lines, String at) throws IOException {
        if (!Files.exists(out)) return;
        byte[] got = Files.readAllBytes(out);
        if (got.length == 0) return;
        assertThat(got[got.length - 1]).as(at + ": the report ends with a whole line").isEqualTo((byte) '\n');
        List<String> gotLines = new String(got, StandardCharsets.UTF_8).lines().toList();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < gotLines.size(); i++) {
            assertThat(json.readTree(gotLines.get(i)).get("file").asText()).as(at + ": line " + (i + 1)).isNotEmpty();
            assertThat(gotLines.get(i)).as(at + ": line " + (i + 1)).isEqualTo(lines.get(i));
        }
        assertThat(got.length).isLessThanOrEqualTo(whole.length);
    }

    /** Waits until the report reaches {@code bytes}, the process ends, or {@code millis} pass. */
    private static void waitUntil(Process p, Path out, long bytes, long millis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (p.isAlive() && System.nanoTime() < deadline && (!Files.exists(out) || Files.size(out) < bytes)) {
            Thread.sleep(5);
        }
    }

    private static Process start(Path dir, Path in, Path out, int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(resumeArgs(out, in));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("round-" + round + ".log").toFile()).start();
    }

    private static List<String> resumeArgs(Path out, Path in) {
        List<String> a = args(out, "jsonl", in.toString());
        a.add("--resume");
        return a;
    }

    /** {@link #FILES} copies of the scenario's messages in folders of 1,000, and one link to nowhere. */
    private static Path corpus(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<byte[]> msgs = new ArrayList<>();
        try (var s = Files.list(ValidateCommandTest.MESSAGES)) {
            for (Path m : s.sorted().toList()) msgs.add(Files.readAllBytes(m));
        }
        for (int i = 0; i < FILES; i++) {
            Path sub = Files.createDirectories(in.resolve(String.format("d%02d", i / 1000)));
            Files.write(sub.resolve(String.format("m%04d.xml", i % 1000)), msgs.get(i % msgs.size()));
        }
        Files.createSymbolicLink(in.resolve("d03/m0500-dangling.xml"), dir.resolve("nowhere.xml"));
        return in;
    }
}
