package io.duisvalidator.internal.xml;

import io.duisvalidator.support.Seeds;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.duisvalidator.internal.xml.DuisReaderConcurrencyTest.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread's reader pipeline is kept after a rejection (rebuilding it cost 200-400 µs a message): every read, whatever
 * was rejected before it on the same thread, gives what a fresh reader gives. The messages are the samples and
 * broken variants of them (cut anywhere, a byte changed, a tag doubled, bytes inserted), read in a random order.
 */
class DuisReaderReuseTest {

    static List<byte[]> samples() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".xml") && p.getParent().endsWith("messages")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        }
    }

    static byte[] broken(byte[] m, Random random) {
        int at = random.nextInt(m.length);
        return switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(m, at); // cut
            case 1 -> { byte[] b = m.clone(); b[at] = (byte) random.nextInt(256); yield b; } // one byte changed
            case 2 -> { // an element of the message opened again where it stands: schema or nesting faults
                String s = new String(m, StandardCharsets.UTF_8);
                int lt = s.indexOf('<', Math.min(at, s.length() - 1));
                int gt = lt < 0 ? -1 : s.indexOf('>', lt);
                yield lt < 0 || gt < 0 ? m : (s.substring(0, gt + 1) + s.substring(lt, gt + 1) + s.substring(gt + 1)).getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> { // garbage inserted
                byte[] junk = new byte[1 + random.nextInt(20)];
                random.nextBytes(junk);
                byte[] b = new byte[m.length + junk.length];
                System.arraycopy(m, 0, b, 0, at);
                System.arraycopy(junk, 0, b, at, junk.length);
                System.arraycopy(m, at, b, at + junk.length, m.length - at);
                yield b;
            }
            default -> new String(m, StandardCharsets.UTF_8).replace("<sr:Header>", "<!DOCTYPE x><sr:Header>")
                    .getBytes(StandardCharsets.UTF_8); // a DOCTYPE where none may be
        };
    }

    @Test
    void reads_after_rejections_on_one_thread_are_those_of_a_fresh_reader() throws IOException {
        long seed = Seeds.randomSeed("DuisReaderReuseTest");
        Random random = new Random(seed);
        List<byte[]> samples = samples();
        List<byte[]> messages = new ArrayList<>(samples);
        for (int i = 0; i < 1_500; i++) messages.add(broken(samples.get(random.nextInt(samples.size())), random));

        Map<Integer, String> fresh = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) fresh.put(i, key(new DuisReader().read(messages.get(i))));
        long rejected = fresh.values().stream().filter(k -> !k.startsWith("OK ")).count();
        assertThat(rejected).as("seed %d: broken variants rejected", seed).isGreaterThan(1_000);
        assertThat(fresh.values()).as("seed %d", seed).noneMatch(k -> k.startsWith("FAILED"));

        DuisReader shared = new DuisReader();
        for (int n = 0; n < 8_000; n++) {
            int i = random.nextInt(messages.size());
            assertThat(key(shared.read(messages.get(i)))).as("seed %d, read %d (message %d)", seed, n, i).isEqualTo(fresh.get(i));
        }
    }
}
