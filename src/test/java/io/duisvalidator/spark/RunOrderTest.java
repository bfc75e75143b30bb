package io.duisvalidator.spark;

import io.duisvalidator.internal.batch.InputFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** RunOrder sorts paths as the CLI walks them (where plain string order differs). */
class RunOrderTest {
    @Test
    void sortsAsTheClisWalk(@TempDir Path tmp) throws Exception {
        for (String f : List.of("a/b.xml", "a-c.xml", "a/z/y.xml", "a/a.xml", "B.xml", "a.b/c.xml")) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        List<String> walk = new ArrayList<>();
        for (Path p : new InputFiles(List.of(tmp))) walk.add(tmp.relativize(p).toString());
        List<String> sorted = new ArrayList<>(walk);
        java.util.Collections.shuffle(sorted, new java.util.Random(7));
        sorted.sort(RunOrder.PATHS);
        assertThat(sorted).isEqualTo(walk);
        List<String> plain = new ArrayList<>(walk);
        java.util.Collections.sort(plain);
        assertThat(plain).as("string order would differ").isNotEqualTo(walk);
    }
}
