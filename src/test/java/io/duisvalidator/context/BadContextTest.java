package io.duisvalidator.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Malformed context files (docs/context-files.md): each is a {@link ContextFormatException} naming file, line and
 * column where the fault is, or the warning the document decides. Line numbers are those an editor shows, also for
 * a last line without a newline, after a quoted value that spans lines, after blank lines and with CRLF.
 */
class BadContextTest {
    static final String USERS = "user_id,role,party_id\n";
    static final String INVENTORY = "device_id,device_type,device_status,smets_generation,import_mpan,export_mpan\n";
    static final String REGISTRATION = "mpan,role,party_id,effective_from,effective_to\n";
    static final String SCHEDULES = "schedule_id,user_id,device_id,srv,frequency,start_date,end_date\n";
    static final String EXECUTIONS = "schedule_id,execution_date,outcome\n";
    static final String U1 = "7A-00-00-00-00-00-01-01";
    static final String D1 = "00-1A-00-00-00-00-02-01";
    static final String MPAN = "1400000002018";

    @TempDir
    Path dir;

    static Stream<Arguments> errors() {
        return Stream.of(
                // file, content, line, column, message mentions
                bad("users.csv", USERS + U1 + ",IS\n", 2, 3, "expected 3 columns, found 2"),
                bad("users.csv", USERS + U1 + ",IS,SUPA,extra\n", 2, 4, "expected 3 columns, found 4"),
                bad("users.csv", USERS + U1 + ",XX,SUPA\n", 2, 2, "unknown role 'XX'"),
                bad("users.csv", USERS + "7A-00-00-00-00-00-01,IS,SUPA\n", 2, 1, "not an EUI-64"),
                bad("users.csv", USERS + U1 + ",IS,\n", 2, 3, "value is empty"),
                bad("users.csv", "user_id,party_id\n" + U1 + ",SUPA\n", 1, 0, "header lacks column 'role'"),
                bad("users.csv", "", 1, 0, "no header row"),
                bad("users.csv", "\n\n", 1, 0, "no header row"),
                bad("users.csv", USERS + U1 + ",IS,SUPA\n" + U1 + ",ES,SUPA\n", 3, 1, "also on line 2 with other values"),
                bad("users.csv", USERS + U1 + ",IS,SUPA\n7a-00-00-00-00-00-01-01,ES,SUPC", 3, 1, "also on line 2"),
                bad("users.csv", "user_id,role,role,party_id\n" + U1 + ",IS,IS,SUPA\n", 1, 3, "column 'role' appears twice"),
                // last line without a trailing newline
                bad("users.csv", USERS + U1 + ",IS,SUPA\n7A-00-00-00-00-00-02-01,NOPE,SUPC", 3, 2, "unknown role"),
                // blank lines are skipped but counted
                bad("users.csv", USERS + "\n\n" + U1 + ",IS,SUPA\n\n7A-00-00-00-00-00-02-01,NOPE,SUPC\n", 6, 2, "unknown role"),
                // CRLF line ends
                bad("users.csv", USERS.replace("\n", "\r\n") + U1 + ",IS,SUPA\r\n7A-00-00-00-00-00-02-01,NOPE,SUPC\r\n", 3, 2,
                        "unknown role"),
                // a quoted value spanning lines: the record starts on line 2, the next on line 4
                bad("users.csv", "user_id,role,party_id,note\n" + U1 + ",IS,SUPA,\"two\nlines\"\n7A-00-00-00-00-00-02-01,NOPE,SUPC,x\n",
                        4, 2, "unknown role"),
                // a line break inside an identifier is a control character (docs/context-files.md)
                bad("users.csv", USERS + U1 + ",IS,\"Supplier\nA\"\n", 2, 3, "contains a control character (U+000A) at position 9"),
                bad("users.csv", USERS + U1 + ",NOPE,\"Supplier\nA\"\n", 2, 2, "unknown role"),
                bad("users.csv", USERS + U1 + ",IS,\"unterminated\n", 2, 0, "not a readable CSV file"),
                bad("inventory.csv", INVENTORY + D1 + ",ESME,Commissioned,2,1400000002019,\n", 2, 5, "not a valid MPAN core"),
                bad("inventory.csv", INVENTORY + D1 + ",ESME,Commissioned,2,140000000201,\n", 2, 5, "not a valid MPAN core"),
                bad("inventory.csv", INVENTORY + D1 + ",ESME,Commissioned,3,1400000002018,\n", 2, 4, "'3' is not one of"),
                bad("inventory.csv", INVENTORY + D1 + ",METER,Commissioned,2,,\n", 2, 2, "'METER' is not one of"),
                bad("inventory.csv", INVENTORY + D1 + ",ESME,Live,2,,\n", 2, 3, "'Live' is not one of"),
                bad("inventory.csv", INVENTORY + "00:1A:00:00:00:00:02:01,ESME,Commissioned,2,,\n", 2, 1, "not an EUI-64"),
                bad("inventory.csv", INVENTORY + D1 + ",ESME,Commissioned,2,,\n" + D1 + ",ESME,Suspended,2,,\n", 3, 1,
                        "also on line 2 with other values"),
                bad("registration.csv", REGISTRATION + MPAN + ",IS,SUPA,2026-02-30,\n", 2, 4, "not a date YYYY-MM-DD"),
                bad("registration.csv", REGISTRATION + MPAN + ",IS,SUPA,01/01/2026,\n", 2, 4, "not a date YYYY-MM-DD"),
                bad("registration.csv", REGISTRATION + MPAN + ",IS,SUPA,,\n", 2, 4, "date is empty"),
                bad("registration.csv", REGISTRATION + MPAN + ",GS,SUPA,2026-01-01,\n", 2, 2, "Registration Data roles"),
                bad("registration.csv", REGISTRATION + MPAN + ",IS,SUPA,2026-01-02,2026-01-01\n", 2, 5, "is before effective_from"),
                bad("registration.csv", REGISTRATION + ",IS,SUPA,2026-01-01,\n", 2, 1, "mpan is empty"),
                bad("registration.csv", REGISTRATION + "1400000002017,IS,SUPA,2026-01-01,\n", 2, 1, "check digit"),
                bad("schedules.csv", SCHEDULES + "S1," + U1 + "," + D1 + ",4.8.1,Fortnightly,2026-01-01,\n", 2, 5, "not one of"),
                bad("schedules.csv", SCHEDULES + "S1," + U1 + "," + D1 + ",four,Daily,2026-01-01,\n", 2, 4, "not an SRV"),
                bad("schedules.csv", SCHEDULES + "S1," + U1 + "," + D1 + ",4.8.1,Daily,2026-01-02,2026-01-01\n", 2, 7,
                        "is before start_date"),
                bad("schedules.csv", SCHEDULES + "S1," + U1 + "," + D1 + ",4.8.1,Daily,2026-01-01,\n"
                        + "S1," + U1 + "," + D1 + ",4.6.1,Daily,2026-01-01,\n", 3, 1, "also on line 2 with other values"),
                bad("executions.csv", EXECUTIONS + "S1,2026-01-01,MAYBE\n", 2, 3, "'MAYBE' is not one of"),
                bad("executions.csv", EXECUTIONS + "S1,2026-01-01,FAILED\nS1,2026-01-01,SUCCESS", 3, 3,
                        "another outcome on line 2"));
    }

