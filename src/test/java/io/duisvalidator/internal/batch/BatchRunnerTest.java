package io.duisvalidator.internal.batch;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Validator;
import io.duisvalidator.Outcome;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.ScheduleHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Never lose a message: every input yields exactly one result, in input order, whatever happens to it. */
class BatchRunnerTest {
    static final Path SAMPLE = Path.of("samples/access-change-of-supplier/messages/is-a-meter1-2027-01-31.xml");

    @Test
    void unreadable_inputs_are_one_error_each_and_the_run_goes_on(@TempDir Path dir) throws Exception {
        CoreValidator v = Fixtures.validator(Fixtures.baseContext().build());
        Path good1 = Files.copy(SAMPLE, dir.resolve("a.xml"));
        Path folderNamedXml = Files.createDirectory(dir.resolve("x.xml"));
        Path vanished = dir.resolve("vanished.xml"); // listed, then removed before it is read
        Path huge = dir.resolve("huge.xml");
        Files.write(huge, new byte[v.maxMessageBytes() + 10]);
        Path good2 = Files.copy(SAMPLE, dir.resolve("z.xml"));
        List<Path> inputs = List.of(good1, folderNamedXml, vanished, huge, good2);

        List<FileResult> got = new ArrayList<>();
        long n = new BatchRunner(v, Fixtures.settings(), 2).run(inputs, got::add);

        assertThat(n).isEqualTo(5);
        assertThat(got).extracting(FileResult::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(got).extracting(r -> r.decision().outcome()).containsExactly(
                Outcome.REJECTED, Outcome.ERROR, Outcome.ERROR, Outcome.REJECTED, Outcome.REJECTED);
        assertThat(got.get(1).decision().responseCode()).isEqualTo("DV-INPUT");
        assertThat(got.get(1).decision().findings().get(0).message()).contains("x.xml");
        assertThat(got.get(2).decision().findings().get(0).message()).contains("NoSuchFileException");
        assertThat(got.get(3).decision().responseCode()).isEqualTo("DV-XML");
        // the good files are judged as usual (E1: the sample's user is not in the fixtures' context)
        assertThat(got.get(0).decision().responseCode()).isEqualTo(got.get(4).decision().responseCode());
    }

    @Test
    void many_files_come_out_once_each_in_input_order_with_a_small_window(@TempDir Path dir) throws Exception {
        CoreValidator v = Fixtures.validator(Fixtures.baseContext().build());
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < 400; i++) inputs.add(i % 7 == 0 ? dir.resolve("missing-" + i + ".xml") : SAMPLE);
        List<FileResult> got = new ArrayList<>();
        new BatchRunner(v, Fixtures.settings(), 3).run(inputs, got::add);
        assertThat(got).hasSize(400);
        for (int i = 0; i < 400; i++) {
            assertThat(got.get(i).index()).isEqualTo(i);
            assertThat(got.get(i).decision().outcome() == Outcome.ERROR).isEqualTo(i % 7 == 0);
        }
    }

