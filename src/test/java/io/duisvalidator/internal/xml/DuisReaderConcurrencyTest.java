package io.duisvalidator.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One shared reader, many threads, a mix of good and hostile messages: the same results as one thread. */
class DuisReaderConcurrencyTest {

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>();
        for (String name : List.of("valid/mdr-4.8.1-on-demand.xml", "valid/4.1.1-future-dated-unsigned.xml",
                "valid/5.1-schedule-4.8.3.xml", "valid/5.1-schedule-4.2.xml", "valid/5.2-read-schedule-by-device.xml",
                "valid/5.3-delete-schedule-by-id.xml", "valid/8.2-read-inventory-by-property.xml",
                "valid/unknown-srv-body.xml", "xml-faults/doctype.xml", "xml-faults/billion-laughs.xml",
                "xml-faults/not-well-formed.xml", "xml-faults/wrong-root.xml", "schema-faults/command-variant-12.xml",
                "schema-faults/missing-command-variant.xml", "schema-faults/bad-date-in-known-body.xml")) {
            corpus.add(TestMessages.resource(name));
        }
        corpus.add(TestMessages.junk());
        corpus.add(TestMessages.truncated());
        corpus.add(TestMessages.nested(500));
        corpus.add(new byte[0]);
        return corpus;
    }

    /** Comparable form of a result: the request for OK, reason + message + partial request for rejections. */
    static String key(ReadResult r) {
        if (r instanceof ReadResult.Ok ok) {
            return "OK " + ok.request();
        }
        if (r instanceof ReadResult.Rejected rej) {
            return rej.reason() + " " + rej.message() + " " + rej.request();
        }
        return "FAILED " + r.message();
    }

    @Test
    void manyThreadsAgreeWithOneThread() throws Exception {
        DuisReader reader = new DuisReader();
        List<byte[]> corpus = corpus();
        List<String> expected = corpus.stream().map(m -> key(reader.read(m))).toList();
        assertThat(expected).noneMatch(k -> k.startsWith("FAILED"));

        int threads = 8;
        int rounds = 150;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        for (int i = 0; i < corpus.size(); i++) {
                            int index = (i + offset + round) % corpus.size(); // each thread in its own order
                            String got = key(reader.read(corpus.get(index)));
                            if (!got.equals(expected.get(index))) {
                                mismatches.add(index + ": " + got);
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