    static Arguments bad(String file, String content, int line, int column, String mentions) {
        return Arguments.of(file, content, line, column, mentions);
    }

    @ParameterizedTest(name = "{0} line {2} col {3}: {4}")
    @MethodSource("errors")
    void namesFileLineAndColumn(String file, String content, int line, int column, String mentions) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        ContextFormatException e = catchThrowableOfType(ContextFormatException.class, () -> CsvContextLoader.load(dir));
        assertThat(e).as("a ContextFormatException").isNotNull();
        assertThat(e.file().getFileName().toString()).isEqualTo(file);
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith(file + ":" + line + (column > 0 ? ":" + column : "") + ": ")
                .contains(mentions).doesNotContain("\n");
    }

    @Test
    void notUtf8NamesTheLineAndColumnOfTheFirstBadByte() throws IOException {
        byte[] latin1 = (USERS + U1 + ",IS,SUPA\n7A-00-00-00-00-00-02-01,ES,Soci\u00e9t\u00e9\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("users.csv"), latin1);
        assertThatThrownBy(() -> CsvContextLoader.load(dir)).isInstanceOf(ContextFormatException.class)
                .hasMessage("users.csv:3:32: not UTF-8 text (byte 0xE9)");
    }

    @Test
    void headerOnlyIsAnEmptyContext() throws Exception {
        Files.writeString(dir.resolve("users.csv"), USERS);
        Files.writeString(dir.resolve("inventory.csv"), INVENTORY.trim());
        Files.writeString(dir.resolve("executions.csv"), EXECUTIONS);
        Context c = CsvContextLoader.load(dir);
        assertThat(c.user(U1)).isEmpty();
        assertThat(c.device(D1)).isEmpty();
        assertThat(c.schedules()).hasValueSatisfying(h -> assertThat(h.executionCount()).isZero());
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void bomColumnOrderExtraColumnsAndQuotesAreFine() throws Exception {
        Files.writeString(dir.resolve("users.csv"), "\uFEFFparty_id,note,role,user_id\n\"SUP,A\",\"two\nlines\",IS," + U1 + "\n");
        Context c = CsvContextLoader.load(dir);
        assertThat(c.user(U1)).hasValueSatisfying(u -> assertThat(u.partyId()).isEqualTo("SUP,A"));
    }

    @Test
    void identicalRepeatsAndOverlapsAreWarningsNamingTheLines() throws Exception {
        Files.writeString(dir.resolve("users.csv"), USERS + U1 + ",IS,SUPA\n" + U1 + ",IS,SUPA\n");
        Files.writeString(dir.resolve("registration.csv"), REGISTRATION + MPAN + ",IS,SUPA,2026-01-01,\n"
                + MPAN + ",IS,SUPB,2026-06-01,2026-06-30\n");
        Files.writeString(dir.resolve("executions.csv"), EXECUTIONS + "S9,2026-01-01,FAILED\n");
        Context c = CsvContextLoader.load(dir);
        assertThat(c.warnings()).hasSize(3);
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).startsWith("users.csv:3: repeats line 2"));
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).contains("overlapping IS appointments for MPAN " + MPAN)
                .contains("registration.csv:2").contains("registration.csv:3"));
        assertThat(c.warnings()).anySatisfy(w -> assertThat(w).startsWith("executions.csv:2: schedule_id S9"));
        assertThat(c.user(U1)).isPresent();
    }
}
