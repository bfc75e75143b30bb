package io.duisvalidator.spark;

import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The request travels from the read stage to the judge stage unchanged (every component, nulls included). */
class RequestCodecTest {
    @Test
    void everySampleRequestComesBackEqual() throws Exception {
        DuisReader reader = new DuisReader();
        int n = 0;
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".xml")).toList()) {
                if (reader.read(Files.readAllBytes(p)) instanceof ReadResult.Ok ok) {
                    assertThat(RequestCodec.decode(RequestCodec.encode(ok.request()))).as(p.toString()).isEqualTo(ok.request());
                    n++;
                }
            }
        }
        assertThat(n).isGreaterThan(400);
    }

    @Test
    void nullsLongTextAndASchedule() {
        String longId = "X".repeat(70_000);
        DuisRequest r = new DuisRequest(longId, null, "00-11", "7", new BigDecimal("5.30"), Boolean.FALSE, null, 8,
                "5.1", "5.1", "CreateSchedule", Instant.parse("2027-01-15T10:00:00.123456789Z"), null, null,
                new CreateScheduleBody("Daily", LocalDate.parse("2027-02-01"), null, LocalTime.of(1, 30), "4.8",
                        "4.8.1", "AA-BB", "DSPReadActiveImportProfileData", -1, null), "S1", null, true);
        DuisRequest back = RequestCodec.decode(RequestCodec.encode(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.schemaVersion().scale()).isEqualTo(2);
        DuisRequest empty = new DuisRequest(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, false);
        assertThat(RequestCodec.decode(RequestCodec.encode(empty))).isEqualTo(empty);
    }
}
