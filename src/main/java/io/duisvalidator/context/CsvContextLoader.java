package io.duisvalidator.context;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Loads the context files of the command-line contract from a folder: {@code users.csv}, {@code inventory.csv},
 * {@code registration.csv}, {@code schedules.csv}, {@code executions.csv}. A missing file is an empty context of
 * that kind; a malformed one is a {@link ContextFormatException} naming file, line and column (docs/context-files.md).
 */
public final class CsvContextLoader {
    private static final Set<String> DEVICE_TYPES = Checks.DEVICE_TYPES;
    private static final Set<String> DEVICE_STATUSES = Checks.DEVICE_STATUSES;
    private static final Set<String> FREQUENCIES = Checks.FREQUENCIES;

    private CsvContextLoader() {}

    /**
     * Loads the context files of a folder into in-memory sources.
     *
     * @param dir the folder
     * @return the context, with the {@linkplain Context#warnings() warnings} found
     * @throws ContextFormatException when a file is malformed, naming file, line and column
     */
    public static Context load(Path dir) throws ContextFormatException {
        Context.Builder b = Context.builder();
        Path users = dir.resolve("users.csv");
        if (Files.exists(users)) loadUsers(users, b);
        Path inventory = dir.resolve("inventory.csv");
        if (Files.exists(inventory)) loadInventory(inventory, b);
        Path registration = dir.resolve("registration.csv");
        if (Files.exists(registration)) {
            loadRegistration(registration, b).forEach(b::appointment);
        }
        Path schedules = dir.resolve("schedules.csv");
        Path executions = dir.resolve("executions.csv");
        if (Files.exists(schedules) || Files.exists(executions)) {
            InMemoryScheduleHistory h = new InMemoryScheduleHistory();
            if (Files.exists(schedules)) loadSchedules(schedules, h, b);
            if (Files.exists(executions)) loadExecutions(executions, h, b);
            b.schedules(h);
        }
        return b.build();
    }

