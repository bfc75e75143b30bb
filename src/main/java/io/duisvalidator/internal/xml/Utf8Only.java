package io.duisvalidator.internal.xml;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DUIS messages are UTF-8 (every official schema and template says so). A message in another encoding, even one
 * XML allows (UTF-16 with a byte order mark, an XML declaration naming ISO-8859-1), is refused before parsing rather
 * than transcoded: the DCC may refuse it, and the validator fails closed (docs/reliability.md, D-UTF8).
 * A UTF-8 byte order mark is tolerated. Malformed UTF-8 is left to the parser, which reports its position.
 */
final class Utf8Only {
    private static final Pattern DECLARED = Pattern.compile(
            "\\A(?:\uFEFF)?<\\?xml\\s[^>]*?encoding\\s*=\\s*([\"'])([^\"']*)\\1");

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
        // The declaration, if any, is within the first few hundred bytes; ASCII decoding is enough to read it.
        String start = new String(m, 0, Math.min(m.length, 256), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "\uFEFF");
        Matcher d = DECLARED.matcher(start);
        if (d.find() && !"UTF-8".equalsIgnoreCase(d.group(2).trim())) {
            return "declared encoding '" + d.group(2) + "': DUIS messages are UTF-8";
        }
        return null;
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
