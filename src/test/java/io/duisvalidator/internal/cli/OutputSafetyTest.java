package io.duisvalidator.internal.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.duisvalidator.internal.cli.ValidateCommandTest.ACCEPTED;
import static io.duisvalidator.internal.cli.ValidateCommandTest.MESSAGES;
import static io.duisvalidator.internal.cli.ValidateCommandTest.SCENARIO;
import static io.duisvalidator.internal.cli.ValidateCommandTest.args;
import static io.duisvalidator.internal.cli.ValidateCommandTest.run;
import static io.duisvalidator.internal.xml.TestMessages.stderrOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, "can destroy data": a run never replaces its inputs, its context or a file it did not create, never
 * follows a link planted at a name it writes, and proves a report is its own before it cuts it.
 */
class OutputSafetyTest {
    static final Path REJECTED = MESSAGES.resolve("is-a-meter1-2027-02-01.xml");

    /** Two messages in {@code dir/in}. */
    static Path inputs(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        Files.copy(REJECTED, in.resolve("b.xml"));
        return in;
    }

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    // item 1
    @Test
    void responses_that_would_replace_the_inputs_are_refused_and_the_inputs_stay_as_they_were(@TempDir Path dir)
            throws IOException {
        Path in = inputs(dir).toAbsolutePath();
        byte[] a = bytes(in.resolve("a.xml"));
        byte[] b = bytes(in.resolve("b.xml"));
        // DIR plus the absolute input path is the input itself
        for (Path responses : List.of(in.getRoot(), in, in.resolve("sub"), dir.toAbsolutePath())) {
            String[] err = new String[1];
            int status = runCapturing(err, args(dir.resolve("r.txt"), "text", "--responses", responses.toString(), in.toString()));
            assertThat(status).as("--responses %s: %s", responses, err[0]).isEqualTo(2);
            assertThat(err[0]).contains("--responses");
            assertThat(bytes(in.resolve("a.xml"))).isEqualTo(a);
            assertThat(bytes(in.resolve("b.xml"))).isEqualTo(b);
        }
        assertThat(in.resolve("sub")).doesNotExist();
    }

