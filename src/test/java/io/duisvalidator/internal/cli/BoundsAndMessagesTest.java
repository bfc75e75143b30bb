package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.text.Printable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import static io.duisvalidator.internal.cli.OutputSafetyTest.runCapturing;
import static io.duisvalidator.internal.cli.ValidateCommandTest.ACCEPTED;
import static io.duisvalidator.internal.cli.ValidateCommandTest.MESSAGES;
import static io.duisvalidator.internal.cli.ValidateCommandTest.SCENARIO;
import static io.duisvalidator.internal.cli.ValidateCommandTest.args;
import static io.duisvalidator.internal.cli.ValidateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 14 items 10, 12 (stderr), 15, 17 and 19: bounds, one-line messages that say why, complete help texts. */
class BoundsAndMessagesTest {
    static String stdoutOf(Supplier<?> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    static void oneLine(String err) {
        assertThat(err).hasLineCount(1).startsWith("duis-validator: ").doesNotContain("\tat ");
        for (char c : err.strip().toCharArray()) assertThat(Printable.unsafe(c)).as(err).isFalse();
    }

    // item 10
    @Test
    void explain_schedule_on_a_schedule_to_9999_12_31_stops_at_its_bound_and_says_so(@TempDir Path dir) throws Exception {
        String m = Files.readString(MESSAGES.resolve("mdr-x-meter1-5.1-start-2027-01-26.xml"))
                .replace("</sr:ScheduleStartDate>", "</sr:ScheduleStartDate>\n      <sr:ScheduleEndDate>9999-12-31</sr:ScheduleEndDate>");
        Path f = Files.writeString(dir.resolve("forever.xml"), m);
        int[] status = new int[1];
        String out = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> stdoutOf(() -> status[0] = Main.run(
                "explain-schedule", "--context", SCENARIO.resolve("context").toString(), f.toString())));
        assertThat(status[0]).isIn(0, 1);
        assertThat(out).contains("10000 executions from 2027-01-26").contains("stopped after 10000 executions");
    }

    // item 15
    @Test
    void threads_are_bounded_and_out_of_memory_is_one_line_and_exit_3(@TempDir Path dir) {
        String[] err = new String[1];
        List<String> a = new ArrayList<>(args(dir.resolve("r"), "text", ACCEPTED.toString()));
        a.set(a.indexOf("--threads") + 1, "30000000");
        assertThat(runCapturing(err, a)).isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("--threads must be between 1 and 256");

        // built before stderr is captured: loading a class may print (the fuzzing agent does, in the same JVM)
        CommandLine withBoom = new CommandLine(new Main()).addSubcommand("boom", new Boom());
        int[] status = new int[1];
        String e = OutputSafetyTest.withoutAgentLines(
                io.duisvalidator.internal.xml.TestMessages.stderrOf(() -> status[0] = Main.run(withBoom, "boom")));
        assertThat(status[0]).isEqualTo(3);
        oneLine(e);
        assertThat(e).contains("out of memory");
    }

