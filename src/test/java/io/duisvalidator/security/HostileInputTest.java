package io.duisvalidator.security;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;
import io.duisvalidator.support.DecisionInvariants;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile inputs through the public entry point {@link Validator#validate(byte[], ValidationSettings)}: each is
 * answered DV-XML (or DV-SCHEMA where the XML is sound) within a time and an allocation bound, prints nothing, reads
 * no file and opens no connection. Proof of the last two: every external reference points at a canary file with
 * unique content, at a path that does not exist, or at a listener on 127.0.0.1 that records any accept; the
 * canary's content and any "file not found" never appear in a decision, and the listener never accepts.
 * The reader-level cases of the xml package (fixtures under src/test/resources/xml) are not repeated here.
 */
class HostileInputTest {
    static final Duration TIME_BOUND = Duration.ofSeconds(10);
    /** Bytes the validating thread may allocate for one message (a billion-laughs expansion would be gigabytes). */
    static final long ALLOCATION_BOUND = 256L << 20;

    static final String SR = "http://www.dccinterface.co.uk/ServiceUserGateway";
    static final String SECRET = "canary-" + UUID.randomUUID();

    static Path dir;
    static Path canary;
    static String canaryUri;
    static String missingUri;
    static ServerSocket listener;
    static String httpUri;
    static final List<String> accepted = new CopyOnWriteArrayList<>();

    static CoreValidator validator;
    static ValidationSettings settings;
    /** A sound message the samples context accepts (MDR 4.8.1 on demand). */
    static String sound;

    @BeforeAll
    static void setUp() throws Exception {
        dir = Files.createTempDirectory("duis-hostile");
        canary = dir.resolve("canary.txt");
        Files.writeString(canary, SECRET);
        canaryUri = canary.toUri().toString();
        missingUri = dir.resolve("missing-" + UUID.randomUUID() + ".dtd").toUri().toString();
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        httpUri = "http://127.0.0.1:" + listener.getLocalPort() + "/";
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    accepted.add(s.getRemoteSocketAddress().toString());
                } catch (IOException e) {
                    return;
                }
            }
        }, "hostile-listener");
        t.setDaemon(true);
        t.start();

        Scenario sc = new Scenario(Path.of("samples/trt-values"));
        validator = CoreValidator.create(Fixtures.RULES, CsvContextLoader.load(sc.context()));
        settings = sc.settings(ValidationSettings.defaults());
        sound = Files.readString(sc.messages().resolve("mdr-4.8.1-smets2-on-demand.xml"));
        assertThat(validator.validate(sound.getBytes(StandardCharsets.UTF_8), settings).outcome())
                .as("the base message is sound").isEqualTo(Outcome.ACCEPTED);
    }

    @AfterAll
    static void tearDown() throws IOException {
        listener.close();
        Files.deleteIfExists(canary);
        Files.deleteIfExists(dir);
    }

    // ---- message builders ----

    static String afterDeclaration(String s, String insert) {
        int end = s.indexOf("?>") + 2;
        return s.substring(0, end) + "\n" + insert + s.substring(end);
    }

    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    static byte[] withDoctype(String doctype) { return utf8(afterDeclaration(sound, doctype)); }

    /** The sound message with {@code value} as its RequestID text. */
    static byte[] withRequestId(String value) {
        return utf8(sound.replaceFirst("<sr:RequestID>[^<]*</sr:RequestID>", "<sr:RequestID>" + value + "</sr:RequestID>"));
    }

    static byte[] withRootAttributes(String attrs) {
        return utf8(sound.replace("schemaVersion=\"5.4\"", "schemaVersion=\"5.4\" " + attrs));
    }

    static byte[] nested(int depth) {
        return utf8(sound.replace("<sr:Body>", "<sr:Body>" + "<sr:x>".repeat(depth) + "</sr:x>".repeat(depth)));
    }

    static byte[] quadraticBlowup() {
        String big = "x".repeat(20_000);
        String refs = "&a;".repeat(60_000);
        return utf8(afterDeclaration(sound, "<!DOCTYPE sr:Request [<!ENTITY a \"" + big + "\">]>")
                .replaceFirst("<sr:RequestID>[^<]*</sr:RequestID>", "<sr:RequestID>" + refs + "</sr:RequestID>"));
    }

    static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE sr:Request [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return utf8(afterDeclaration(sound, dtd.toString()).replaceFirst("<sr:RequestID>[^<]*</sr:RequestID>",
                "<sr:RequestID>&l12;</sr:RequestID>"));
    }

    static byte[] hundredMegabytes() {
        byte[] head = utf8(sound.substring(0, sound.indexOf("<sr:Body>")) + "<sr:Body><!-- ");
        byte[] m = Arrays.copyOf(head, 100 << 20);
        Arrays.fill(m, head.length, m.length, (byte) 'x');
        return m;
    }

    static byte[] invalidUtf8() {
        byte[] m = withRequestId("caf\u00e9");
        return new String(m, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf16WithBom() {
        return sound.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16);
    }

    static byte[] binary() {
        byte[] b = new byte[64 * 1024];
        new Random(8).nextBytes(b);
        return b;
    }

    /** Another vocabulary altogether: a well-formed, valid-looking XHTML page. */
    static byte[] otherNamespace() {
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>Request</title></head><body><p>4.8.1</p></body></html>");
    }

    /** The sound message re-rooted in another namespace: same element names, not DUIS. */
    static byte[] soundInOtherNamespace() {
        return utf8(sound.replace(SR, "urn:example:not-duis"));
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                hostile("external general entity, file", "DV-XML", () -> withDoctype(
                        "<!DOCTYPE sr:Request [<!ENTITY x SYSTEM \"" + canaryUri + "\">]>")),
                hostile("external general entity, missing file", "DV-XML", () -> withDoctype(
                        "<!DOCTYPE sr:Request [<!ENTITY x SYSTEM \"" + missingUri + "\">]>")),
                hostile("external general entity, network, referenced", "DV-XML", () -> utf8(afterDeclaration(
                        sound, "<!DOCTYPE sr:Request [<!ENTITY x SYSTEM \"" + httpUri + "entity\">]>")
                        .replace("<sr:CommandVariant>", "<sr:CommandVariant>&x;"))),
                hostile("parameter entity, network", "DV-XML", () -> withDoctype(
                        "<!DOCTYPE sr:Request [<!ENTITY % p SYSTEM \"" + httpUri + "param.dtd\"> %p;]>")),
                hostile("parameter entity, file", "DV-XML", () -> withDoctype(
                        "<!DOCTYPE sr:Request [<!ENTITY % p SYSTEM \"" + canaryUri + "\"> %p;]>")),
                hostile("external DTD, network", "DV-XML", () -> withDoctype(
                        "<!DOCTYPE sr:Request SYSTEM \"" + httpUri + "duis.dtd\">")),
                hostile("external DTD, public id, missing file", "DV-XML", () -> withDoctype(
                        "<!DOCTYPE sr:Request PUBLIC \"-//DCC//DUIS//EN\" \"" + missingUri + "\">")),
                hostile("billion laughs", "DV-XML", HostileInputTest::billionLaughs),
                hostile("quadratic blow-up", "DV-XML", HostileInputTest::quadraticBlowup),
                hostile("bare DOCTYPE", "DV-XML", () -> withDoctype("<!DOCTYPE sr:Request>")),
                hostile("empty internal subset", "DV-XML", () -> withDoctype("<!DOCTYPE sr:Request []>")),
                hostile("xsi:schemaLocation to network and file, in the header", "DV-SCHEMA", () -> utf8(sound.replace(
                        "<sr:Header>", "<sr:Header xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                                + SR + " " + httpUri + "evil.xsd\" xsi:noNamespaceSchemaLocation=\"" + canaryUri + "\">")
                        .replace("<sr:CommandVariant>1<", "<sr:CommandVariant>99<"))),
                hostile("XInclude of a file in the header", "DV-SCHEMA", () -> utf8(sound.replace("<sr:CommandVariant>",
                        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + canaryUri
                                + "\" parse=\"text\"/><sr:CommandVariant>"))),
                hostile("XInclude over the network in the body", "DV-SCHEMA", () -> utf8(sound.replace("<sr:ReadLogPeriod>",
                        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + httpUri
                                + "x.xml\"/><sr:ReadLogPeriod>"))),
                hostile("10,000-deep nesting", "DV-XML", () -> nested(10_000)),
                hostile("100 MB message", "DV-XML", HostileInputTest::hundredMegabytes),
                hostile("900 KB attribute", "DV-SCHEMA", () -> withRootAttributes("junk=\"" + "a".repeat(900_000) + "\"")),
                hostile("900 KB text node", "DV-SCHEMA", () -> withRequestId("A".repeat(900_000))),
                hostile("10,000 attributes", "DV-XML", () -> {
                    StringBuilder a = new StringBuilder();
                    for (int i = 0; i < 10_000; i++) a.append("a").append(i).append("=\"\" ");
                    return withRootAttributes(a.toString());
                }),
                hostile("100 KB element name", "DV-XML", () -> utf8(sound.replace("<sr:Body>",
                        "<sr:Body><sr:" + "n".repeat(100_000) + "/>"))),
                hostile("invalid UTF-8", "DV-XML", HostileInputTest::invalidUtf8),
                hostile("overlong UTF-8 for '<'", "DV-XML", () -> {
                    byte[] m = utf8(sound);
                    int i = sound.indexOf("<sr:Header>");
                    byte[] out = new byte[m.length + 1];
                    System.arraycopy(m, 0, out, 0, i);
                    out[i] = (byte) 0xC0;
                    out[i + 1] = (byte) 0xBC;
                    System.arraycopy(m, i + 1, out, i + 2, m.length - i - 1);
                    return out;
                }),
                hostile("UTF-16 with BOM", "DV-XML", HostileInputTest::utf16WithBom),
                hostile("UTF-16LE with BOM", "DV-XML", () -> {
                    byte[] body = sound.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"").getBytes(StandardCharsets.UTF_16LE);
                    byte[] m = new byte[body.length + 2];
                    m[0] = (byte) 0xFF;
                    m[1] = (byte) 0xFE;
                    System.arraycopy(body, 0, m, 2, body.length);
                    return m;
                }),
                hostile("UTF-16 without BOM", "DV-XML", () -> sound.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                        .getBytes(StandardCharsets.UTF_16BE)),
                hostile("declared ISO-8859-1", "DV-XML", () -> sound.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                        .getBytes(StandardCharsets.ISO_8859_1)),
                hostile("empty file", "DV-XML", () -> new byte[0]),
                hostile("only a BOM", "DV-XML", () -> new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                hostile("binary file", "DV-XML", HostileInputTest::binary),
                hostile("NUL bytes", "DV-XML", () -> new byte[1024]),
                hostile("truncated file", "DV-XML", () -> Arrays.copyOf(utf8(sound), sound.length() / 2)),
                hostile("truncated inside a multi-byte character", "DV-XML", () -> {
                    byte[] m = withRequestId("\u20ac");
                    int i = new String(m, StandardCharsets.UTF_8).indexOf('\u20ac');
                    return Arrays.copyOf(m, utf8(new String(m, StandardCharsets.UTF_8).substring(0, i)).length + 1);
                }),
                hostile("valid XHTML", "DV-XML", HostileInputTest::otherNamespace),
                hostile("the sound message in another namespace", "DV-XML", HostileInputTest::soundInOtherNamespace),
                hostile("processing instruction and comment floods", "DV-SCHEMA", () -> withRequestId(
                        "<?pi x?><!-- c -->".repeat(20_000) + "bad")));
    }

    static Arguments hostile(String name, String code, Supplier<byte[]> message) {
        return Arguments.of(name, code, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void answeredSafely(String name, String code, Supplier<byte[]> input) {
        byte[] message = input.get();
        Decision d = validateGuarded(message);

        DecisionInvariants.check(d);
        assertThat(d.outcome()).as(name + ": " + d.findings()).isEqualTo(Outcome.REJECTED);
        assertThat(d.responseCode()).as(name + ": " + d.findings()).isEqualTo(code);
        String text = d.toString();
        assertThat(text).as("no canary content").doesNotContain(SECRET);
        assertThat(text).as("no attempt to open a file").doesNotContainIgnoringCase("FileNotFound")
                .doesNotContainIgnoringCase("no such file");
        assertThat(text).as("the decision stays small").hasSizeLessThan(16_000);
        assertThat(accepted).as("no connection to the loopback listener").isEmpty();
    }

    /** A hint to fetch a schema is ignored: a message that is otherwise sound is judged as if it were not there. */
    @Test
    void schemaLocationHintsAreNeverFetchedAndChangeNothing() {
        byte[] hinted = withRootAttributes("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                + SR + " " + httpUri + "evil.xsd\"");
        Decision d = validateGuarded(hinted);
        Decision plain = validator.validate(utf8(sound), settings);
        assertThat(d.outcome()).as(d.findings().toString()).isEqualTo(plain.outcome());
        assertThat(d.responseCode()).isEqualTo(plain.responseCode());
        assertThat(accepted).isEmpty();
    }

    /** XInclude inside the lax body of an SRV outside the MP162 set is just an element: never processed. */
    @Test
    void xincludeInALaxBodyIsNotProcessed() {
        String other = sound.replace("<sr:ServiceReference>4.8<", "<sr:ServiceReference>11.1<")
                .replace("<sr:ServiceReferenceVariant>4.8.1<", "<sr:ServiceReferenceVariant>11.1.1<")
                .replaceAll("(?s)<sr:ReadActiveImportProfileData>.*</sr:ReadActiveImportProfileData>",
                        "<sr:Invented><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + canaryUri
                                + "\" parse=\"text\"/><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                                + httpUri + "x\"/></sr:Invented>");
        Decision d = validateGuarded(utf8(other));
        DecisionInvariants.check(d);
        assertThat(d.toString()).doesNotContain(SECRET);
        assertThat(Set.of("DV-SCHEMA", "E2", "DV-SCOPE", "I99")).contains(d.responseCode());
        assertThat(accepted).isEmpty();
    }

    /**
     * Control: the corpus does reach the canary and the listener when a parser is not hardened (the JDK's default
     * DOM parser), so their silence above means something.
     */
    @Test
    void corpusWouldLeakThroughADefaultParser() throws Exception {
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        var doc = builder.parse(new java.io.ByteArrayInputStream(utf8(afterDeclaration(sound,
                "<!DOCTYPE sr:Request [<!ENTITY x SYSTEM \"" + canaryUri + "\">]>")
                .replace("<sr:CommandVariant>", "<sr:CommandVariant>&x;"))));
        assertThat(doc.getDocumentElement().getTextContent()).contains(SECRET);
        try {
            builder.parse(new java.io.ByteArrayInputStream(utf8(afterDeclaration(sound,
                    "<!DOCTYPE sr:Request SYSTEM \"" + httpUri + "duis.dtd\">"))));
        } catch (IOException | org.xml.sax.SAXException expected) {
            // the listener closes the connection without answering
        }
        for (int i = 0; i < 50 && accepted.isEmpty(); i++) Thread.sleep(20);
        assertThat(accepted).as("the listener records a connection").isNotEmpty();
        accepted.clear();
    }

    @Test
    void bomThenUtf8IsRead() {
        byte[] m = utf8("\uFEFF" + sound);
        assertThat(validateGuarded(m).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void validatorStillSoundAfterTheCorpus() {
        corpus().forEach(a -> {
            @SuppressWarnings("unchecked")
            Supplier<byte[]> s = (Supplier<byte[]>) a.get()[2];
            validator.validate(s.get(), settings);
        });
        assertThat(validator.validate(utf8(sound), settings).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    /** Validates within the time bound, on a fresh thread, with stdout and stderr captured and allocation counted. */
    static Decision validateGuarded(byte[] message) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        long[] allocated = new long[1];
        Decision d;
        System.setOut(capture);
        System.setErr(capture);
        try {
            d = assertTimeoutPreemptively(TIME_BOUND, () -> {
                com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long before = mx.getCurrentThreadAllocatedBytes();
                Decision r = validator.validate(message, settings);
                allocated[0] = mx.getCurrentThreadAllocatedBytes() - before;
                return r;
            });
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).as("nothing printed on System.out or System.err").isEmpty();
        assertThat(allocated[0]).as("bytes allocated while validating").isLessThan(ALLOCATION_BOUND);
        return d;
    }
}
