package io.duisvalidator.internal.batch;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.cli.Main;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.reference.SampleCorpus;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the command line's CPU goes per small file (issue 19 part 4), measured in one JVM: the validation call alone on
 * the same bytes in memory (the baseline), the walk of the folders, the walk and the read, {@link BatchRunner} with
 * 1 and 2 threads (walk, read, validation, ordering window; results dropped), and {@code validate} through the
 * command line with 1 and 2 threads (jsonl report to a file, progress on: its counting walk included).
 *
 * <p>CPU is the whole process's (every thread, the JIT compilers and the garbage collector included), split by thread
 * from /proc/self/task: main (walk, ordering, report), JIT, GC, other, and workers (the rest of the process total:
 * the pool's threads end with each run, and so do the progress and shutdown-hook threads). Phases are interleaved over rounds;
 * the median round is printed. The command line's fixed cost (rule base, context, start of a run) is removed by
 * subtracting a run over one file (the pool's new threads build their reader pipeline and rule session on their
 * first file). Run the JVM with {@code -XX:-UseDynamicNumberOfCompilerThreads} so that compiler threads never end
 * (their time would otherwise be counted under workers). Files: copies of the 15 messages of samples/access-change-of-supplier, 1,000 per
 * folder, made under a temporary folder and deleted afterwards.
 */
public final class BatchCost {
    private BatchCost() {}

    private static final String SCENARIO = "samples/access-change-of-supplier";
    private static final List<String> CLI = List.of("validate", "--context", SCENARIO + "/context", "--at",
            "2027-01-25T10:00:00Z", "--h313a", "warn", "--format", "jsonl");

    public static void run(boolean quick) throws Exception {
        int folders = quick ? 5 : 20;
        int rounds = quick ? 3 : 5;
        Path root = Files.createTempDirectory("duis-batchcost");
        try {
            RuleBase rules = RuleBase.load();
            List<SampleCorpus.Item> items = SampleCorpus.load(Path.of(SCENARIO), rules);
            Path many = root.resolve("many");
            Path one = root.resolve("one");
            Files.createDirectories(one);
            Files.write(one.resolve("m.xml"), items.get(0).bytes());
            List<byte[]> bytes = new ArrayList<>();
            for (int d = 0; d < folders; d++) {
                Path dir = Files.createDirectories(many.resolve(String.format(Locale.ROOT, "d%04d", d)));
                for (int f = 0; f < 1000; f++) {
                    byte[] b = items.get(f % items.size()).bytes();
                    Files.write(dir.resolve(String.format(Locale.ROOT, "m%04d.xml", f)), b);
                    bytes.add(b);
                }
            }
            int n = bytes.size();
            SampleCorpus.Item it = items.get(0);
            Path out = root.resolve("out.jsonl");

            Map<String, Runnable> phases = new LinkedHashMap<>();
            phases.put("call", () -> {
                for (byte[] b : bytes) sink(it.validator().validate(b, it.settings()));
            });
            phases.put("walk", () -> {
                for (Path p : new InputFiles(List.of(many))) sink(p);
            });
            phases.put("walk+read", () -> {
                try {
                    for (Path p : new InputFiles(List.of(many))) sink(BatchRunner.readLimited(p, it.validator().maxMessageBytes()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int t : new int[]{1, 2}) {
                for (Path in : List.of(many, one)) {
                    phases.put("runner t=" + t + (in == one ? " one file" : ""), () -> {
                        try {
                            new BatchRunner(it.validator(), it.settings(), t).run(new InputFiles(List.of(in)), r -> sink(r.decision()));
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
            for (int t : new int[]{1, 2}) {
                phases.put("cli t=" + t, () -> cli(t, out, many));
                phases.put("cli t=" + t + " one file", () -> cli(t, out, one));
            }

            // warm-up: every phase, several times (the JIT's work on the whole path is not what is measured)
            for (int w = 0; w < (quick ? 2 : 4); w++) phases.values().forEach(Runnable::run);
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, Runnable> e : phases.entrySet()) {
                    System.gc();
                    Map<String, Long> before = cpuByGroup();
                    long w0 = System.nanoTime();
                    e.getValue().run();
                    long wall = System.nanoTime() - w0;
                    Map<String, Long> after = cpuByGroup();
                    Map<String, Long> d = new LinkedHashMap<>();
                    for (String g : GROUPS) d.put(g, after.getOrDefault(g, 0L) - before.getOrDefault(g, 0L));
                    // the pool's threads end with each run and leave /proc/self/task: the process total keeps their time
                    long total = after.get("total") - before.get("total");
                    d.put("workers", total - d.entrySet().stream().filter(x -> !x.getKey().equals("workers"))
                            .mapToLong(Map.Entry::getValue).sum());
                    samples.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Sample(wall, d));
                }
            }
            print(samples, n);
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void cli(int threads, Path out, Path input) {
        List<String> args = new ArrayList<>(CLI);
        args.addAll(List.of("--threads", String.valueOf(threads), "--out", out.toString(), input.toString()));
        PrintStream err = System.err;
        System.setErr(new PrintStream(PrintStream.nullOutputStream()));
        try {
            int status = Main.run(args.toArray(String[]::new));
            if (status > 1) throw new IllegalStateException("validate exited " + status);
        } finally {
            System.setErr(err);
        }
    }

    private record Sample(long wallNanos, Map<String, Long> cpuNanos) {
        long total() {
            return cpuNanos.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Thread groups; "workers" is the process total less the others: the pool's threads and any other thread that ended. */
    private static final String[] GROUPS = {"workers", "main", "JIT", "GC", "other"};

    private static void print(Map<String, List<Sample>> samples, int n) {
        System.out.printf(Locale.ROOT, "%nbatch cost: %,d files of %s (1,000 per folder), CPU of the whole process per file, "
                + "median of %d rounds%n", n, SCENARIO, samples.get("call").size());
        System.out.println("| phase | wall µs/file | CPU µs/file | workers | main | JIT | GC | other |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        Map<String, Sample> med = new LinkedHashMap<>();
        samples.forEach((k, l) -> {
            List<Sample> s = new ArrayList<>(l);
            s.sort(Comparator.comparingLong(Sample::total));
            med.put(k, s.get(s.size() / 2));
        });
        double call = med.get("call").total() / 1e3 / n;
        for (String k : med.keySet()) {
            if (k.endsWith("one file")) continue;
            Sample s = med.get(k);
            Sample fixed = med.get(k + " one file");
            int files = fixed == null ? n : n - 1;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", k,
                    (s.wallNanos - (fixed == null ? 0 : fixed.wallNanos)) / 1e3 / files,
                    (s.total() - (fixed == null ? 0 : fixed.total())) / 1e3 / files));
            for (String g : GROUPS) {
                long v = s.cpuNanos.getOrDefault(g, 0L) - (fixed == null ? 0 : fixed.cpuNanos.getOrDefault(g, 0L));
                row.append(String.format(Locale.ROOT, " %.1f |", v / 1e3 / files));
            }
            System.out.println(row);
        }
        for (String k : List.of("runner t=1", "runner t=2", "cli t=1", "cli t=2")) {
            Sample s = med.get(k);
            Sample fixed = med.get(k + " one file");
            double cpu = (s.total() - (fixed == null ? 0 : fixed.total())) / 1e3 / (fixed == null ? n : n - 1);
            double wall = (s.wallNanos - (fixed == null ? 0 : fixed.wallNanos)) / 1e3 / (fixed == null ? n : n - 1);
            System.out.printf(Locale.ROOT, "%s: CPU per file / validation call = %.2fx; wall per file %.1f µs (%,.0f files/s)%n",
                    k, cpu / call, wall, 1e6 / wall);
        }
    }

    /** CPU time of every thread of this process so far, by group, from /proc/self/task/N/stat (clock ticks). */
    private static Map<String, Long> cpuByGroup() {
        Map<String, Long> m = new LinkedHashMap<>();
        long tick = 1_000_000_000L / 100; // USER_HZ
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close);
                String[] f = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                m.merge(group(name), ticks * tick, Long::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        m.put("total", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime());
        return m;
    }

    private static String group(String thread) {
        if (thread.startsWith("duis-validator-")) return "workers";
        if (thread.equals("main") || thread.equals("java")) return "main";
        if (thread.contains("CompilerThre")) return "JIT";
        if (thread.startsWith("GC ") || thread.startsWith("G1 ")) return "GC";
        return "other";
    }

    static volatile int blackhole;

    private static void sink(Object o) {
        blackhole ^= System.identityHashCode(o);
    }
}
