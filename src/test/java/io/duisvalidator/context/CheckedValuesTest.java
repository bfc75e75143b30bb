package io.duisvalidator.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Values built in code are checked where they are built, by the same rule and with the same words as the CSV loader:
 * each bad value is tried both ways, and the constructor's message must be the loader's message for the same cell
 * (the loader puts file, line and column in front, the constructor the component's name).
 */
class CheckedValuesTest {
    static final String U = "7A-00-00-00-00-00-01-01";
    static final String D = "00-1A-00-00-00-00-02-01";
    static final String MPAN = "1400000002018";
    static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    @TempDir
    Path dir;

    /** What is built, the component named, the CSV file and row that hold the same bad value, the words expected. */
    static Stream<Arguments> badValues() {
        return Stream.of(
                both(() -> new User("7A-00-00-00-00-00-01", Role.IS, "SUPA"), "userId",
                        "users.csv", "user_id,role,party_id\n7A-00-00-00-00-00-01,IS,SUPA\n",
                        "not an EUI-64 (8 hyphenated hex pairs): '7A-00-00-00-00-00-01'"),
                both(() -> new User(U, Role.IS, " "), "partyId",
                        "users.csv", "user_id,role,party_id\n" + U + ",IS,\" \"\n", "value is empty"),
                both(() -> new User(U, Role.IS, "SUP\u0007A"), "partyId",
                        "users.csv", "user_id,role,party_id\n" + U + ",IS,SUP\u0007A\n",
                        "contains a control character (U+0007) at position 4"),
                both(() -> new Device(D, "esme", "Commissioned", 2, MPAN, null), "deviceType",
                        "inventory.csv", inv("esme", "Commissioned", "2", MPAN),
                        "'esme' is not one of [CAD, CHF, ESME, GPF, GSME, HCALCS, IHD, PPMID]"),
                both(() -> new Device(D, "ESME", "commissioned", 2, MPAN, null), "deviceStatus",
                        "inventory.csv", inv("ESME", "commissioned", "2", MPAN), "'commissioned' is not one of ["),
                both(() -> new Device(D, "ESME", "Commissioned", 3, MPAN, null), "smetsGeneration",
                        "inventory.csv", inv("ESME", "Commissioned", "3", MPAN), "'3' is not one of [1, 2]"),
                both(() -> new Device(D, "ESME", "Commissioned", 2, "1400000002019", null), "importMpan",
                        "inventory.csv", inv("ESME", "Commissioned", "2", "1400000002019"),
                        "not a valid MPAN core (13 digits with check digit): '1400000002019'"),
                both(() -> new Device(D, "ESME", "Commissioned", 2, "123", null), "importMpan",
                        "inventory.csv", inv("ESME", "Commissioned", "2", "123"),
                        "not a valid MPAN core (13 digits with check digit): '123'"),
                both(() -> new Appointment("1400000002019", Role.MDR, "MDRX", DAY, null), "mpan",
                        "registration.csv", reg("1400000002019", "MDR", "2026-01-01", ""),
                        "not a valid MPAN core (13 digits with check digit): '1400000002019'"),
                both(() -> new Appointment(MPAN, Role.GS, "MDRX", DAY, null), "role",
                        "registration.csv", reg(MPAN, "GS", "2026-01-01", ""),
                        "Registration Data roles are IS, ES and MDR, not GS"),
                both(() -> new Appointment(MPAN, Role.MDR, "MDRX", LocalDate.of(1, 1, 1), null), "effectiveFrom",
                        "registration.csv", reg(MPAN, "MDR", "0001-01-01", ""),
                        "date 0001-01-01 is outside 1990-01-01 to 2199-12-31"),
                both(() -> new Appointment(MPAN, Role.MDR, "MDRX", DAY, LocalDate.of(9999, 12, 31)), "effectiveTo",
                        "registration.csv", reg(MPAN, "MDR", "2026-01-01", "9999-12-31"),
                        "date 9999-12-31 is outside 1990-01-01 to 2199-12-31"),
                both(() -> new Schedule("S1", U, D, "4.8.1", "daily", DAY, null), "frequency",
                        "schedules.csv", sched("4.8.1", "daily"), "'daily' is not one of [Daily, Half-Yearly"),
                both(() -> new Schedule("S1", U, D, "481", "Daily", DAY, null), "srv",
                        "schedules.csv", sched("481", "Daily"), "not an SRV: '481'"),
                both(() -> new Schedule("S\n1", U, D, "4.8.1", "Daily", DAY, null), "scheduleId",
                        "schedules.csv", "schedule_id,user_id,device_id,srv,frequency,start_date,end_date\n\"S\n1\","
                                + U + "," + D + ",4.8.1,Daily,2026-01-01,\n",
                        "contains a control character (U+000A) at position 2"),
                both(() -> new Execution("S1", LocalDate.of(2300, 1, 1), Execution.Result.FAILED), "executionDate",
                        "executions.csv", "schedule_id,execution_date,outcome\nS1,2300-01-01,FAILED\n",
                        "date 2300-01-01 is outside 1990-01-01 to 2199-12-31"));
    }

    private static Arguments both(Executable build, String component, String file, String csv, String words) {
        return Arguments.of(build, component, file, csv, words);
    }

    private static String inv(String type, String status, String gen, String mpan) {
        return "device_id,device_type,device_status,smets_generation,import_mpan,export_mpan\n"
                + D + "," + type + "," + status + "," + gen + "," + mpan + ",\n";
    }

    private static String reg(String mpan, String role, String from, String to) {
        return "mpan,role,party_id,effective_from,effective_to\n" + mpan + "," + role + ",MDRX," + from + "," + to + "\n";
    }

    private static String sched(String srv, String freq) {
        return "schedule_id,user_id,device_id,srv,frequency,start_date,end_date\nS1," + U + "," + D + "," + srv + ","
                + freq + ",2026-01-01,\n";
    }

    @ParameterizedTest(name = "{1}: {4}")
    @MethodSource("badValues")
    void aBadValueIsRefusedWhereItIsBuiltWithTheLoadersWords(Executable build, String component, String file,
                                                               String csv, String words) throws Exception {
        IllegalArgumentException built = catchThrowableOfType(IllegalArgumentException.class, build::execute);
        assertThat(built).as("built in code").isNotNull();
        assertThat(built.getMessage()).startsWith(component + ": ").contains(words);

        Files.writeString(dir.resolve(file), csv);
        ContextFormatException loaded = catchThrowableOfType(ContextFormatException.class, () -> CsvContextLoader.load(dir));
        assertThat(loaded).as("loaded from " + file).isNotNull();
        assertThat(loaded.getMessage()).startsWith(file + ":").contains(words);
        // one rule, one wording: what follows "component: " is what follows "file:line:column: "
        String builtWords = built.getMessage().substring(component.length() + 2);
        assertThat(loaded.getMessage()).endsWith(": " + builtWords);
    }

    @Test
    void contradictoryDatesAreRefusedBothWays() throws Exception {
        assertThatThrownBy(() -> new Appointment(MPAN, Role.MDR, "MDRX", DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("effectiveTo 2025-12-31 is before effectiveFrom 2026-01-01");
        assertThatThrownBy(() -> new Schedule("S1", U, D, "4.8.1", "Daily", DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endDate 2025-12-31 is before startDate 2026-01-01");
        Files.writeString(dir.resolve("registration.csv"), reg(MPAN, "MDR", "2026-01-01", "2025-12-31"));
        assertThatThrownBy(() -> CsvContextLoader.load(dir)).isInstanceOf(ContextFormatException.class)
                .hasMessage("registration.csv:2:5: effective_to 2025-12-31 is before effective_from 2026-01-01");
    }

    @Test
    void goodValuesAreNormalisedAsTheLoaderDoes() {
        assertThat(new User("7a-00-00-00-00-00-01-01", Role.MDR, "MDRX").userId()).isEqualTo(U);
        Device d = new Device(D.toLowerCase(), "ESME", "Commissioned", 1, MPAN, " ");
        assertThat(d.deviceId()).isEqualTo(D);
        assertThat(d.exportMpan()).isNull();
        assertThat(new Schedule("S1", U.toLowerCase(), D.toLowerCase(), "4.8.1", null, DAY, null).userId()).isEqualTo(U);
        assertThatCode(() -> new Appointment(MPAN, Role.IS, "SUPA", Checks.EARLIEST_DATE, Checks.LATEST_DATE))
                .doesNotThrowAnyException();
        assertThatCode(() -> new Execution("S1", Checks.EARLIEST_DATE, Execution.Result.PARTIAL)).doesNotThrowAnyException();
    }

    @Test
    void theDateBoundsAreInclusive() {
        assertThatCode(() -> Checks.date("d", "1990-01-01", false)).doesNotThrowAnyException();
        assertThatCode(() -> Checks.date("d", "2199-12-31", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Checks.date("d", "1989-12-31", false)).hasMessage("d: date 1989-12-31 is outside 1990-01-01 to 2199-12-31");
        assertThatThrownBy(() -> Checks.date("d", "2200-01-01", false)).hasMessage("d: date 2200-01-01 is outside 1990-01-01 to 2199-12-31");
        assertThatThrownBy(() -> Checks.date("d", "+12026-01-01", false)).hasMessage("d: not a date YYYY-MM-DD: '+12026-01-01'");
        assertThatThrownBy(() -> Checks.date("d", "2026-1-01", false)).hasMessage("d: not a date YYYY-MM-DD: '2026-1-01'");
    }

    @Test
    void theMpanCheckDigitOnBothSidesOfItsBoundary() {
        // domain brief section 8 examples; a changed last digit fails
        assertThat(Checks.isValidMpan("2499999999991")).isTrue();
        assertThat(Checks.isValidMpan("1312345678907")).isTrue();
        assertThat(Checks.isValidMpan("2499999999990")).isFalse();
        assertThat(Checks.isValidMpan("1312345678908")).isFalse();
        assertThat(Checks.isValidMpan("131234567890")).isFalse();
        assertThat(Checks.isValidMpan("13123456789070")).isFalse();
    }
}
