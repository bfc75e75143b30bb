package io.duisvalidator.internal.xml;

import io.duisvalidator.ReaderOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.duisvalidator.internal.facts.DuisRequest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fidelity against the DCC's Reference Test Data Set templates and the official schema, read from the shared
 * folder (never copied into the project). Skipped, saying so, when that folder is absent.
 */
class RtdsTemplatesTest {

    private static final Map<String, String> BODY_BY_SRV = Map.ofEntries(
            Map.entry("4.1.1", "ReadInstantaneousImportRegisters"),
            Map.entry("4.2", "ReadInstantaneousExportRegisters"),
            Map.entry("4.6.1", "RetrieveImportDailyReadLog"),
            Map.entry("4.6.2", "RetrieveExportDailyReadLog"),
            Map.entry("4.8.1", "ReadActiveImportProfileData"),
            Map.entry("4.8.2", "ReadReactiveImportProfileData"),
            Map.entry("4.8.3", "ReadExportProfileData"),
            Map.entry("4.17", "RetrieveDailyConsumptionLog"),
            Map.entry("5.1", "CreateSchedule"),
            Map.entry("5.2", "ReadSchedule"),
            Map.entry("5.3", "DeleteSchedule"),
            Map.entry("8.2", "ReadInventory"),
            Map.entry("6.15.2", "UpdateSecurityCredentialsDevice"),
            Map.entry("6.18.2", "ResetMaximumDemandRegisters"));

    /** The SRV as the template's file name gives it, e.g. ECS22b_4.8.1_... or 5.1._DCC_... */
    private static final Pattern SRV_IN_NAME = Pattern.compile("(?:^|_)(\\d+(?:\\.\\d+)+)\\.?_");

    private static final DuisReader READER = new DuisReader();

    /** Stands for the templates when the shared folder is absent, so that each parameterized test is reported skipped. */
    private static final Path ABSENT = Path.of("(shared DUIS rtds-templates folder absent)");

