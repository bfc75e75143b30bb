package io.duisvalidator.internal.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary file that a report writes its body to while results stream past, so that a format whose header
 * needs the run's totals (JUnit counts, the HTML summary) keeps memory flat: the body is copied out at the end.
 */
final class Spool implements AutoCloseable {
    private final Path file;
    private final Writer writer;

    Spool(String prefix) throws IOException {
        file = Files.createTempFile(prefix, ".spool");
        file.toFile().deleteOnExit();
        writer = new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
    }

    Writer writer() { return writer; }

    /** Copies what was written so far to {@code out} (as UTF-8 bytes). */
    void copyTo(OutputStream out) throws IOException {
        writer.flush();
        Files.copy(file, out);
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
