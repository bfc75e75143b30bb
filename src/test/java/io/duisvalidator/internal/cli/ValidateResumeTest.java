package io.duisvalidator.internal.cli;

import io.duisvalidator.support.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.duisvalidator.internal.cli.ValidateCommandTest.args;
import static io.duisvalidator.internal.cli.ValidateCommandTest.run;
import static io.duisvalidator.internal.xml.TestMessages.stderrOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate --resume} in-process: whatever an interruption left in the report (any number of complete lines,
 * a line cut anywhere), resuming ends with the report an uninterrupted run writes, line for line.
 */
class ValidateResumeTest {
    static final Path MESSAGES = ValidateCommandTest.MESSAGES;

    /** The scenario's 15 messages, three times over in three folders, and a file that cannot be read. */
    static Path corpus(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> msgs;
        try (var s = Files.list(MESSAGES)) {
            msgs = s.sorted().toList();
        }
        for (String sub : List.of("a", "b", "c")) {
            Path d = Files.createDirectories(in.resolve(sub));
            for (Path m : msgs) Files.copy(m, d.resolve(m.getFileName()));
        }
        // a link to nowhere: listed as a message, cannot be read, one ERROR line
        Files.createSymbolicLink(in.resolve("b/dangling.xml"), dir.resolve("nowhere.xml"));
        return in;
    }

    static List<String> resumeArgs(Path out, Path in) {
        List<String> a = args(out, "jsonl", in.toString());
        a.add("--resume");
        return a;
    }

    @Test
    void resuming_after_a_cut_anywhere_ends_with_the_uninterrupted_report(@TempDir Path dir) throws IOException {
        Path in = corpus(dir);
        Path reference = dir.resolve("reference.jsonl");
        int status = run(args(reference, "jsonl", in.toString()));
        assertThat(status).isEqualTo(3); // one input cannot be read
        byte[] whole = Files.readAllBytes(reference);
        assertThat(new String(whole, StandardCharsets.UTF_8).lines()).hasSize(46);

        long seed = Seeds.randomSeed("ValidateResumeTest");
        Random random = new Random(seed);
        List<Integer> cuts = new ArrayList<>(List.of(0, 1, whole.length - 1, whole.length));
        for (int i = 0; i < 8; i++) cuts.add(random.nextInt(whole.length));
        for (int cut : cuts) {
            Path out = dir.resolve("cut-" + cut + ".jsonl");
            Files.write(out, java.util.Arrays.copyOf(whole, cut));
            assertThat(run(resumeArgs(out, in))).as("seed %d, cut at byte %d", seed, cut).isEqualTo(status);
            assertThat(Files.readAllBytes(out)).as("seed %d, cut at byte %d", seed, cut).isEqualTo(whole);
        }
    }

    @Test
    void resuming_a_finished_run_judges_nothing_and_exits_as_that_run_did(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        assertThat(run(args(out, "jsonl", MESSAGES.toString()))).isEqualTo(1); // 5 of the 15 are rejected
        byte[] before = Files.readAllBytes(out);
        String err = stderrOf(() -> assertThat(run(resumeArgs(out, MESSAGES))).isEqualTo(1));
        assertThat(Files.readAllBytes(out)).isEqualTo(before);
        assertThat(err).contains("resume: 15 results kept from " + out);
    }

    @Test
    void resume_without_a_report_is_a_whole_run(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        Path reference = dir.resolve("reference.jsonl");
        run(args(reference, "jsonl", MESSAGES.toString()));
        assertThat(run(resumeArgs(out, MESSAGES))).isEqualTo(1);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(reference));
    }

    @Test
    void a_judged_file_removed_before_the_resume_is_kept_and_reported_not_judged_again(@TempDir Path dir)
            throws IOException {
        Path in = corpus(dir);
        Path reference = dir.resolve("reference.jsonl");
        run(args(reference, "jsonl", in.toString()));
        List<String> lines = Files.readAllLines(reference);
        Path out = dir.resolve("r.jsonl");
        Files.write(out, lines.subList(0, 20));
        // the 3rd judged file disappears; the 30th (not yet judged) too
        String third = lines.get(2).replaceAll("^\\{\"file\":\"([^\"]+)\".*", "$1");
        String thirtieth = lines.get(29).replaceAll("^\\{\"file\":\"([^\"]+)\".*", "$1");
        Files.delete(Path.of(third));
        Files.delete(Path.of(thirtieth));
        String err = stderrOf(() -> run(resumeArgs(out, in)));
        List<String> expected = new ArrayList<>(lines);
        expected.remove(29);
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(expected);
        assertThat(err).contains("1 results kept in " + out + " name files that are no longer among the inputs");
    }

    @Test
    void responses_of_a_resumed_run_are_all_there_and_whole(@TempDir Path dir) throws IOException {
        Path in = corpus(dir);
        Path out = dir.resolve("r.jsonl");
        Path responses = dir.resolve("responses");
        Path referenceResponses = dir.resolve("reference-responses");
        List<String> reference = new ArrayList<>(args(dir.resolve("reference.jsonl"), "jsonl", in.toString()));
        reference.addAll(List.of("--responses", referenceResponses.toString()));
        run(reference);
        List<String> lines = Files.readAllLines(dir.resolve("reference.jsonl"));
        Files.write(out, lines.subList(0, 10));
        // the first run was killed while writing the 11th response: a partial file beside it
        String eleventh = lines.get(10).replaceAll("^\\{\"file\":\"([^\"]+)\".*", "$1");
        Path target = new io.duisvalidator.internal.report.ResponseFiles(responses, null).target(eleventh);
        Files.createDirectories(target.getParent());
        Files.writeString(target.resolveSibling("." + target.getFileName() + ".part"), "<?xml version=\"1.0\"?><sr:Resp");
        List<String> resume = new ArrayList<>(resumeArgs(out, in));
        resume.addAll(List.of("--responses", responses.toString()));
        run(resume);
        assertThat(Files.readAllLines(out)).containsExactlyElementsOf(lines);
        List<Path> written;
        try (var s = Files.walk(responses)) {
            written = s.filter(Files::isRegularFile).toList();
        }
        assertThat(written).hasSize(46 - 10).allMatch(p -> p.getFileName().toString().endsWith(".xml"));
        for (Path p : written) {
            assertThat(Files.readString(p)).isEqualTo(Files.readString(referenceResponses.resolve(responses.relativize(p))));
        }
    }

    @Test
    void resume_needs_a_jsonl_report_file(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.txt");
        List<String> text = args(out, "text", MESSAGES.toString());
        text.add("--resume");
        String err = stderrOf(() -> assertThat(run(text)).isEqualTo(2));
        assertThat(err).contains("--resume needs --format jsonl and --out FILE");

        Files.writeString(out, "15 files: 10 accepted\n");
        String notJsonl = stderrOf(() -> assertThat(run(resumeArgs(out, MESSAGES))).isEqualTo(2));
        assertThat(notJsonl).contains("line 1 is not a jsonl result").doesNotContain("Exception");
        assertThat(Files.readString(out)).isEqualTo("15 files: 10 accepted\n");
    }

    @Test
    void a_report_of_another_rule_set_is_not_resumed(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        Files.writeString(out, "{\"file\":\"x.xml\",\"outcome\":\"ACCEPTED\",\"responseCode\":\"I99\",\"ruleSet\":\"duis-mp162 0 (sha256:000000000000)\"}\n");
        String err = stderrOf(() -> assertThat(run(resumeArgs(out, MESSAGES))).isEqualTo(2));
        assertThat(err).contains("rule set duis-mp162 0 (sha256:000000000000)").contains("start a new report");
    }
}