    /** A command that runs out of memory. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    // item 15: a huge line in a report being resumed, in a JVM with little memory
    @Test
    void a_huge_line_in_a_report_being_resumed_is_refused_with_its_number(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        Files.copy(ACCEPTED, in.resolve("b.xml"));
        Path out = dir.resolve("r.jsonl");
        assertThat(run(args(out, "jsonl", in.toString()))).isZero();
        String first = Files.readAllLines(out).get(0) + "\n";
        Files.writeString(out, first);
        try (RandomAccessFile r = new RandomAccessFile(out.toFile(), "rw")) {
            r.setLength(first.length() + (300L << 20)); // a 300 MB second line of NUL bytes (sparse)...
            r.seek(r.length());
            r.write('\n'); // ...ended by a line feed
        }
        long size = Files.size(out);
        OutputSafetyTest.Run r = OutputSafetyTest.cli(dir, "validate", "--quiet", "--context",
                SCENARIO.resolve("context").toAbsolutePath().toString(), "--at", "2027-01-25T10:00:00Z", "--format", "jsonl",
                "--out", out.toString(), "--resume", in.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        oneLine(r.err());
        assertThat(r.err()).contains("line 2 is longer than");
        assertThat(Files.size(out)).isEqualTo(size);
    }

    // item 14
    @Test
    void an_instant_out_of_range_is_a_usage_error(@TempDir Path dir) {
        String[] err = new String[1];
        List<String> a = new ArrayList<>(args(dir.resolve("r"), "text", ACCEPTED.toString()));
        a.set(a.indexOf("2027-01-25T10:00:00Z"), "+1000000000-12-31T23:59:59Z");
        assertThat(runCapturing(err, a)).isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("out of range");
    }

    // items 12 and 17
    @Test
    void messages_say_why_in_one_line_without_control_characters(@TempDir Path dir) throws Exception {
        String[] err = new String[1];
        assertThat(runCapturing(err, args(dir.resolve("r"), "text", dir.resolve("no\u001B]0;owned\u0007such.xml").toString())))
                .isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("\\u001B]0;owned\\u0007");

        assertThat(runCapturing(err, args(dir.resolve("nodir/r.jsonl"), "jsonl", ACCEPTED.toString()))).isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("nodir").contains("does not exist");

        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        Path report = dir.resolve("r.jsonl");
        Files.writeString(report, "{\"file\":\"in/a.xml\",\"outcome\":\"ACCEPTED\"}\n");
        List<String> resume = new ArrayList<>(args(report, "jsonl", in.toString()));
        resume.add("--resume");
        assertThat(runCapturing(err, resume)).isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("line 1").contains("responseCode").doesNotEndWith("null");

        assertThat(run(args(report, "jsonl", MESSAGES.toString()))).isEqualTo(1);
        List<String> lines = new ArrayList<>(Files.readAllLines(report).subList(0, 3));
        Files.write(report, lines);
        Files.write(report, new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        resume = new ArrayList<>(args(report, "jsonl", MESSAGES.toString()));
        resume.add("--resume");
        assertThat(runCapturing(err, resume)).isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("line 4");

        Path big = Files.createDirectories(dir.resolve("big"));
        Files.write(big.resolve("five-mb.xml"), new byte[5 << 20]);
        Path out = dir.resolve("big.jsonl");
        assertThat(run(args(out, "jsonl", big.toString()))).isEqualTo(1);
        assertThat(Files.readString(out)).contains("over the limit of 1048576 bytes").doesNotContain("1048577");
    }

    // item 19
    @Test
    void every_help_lists_the_exit_statuses_and_describes_its_paths() {
        for (String cmd : List.of("validate", "coverage", "monitor", "explain-schedule")) {
            String help = stdoutOf(() -> Main.run(cmd, "--help"));
            assertThat(help).as(cmd).contains("Exit status:").contains("  0 ").contains("  1 ").contains("  2 ");
            assertThat(help).as(cmd).containsPattern("(?m)^\\s+(PATH|FILE)\\.*\\s{2,}\\S"); // described
        }
        assertThat(stdoutOf(() -> Main.run("validate", "--help"))).contains("--empty-context").contains("  3 ");
        assertThat(stdoutOf(() -> Main.run("coverage", "--help"))).contains("--threshold=COUNT");
        assertThat(stdoutOf(() -> Main.run("monitor", "--help"))).contains("--threshold=SHARE");
        assertThat(stdoutOf(() -> Main.run("explain-schedule", "--help"))).contains("YYYY-MM-DD");
    }

    @Test
    void version_names_the_version_and_the_rule_set_from_every_command() {
        for (String[] a : List.of(new String[]{"--version"}, new String[]{"validate", "--version"})) {
            String v = stdoutOf(() -> Main.run(a));
            assertThat(v).as(String.join(" ", a)).containsPattern("duis-validator \\d+\\.\\d+").contains("rule set: ")
                    .doesNotContain("development");
        }
    }

    @Test
    void purpose_is_case_insensitive_and_a_bad_value_is_one_line(@TempDir Path dir) {
        List<String> a = new ArrayList<>(args(dir.resolve("r"), "text", ACCEPTED.toString()));
        a.addAll(List.of("--purpose", "mhhs"));
        assertThat(run(a)).isZero();
        a.set(a.size() - 1, "sometimes");
        String[] err = new String[1];
        assertThat(runCapturing(err, a)).isEqualTo(2);
        oneLine(err[0]);
        assertThat(err[0]).contains("--purpose").contains("validate --help");
    }
}
