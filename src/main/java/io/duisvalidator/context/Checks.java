package io.duisvalidator.context;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one home of every value check of the context: the records ({@link User}, {@link Device}, {@link Appointment},
 * {@link Schedule}, {@link Execution}) check their components with it when they are built, and {@link CsvContextLoader}
 * checks its cells with it, so a value is refused by the same rule and with the same words whichever way it comes in.
 *
 * <p>Each check takes the name of the value ({@code field}): built in code, a refusal is an
 * {@link IllegalArgumentException} whose message starts with that name ({@code "importMpan: not a valid MPAN core
 * ..."}); the CSV loader passes {@code null} and puts file, line and column in front of the same message instead.
 */
final class Checks {
    /** Smart Metering Inventory device types (the command-line contract's {@code device_type}). */
    static final Set<String> DEVICE_TYPES = Set.of("ESME", "GSME", "GPF", "CHF", "HCALCS", "PPMID", "IHD", "CAD");
    /** DUIS DeviceStatus values. */
    static final Set<String> DEVICE_STATUSES = Set.of("Pending", "Whitelisted", "InstalledNotCommissioned",
            "Commissioned", "Decommissioned", "Withdrawn", "Suspended", "Recovery");
    /** DUIS ScheduleFrequency values. */
    static final Set<String> FREQUENCIES = Set.copyOf(ScheduleFrequency.TEXTS);
    /** SMETS generations. */
    static final Set<String> GENERATIONS = Set.of("1", "2");
    /** Execution outcomes of {@code executions.csv}. */
    static final Set<String> OUTCOMES = Set.of("SUCCESS", "FAILED", "PARTIAL");

    /**
     * The dates the context accepts: GB smart metering, Registration Data and DCC schedules all lie well inside
     * them, so a date outside is a typo or a sentinel (0001-01-01, 9999-12-31) that would otherwise decide
     * access control silently (docs/decisions.md D-CONTEXT-DATES).
     */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    private static final Pattern EUI64 = Pattern.compile("[0-9A-Fa-f]{2}(-[0-9A-Fa-f]{2}){7}");
    private static final Pattern SRV = Pattern.compile("[0-9]+(\\.[0-9]+)+");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final int[] MPAN_WEIGHTS = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};

    private Checks() {}

    private static IllegalArgumentException refuse(String field, String message) {
        return new IllegalArgumentException(field == null ? message : field + ": " + message);
    }

    /** A value that must be there: not null, not blank, no control character. */
    static String required(String field, String v) {
        if (v == null || v.isBlank()) throw refuse(field, "value is empty");
        return text(field, v);
    }

    /** Free text (party ids, schedule ids): no control character (they would corrupt every report line). */
    static String text(String field, String v) {
        if (v == null) return null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) || CsvBounds.bidiControl(c)) { // C0, C1, DEL, bidirectional controls (issue 14)
                throw refuse(field, String.format(Locale.ROOT, "contains a control character (U+%04X) at position %d", (int) c, i + 1));
            }
        }
        return v;
    }

    /** An EUI-64 (8 hyphenated hex pairs, either case), returned in upper case (compared case-insensitively). */
    static String eui64(String field, String v) {
        required(field, v);
        if (!isEui64(v)) throw refuse(field, "not an EUI-64 (8 hyphenated hex pairs): '" + v + "'");
        return normaliseEui(v);
    }

    static boolean isEui64(String s) { return s != null && EUI64.matcher(s).matches(); }

    /** EUI-64 compared case-insensitively: held in upper case. */
    static String normaliseEui(String s) { return s == null ? null : s.trim().toUpperCase(Locale.ROOT); }

    /** An MPAN core, or null for none (null or blank). */
    static String optionalMpan(String field, String v) {
        if (v == null || v.isBlank()) return null;
        if (!isValidMpan(v)) throw refuse(field, "not a valid MPAN core (13 digits with check digit): '" + v + "'");
        return v;
    }

    /** An MPAN core that must be there. */
    static String mpan(String field, String v) {
        if (v == null || v.isEmpty()) throw refuse(field, "value is empty");
        return optionalMpan(field, v);
    }

    /** A 13-digit MPAN core whose last digit is its check digit (domain brief section 8). */
    static boolean isValidMpan(String s) {
        if (s == null || s.length() != 13) return false;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            if (i < 12) sum += (c - '0') * MPAN_WEIGHTS[i];
        }
        return (sum % 11) % 10 == s.charAt(12) - '0';
    }

    /** One of a fixed set of values, exactly (case matters: DUIS values are case-sensitive). */
    static String oneOf(String field, String v, Set<String> allowed) {
        required(field, v);
        if (!allowed.contains(v)) throw refuse(field, "'" + v + "' is not one of " + new TreeSet<>(allowed));
        return v;
    }

    /** A SMETS generation, 1 or 2. */
    static int generation(String field, int generation) {
        if (generation != 1 && generation != 2) throw refuse(field, "'" + generation + "' is not one of " + new TreeSet<>(GENERATIONS));
        return generation;
    }

    /** A User Role code (IS, ES, GS, ED, GT, OU, RSA, MDR). */
    static Role role(String field, String v) {
        required(field, v);
        try {
            return Role.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw refuse(field, "unknown role '" + v + "' (IS, ES, GS, ED, GT, OU, RSA, MDR)");
        }
    }

    /** A role Registration Data holds: IS, ES or MDR. */
    static Role registrationRole(String field, Role r) {
        if (r == null) throw refuse(field, "value is empty");
        if (r != Role.IS && r != Role.ES && r != Role.MDR) {
            throw refuse(field, "Registration Data roles are IS, ES and MDR, not " + r);
        }
        return r;
    }

    /** An SRV such as 4.8.1. */
    static String srv(String field, String v) {
        required(field, v);
        if (!SRV.matcher(v).matches()) throw refuse(field, "not an SRV: '" + v + "'");
        return v;
    }

    /** A date written YYYY-MM-DD, or null when empty and {@code optional}. */
    static LocalDate date(String field, String v, boolean optional) {
        if (v == null || v.isEmpty()) {
            if (optional) return null;
            throw refuse(field, "date is empty");
        }
        LocalDate d;
        try {
            if (!DATE.matcher(v).matches()) throw new DateTimeParseException("shape", v, 0);
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw refuse(field, "not a date YYYY-MM-DD: '" + v + "'");
        }
        return date(field, d, optional);
    }

    /** A date within {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, or null when {@code optional}. */
    static LocalDate date(String field, LocalDate d, boolean optional) {
        if (d == null) {
            if (optional) return null;
            throw refuse(field, "date is empty");
        }
        if (d.isBefore(EARLIEST_DATE) || d.isAfter(LATEST_DATE)) {
            throw refuse(field, "date " + d + " is outside " + EARLIEST_DATE + " to " + LATEST_DATE);
        }
        return d;
    }

    /** {@code end} (may be null: open-ended) is not before {@code start}. */
    static void notBefore(String field, LocalDate end, String endName, LocalDate start, String startName) {
        if (end != null && start != null && end.isBefore(start)) {
            throw refuse(field, endName + " " + end + " is before " + startName + " " + start);
        }
    }
}
