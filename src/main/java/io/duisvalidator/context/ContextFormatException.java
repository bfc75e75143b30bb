package io.duisvalidator.context;

import java.nio.file.Path;

/** A context file that cannot be used: names the file, line and column (1-based; 0 when not applicable). */
public final class ContextFormatException extends Exception {
    private final Path file;
    private final long line;
    private final int column;

    public ContextFormatException(Path file, long line, int column, String message) {
        super(file.getFileName() + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() { return file; }

    public long line() { return line; }

    public int column() { return column; }
}
