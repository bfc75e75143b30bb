package io.duisvalidator.context;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bounds of the context files (issue 14): lines and values of bounded length, and the first byte that is not UTF-8
 * found by streaming (control characters and dates: {@link Checks}). Small local
 * checks used by {@link CsvContextLoader}; each failure is a file:line:column error.
 */
final class CsvBounds {
    /** Longest physical line, in characters: a context line is a few short values. */
    static final int MAX_LINE = 65_536;
    /** Longest value of a contract column, in characters. */
    static final int MAX_VALUE = 256;

    /** Values echoed in messages are cut to this many characters (the exported package uses no internal helper). */
    static final int ECHO_LIMIT = 80;

    private CsvBounds() {
    }

    /** Bidirectional embedding, override, isolate and mark characters: they reorder a printed line. */
    static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    /** A long value cut to {@link #ECHO_LIMIT} characters, with its length. */
    static String shortened(String v) {
        return v.length() <= ECHO_LIMIT ? v : v.substring(0, ECHO_LIMIT) + "... (" + v.length() + " characters)";
    }

    /** A line over {@link #MAX_LINE}: thrown by the reader of {@link #capped}, made a file:line error by the loader. */
    static final class LineTooLong extends IOException {
        final long line;

        LineTooLong(long line) {
            super("line " + line + " is longer than " + MAX_LINE + " characters");
            this.line = line;
        }

        ContextFormatException error(Path file) {
            return new ContextFormatException(file, line, 0, "line longer than " + MAX_LINE + " characters: not a context file?");
        }
    }

    /** {@code in} that fails with {@link LineTooLong} as soon as a line passes {@link #MAX_LINE} characters. */
    static Reader capped(Reader in) {
        return new FilterReader(in) {
            private long line = 1;
            private int length;

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) count((char) c);
                return c;
            }

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                for (int i = 0; i < n; i++) count(buf[off + i]);
                return n;
            }

            private void count(char c) throws LineTooLong {
                if (c == '\n') {
                    line++;
                    length = 0;
                } else if (++length > MAX_LINE) {
                    throw new LineTooLong(line);
                }
            }
        };
    }

    /** Why a value of a contract column cannot be used (too long), or null; control characters: {@link Checks#text}. */
    static String valueProblem(String v) {
        if (v.length() > MAX_VALUE) return "value of " + v.length() + " characters is longer than " + MAX_VALUE + " characters";
        return null;
    }

    /** Where the first byte that is not UTF-8 is, read as a stream (any size); null when there is none. */
    static ContextFormatException notUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        long column = 1;
        in.flip(); // empty, ready to be read from
        try (InputStream s = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                in.compact();
                int n = end ? -1 : s.read(in.array(), in.position(), in.remaining());
                if (n < 0) end = true; else in.position(in.position() + n);
                in.flip();
                int start = in.position();
                CoderResult r = decoder.decode(in, out, end);
                for (int i = start; i < in.position(); i++) {
                    byte b = in.get(i);
                    if (b == '\n') {
                        line++;
                        column = 1;
                    } else if ((b & 0xC0) != 0x80) {
                        column++;
                    }
                }
                if (r.isError()) {
                    return new ContextFormatException(file, line, (int) Math.min(column, Integer.MAX_VALUE),
                            String.format("not UTF-8 text (byte 0x%02X)", in.get(in.position()) & 0xFF));
                }
                out.clear();
                if (end && r.isUnderflow()) return null;
            }
        }
    }
}
