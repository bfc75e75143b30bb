package io.duisvalidator.internal.xml;

import io.duisvalidator.ReaderOptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.duisvalidator.internal.facts.DuisRequest;
import java.math.BigDecimal;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DuisReaderRejectionTest {

    private static final DuisReader READER = new DuisReader();

    static Stream<Arguments> xmlFaults() {
        return Stream.of(
                Arguments.of("not well-formed", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/not-well-formed.xml"),
                        ReadResult.Reason.NOT_WELL_FORMED),
                Arguments.of("DOCTYPE", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/doctype.xml"),
                        ReadResult.Reason.DOCTYPE),
                Arguments.of("external entity", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/external-entity.xml"),
                        ReadResult.Reason.DOCTYPE),
                Arguments.of("billion laughs", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/billion-laughs.xml"),
                        ReadResult.Reason.DOCTYPE),
                Arguments.of("over size limit", (Supplier<byte[]>) () -> TestMessages.large(1 << 20),
                        ReadResult.Reason.TOO_LARGE),
                Arguments.of("too deep", (Supplier<byte[]>) () -> TestMessages.nested(5000),
                        ReadResult.Reason.TOO_DEEP),
                Arguments.of("wrong root", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/wrong-root.xml"),
                        ReadResult.Reason.WRONG_ROOT),
                Arguments.of("a body as root", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/body-as-root.xml"),
                        ReadResult.Reason.WRONG_ROOT),
                Arguments.of("wrong namespace", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/wrong-namespace.xml"),
                        ReadResult.Reason.WRONG_NAMESPACE),
                Arguments.of("no namespace", (Supplier<byte[]>) () -> TestMessages.resource("xml-faults/no-namespace.xml"),
                        ReadResult.Reason.WRONG_NAMESPACE),
                Arguments.of("empty file", (Supplier<byte[]>) () -> new byte[0], ReadResult.Reason.EMPTY),
                Arguments.of("null", (Supplier<byte[]>) () -> null, ReadResult.Reason.EMPTY),
                Arguments.of("only whitespace", (Supplier<byte[]>) () -> "  \n ".getBytes(), ReadResult.Reason.NOT_WELL_FORMED),
                Arguments.of("binary junk", (Supplier<byte[]>) TestMessages::junk, null),
                Arguments.of("truncated", (Supplier<byte[]>) TestMessages::truncated, ReadResult.Reason.NOT_WELL_FORMED),
                Arguments.of("bad UTF-8", (Supplier<byte[]>) TestMessages::badUtf8, ReadResult.Reason.BAD_ENCODING),
                Arguments.of("unknown encoding", (Supplier<byte[]>) () ->
                        "<?xml version=\"1.0\" encoding=\"X-NO-SUCH-CHARSET\"?><a/>".getBytes(), null),
                Arguments.of("text before root", (Supplier<byte[]>) () ->
                        ("hello" + TestMessages.text("valid/5.2-read-schedule-by-device.xml")).getBytes(),
                        ReadResult.Reason.NOT_WELL_FORMED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xmlFaults")
    void xmlFaultsAreDvXmlAndSilent(String name, Supplier<byte[]> input, ReadResult.Reason expected) {
        byte[] bytes = input.get();
        ReadResult[] holder = new ReadResult[1];
        String stderr = TestMessages.stderrOf(() -> holder[0] = READER.read(bytes));
        ReadResult result = holder[0];

        assertThat(stderr).as("nothing printed on System.err").isEmpty();
        assertThat(result).as(name + " -> " + result).isInstanceOf(ReadResult.Rejected.class);
        ReadResult.Rejected rejected = (ReadResult.Rejected) result;
        assertThat(rejected.code()).isEqualTo("DV-XML");
        assertThat(rejected.rejection()).isEqualTo(ReadResult.Code.DV_XML);
        if (expected != null) {
            assertThat(rejected.reason()).isEqualTo(expected);
        }
        assertThat(rejected.request()).isNull();
        assertThat(rejected.message()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void faultPositionIsReported() {
        ReadResult.Rejected r = (ReadResult.Rejected) READER.read(TestMessages.resource("xml-faults/not-well-formed.xml"));
        assertThat(r.line()).isEqualTo(7);
        assertThat(r.column()).isPositive();
        assertThat(r.message()).startsWith("line 7, column ");
    }

    @Test
    void externalEntityIsNeverRead() {
        ReadResult r = READER.read(TestMessages.resource("xml-faults/external-entity.xml"));
        assertThat(r.message()).doesNotContain("root:");
    }

    @Test
    void sizeLimitIsConfigurable() {
        byte[] message = TestMessages.resource("valid/5.2-read-schedule-by-device.xml");
        assertThat(new DuisReader(ReaderOptions.defaults().withMaxMessageBytes(message.length)).read(message).isOk()).isTrue();
        ReadResult r = new DuisReader(ReaderOptions.defaults().withMaxMessageBytes(message.length - 1)).read(message);
        assertThat(((ReadResult.Rejected) r).reason()).isEqualTo(ReadResult.Reason.TOO_LARGE);
    }

    static Stream<Arguments> schemaFaults() {
        return Stream.of(
                Arguments.of("schema-faults/missing-command-variant.xml", "ServiceReference"),
                Arguments.of("schema-faults/command-variant-12.xml", "12"),
                Arguments.of("schema-faults/bad-date-in-known-body.xml", "yesterday"),
                Arguments.of("schema-faults/offset-out-of-range.xml", "-401"),
                Arguments.of("schema-faults/two-bodies.xml", "ReadInstantaneousImportRegisters"),
                Arguments.of("schema-faults/foreign-body.xml", "ReadEverything"),
                Arguments.of("schema-faults/missing-schema-version.xml", "schemaVersion"),
                Arguments.of("schema-faults/counter-over-64-bits.xml", "18446744073709551616"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFaults")
    void schemaFaultsAreDvSchemaAndSilent(String resource, String messageMentions) {
        ReadResult[] holder = new ReadResult[1];
        String stderr = TestMessages.stderrOf(() -> holder[0] = READER.read(TestMessages.resource(resource)));
        assertThat(stderr).isEmpty();
        ReadResult result = holder[0];
        assertThat(result).as(resource + " -> " + result).isInstanceOf(ReadResult.Rejected.class);
        ReadResult.Rejected r = (ReadResult.Rejected) result;
        assertThat(r.code()).isEqualTo("DV-SCHEMA");
        assertThat(r.reason()).isEqualTo(ReadResult.Reason.SCHEMA);
        assertThat(r.line()).isPositive();
        assertThat(r.message()).startsWith("line " + r.line() + ", column ").contains(messageMentions).doesNotContain("\n");
        assertThat(r.request()).as("partial request").isNotNull();
    }

    /** A schema fault names what was found and what was expected there (issue 19: kept when the parser changed). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "schema-faults/missing-command-variant.xml|ServiceReference|CommandVariant",
            "schema-faults/command-variant-12.xml|CommandVariant '12'|9",
            "schema-faults/missing-schema-version.xml|Request|schemaVersion",
    })
    void schemaFaultSaysWhatWasExpected(String resource, String found, String expected) {
        ReadResult.Rejected r = (ReadResult.Rejected) READER.read(TestMessages.resource(resource));
        assertThat(r.column()).isPositive();
        assertThat(r.message()).startsWith("line " + r.line() + ", column " + r.column() + ": invalid: ")
                .contains(found).contains(expected);
    }

    @Test
    void schemaFaultKeepsTheReadableHeader() {
        DuisRequest partial = READER.read(TestMessages.resource("schema-faults/missing-command-variant.xml")).request();
        assertThat(partial.requestId()).isEqualTo("ab-cd-ef-01-02-03-04-05:0a-0b-0c-0d-0e-0f-10-11:2002");
        assertThat(partial.originatorId()).isEqualTo("AB-CD-EF-01-02-03-04-05");
        assertThat(partial.targetId()).isEqualTo("0A-0B-0C-0D-0E-0F-10-11");
        assertThat(partial.originatorCounter()).isEqualTo("2002");
        assertThat(partial.schemaVersion()).isEqualByComparingTo(new BigDecimal("5.3"));
        assertThat(partial.commandVariant()).isNull();
        assertThat(partial.serviceReference()).isEqualTo("4.2");
        assertThat(partial.serviceReferenceVariant()).isEqualTo("4.2");
        assertThat(partial.bodyElement()).isEqualTo("ReadInstantaneousExportRegisters");
        assertThat(partial.executionDateTime()).isNull();
        assertThat(partial.signed()).isFalse();

        DuisRequest badCv = READER.read(TestMessages.resource("schema-faults/command-variant-12.xml")).request();
        assertThat(badCv.commandVariant()).isEqualTo(12);

        DuisRequest foreign = READER.read(TestMessages.resource("schema-faults/foreign-body.xml")).request();
        assertThat(foreign.bodyElement()).as("not a DUIS body").isNull();
    }

    @Test
    void notWellFormedOutranksSchemaFault() {
        // Schema fault early (CommandVariant 12), well-formedness fault at the end.
        String msg = TestMessages.text("schema-faults/command-variant-12.xml").replace("</sr:Request>", "</sr:Requets>");
        ReadResult r = READER.read(msg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.code()).isEqualTo("DV-XML");
    }

    @Test
    void readerRecoversAfterEachKindOfFault() {
        byte[] good = TestMessages.resource("valid/mdr-4.8.1-on-demand.xml");
        DuisRequest expected = READER.read(good).request();
        for (Arguments a : xmlFaults().toList()) {
            @SuppressWarnings("unchecked")
            byte[] bad = ((Supplier<byte[]>) a.get()[1]).get();
            READER.read(bad);
            assertThat(READER.read(good).request()).isEqualTo(expected);
        }
        for (Arguments a : schemaFaults().toList()) {
            READER.read(TestMessages.resource((String) a.get()[0]));
            assertThat(READER.read(good).request()).isEqualTo(expected);
        }
    }
}
