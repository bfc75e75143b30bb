package io.duisvalidator.internal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.duisvalidator.internal.cli.OutputSafetyTest.REJECTED;
import static io.duisvalidator.internal.cli.OutputSafetyTest.runCapturing;
import static io.duisvalidator.internal.cli.ValidateCommandTest.ACCEPTED;
import static io.duisvalidator.internal.cli.ValidateCommandTest.SCENARIO;
import static io.duisvalidator.internal.cli.ValidateCommandTest.args;
import static io.duisvalidator.internal.cli.ValidateCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Issue 14, "can hang or drop work silently", and a wrong --context: every input gets its line, nothing hangs. */
class InputSafetyTest {
    static void sh(String script, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertThat(p.waitFor()).as(script).isZero();
    }

    static List<String> lines(Path out) throws IOException {
        return Files.readAllLines(out);
    }

    // item 7
    @Test
    void a_fifo_or_a_link_to_one_among_the_inputs_is_one_error_and_never_opened(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        sh("mkfifo \"$1/b-fifo.xml\" && ln -s \"$1/b-fifo.xml\" \"$1/c-link.xml\"", in.toString());
        Path out = dir.resolve("r.jsonl");
        int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(args(out, "jsonl", in.toString())));
        assertThat(status).isEqualTo(3);
        List<String> l = lines(out);
        assertThat(l).hasSize(3);
        assertThat(l.get(0)).contains("\"outcome\":\"ACCEPTED\"");
        for (String s : l.subList(1, 3)) assertThat(s).contains("\"responseCode\":\"DV-INPUT\"", "not a regular file");
    }

    @Test
    void a_fifo_as_a_context_file_is_a_usage_error(@TempDir Path dir) throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        Files.copy(SCENARIO.resolve("context/users.csv"), ctx.resolve("users.csv"));
        sh("mkfifo \"$1/inventory.csv\"", ctx.toString());
        String[] err = new String[1];
        int status = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runCapturing(err, List.of("validate", "--quiet",
                "--context", ctx.toString(), "--out", dir.resolve("r").toString(), ACCEPTED.toString())));
        assertThat(status).isEqualTo(2);
        assertThat(err[0]).contains("inventory.csv is not a regular file").hasLineCount(1);
    }

    // item 8: a path longer than the system's limit below an input folder
    @Test
    void an_entry_that_cannot_be_looked_at_is_one_error_never_skipped(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        // the shell cannot cd past the limit: go down 14 levels, then make and fill the rest by a relative path
        sh("cd \"$1\" && n=$(printf '%0250d' 0) && for i in $(seq 14); do mkdir $n && cd $n || exit 1; done"
                        + " && r=$n/$n/$n/$n/$n/$n && mkdir -p $r && cp \"$2\" $r/x.xml",
                in.toString(), ACCEPTED.toAbsolutePath().toString());
        try {
            Path out = dir.resolve("r.jsonl");
            assertThat(run(args(out, "jsonl", in.toString()))).isEqualTo(3);
            List<String> l = lines(out);
            assertThat(l).hasSize(2);
            assertThat(l.stream().filter(s -> s.contains("\"outcome\":\"ACCEPTED\"")).count()).isEqualTo(1);
            assertThat(l.stream().filter(s -> s.contains("\"responseCode\":\"DV-INPUT\"") && s.contains("File name too long"))
                    .count()).isEqualTo(1);
        } finally {
            sh("rm -rf \"$1\"/0*", in.toString()); // beyond what the test's own cleanup can delete
        }
    }

    // item 9
    @Test
    void a_response_that_cannot_be_written_is_that_messages_error_and_the_run_goes_on(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        Files.copy(REJECTED, in.resolve("b.xml"));
        Files.copy(ACCEPTED, in.resolve("c.xml"));
        Path responses = dir.resolve("responses");
        // a folder where b's response would go
        Path folder = responses.resolve("_root").resolve(in.toAbsolutePath().toString().substring(1));
        Files.createDirectories(folder.resolve("b.xml"));
        Path out = dir.resolve("r.jsonl");
        assertThat(run(args(out, "jsonl", "--responses", responses.toString(), in.toString()))).isEqualTo(3);
        List<String> l = lines(out);
        assertThat(l).hasSize(3);
        assertThat(l.get(0)).contains("\"outcome\":\"ACCEPTED\"");
        assertThat(l.get(1)).contains("\"outcome\":\"ERROR\"", "judged E4", "could not be written");
        assertThat(l.get(2)).contains("\"outcome\":\"ACCEPTED\"");
        assertThat(folder.resolve("a.xml")).isRegularFile();
        assertThat(folder.resolve("c.xml")).isRegularFile();
        try (Stream<Path> s = Files.walk(responses)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    // item 18
    @Test
    void a_wrong_context_is_a_usage_error_saying_what_was_found(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        Path misnamed = Files.createDirectories(dir.resolve("misnamed"));
        Files.copy(SCENARIO.resolve("context/users.csv"), misnamed.resolve("Users.csv"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "x");
        Path file = Files.writeString(dir.resolve("file.csv"), "x");
        Object[][] cases = {
                {dir.resolve("missing"), "no such folder"},
                {file, "is a file, not a folder"},
                {misnamed, "Users.csv is not read: context files are named exactly (users.csv)"},
                {other, "found notes.txt"},
                {Files.createDirectories(dir.resolve("empty")), "found nothing"},
        };
        for (Object[] c : cases) {
            String[] err = new String[1];
            int status = runCapturing(err, List.of("validate", "--quiet", "--context", c[0].toString(), "--out",
                    out.toString(), ACCEPTED.toString()));
            assertThat(status).as("%s", c[0]).isEqualTo(2);
            assertThat(err[0]).contains((String) c[1]).hasLineCount(1);
        }
        assertThat(out).doesNotExist();
        // without any context: only when asked for
        String[] err = new String[1];
        assertThat(runCapturing(err, List.of("validate", "--quiet", "--out", out.toString(), ACCEPTED.toString()))).isEqualTo(2);
        assertThat(err[0]).contains("--empty-context");
        assertThat(run(List.of("validate", "--quiet", "--empty-context", "--format", "jsonl", "--out", out.toString(),
                ACCEPTED.toString()))).isEqualTo(1);
        assertThat(Files.readString(out)).contains("\"responseCode\":\"E1\"");
        // coverage and monitor on plain messages likewise
        for (String cmd : List.of("coverage", "monitor")) {
            assertThat(runCapturing(err, List.of(cmd, "--out", out.toString(), ACCEPTED.toString()))).as(cmd).isEqualTo(2);
            assertThat(err[0]).contains("--empty-context").hasLineCount(1);
            assertThat(runCapturing(err, List.of(cmd, "--context", misnamed.toString(), ACCEPTED.toString()))).as(cmd).isEqualTo(2);
            assertThat(err[0]).contains("Users.csv is not read");
        }
    }
}