    @Test
    void a_folder_named_like_a_message_is_searched_not_read(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("x.xml"));
        Files.copy(SAMPLE, folder.resolve("inner.xml"));
        assertThat(new InputFiles(List.of(dir))).containsExactly(folder.resolve("inner.xml"));
        assertThat(new InputFiles(List.of(dir)).count()).isEqualTo(1);
    }

    @Test
    void every_thread_count_gives_one_result_per_input_in_input_order_and_the_same_decisions(@TempDir Path dir)
            throws Exception {
        Scenario sc = new Scenario(Path.of("samples/h313a-supplier-mhhs"));
        CoreValidator v = CoreValidator.create(Fixtures.RULES, sc.loadContext());
        List<Path> inputs = new ArrayList<>();
        try (var s = Files.list(sc.messages())) {
            s.sorted().forEach(inputs::add);
        }
        List<Path> repeated = new ArrayList<>();
        for (int i = 0; i < 30; i++) repeated.addAll(inputs);
        repeated.add(4, dir.resolve("missing.xml"));
        List<FileResult> single = new ArrayList<>();
        new BatchRunner(v, sc.settings(Fixtures.settings()), 1).run(repeated, single::add);
        assertThat(single).hasSize(repeated.size());
        assertThat(single).extracting(FileResult::file).containsExactlyElementsOf(repeated.stream().map(Path::toString).toList());
        assertThat(single).extracting(r -> r.decision().outcome()).contains(Outcome.ACCEPTED, Outcome.REJECTED, Outcome.ERROR);
        for (int threads = 2; threads <= 8; threads++) {
            List<FileResult> got = new ArrayList<>();
            long n = new BatchRunner(v, sc.settings(Fixtures.settings()), threads).run(repeated, got::add);
            assertThat(n).isEqualTo(repeated.size());
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).index()).as("threads %d, result %d", threads, i).isEqualTo(i);
                assertThat(got.get(i).file()).isEqualTo(single.get(i).file());
                assertThat(got.get(i).decision()).as("threads %d, %s", threads, got.get(i).file())
                        .isEqualTo(single.get(i).decision());
            }
        }
    }

    /** A history that fails on chosen calls, as a broken adaptor store or an exhausted heap would. */
    private static final class FailingHistory implements ScheduleHistory {
        private final ScheduleHistory real;
        volatile Throwable failWith;

        FailingHistory(ScheduleHistory real) {
            this.real = real;
        }

        private void maybeFail() {
            Throwable t = failWith;
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
        }

        @Override public Optional<Schedule> schedule(String id) { maybeFail(); return real.schedule(id); }
        @Override public List<Schedule> schedules(String u, String d, String srv) { maybeFail(); return real.schedules(u, d, srv); }
        @Override public List<Schedule> schedules(String u, String d) { maybeFail(); return real.schedules(u, d); }
        @Override public List<Execution> executions(String id) { maybeFail(); return real.executions(id); }
        @Override public Collection<Schedule> allSchedules() { return real.allSchedules(); }
        @Override public void record(Schedule s) { real.record(s); }
        @Override public void record(Execution e) { real.record(e); }
        @Override public int scheduleCount() { return real.scheduleCount(); }
        @Override public int executionCount() { return real.executionCount(); }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runtime", "stack-overflow", "out-of-memory"})
    void a_failure_inside_the_validator_is_one_error_result_and_leaves_nothing_behind(String kind) throws Exception {
        Scenario sc = new Scenario(Path.of("samples/h313a-supplier-mhhs"));
        Context loaded = sc.loadContext();
        FailingHistory history = new FailingHistory(loaded.schedules().orElseThrow());
        CoreValidator v = CoreValidator.create(Fixtures.RULES, loaded.toBuilder().schedules(history).build());
        var settings = sc.settings(Fixtures.settings());
        List<Path> inputs = new ArrayList<>();
        try (var s = Files.list(sc.messages())) {
            s.sorted().forEach(inputs::add);
        }
        List<FileResult> clean = new ArrayList<>();
        new BatchRunner(v, settings, 2).run(inputs, clean::add);

        history.failWith = switch (kind) {
            case "runtime" -> new IllegalStateException("schedule store offline");
            case "stack-overflow" -> new StackOverflowError();
            default -> new OutOfMemoryError("Java heap space");
        };
        List<FileResult> failing = new ArrayList<>();
        long n = new BatchRunner(v, settings, 2).run(inputs, failing::add);
        history.failWith = null;
        List<FileResult> after = new ArrayList<>();
        new BatchRunner(v, settings, 2).run(inputs, after::add);

        assertThat(n).isEqualTo(inputs.size());
        assertThat(failing).extracting(FileResult::index).containsExactlyElementsOf(
                java.util.stream.LongStream.range(0, inputs.size()).boxed().toList());
        int hit = 0;
        for (int i = 0; i < inputs.size(); i++) {
            FileResult f = failing.get(i);
            if (f.decision().outcome() == Outcome.ERROR) {
                hit++;
                // a store that throws is named (DV-CONTEXT); an Error is the validator's own failure
                String expected = kind.equals("out-of-memory") ? "DV-INPUT" : kind.equals("runtime") ? "DV-CONTEXT" : "DV-INTERNAL";
                assertThat(f.decision().responseCode()).as(f.file()).isEqualTo(expected);
                assertThat(f.decision().findings().get(0).message())
                        .contains(kind.equals("out-of-memory") ? "out of memory" : kind.equals("runtime") ? "schedule store offline" : "StackOverflowError");
                if (kind.equals("runtime")) assertThat(f.decision().findings().get(0).message()).startsWith("schedule history");
            } else {
                // a request that never asks the history is judged as before
                assertThat(f.decision()).as(f.file()).isEqualTo(clean.get(i).decision());
            }
        }
        assertThat(hit).as("requests that read the schedule history").isGreaterThan(0).isLessThan(inputs.size());
        assertThat(after).extracting(FileResult::decision).as("nothing left behind by the failures")
                .containsExactlyElementsOf(clean.stream().map(FileResult::decision).toList());
    }

    @Test
    void a_file_unchanged_while_read_is_returned_whole(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("m.xml"), "<a/>".getBytes());
        assertThat(BatchRunner.readLimited(f, 100)).isEqualTo("<a/>".getBytes());
        assertThat(BatchRunner.readLimited(f, 2)).hasSize(3); // over the limit: limit + 1 bytes, for the reader to refuse
    }

    @ParameterizedTest
    @ValueSource(strings = {"appended", "truncated", "replaced", "touched"})
    void a_file_that_changes_while_read_is_reported_not_judged(String change, @TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("m.xml"), "<a>half a message".getBytes());
        Runnable meanwhile = () -> {
            try {
                switch (change) {
                    case "appended" -> Files.write(f, "</a>".getBytes(), StandardOpenOption.APPEND);
                    case "truncated" -> Files.write(f, new byte[0]);
                    case "replaced" -> Files.move(Files.write(dir.resolve("new.tmp"), "<b>other message".getBytes()),
                            f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    default -> Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        assertThatThrownBy(() -> BatchRunner.readLimited(f, 1000, meanwhile))
                .isInstanceOf(BatchRunner.ChangedWhileReading.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("changed while it was being read");
    }
}