    // item 2
    @Test
    void a_link_planted_at_a_temporary_or_target_name_is_never_followed(@TempDir Path dir) throws IOException {
        Path in = inputs(dir);
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Path responses = dir.resolve("responses");
        Path folder = Files.createDirectories(responses.resolve("_root").resolve(in.toAbsolutePath().toString().substring(1)));
        Files.createSymbolicLink(folder.resolve(".a.xml.part"), victim);
        Files.createSymbolicLink(folder.resolve("b.xml"), victim);
        Path out = dir.resolve("r.jsonl");

        int status = run(args(out, "jsonl", "--responses", responses.toString(), in.toString()));

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(folder.resolve("a.xml")).isRegularFile();
        assertThat(Files.readString(folder.resolve("a.xml"))).contains("<sr:ResponseCode>I99</sr:ResponseCode>");
        // the link at the target is left alone, and its message says why it has no response
        assertThat(Files.isSymbolicLink(folder.resolve("b.xml"))).isTrue();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"outcome\":\"ERROR\"", "response");
        assertThat(status).isEqualTo(3);
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part") && !n.equals(".a.xml.part"));
        }
    }

    // item 3
    @Test
    void resume_on_a_file_that_is_not_its_report_changes_nothing(@TempDir Path dir) throws IOException {
        Path in = inputs(dir);
        for (String content : List.of("first line\nsecond line without newline", "one line without newline",
                "{\"file\":\"in/a.xml\",\"outcome\":\"ACCEPTED\",\"responseCode\":\"I99\"}\n\u0001\u0002 junk")) {
            Path notes = Files.writeString(dir.resolve("notes.txt"), content);
            List<String> a = args(notes, "jsonl", in.toString());
            a.add("--resume");
            assertThat(run(a)).as(content).isEqualTo(2);
            assertThat(Files.readString(notes)).isEqualTo(content);
        }
    }

    // item 4
    @Test
    void the_report_is_never_an_input_a_file_in_an_input_folder_or_a_context_file(@TempDir Path dir) throws IOException {
        Path in = inputs(dir);
        byte[] a = bytes(in.resolve("a.xml"));
        assertThat(run(args(in.resolve("a.xml"), "jsonl", in.toString()))).isEqualTo(2);
        assertThat(bytes(in.resolve("a.xml"))).isEqualTo(a);
        assertThat(run(args(in.resolve("a.xml"), "jsonl", in.resolve("a.xml").toString()))).isEqualTo(2);
        assertThat(bytes(in.resolve("a.xml"))).isEqualTo(a);
        assertThat(run(args(in.resolve("report.xml"), "junit", in.toString()))).isEqualTo(2);
        assertThat(in.resolve("report.xml")).doesNotExist();
        // a link to an input is the input
        Files.createSymbolicLink(dir.resolve("link.jsonl"), in.resolve("b.xml"));
        byte[] b = bytes(in.resolve("b.xml"));
        assertThat(run(args(dir.resolve("link.jsonl"), "jsonl", in.toString()))).isEqualTo(2);
        assertThat(bytes(in.resolve("b.xml"))).isEqualTo(b);

        Path ctx = Files.createDirectories(dir.resolve("ctx"));
        for (String f : List.of("users.csv", "inventory.csv", "registration.csv")) {
            Files.copy(SCENARIO.resolve("context").resolve(f), ctx.resolve(f));
        }
        byte[] users = bytes(ctx.resolve("users.csv"));
        List<String> c = new ArrayList<>(List.of("validate", "--quiet", "--context", ctx.toString(), "--out",
                ctx.resolve("users.csv").toString(), in.toString()));
        assertThat(run(c)).isEqualTo(2);
        assertThat(bytes(ctx.resolve("users.csv"))).isEqualTo(users);
    }

    // item 6: two inputs whose response names collided
    @Test
    void inputs_that_map_to_one_response_name_each_get_their_own_response(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("w"));
        Files.copy(ACCEPTED, Files.createDirectories(dir.resolve("a")).resolve("x.xml"));
        Files.copy(REJECTED, Files.createDirectories(work.resolve("_/a")).resolve("x.xml"));
        Run r = cli(work, "validate", "--quiet", "--context",
                SCENARIO.resolve("context").toAbsolutePath().toString(), "--at", "2027-01-25T10:00:00Z", "--format", "jsonl",
                "--responses", "resp", "../a/x.xml", "_/a/x.xml");
        assertThat(r.exit).as(r.err).isEqualTo(1);
        List<Path> written;
        try (Stream<Path> s = Files.walk(work.resolve("resp"))) {
            written = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        assertThat(written).hasSize(2);
        assertThat(written.stream().map(p -> {
            try {
                return Files.readString(p);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).map(s -> s.replaceAll("(?s).*<sr:ResponseCode>([^<]*)<.*", "$1")).sorted()).containsExactly("E4", "I99");
    }

    // item 6: names that are not text in the file-name encoding collapse to one string
    @Test
    void names_that_cannot_be_told_apart_never_replace_each_others_response(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path resp = dir.resolve("resp");
        Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/$(printf 'a\\377.xml')\" && cp \"$1\" \"$2/$(printf 'a\\376.xml')\"",
                "sh", ACCEPTED.toAbsolutePath().toString(), in.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        Path out = dir.resolve("r.jsonl");
        int status = run(args(out, "jsonl", "--responses", resp.toString(), in.toString()));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        long responses;
        try (Stream<Path> s = Files.walk(resp)) {
            responses = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
        // either each has its own response, or the ones that could not be named are errors: never one for two
        long errors = lines.stream().filter(l -> l.contains("\"outcome\":\"ERROR\"")).count();
        assertThat(responses + errors).isEqualTo(2);
        assertThat(status).isEqualTo(errors > 0 ? 3 : 0);
    }

    static int runCapturing(String[] err, List<String> a) {
        int[] status = new int[1];
        err[0] = withoutAgentLines(stderrOf(() -> status[0] = run(a)));
        return status[0];
    }

    /**
     * Standard error without the lines the fuzzing agent prints when it instruments a class (it stays attached to the
     * test JVM after ValidatorFuzzTest): they are not the command's output.
     */
    static String withoutAgentLines(String err) {
        return err.replaceAll("(?m)^INFO: Instrumented .*\\R", "");
    }

    record Run(int exit, String out, String err) {}

    /** The command line in a child JVM whose working folder is {@code cwd}. */
    static Run cli(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", absoluteClassPath(), "io.duisvalidator.internal.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        try {
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("CLI finished").isTrue();
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String absoluteClassPath() {
        List<String> parts = new ArrayList<>();
        for (String s : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            parts.add(Path.of(s).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, parts);
    }
}