    static List<Path> templates() throws IOException {
        String shared = System.getProperty("duis.shared.dir");
        if (shared == null || !Files.isDirectory(Path.of(shared, "rtds-templates"))) return List.of(ABSENT);
        Path dir = TestMessages.sharedDuis("rtds-templates");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toUpperCase().endsWith(".XML")).sorted().toList();
        }
    }

    private static String srvOf(Path template) {
        Matcher m = SRV_IN_NAME.matcher(template.getFileName().toString());
        assertThat(m.find()).as("SRV in file name " + template.getFileName()).isTrue();
        return m.group(1);
    }

    @Test
    void thereAre25Templates() throws IOException {
        TestMessages.sharedDuis("rtds-templates");
        assertThat(templates()).hasSize(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void eachTemplateReadsToItsSrvAndBody(Path template) throws IOException {
        TestMessages.sharedDuis("rtds-templates"); // skipped, with its message, without the folder
        ReadResult result = READER.read(Files.readAllBytes(template));
        assertThat(result.isOk()).as(template.getFileName() + " -> " + result).isTrue();
        DuisRequest r = result.request();
        String srv = srvOf(template);
        assertThat(r.serviceReferenceVariant()).isEqualTo(srv);
        assertThat(r.bodyElement()).isEqualTo(BODY_BY_SRV.get(srv));
        assertThat(r.serviceReferenceVariant()).startsWith(r.serviceReference());
        assertThat(r.originatorId()).matches("[0-9A-F]{2}(-[0-9A-F]{2}){7}");
        assertThat(r.targetId()).matches("[0-9A-F]{2}(-[0-9A-F]{2}){7}");
        assertThat(r.schemaVersion()).isEqualByComparingTo("5.4");
        assertThat(r.signed()).isTrue();
        if (srv.equals("5.1")) {
            assertThat(r.schedule()).isNotNull();
            assertThat(r.schedule().scheduledSrv()).isEqualTo("4.6.1");
            assertThat(r.schedule().dspBodyElement()).isEqualTo("DSPRetrieveImportDailyReadLog");
            assertThat(r.schedule().startDateOffset()).isEqualTo(-1);
            assertThat(r.schedule().endDateOffset()).isZero();
        }
        if (srv.startsWith("4.6") || srv.equals("4.17") || srv.equals("4.8.1") || srv.equals("4.8.3")) {
            assertThat(r.readLogStart()).isBefore(r.readLogEnd());
        }
    }

    /** The project schema on its own, with a plain JAXP validator: the schema's fidelity, apart from the reader. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void eachTemplateIsValidAgainstTheProjectSchema(Path template) throws Exception {
        TestMessages.sharedDuis("rtds-templates"); // skipped, with its message, without the folder
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Path xsd = Path.of(System.getProperty("user.dir"), "xsd", "duis-mp162.xsd");
        URL url = Files.isRegularFile(xsd) ? xsd.toUri().toURL() : getClass().getResource("/xsd/duis-mp162.xsd");
        Validator validator = factory.newSchema(url).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setErrorHandler(Schemas.THROWING);
        validator.validate(new StreamSource(template.toFile()));
    }

    // ---- --schema with the official DUIS schema ----

    private static Path officialSchema() {
        Path xsd = TestMessages.sharedDuis("official-schema").resolve("DUIS Schema V5.4.xsd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(xsd), "skipped: official schema absent: " + xsd);
        return xsd;
    }

    private static DuisReader officialReader;

    /** A reader with the official schema as extra schema, built once; skips the test when the schema is absent. */
    private static synchronized DuisReader official() {
        Path xsd = officialSchema();
        if (officialReader == null) {
            officialReader = new DuisReader(ReaderOptions.defaults().withExtraSchema(xsd));
        }
        return officialReader;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void eachTemplatePassesWithTheOfficialSchemaAsExtra(Path template) throws IOException {
        ReadResult result = official().read(Files.readAllBytes(template));
        assertThat(result.isOk()).as(template.getFileName() + " -> " + result).isTrue();
    }

    @Test
    void ownValidMessagesAreValidAgainstTheOfficialSchema() {
        for (String name : List.of("valid/mdr-4.8.1-on-demand.xml", "valid/4.1.1-future-dated-unsigned.xml",
                "valid/5.1-schedule-4.8.3.xml", "valid/5.1-schedule-4.2.xml", "valid/5.2-read-schedule-by-device.xml",
                "valid/5.3-delete-schedule-by-id.xml", "valid/8.2-read-inventory-by-property.xml")) {
            ReadResult result = official().read(TestMessages.resource(name));
            assertThat(result.isOk()).as(name + " -> " + result).isTrue();
        }
    }

    @Test
    void officialSchemaCatchesWhatTheProjectSchemaLetsThrough() {
        // A made-up body: fine for the project schema (lax), unknown to DUIS 5.4.
        assertThat(READER.read(TestMessages.resource("valid/unknown-srv-body.xml")).isOk()).isTrue();
        ReadResult result = official().read(TestMessages.resource("valid/unknown-srv-body.xml"));
        assertThat(result).isInstanceOf(ReadResult.Rejected.class);
        ReadResult.Rejected r = (ReadResult.Rejected) result;
        assertThat(r.code()).isEqualTo("DV-SCHEMA");
        assertThat(r.reason()).isEqualTo(ReadResult.Reason.EXTRA_SCHEMA);
        assertThat(r.message()).contains("DUIS Schema V5.4.xsd").contains("UpdateImportTariffMadeUp");
        assertThat(r.request().bodyElement()).isEqualTo("UpdateImportTariffMadeUp");
    }

    @Test
    void projectSchemaFaultIsReportedBeforeTheExtraSchema() {
        ReadResult result = official().read(TestMessages.resource("schema-faults/command-variant-12.xml"));
        assertThat(((ReadResult.Rejected) result).reason()).isEqualTo(ReadResult.Reason.SCHEMA);
    }

    @Test
    void missingOrBrokenExtraSchemaIsRefusedAtConstruction() throws IOException {
        assertThatThrownBy(() -> new DuisReader(ReaderOptions.defaults().withExtraSchema(Path.of("no/such/file.xsd"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found");
        Path broken = Files.createTempFile("broken", ".xsd");
        Path remote = Files.createTempFile("remote-import", ".xsd");
        try {
            Files.writeString(broken, "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element/></xs:schema>");
            String[] stderr = new String[1];
            stderr[0] = TestMessages.stderrOf(() -> {
                assertThatThrownBy(() -> new DuisReader(ReaderOptions.defaults().withExtraSchema(broken)))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot compile schema");
                return null;
            });
            assertThat(stderr[0]).isEmpty();

            Files.writeString(remote, "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='urn:a'>"
                    + "<xs:import namespace='urn:b' schemaLocation='http://127.0.0.1:9/b.xsd'/>"
                    + "<xs:element name='a' xmlns:b='urn:b' type='b:T'/></xs:schema>");
            assertThatThrownBy(() -> new DuisReader(ReaderOptions.defaults().withExtraSchema(remote)))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            Files.deleteIfExists(broken);
            Files.deleteIfExists(remote);
        }
    }
}