    /** Calls {@code row} for each data record, after checking the header holds the columns. */
    private static void read(Path file, List<String> columns, RowHandler row) throws ContextFormatException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Values are trimmed here, not by the parser, so that line breaks inside quoted values can be counted.
        if (!Files.isRegularFile(file)) throw new ContextFormatException(file, 0, 0, "not a regular file");
        try (Reader r = new java.io.BufferedReader(CsvBounds.capped(new java.io.InputStreamReader(Files.newInputStream(file), decoder)), 1 << 16);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                     .setIgnoreEmptyLines(true).get().parse(r)) {
            List<String> names = p.getHeaderNames().stream()
                    .map(k -> k.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
            if (names.isEmpty() || names.size() == 1 && names.get(0).isEmpty()) {
                throw new ContextFormatException(file, 1, 0, "no header row (expected " + String.join(",", columns) + ")");
            }
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Integer first = header.putIfAbsent(names.get(i), i);
                if (first != null && columns.contains(names.get(i))) {
                    throw new ContextFormatException(file, 1, i + 1, "column '" + names.get(i) + "' appears twice (columns "
                            + (first + 1) + " and " + (i + 1) + ")");
                }
            }
            for (String c : columns) {
                if (!header.containsKey(c)) {
                    throw new ContextFormatException(file, 1, 0, "header lacks column '" + c + "' (expected " + String.join(",", columns) + ")");
                }
            }
            int[] idx = columns.stream().mapToInt(header::get).toArray();
            java.util.Iterator<CSVRecord> records = p.iterator();
            while (true) {
                CSVRecord rec;
                try {
                    if (!records.hasNext()) break;
                    rec = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    if (e.getCause() instanceof CharacterCodingException) throw notUtf8(file);
                    if (e.getCause() instanceof CsvBounds.LineTooLong l) throw l.error(file);
                    String why = clean(e);
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(startline (\\d+)\\) ?").matcher(why);
                    long line = m.find() ? Long.parseLong(m.group(1)) : p.getCurrentLineNumber() + 1;
                    throw new ContextFormatException(file, line, 0, "not a readable CSV file: " + m.replaceFirst(""));
                }
                long line = startLine(rec, p.getCurrentLineNumber());
                if (rec.size() != names.size()) {
                    throw new ContextFormatException(file, line, Math.min(rec.size(), names.size()) + 1,
                            "expected " + names.size() + " columns, found " + rec.size());
                }
                String[] v = new String[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    v[i] = rec.get(idx[i]).trim();
                    String bad = CsvBounds.valueProblem(v[i]);
                    if (bad != null) throw new ContextFormatException(file, line, idx[i] + 1, bad);
                }
                row.accept(new Row(file, line, v, idx));
            }
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        } catch (CsvBounds.LineTooLong e) {
            throw e.error(file);
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e.getCause() instanceof CharacterCodingException) throw notUtf8(file);
            if (e.getCause() instanceof CsvBounds.LineTooLong l) throw l.error(file);
            throw new ContextFormatException(file, 1, 0, "not a readable CSV file: " + clean(e));
        } catch (IOException e) {
            throw new ContextFormatException(file, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Line of a record's first character: the parser's line after it, less the line breaks inside its values. */
    private static long startLine(CSVRecord rec, long endLine) {
        long breaks = 0;
        for (String v : rec.values()) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n')) breaks++;
            }
        }
        return endLine - breaks;
    }

    private static String clean(RuntimeException e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    /** Where the first byte that is not UTF-8 is (read again, as a stream: this is the error path only). */
    private static ContextFormatException notUtf8(Path file) {
        try {
            ContextFormatException e = CsvBounds.notUtf8(file);
            return e != null ? e : new ContextFormatException(file, 0, 0, "not UTF-8 text");
        } catch (IOException e) {
            return new ContextFormatException(file, 0, 0, "not UTF-8 text");
        }
    }

    private static void loadUsers(Path f, Context.Builder b) throws ContextFormatException {
        Map<String, Row> seen = new HashMap<>();
        read(f, List.of("user_id", "role", "party_id"), r -> {
            String id = r.eui(0);
            Role role = r.role(1, false);
            String party = r.required(2);
            Row prev = seen.put(id, r);
            if (prev != null) {
                if (prev.same(r)) {
                    b.warning(f.getFileName() + ":" + r.line + ": repeats line " + prev.line);
                    return;
                }
                throw r.error(0, "user_id " + id + " is also on line " + prev.line + " with other values");
            }
            b.user(id, role, party);
        });
    }

    private static void loadInventory(Path f, Context.Builder b) throws ContextFormatException {
        Map<String, Row> seen = new HashMap<>();
        read(f, List.of("device_id", "device_type", "device_status", "smets_generation", "import_mpan", "export_mpan"), r -> {
            String id = r.eui(0);
            String type = r.oneOf(1, DEVICE_TYPES);
            String status = r.oneOf(2, DEVICE_STATUSES);
            String gen = r.oneOf(3, Checks.GENERATIONS);
            String imp = r.mpan(4);
            String exp = r.mpan(5);
            Row prev = seen.put(id, r);
            if (prev != null) {
                if (prev.same(r)) {
                    b.warning(f.getFileName() + ":" + r.line + ": repeats line " + prev.line);
                    return;
                }
                throw r.error(0, "device_id " + id + " is also on line " + prev.line + " with other values");
            }
            b.device(new Device(id, type, status, Integer.parseInt(gen), imp, exp));
        });
    }

    private static List<Appointment> loadRegistration(Path f, Context.Builder b) throws ContextFormatException {
        List<Appointment> out = new ArrayList<>();
        Map<String, String> parties = new HashMap<>();
        read(f, List.of("mpan", "role", "party_id", "effective_from", "effective_to"), r -> {
            String mpan = r.mpan(0);
            if (mpan == null) throw r.error(0, "mpan is empty");
            Role role = r.role(1, true);
            String party = parties.computeIfAbsent(r.required(2), p -> p);
            LocalDate from = r.date(3, false);
            LocalDate to = r.date(4, true);
            r.check(4, v -> { Checks.notBefore(null, to, "effective_to", from, "effective_from"); return to; });
            out.add(new Appointment(mpan, role, party, from, to, f.getFileName() + ":" + r.line));
        });
        return out;
    }

    private static void loadSchedules(Path f, ScheduleHistory h, Context.Builder b) throws ContextFormatException {
        Map<String, Row> seen = new HashMap<>();
        read(f, List.of("schedule_id", "user_id", "device_id", "srv", "frequency", "start_date", "end_date"), r -> {
            String id = r.required(0);
            String user = r.eui(1);
            String device = r.eui(2);
            String srv = r.required(3);
            r.check(3, v -> Checks.srv(null, v));
            String freq = r.value(4).isEmpty() ? null : r.oneOf(4, FREQUENCIES);
            LocalDate start = r.date(5, false);
            LocalDate end = r.date(6, true);
            r.check(6, v -> { Checks.notBefore(null, end, "end_date", start, "start_date"); return end; });
            Row prev = seen.put(id, r);
            if (prev != null) {
                if (prev.same(r)) {
                    b.warning(f.getFileName() + ":" + r.line + ": repeats line " + prev.line);
                    return;
                }
                throw r.error(0, "schedule_id " + id + " is also on line " + prev.line + " with other values");
            }
            h.record(new Schedule(id, user, device, srv, freq, start, end));
        });
    }

    private static void loadExecutions(Path f, ScheduleHistory h, Context.Builder b) throws ContextFormatException {
        Map<String, Row> seen = new HashMap<>();
        read(f, List.of("schedule_id", "execution_date", "outcome"), r -> {
            String id = r.required(0);
            LocalDate date = r.date(1, false);
            Execution.Result result = Execution.Result.valueOf(r.oneOf(2, Checks.OUTCOMES));
            if (h.schedule(id).isEmpty()) {
                b.warning(f.getFileName() + ":" + r.line + ": schedule_id " + id + " is not in schedules.csv; the execution is kept");
            }
            Row prev = seen.put(id + "|" + date, r);
            if (prev != null) {
                if (prev.same(r)) {
                    b.warning(f.getFileName() + ":" + r.line + ": repeats line " + prev.line);
                    return;
                }
                throw r.error(2, "schedule " + id + " on " + date + " has another outcome on line " + prev.line);
            }
            h.record(new Execution(id, date, result));
        });
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(Row r) throws ContextFormatException;
    }

    /** One record's values in the order of the expected columns, with checked accessors. */
    private record Row(Path file, long line, String[] values, int[] columnIndex) {
        String value(int i) { return values[i] == null ? "" : values[i]; }

        boolean same(Row o) { return java.util.Arrays.equals(values, o.values); }

        ContextFormatException error(int i, String message) {
            return new ContextFormatException(file, line, columnIndex[i] + 1, message);
        }

        /** Applies a check of {@link Checks} to the value: its refusal becomes an error at this cell. */
        <T> T check(int i, java.util.function.Function<String, T> check) throws ContextFormatException {
            try {
                return check.apply(value(i));
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                String v = value(i);
                if (v.length() > CsvBounds.ECHO_LIMIT) {
                    m = m.replace(v, CsvBounds.shortened(v)); // a long value echoed short
                }
                throw error(i, m);
            }
        }

        String required(int i) throws ContextFormatException {
            return check(i, v -> Checks.required(null, v));
        }

        String eui(int i) throws ContextFormatException {
            String n = check(i, v -> Checks.eui64(null, v));
            values[i] = n; // normalised, so that a repeat in another case is a repeat
            return n;
        }

        String mpan(int i) throws ContextFormatException {
            return check(i, v -> Checks.optionalMpan(null, v));
        }

        String oneOf(int i, Set<String> allowed) throws ContextFormatException {
            return check(i, v -> Checks.oneOf(null, v, allowed));
        }

        Role role(int i, boolean registration) throws ContextFormatException {
            Role r = check(i, v -> Checks.role(null, v));
            return registration ? check(i, v -> Checks.registrationRole(null, r)) : r;
        }

        LocalDate date(int i, boolean optional) throws ContextFormatException {
            return check(i, v -> Checks.date(null, v, optional));
        }
    }
}
