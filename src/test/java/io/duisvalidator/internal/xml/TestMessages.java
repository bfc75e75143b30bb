package io.duisvalidator.internal.xml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/** The project's own test messages (src/test/resources/xml) and generated hostile inputs. */
public final class TestMessages {

    private TestMessages() {
    }

    static byte[] resource(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/xml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /xml/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(resource(name), StandardCharsets.UTF_8);
    }

    /** A small valid message (4.2 on demand) with {@code inner} placed inside an unknown body element. */
    static byte[] withUnknownBody(String inner) {
        return ("<?xml version=\"1.0\"?>\n"
                + "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\" schemaVersion=\"5.4\">"
                + "<sr:Header><sr:RequestID>AB-CD-EF-01-02-03-04-05:0A-0B-0C-0D-0E-0F-10-11:3</sr:RequestID>"
                + "<sr:CommandVariant>1</sr:CommandVariant><sr:ServiceReference>11.1</sr:ServiceReference>"
                + "<sr:ServiceReferenceVariant>11.1.9</sr:ServiceReferenceVariant></sr:Header>"
                + "<sr:Body><sr:Invented>" + inner + "</sr:Invented></sr:Body></sr:Request>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Well-formed, valid apart from being {@code depth} elements deep inside an unknown body. */
    static byte[] nested(int depth) {
        return withUnknownBody("<sr:x>".repeat(depth) + "</sr:x>".repeat(depth));
    }

    static byte[] large(int bytes) {
        String pad = "<!-- " + "x".repeat(Math.max(0, bytes)) + " -->";
        return withUnknownBody(pad);
    }

    static byte[] junk() {
        byte[] b = new byte[4096];
        new Random(162).nextBytes(b);
        return b;
    }

    static byte[] truncated() {
        byte[] whole = resource("valid/mdr-4.8.1-on-demand.xml");
        return java.util.Arrays.copyOf(whole, whole.length / 2);
    }

    /** Declares UTF-8 but carries a Latin-1 byte (0xE9) in a text node. */
    static byte[] badUtf8() {
        byte[] ok = withUnknownBody("caf\u00e9");
        String s = new String(ok, StandardCharsets.UTF_8);
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Folder of the shared DUIS reference material, or a skipped test when it is not there. */
    static Path sharedDuis(String sub) {
        String dir = System.getProperty("duis.shared.dir");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir, sub)),
                "skipped: shared DUIS reference material not found (system property duis.shared.dir = " + dir
                        + ", expected folder " + sub + "); set by surefire to ../shared/duis");
        return Path.of(dir, sub);
    }

    /** Runs {@code action} with System.err captured; returns what was printed there. */
    public static <T> String stderrOf(Supplier<T> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.get();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
