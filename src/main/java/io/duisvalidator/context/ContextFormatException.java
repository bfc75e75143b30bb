package io.duisvalidator.context;

import java.nio.file.Path;

/** A context file that cannot be used: names the file, line and column (1-based; 0 when not applicable). */
public final class ContextFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The file at fault (not serialized: a {@link Path} is not serializable). */
    private final transient Path file;
    /** 1-based line, 0 when not applicable. */
    private final long line;
    /** 1-based column, 0 when not applicable. */
    private final int column;

    /**
     * A fault in a context file.
     *
     * @param file    the file
     * @param line    1-based line (0 when not applicable)
     * @param column  1-based column (0 when not applicable)
     * @param message what is wrong
     */
    public ContextFormatException(Path file, long line, int column, String message) {
        super(file.getFileName() + ":" + line + (column > 0 ? ":" + column : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /**
     * The file at fault.
     *
     * @return the file
     */
    public Path file() { return file; }

    /**
     * The line at fault.
     *
     * @return 1-based line, or 0 when not applicable
     */
    public long line() { return line; }

    /**
     * The column at fault.
     *
     * @return 1-based column, or 0 when not applicable
     */
    public int column() { return column; }
}
