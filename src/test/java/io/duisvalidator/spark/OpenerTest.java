package io.duisvalidator.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read stage's file opener: local files as their raw bytes (no {@code .crc} lookup), found from the listed path
 * (Hadoop's Path text, not URI-escaped) below the root; any other file system through Hadoop.
 * Tag {@code spark}: Hadoop is on the classpath of the Spark test execution only.
 */
@Tag("spark")
class OpenerTest {
    @Test
    void readsLocalFilesBelowTheRootByTheListedPathWhateverTheirNames(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("msgs dir");
        Path file = root.resolve("a b&c").resolve("m #1.XML");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<a/>");
        Configuration conf = (Configuration) conf(false);
        String q = qualified(root, conf);
        Stages.Root r = new Stages.Root(q, root.toString(), 0);
        Stages.Opener o = new Stages.Opener(conf);
        assertThat(read(o.open(r, q + "/a b&c/m #1.XML"))).isEqualTo("<a/>");
        assertThat(Stages.readLimited(o.open(r, q + "/a b&c/m #1.XML"), 4, 100)).hasSize(4);
        assertThatThrownBy(() -> read(o.open(r, q + "/a b&c/gone.xml"))).isInstanceOf(NoSuchFileException.class);
        // a root that is the file itself
        Stages.Root single = new Stages.Root(qualified(file, conf), file.toString(), 0);
        assertThat(read(o.open(single, qualified(file, conf)))).isEqualTo("<a/>");
    }

    @Test
    void anyOtherFileSystemIsOpenedThroughHadoop(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("msgs");
        Files.createDirectories(root);
        Files.writeString(root.resolve("m.xml"), "<b/>");
        // Hadoop's raw local file system itself, not the LocalFileSystem the job knows: opened through Hadoop
        Configuration conf = (Configuration) conf(true);
        String q = qualified(root, conf);
        Stages.Opener o = new Stages.Opener(conf);
        Stages.Root r = new Stages.Root(q, root.toString(), 0);
        try (InputStream in = o.open(r, q + "/m.xml")) {
            assertThat(in).isInstanceOf(org.apache.hadoop.fs.FSDataInputStream.class);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<b/>");
        }
        // the changed-while-read check: listed 3 bytes, read 4
        assertThatThrownBy(() -> Stages.readLimited(o.open(r, q + "/m.xml"), 3, 100)).hasMessageContaining("changed while");
    }

    // Hadoop types stay out of the test's method signatures: the default test JVM (no Hadoop) discovers this class too
    private static Object conf(boolean rawImpl) {
        Configuration conf = new Configuration();
        if (rawImpl) {
            conf.set("fs.file.impl", org.apache.hadoop.fs.RawLocalFileSystem.class.getName());
            conf.setBoolean("fs.file.impl.disable.cache", true);
        }
        return conf;
    }

    private static String qualified(Path p, Object c) throws IOException {
        Configuration conf = (Configuration) c;
        org.apache.hadoop.fs.Path h = new org.apache.hadoop.fs.Path(p.toString());
        FileSystem fs = h.getFileSystem(conf);
        return fs.makeQualified(h).toString();
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
