package io.duisvalidator.soak;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.Decision;
import io.duisvalidator.internal.engine.RuleBase;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Concurrency soak: N threads share the validators of the samples scenarios (one {@link Validator} per scenario
 * context, all over one {@link RuleBase}) and validate the samples messages round-robin; every decision is compared
 * with a single-threaded run, and the heap after a full GC is recorded after each round.
 *
 * <p>Long run (docs/reliability.md): {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.duisvalidator.soak.Soak -Dexec.args="1000000 8 100000"}.
 */
public final class Soak {
    /** One message of the corpus with the validator and settings of its scenario. */
    record Item(String name, Validator validator, ValidationSettings settings, byte[] message) {}

    /** What a run found: validations done, decisions that differed from the single-threaded run, heap per round. */
    public record Result(long validations, long mismatches, List<String> firstMismatches, List<Long> heapAfterGc,
                         long nanos) {
        public double perSecond() { return validations * 1e9 / nanos; }
    }

    private final List<Item> corpus = new ArrayList<>();
    private final List<Decision> reference = new ArrayList<>();

    public Soak(RuleBase rules, Path samples) throws Exception {
        for (Scenario sc : Scenario.find(List.of(samples))) {
            CoreValidator v = CoreValidator.create(rules, Files.isDirectory(sc.context())
                    ? CsvContextLoader.load(sc.context()) : io.duisvalidator.context.Context.empty());
            ValidationSettings s = sc.settings(ValidationSettings.defaults());
            try (Stream<Path> files = Files.list(sc.messages())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    corpus.add(new Item(samples.relativize(f).toString(), v, s, Files.readAllBytes(f)));
                }
            }
        }
        for (Item i : corpus) reference.add(i.validator().validate(i.message(), i.settings()));
    }

    public int corpusSize() { return corpus.size(); }

    /**
     * Runs {@code total} validations on {@code threads} threads in rounds of {@code round}; after each round, the heap
     * used after a full GC (when {@code measureHeap}).
     */
    public Result run(long total, int threads, long round, boolean measureHeap) throws InterruptedException {
        AtomicLong mismatches = new AtomicLong();
        List<String> first = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> heap = new ArrayList<>();
        long t0 = System.nanoTime();
        long done = 0;
        while (done < total) {
            long n = Math.min(round, total - done);
            AtomicLong next = new AtomicLong(done);
            long end = done + n;
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread w = new Thread(() -> {
                    for (long k = next.getAndIncrement(); k < end; k = next.getAndIncrement()) {
                        int i = (int) (k % corpus.size());
                        Item item = corpus.get(i);
                        Decision d = item.validator().validate(item.message(), item.settings());
                        if (!d.equals(reference.get(i))) {
                            mismatches.incrementAndGet();
                            if (first.size() < 10) first.add(item.name() + ": " + d + " vs " + reference.get(i));
                        }
                    }
                }, "soak-" + t);
                workers.add(w);
                w.start();
            }
            for (Thread w : workers) w.join();
            done = end;
            if (measureHeap) heap.add(heapAfterGc());
        }
        return new Result(done, mismatches.get(), List.copyOf(first), heap, System.nanoTime() - t0);
    }

    static long heapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long round = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        Soak soak = new Soak(RuleBase.load(), Path.of("samples"));
        System.out.printf(Locale.ROOT, "corpus: %d messages; %d validations on %d threads, rounds of %d%n",
                soak.corpusSize(), total, threads, round);
        Result r = soak.run(total, threads, round, true);
        System.out.printf(Locale.ROOT, "validations: %d, mismatches: %d, %.0f/s, %.1f s%n", r.validations(),
                r.mismatches(), r.perSecond(), r.nanos() / 1e9);
        r.firstMismatches().forEach(m -> System.out.println("mismatch: " + m));
        for (int i = 0; i < r.heapAfterGc().size(); i++) {
            System.out.printf(Locale.ROOT, "heap after GC, after %,d: %.1f MiB%n", (i + 1) * round,
                    r.heapAfterGc().get(i) / 1048576.0);
        }
        long firstHeap = r.heapAfterGc().get(0);
        long lastHeap = r.heapAfterGc().get(r.heapAfterGc().size() - 1);
        System.out.printf(Locale.ROOT, "heap growth first to last round: %+.1f MiB%n", (lastHeap - firstHeap) / 1048576.0);
        System.exit(r.mismatches() == 0 ? 0 : 1);
    }
}
