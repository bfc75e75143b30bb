package io.duisvalidator.context;

import java.util.Locale;
import java.util.regex.Pattern;

/** Identifier formats of the domain brief section 8: EUI-64 and MPAN core. */
public final class Identifiers {
    private static final Pattern EUI64 = Pattern.compile("[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){7}");
    private static final int[] MPAN_WEIGHTS = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};

    private Identifiers() {}

    public static boolean isEui64(String s) { return s != null && EUI64.matcher(s).matches(); }

    /** EUI-64 compared case-insensitively: held in upper case. */
    public static String normaliseEui(String s) { return s == null ? null : s.trim().toUpperCase(Locale.ROOT); }

    /** A 13-digit MPAN core whose last digit is its check digit. */
    public static boolean isValidMpan(String s) {
        if (s == null || s.length() != 13) return false;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            if (i < 12) sum += (c - '0') * MPAN_WEIGHTS[i];
        }
        return (sum % 11) % 10 == s.charAt(12) - '0';
    }
}
