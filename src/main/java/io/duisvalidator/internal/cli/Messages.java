package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.text.Printable;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Every line the commands print on standard error: one line, prefixed, control characters escaped. */
final class Messages {
    private Messages() {
    }

    /** Prints a usage error and returns the usage exit status. */
    static int usage(PrintStream err, String message) {
        error(err, message);
        return Exit.USAGE;
    }

    static void error(PrintStream err, String message) {
        err.println("duis-validator: " + Printable.text(message));
    }

    static void warning(PrintStream err, String message) {
        err.println("warning: " + Printable.text(message));
    }

    /** What went wrong, in words: the file and the reason, never a bare path or "null". */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException f) return "no such file or folder: " + f.getFile();
        if (e instanceof AccessDeniedException f) return "permission denied: " + f.getFile();
        if (e instanceof NotDirectoryException f) return "not a folder: " + f.getFile();
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
