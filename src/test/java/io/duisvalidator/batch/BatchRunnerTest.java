package io.duisvalidator.batch;

import io.duisvalidator.Validator;
import io.duisvalidator.decision.Outcome;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Never lose a message: every input yields exactly one result, in input order, whatever happens to it. */
class BatchRunnerTest {
    static final Path SAMPLE = Path.of("samples/access-change-of-supplier/messages/is-a-meter1-2027-01-31.xml");

    @Test
    void unreadable_inputs_are_one_error_each_and_the_run_goes_on(@TempDir Path dir) throws Exception {
        Validator v = Fixtures.validator(Fixtures.baseContext().build());
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
        Validator v = Fixtures.validator(Fixtures.baseContext().build());
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
}
