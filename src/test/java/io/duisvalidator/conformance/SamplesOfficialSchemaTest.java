package io.duisvalidator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import io.duisvalidator.ReaderOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every samples/ message that is not deliberately broken (expected DV-XML or DV-SCHEMA) is valid against the
 * official DUIS V5.4 schema, when ../shared/duis/ is present (reference material, never copied into the project).
 */
class SamplesOfficialSchemaTest {
    @Test
    void samplesValidateAgainstTheOfficialV54Schema() throws Exception {
        Path official = Path.of(System.getProperty("duis.shared.dir", "../shared/duis"), "official-schema", "DUIS Schema V5.4.xsd");
        Assumptions.assumeTrue(Files.isRegularFile(official),
                "skipped: the official DUIS schema is not at " + official + " (../shared/duis is reference material outside the project)");
        DuisReader reader = new DuisReader(ReaderOptions.defaults().withExtraSchema(official));
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Scenario sc : Scenario.find(List.of(Path.of("samples")))) {
            for (String line : Files.readAllLines(sc.expected())) {
                if (line.isBlank()) continue;
                JsonNode e = json.readTree(line);
                String code = e.get("responseCode").asText();
                if (code.equals("DV-XML") || code.equals("DV-SCHEMA")) continue;
                Path msg = sc.messages().resolve(e.get("file").asText());
                ReadResult r = reader.read(Files.readAllBytes(msg));
                checked++;
                if (!r.isOk()) failures.add(msg + ": " + r.message());
            }
        }
        assertThat(checked).isGreaterThan(400);
        assertThat(failures).isEmpty();
    }
}
