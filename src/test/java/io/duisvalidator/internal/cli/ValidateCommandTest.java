package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.internal.xml.TestSchemas;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.SAXException;

import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command in-process (Main.run), as a user scripts it: exit statuses, every format, --responses. */
class ValidateCommandTest {
    static final Path SCENARIO = Path.of("samples/access-change-of-supplier");
    static final Path MESSAGES = SCENARIO.resolve("messages");
    static final Path ACCEPTED = MESSAGES.resolve("is-a-meter1-2027-01-31.xml");

    static List<String> args(Path out, String format, String... more) {
        List<String> a = new ArrayList<>(List.of("validate", "--quiet", "--context", SCENARIO.resolve("context").toString(),
                "--at", "2027-01-25T10:00:00Z", "--h313a", "warn", "--threads", "2", "--format", format,
                "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    static int run(List<String> a) {
        return Main.run(a.toArray(String[]::new));
    }

    @Test
    void exit_0_when_every_message_is_accepted(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.txt");
        assertThat(run(args(out, "text", ACCEPTED.toString()))).isEqualTo(0);
        assertThat(Files.readString(out)).contains("1 files: 1 accepted, 0 rejected, 0 errored");
    }

    @Test
    void exit_1_when_one_is_rejected(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.txt");
        assertThat(run(args(out, "text", MESSAGES.toString()))).isEqualTo(1);
        assertThat(Files.readString(out)).contains("15 files: 10 accepted, 5 rejected, 0 errored",
                "response codes: E4=5 I99=10", "rule set: ", "loaded in ", "(prebuilt rule model)", "messages/s");
    }

    @Test
    void exit_2_on_a_usage_error(@TempDir Path dir) {
        assertThat(run(args(dir.resolve("r"), "pdf", ACCEPTED.toString()))).isEqualTo(2);
        assertThat(run(args(dir.resolve("r"), "text", dir.resolve("no-such").toString()))).isEqualTo(2);
    }

    @Test
    void exit_3_when_an_input_cannot_be_read_and_every_other_message_still_has_its_line(@TempDir Path dir)
            throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.copy(ACCEPTED, in.resolve("a.xml"));
        Files.createSymbolicLink(in.resolve("b-broken.xml"), dir.resolve("nowhere.xml"));
        Files.copy(MESSAGES.resolve("is-a-meter1-2027-02-01.xml"), in.resolve("c.xml"));
        Path out = dir.resolve("r.jsonl");
        assertThat(run(args(out, "jsonl", in.toString()))).isEqualTo(3);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(lines.get(0)).get("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(m.readTree(lines.get(1)).get("outcome").asText()).isEqualTo("ERROR");
        assertThat(m.readTree(lines.get(1)).get("responseCode").asText()).isEqualTo("DV-INPUT");
        assertThat(m.readTree(lines.get(2)).get("outcome").asText()).isEqualTo("REJECTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "text", "junit", "sarif", "html"})
    void every_format_writes_its_file_and_keeps_the_exit_status(String format, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("report." + format);
        assertThat(run(args(out, format, MESSAGES.toString()))).isEqualTo(1);
        String s = Files.readString(out, StandardCharsets.UTF_8);
        switch (format) {
            case "jsonl" -> assertThat(s.split("\n")).hasSize(15);
            case "text" -> assertThat(s).contains("15 files");
            case "junit" -> {
                org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(out.toFile());
                assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(15);
                assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(5);
                assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("15");
            }
            case "sarif" -> {
                JsonNode run = new ObjectMapper().readTree(s).get("runs").get(0);
                // one result per finding: the 5 rejections' errors, plus the schedule-first warnings of this corpus
                java.util.List<JsonNode> errors = new java.util.ArrayList<>();
                run.get("results").forEach(r -> { if (r.get("level").asText().equals("error")) errors.add(r); });
                assertThat(errors).hasSize(5);
                assertThat(run.get("results").size()).isGreaterThan(5);
                assertThat(run.at("/tool/driver/rules").size()).isGreaterThan(50);
            }
            case "html" -> assertThat(s).contains("<svg ", "<table class=\"rej\"").endsWith("</html>\n");
            default -> throw new AssertionError(format);
        }
    }

    @Test
    void responses_validate_against_the_project_schema_and_the_official_one(@TempDir Path dir) throws Exception {
        Path responses = dir.resolve("responses");
        assertThat(run(args(dir.resolve("r.txt"), "text", "--responses", responses.toString(), MESSAGES.toString())))
                .isEqualTo(1);
        List<Path> written;
        try (Stream<Path> s = Files.walk(responses)) {
            written = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(written).hasSize(15);
        Path one = responses.resolve(MESSAGES.resolve("is-a-meter1-2027-02-01.xml").toString());
        assertThat(Files.readString(one)).contains("<sr:ResponseCode>E4</sr:ResponseCode>",
                "<sr:ResponseDateTime>2027-01-25T10:00:00Z</sr:ResponseDateTime>",
                "<sr:ServiceReference>4.8</sr:ServiceReference>",
                "<sr:ServiceReferenceVariant>4.8.1</sr:ServiceReferenceVariant>",
                "<sr:RequestID>7A-00-00-00-00-00-01-01:00-1A-00-00-00-00-02-01:1005</sr:RequestID>");
        validateAll(TestSchemas.compile(Path.of("xsd/duis-response.xsd")), written);

        String shared = System.getProperty("duis.shared.dir");
        Path official = shared == null ? null : Path.of(shared, "official-schema", "DUIS Schema V5.4.xsd");
        Assumptions.assumeTrue(official != null && Files.isRegularFile(official),
                "official DUIS V5.4 schema not found under duis.shared.dir (" + shared + "): skipping that check");
        validateAll(TestSchemas.compile(official), written);
    }

    @Test
    void a_response_to_an_unreadable_message_carries_the_project_code_and_validates_against_the_project_schema(
            @TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.writeString(in.resolve("broken.xml"), "<not xml");
        Path responses = dir.resolve("responses");
        assertThat(run(args(dir.resolve("r.txt"), "text", "--responses", responses.toString(), in.toString())))
                .isEqualTo(1);
        Path resp;
        try (Stream<Path> s = Files.walk(responses)) {
            resp = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertThat(Files.readString(resp)).contains("<sr:ResponseCode>DV-XML</sr:ResponseCode>").doesNotContain("RequestID");
        validateAll(TestSchemas.compile(Path.of("xsd/duis-response.xsd")), List.of(resp));
    }

    private static void validateAll(Schema schema, List<Path> files) throws IOException {
        var v = schema.newValidator();
        for (Path p : files) {
            try {
                v.validate(new StreamSource(p.toFile()));
            } catch (SAXException e) {
                throw new AssertionError(p + ": " + e.getMessage(), e);
            }
        }
    }
}
