package io.duisvalidator.bench;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import io.duisvalidator.internal.xml.XercesReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The reader's verdicts before and after issue 19, side by side: every file under samples/ (.xml), the reader's test
 * messages (src/test/resources/xml) and the committed fuzzing inputs, read by the Woodstox reader and by the Xerces
 * reader it replaced, in one JVM. Prints each file whose rejection code, reason or partial request differs, and the
 * count. Run with {@code -Dbench.args="--reader-verdicts"}.
 */
final class ReaderVerdicts {
    private ReaderVerdicts() {}

    static void run() throws Exception {
        List<Path> inputs = new ArrayList<>();
        for (String root : List.of("samples", "src/test/resources/xml",
                "src/test/resources/io/duisvalidator/fuzz/ValidatorFuzzTestInputs")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(Files::isRegularFile).filter(p -> !root.equals("samples") || p.toString().endsWith(".xml"))
                        .sorted().forEach(inputs::add);
            }
        }
        DuisReader now = new DuisReader();
        XercesReader before = new XercesReader(ReaderOptions.defaults());
        int differ = 0;
        int ok = 0;
        int xml = 0;
        int schema = 0;
        for (Path p : inputs) {
            byte[] bytes = Files.readAllBytes(p);
            ReadResult a = now.read(bytes);
            ReadResult b = before.read(bytes);
            if (a.isOk()) ok++;
            else if ("DV-XML".equals(a.code())) xml++;
            else if ("DV-SCHEMA".equals(a.code())) schema++;
            if (!Objects.equals(verdict(a), verdict(b)) || !Objects.equals(a.request(), b.request())) {
                differ++;
                System.out.println("differs: " + p + "\n  now:    " + verdict(a) + " " + a.message()
                        + "\n  before: " + verdict(b) + " " + b.message());
            }
        }
        System.out.printf("reader verdicts: %d files (now: %d accepted, %d DV-XML, %d DV-SCHEMA); %d differ from the Xerces reader%n",
                inputs.size(), ok, xml, schema, differ);
    }

    private static String verdict(ReadResult r) {
        if (r instanceof ReadResult.Rejected j) return j.code() + "/" + j.reason();
        return r instanceof ReadResult.Ok ? "OK" : "FAILED";
    }
}
