package io.duisvalidator.internal.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * DUIS messages are UTF-8 (every official schema and template says so). A message in another encoding, even one
 * XML allows (UTF-16 with a byte order mark, an XML declaration naming ISO-8859-1), is refused before parsing rather
 * than transcoded: the DCC may refuse it, and the validator fails closed (docs/reliability.md, D-UTF8).
 * A UTF-8 byte order mark is tolerated. Malformed UTF-8 is left to the parser, which reports its position.
 */
final class Utf8Only {

    private Utf8Only() {
    }

    /** Why the message is not UTF-8, or null when it is (or says nothing else). */
    static String problem(byte[] m) {
        if (startsWith(m, 0xFE, 0xFF) || startsWith(m, 0xFF, 0xFE)) {
            return "UTF-16 byte order mark: DUIS messages are UTF-8";
        }
        if (startsWith(m, 0x00, 0x00, 0xFE, 0xFF)) {
            return "UTF-32 byte order mark: DUIS messages are UTF-8";
        }
        int head = Math.min(m.length, 4);
        for (int i = 0; i < head; i++) {
            if (m[i] == 0) {
                return "NUL byte at offset " + i + " (UTF-16 or UTF-32 without byte order mark?): DUIS messages are UTF-8";
            }
        }
        // The declaration, if any, is within the first few hundred bytes and ASCII: read it from the bytes in place
        // (no string, no pattern: this runs for every message).
        String declared = declaredEncoding(m);
        if (declared != null && !"UTF-8".equalsIgnoreCase(declared.trim())) {
            return "declared encoding '" + declared + "': DUIS messages are UTF-8";
        }
        return null;
    }

    /**
     * One thread's strict UTF-8 decoder (the JDK's: it refuses overlong forms, surrogates, truncated and stray bytes,
     * which the stream parser's own decoder does not all refuse) into a reused character buffer. A UTF-8 byte order
     * mark is dropped.
     */
    static final class Decoder {
        /** Buffers up to this many characters are kept for the next message; a larger message gets its own. */
        private static final int KEPT = 1 << 16;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private char[] kept = new char[8192];
        private char[] chars;
        private int length;

        /** Decodes the message; afterwards {@link #chars()} and {@link #length()} hold the text. */
        void decode(byte[] m) throws Malformed {
            int from = startsWith(m, 0xEF, 0xBB, 0xBF) ? 3 : 0;
            int need = m.length - from; // never more characters than bytes
            if (need > kept.length && need <= KEPT) {
                kept = new char[need];
            }
            chars = need <= kept.length ? kept : new char[need];
            ByteBuffer in = ByteBuffer.wrap(m, from, need);
            CharBuffer out = CharBuffer.wrap(chars);
            utf8.reset();
            CoderResult r = utf8.decode(in, out, true);
            if (!r.isError()) {
                r = utf8.flush(out);
            }
            if (r.isError()) {
                throw new Malformed(m, in.position(), r.length());
            }
            length = out.position();
        }

        char[] chars() {
            return chars;
        }

        int length() {
            return length;
        }
    }

    /** Bytes that are not UTF-8, with where they are (line and column counted in bytes, 1-based). */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Malformed(byte[] m, int offset, int count) {
            super("malformed UTF-8: " + count + " byte(s) at byte offset " + offset + " not a valid UTF-8 sequence", null,
                    false, false);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (m[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            this.line = line;
            this.column = offset - lineStart + 1;
        }
    }

    /**
     * The encoding named by the XML declaration ({@code <?xml ... encoding="X"?>} at the very start, after an optional
     * UTF-8 byte order mark, within the first 256 bytes), or null when there is none.
     */
    static String declaredEncoding(byte[] m) {
        int at = startsWith(m, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        int end = Math.min(m.length, 256);
        if (!startsWith(m, at, "<?xml") || at + 5 >= end || !space(m[at + 5])) {
            return null;
        }
        int close = at + 5;
        while (close < end && m[close] != '>') {
            close++; // the declaration ends at the first '>'
        }
        for (int i = indexOf(m, at + 5, close, "encoding"); i >= 0; i = indexOf(m, i + 1, close, "encoding")) {
            int j = i + "encoding".length();
            while (j < close && space(m[j])) j++;
            if (j >= close || m[j] != '=') continue;
            j++;
            while (j < close && space(m[j])) j++;
            if (j >= close || (m[j] != '"' && m[j] != '\'')) continue;
            byte quote = m[j];
            int from = ++j;
            while (j < close && m[j] != '"' && m[j] != '\'') j++;
            if (j < close && m[j] == quote) {
                return new String(m, from, j - from, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static boolean space(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0B || b == '\f';
    }

    private static boolean startsWith(byte[] m, int from, String ascii) {
        if (m.length - from < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (m[from + i] != ascii.charAt(i)) return false;
        }
        return true;
    }

    private static int indexOf(byte[] m, int from, int to, String ascii) {
        for (int i = from; i <= to - ascii.length(); i++) {
            if (startsWith(m, i, ascii)) return i;
        }
        return -1;
    }

    private static boolean startsWith(byte[] m, int... prefix) {
        if (m.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((m[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
