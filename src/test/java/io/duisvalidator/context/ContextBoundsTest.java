package io.duisvalidator.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.duisvalidator.context.BadContextTest.D1;
import static io.duisvalidator.context.BadContextTest.EXECUTIONS;
import static io.duisvalidator.context.BadContextTest.MPAN;
import static io.duisvalidator.context.BadContextTest.REGISTRATION;
import static io.duisvalidator.context.BadContextTest.SCHEDULES;
import static io.duisvalidator.context.BadContextTest.U1;
import static io.duisvalidator.context.BadContextTest.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue 14 items 12, 14, 15, 16, 17: control characters in identifiers, dates out of range, huge lines and files,
 * long values echoed, and an EUI-64 repeated in another case: each a file:line:column error (or the warning), bounded.
 */
class ContextBoundsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("users.csv", USERS + U1 + ",IS,SUP\u001B]0;owned\u0007A\n", 2, 3, "control character (U+001B)"),
                Arguments.of("users.csv", USERS + U1 + ",IS,SUP\u202EA\n", 2, 3, "control character (U+202E)"),
                Arguments.of("schedules.csv", SCHEDULES + "S\u00071," + U1 + "," + D1 + ",4.8.1,Daily,2026-01-01,\n", 2, 1,
                        "control character (U+0007)"),
                Arguments.of("registration.csv", REGISTRATION + MPAN + ",MDR,MDRA,2026-01-01,+999999999-12-31\n", 2, 5, "YYYY-MM-DD"),
                Arguments.of("registration.csv", REGISTRATION + MPAN + ",MDR,MDRA,+10000-01-01,\n", 2, 4, "YYYY-MM-DD"),
                Arguments.of("registration.csv", REGISTRATION + MPAN + ",MDR,MDRA,-0001-12-31,\n", 2, 4, "YYYY-MM-DD"),
                Arguments.of("registration.csv", REGISTRATION + MPAN + ",MDR,MDRA,0000-01-01,\n", 2, 4, "is outside 1990-01-01 to 2199-12-31"),
                Arguments.of("registration.csv", REGISTRATION + MPAN + ",MDR,MDRA,1899-12-31,\n", 2, 4, "is outside 1990-01-01 to 2199-12-31"),
                Arguments.of("executions.csv", EXECUTIONS + "S1,-999999999-01-01,FAILED\n", 2, 2, "YYYY-MM-DD"),
                Arguments.of("users.csv", USERS + U1 + ",IS," + "P".repeat(100_000) + "\n", 2, 0, "longer than 65536 characters"),
                Arguments.of("users.csv", USERS + U1 + ",IS," + "P".repeat(1000) + "\n", 2, 3, "longer than 256 characters"),
                Arguments.of("users.csv", USERS + U1 + "," + "R".repeat(200) + ",SUPA\n", 2, 2, "(200 characters)"));
    }

    @ParameterizedTest(name = "{0} line {2} col {3}: {4}")
    @MethodSource("errors")
    void each_is_an_error_naming_file_line_and_column_with_a_short_message(String file, String content, int line,
                                                                          int column, String mentions) throws IOException {
        Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        ContextFormatException e = catchThrowableOfType(ContextFormatException.class, () -> CsvContextLoader.load(dir));
        assertThat(e).as("a ContextFormatException").isNotNull();
        assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).contains(mentions).hasSizeLessThan(300);
        for (char c : e.getMessage().toCharArray()) assertThat(c < 0x20 || c == '\u202E').as(e.getMessage()).isFalse();
    }

    @Test
    void the_widest_dates_of_the_range_are_fine() throws Exception {
        Files.writeString(dir.resolve("registration.csv"), REGISTRATION + MPAN + ",MDR,MDRA,1990-01-01,2199-12-31\n");
        assertThat(CsvContextLoader.load(dir).registration()).isNotNull();
    }

    @Test
    void a_huge_file_without_a_line_feed_is_a_line_error_not_out_of_memory() throws Exception {
        Path f = dir.resolve("users.csv");
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(300L << 20); // 300 MB of NUL bytes, sparse on disk
        }
        ContextFormatException e = catchThrowableOfType(ContextFormatException.class, () -> CsvContextLoader.load(dir));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("users.csv:1:").contains("longer than 65536 characters");
    }

    @Test
    void a_bad_byte_on_line_2_of_a_file_over_2_gb_is_found_by_streaming() throws Exception {
        Path f = dir.resolve("users.csv");
        Files.write(f, (USERS + "\u00FF").getBytes(StandardCharsets.ISO_8859_1));
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            r.setLength(2_200_000_000L); // sparse
        }
        ContextFormatException e = catchThrowableOfType(ContextFormatException.class, () -> CsvContextLoader.load(dir));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("users.csv:2:1: not UTF-8 text (byte 0xFF)");
    }

    @Test
    void an_eui_64_repeated_in_another_case_with_the_same_values_is_a_repeat() throws Exception {
        Files.writeString(dir.resolve("users.csv"), USERS + U1 + ",IS,SUPA\n" + U1.toLowerCase() + ",IS,SUPA\n");
        Context c = CsvContextLoader.load(dir);
        assertThat(c.warnings()).singleElement().asString().startsWith("users.csv:3: repeats line 2");
    }
}
