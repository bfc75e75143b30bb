package io.duisvalidator.internal.report;

import io.duisvalidator.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading what an interrupted jsonl run left: which lines are kept, which inputs are left. */
class ResumePointTest {
    static final String RULES = "duis-mp162 1 (sha256:abc)";

    static String line(String file, String outcome) {
        return "{\"file\":\"" + file + "\",\"srv\":\"4.8.1\",\"outcome\":\"" + outcome + "\",\"responseCode\":\""
                + (outcome.equals("ACCEPTED") ? "I99" : "E4") + "\",\"ruleSet\":\"" + RULES + "\"}\n";
    }

    static List<Path> paths(String... names) {
        return java.util.Arrays.stream(names).map(Path::of).toList();
    }

    static List<String> left(ResumePoint r, List<Path> inputs) {
        List<String> out = new ArrayList<>();
        r.remaining(inputs).forEach(p -> out.add(p.toString()));
        return out;
    }

    static ResumePoint open(Path report) throws Exception {
        return ResumePoint.open(report, RULES, (o, c, s) -> { });
    }

    @Test
    void no_report_yet_keeps_nothing_and_leaves_every_input(@TempDir Path dir) throws Exception {
        ResumePoint r = open(dir.resolve("none.jsonl"));
        assertThat(r.kept()).isZero();
        assertThat(left(r, paths("a", "b"))).containsExactly("a", "b");
        assertThat(Files.exists(dir.resolve("none.jsonl"))).isFalse();
    }

    @Test
    void complete_lines_are_kept_and_counted_and_the_inputs_after_them_are_left(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("a", "ACCEPTED") + line("b", "REJECTED"));
        RunSummary tally = new RunSummary();
        ResumePoint r = ResumePoint.open(report, RULES, tally::add);
        assertThat(r.kept()).isEqualTo(2);
        assertThat(r.droppedBytes()).isZero();
        assertThat(tally.accepted()).isEqualTo(1);
        assertThat(tally.rejected()).isEqualTo(1);
        assertThat(tally.byCode()).containsEntry("E4", 1L).containsEntry("I99", 1L);
        assertThat(left(r, paths("a", "b", "c", "d"))).containsExactly("c", "d");
        assertThat(r.notAmongInputs()).isZero();
        // walked twice (once to count, once to run): the same answer
        assertThat(left(r, paths("a", "b", "c", "d"))).containsExactly("c", "d");
    }

    @Test
    void an_incomplete_last_line_is_cut_and_its_input_judged_again(@TempDir Path dir) throws Exception {
        String whole = line("a", "ACCEPTED") + line("b", "ACCEPTED");
        String partial = line("c", "ACCEPTED").substring(0, 17);
        Path report = Files.writeString(dir.resolve("r.jsonl"), whole + partial);
        ResumePoint r = open(report);
        assertThat(r.kept()).isEqualTo(2);
        assertThat(r.droppedBytes()).isEqualTo(partial.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Files.readString(report)).isEqualTo(whole);
        assertThat(left(r, paths("a", "b", "c"))).containsExactly("c");
    }

    @Test
    void a_report_cut_inside_its_first_line_keeps_nothing(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("r.jsonl"), "{\"file\":\"a\",\"outc");
        ResumePoint r = open(report);
        assertThat(r.kept()).isZero();
        assertThat(Files.size(report)).isZero();
        assertThat(left(r, paths("a", "b"))).containsExactly("a", "b");
    }

    @Test
    void a_long_line_cut_past_the_read_block_is_found(@TempDir Path dir) throws Exception {
        String whole = line("a", "ACCEPTED");
        String partial = "{\"file\":\"" + "x".repeat(200_000);
        Path report = Files.writeString(dir.resolve("r.jsonl"), whole + partial);
        assertThat(open(report).kept()).isEqualTo(1);
        assertThat(Files.readString(report)).isEqualTo(whole);
    }

    @Test
    void a_file_removed_since_the_first_run_repeats_and_skips_nothing(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("a", "ACCEPTED") + line("b", "ACCEPTED")
                + line("c", "ACCEPTED"));
        ResumePoint r = open(report);
        // b was deleted after it was judged; d and e are new or not yet judged
        assertThat(left(r, paths("a", "c", "d", "e"))).containsExactly("d", "e");
        assertThat(r.notAmongInputs()).isEqualTo(1);
    }

    @Test
    void a_file_added_among_the_judged_ones_is_judged(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("a", "ACCEPTED") + line("c", "ACCEPTED"));
        ResumePoint r = open(report);
        assertThat(left(r, paths("a", "b", "c", "d"))).containsExactly("b", "d");
        assertThat(r.notAmongInputs()).isZero();
    }

    @Test
    void an_input_given_twice_is_judged_twice(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("x", "ACCEPTED") + line("a", "ACCEPTED"));
        ResumePoint r = open(report);
        // the first run had a, a (its first line names x, now gone): one of the two a's is left
        assertThat(left(r, paths("a", "a", "b"))).containsExactly("a", "b");
        assertThat(r.notAmongInputs()).isEqualTo(1);
    }

    @Test
    void a_line_that_is_not_a_result_is_refused_with_its_number(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("a", "ACCEPTED") + "3 files: 3 accepted\n");
        assertThatThrownBy(() -> open(report)).isInstanceOf(ResumePoint.CannotResume.class)
                .hasMessageContaining("line 2").hasMessageContaining(report.toString());
        Path noOutcome = Files.writeString(dir.resolve("o.jsonl"), "{\"file\":\"a\",\"outcome\":\"MAYBE\"}\n");
        assertThatThrownBy(() -> open(noOutcome)).isInstanceOf(ResumePoint.CannotResume.class)
                .hasMessageContaining("line 1").hasMessageContaining("outcome");
        Path notObject = Files.writeString(dir.resolve("n.jsonl"), "[1,2]\n");
        assertThatThrownBy(() -> open(notObject)).isInstanceOf(ResumePoint.CannotResume.class)
                .hasMessageContaining("not a JSON object");
        // the report is left as it was
        assertThat(Files.readString(report)).endsWith("3 accepted\n");
    }

    @Test
    void results_of_another_rule_set_are_refused(@TempDir Path dir) throws IOException {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("a", "ACCEPTED"));
        assertThatThrownBy(() -> ResumePoint.open(report, "duis-mp162 2 (sha256:def)", (o, c, s) -> { }))
                .isInstanceOf(ResumePoint.CannotResume.class)
                .hasMessageContaining(RULES).hasMessageContaining("duis-mp162 2 (sha256:def)");
    }

    @Test
    void a_folder_is_not_a_report(@TempDir Path dir) {
        assertThatThrownBy(() -> open(dir)).isInstanceOf(ResumePoint.CannotResume.class).hasMessageContaining("not a file");
    }

    @Test
    void outcomes_are_counted_by_kind(@TempDir Path dir) throws Exception {
        Path report = Files.writeString(dir.resolve("r.jsonl"), line("a", "ERROR") + line("b", "ERROR"));
        RunSummary tally = new RunSummary();
        ResumePoint.open(report, RULES, tally::add);
        assertThat(tally.errored()).isEqualTo(2);
        assertThat(tally.exitStatus()).isEqualTo(3);
        assertThat(tally.bySrvOutcome().get("4.8.1")[Outcome.ERROR.ordinal()]).isEqualTo(2);
    }
}
