package io.duisvalidator.internal.text;

/**
 * The one way text from outside (file names, message values, context values, exception messages) is made safe to
 * print: every text report line and every error message goes through {@link #text}, so that a file name holding a
 * line feed cannot forge a report line and an ESC sequence cannot drive the terminal. {@link #echo} also shortens a
 * long value (with its length), and {@link #xml} replaces what XML 1.0 cannot hold.
 */
public final class Printable {
    /** Values echoed in messages are cut to this many characters. */
    public static final int ECHO_LIMIT = 80;

    private Printable() {
    }

    /**
     * {@code s} with every C0 and C1 control character, DEL, and bidirectional embedding, override and isolate
     * character written as a visible escape (backslash n, t, r, or backslash-u and four hex digits). Null stays null.
     */
    public static String text(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.toString();
    }

    /** A value quoted in a message: {@link #text}, and cut to {@link #ECHO_LIMIT} characters with its length. */
    public static String echo(String s) {
        if (s == null) return "null";
        if (s.length() <= ECHO_LIMIT) return text(s);
        int end = ECHO_LIMIT;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return text(s.substring(0, end)) + "... (" + s.length() + " characters)";
    }

    /** Characters that would act on a terminal or reorder a line rather than be shown. */
    public static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    /**
     * {@code s} holding only characters XML 1.0 allows (tab, line feed, carriage return, U+0020-U+D7FF,
     * U+E000-U+FFFD, and whole surrogate pairs): each other one is written as backslash-u and four hex digits. Null stays null.
     */
    public static String xml(String s) {
        if (s == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) sb.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (ok) {
                if (sb != null) sb.append(c);
            } else {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
