package io.duisvalidator.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.util.Statistics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of {@link Steps} on 1 thread and on all cores, the p99 latency of the whole call, the cold
 * start of the rule base in fresh JVMs and the memory of a large context, then prints one table.
 *
 * <pre>mvn -q -B -P bench process-test-classes [-Dbench.args="--quick --no-memory"]</pre>
 * Options: {@code --quick} (short iterations, for trying things), {@code --no-cold}, {@code --no-memory},
 * {@code --no-cpu} / {@code --cpu-only} (the in-process CPU-time table of {@link CpuTime}),
 * {@code --only=REGEX} (benchmarks to run), {@code --cold-only} (only the cold start, prebuilt model against compiled
 * at start), {@code --compiled-rules} (the rule base compiled at start rather than from the prebuilt rule model, to
 * compare the two).
 */
public final class BenchMain {
    private static final String[] ORDER = {"woodstoxFloor", "aaltoFloor", "staxFloor", "parse", "parseXerces", "facts", "rules", "referenceRules", "judge", "validator", "referencePath"};

    /** JVM options of the JMH forks. */
    private static final List<String> forkArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        if (a.contains("--spark")) { // the Spark job against the CLI (needs -P bench,spark-local: Spark's classpath)
            io.duisvalidator.spark.SparkBench.main(args);
            return;
        }
        boolean quick = a.contains("--quick");
        String only = a.stream().filter(s -> s.startsWith("--only=")).map(s -> s.substring(7)).findFirst().orElse(".*");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, %s; heap max %d MiB%n", cores,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20);

        if (a.contains("--compiled-rules")) {
            // the rules compiled at start instead of the prebuilt rule model, here (CpuTime) and in the JMH forks
            System.setProperty("duis.rules.prebuilt", "false");
            forkArgs.add("-Dduis.rules.prebuilt=false");
        }
        System.out.println("rule base: " + (a.contains("--compiled-rules") ? "compiled at start (--compiled-rules)" : "prebuilt rule model"));
        if (a.contains("--cold-only")) {
            coldStart(quick ? 3 : 5);
            return;
        }
        if (a.contains("--batch-cost")) {
            io.duisvalidator.internal.batch.BatchCost.run(quick);
            return;
        }
        if (a.contains("--reader-verdicts")) {
            ReaderVerdicts.run();
            return;
        }
        if (!a.contains("--no-cpu")) CpuTime.run(quick);
        if (a.contains("--cpu-only")) return;

        Map<String, Map<Integer, Statistics>> tput = new LinkedHashMap<>();
        for (int threads : cores > 1 ? new int[]{1, cores} : new int[]{1}) {
            for (RunResult r : run(base(quick).include(Steps.class.getName() + "\\.(" + only + ")$").threads(threads)
                    .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS))) {
                String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
                tput.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(threads, iterations(r));
            }
        }
        Statistics latency = null;
        if (only.equals(".*") || "validator".matches(only)) {
            for (RunResult r : run(base(quick).include(Steps.class.getName() + "\\.validator$").threads(1)
                    .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS))) {
                latency = r.getPrimaryResult().getStatistics();
            }
        }
        printTable(tput, cores, latency);

        if (!a.contains("--no-cold")) coldStart(quick ? 3 : 5);
        if (!a.contains("--no-memory")) memory();
    }

    private static ChainedOptionsBuilder base(boolean quick) {
        return new OptionsBuilder().forks(1).shouldFailOnError(true)
                .warmupIterations(quick ? 2 : 4).warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 3 : 6).measurementTime(TimeValue.seconds(quick ? 1 : 2))
                .jvmArgsAppend(forkArgs.toArray(String[]::new))
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder o) throws RunnerException {
        return new Runner(o.build()).run();
    }

    /** The per-iteration scores of a run (so that the table shows median and spread, not a mean). */
    private static Statistics iterations(RunResult r) {
        org.openjdk.jmh.util.ListStatistics s = new org.openjdk.jmh.util.ListStatistics();
        r.getBenchmarkResults().forEach(br -> br.getIterationResults().forEach(ir -> s.addValue(ir.getPrimaryResult().getScore())));
        return s;
    }

    private static void printTable(Map<String, Map<Integer, Statistics>> t, int cores, Statistics latency) {
        System.out.println();
        System.out.println("| step | threads | msg/s (median) | spread (min-max msg/s) | µs/msg per thread |");
        System.out.println("|---|---|---|---|---|");
        for (String name : ORDER) {
            Map<Integer, Statistics> m = t.get(name);
            if (m == null) continue;
            m.forEach((threads, s) -> System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %,.0f-%,.0f | %.2f |%n", name,
                    threads, s.getPercentile(50), s.getMin(), s.getMax(), threads * 1e6 / s.getPercentile(50)));
        }
        System.out.println();
        for (int threads : new int[]{1, cores}) {
            double stax = us(t, "staxFloor", threads);
            double whole = us(t, "validator", threads);
            double ref = us(t, "referencePath", threads);
            System.out.printf(Locale.ROOT, "%d thread(s): whole call / Woodstox floor = %.2fx; whole call / Aalto floor = %.2fx; "
                    + "whole call / JDK StAX floor = %.2fx; Drools path / reference path = %.2fx; rules / reference rules = %.2fx%n",
                    threads, whole / us(t, "woodstoxFloor", threads), whole / us(t, "aaltoFloor", threads), whole / stax,
                    whole / ref, us(t, "rules", threads) / us(t, "referenceRules", threads));
            if (threads == cores) break;
        }
        double whole1 = us(t, "validator", 1);
        System.out.printf(Locale.ROOT, "share of the whole call (1 thread): parse %.0f%%, facts %.0f%%, rules %.0f%%, rest %.0f%%%n",
                100 * us(t, "parse", 1) / whole1, 100 * us(t, "facts", 1) / whole1, 100 * us(t, "rules", 1) / whole1,
                100 * (1 - (us(t, "parse", 1) + us(t, "facts", 1) + us(t, "rules", 1)) / whole1));
        if (t.containsKey("validator") && t.get("validator").containsKey(cores)) {
            double s1 = t.get("validator").get(1).getPercentile(50);
            double sn = t.get("validator").get(cores).getPercentile(50);
            System.out.printf(Locale.ROOT, "scaling 1 -> %d threads (whole call): %.2fx; 100,000,000 requests take %.1f min on %d cores, %.1f min on 1%n",
                    cores, sn / s1, 1e8 / sn / 60, cores, 1e8 / s1 / 60);
        }
        if (latency != null) {
            System.out.printf(Locale.ROOT, "latency of the whole call, 1 thread, after warm-up: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs (%d samples)%n",
                    latency.getPercentile(50), latency.getPercentile(90), latency.getPercentile(99), latency.getPercentile(99.9), latency.getN());
        }
    }

    private static double us(Map<String, Map<Integer, Statistics>> t, String name, int threads) {
        Map<Integer, Statistics> m = t.get(name);
        if (m == null || !m.containsKey(threads)) return Double.NaN;
        return threads * 1e6 / m.get(threads).getPercentile(50);
    }

    /**
     * RuleBase.load() in fresh JVMs, the two ways taken in turn: from the prebuilt rule model (the default) and
     * compiled at start ({@code -Dduis.rules.prebuilt=false}, the way before the prebuilt model): the time from JVM
     * start to a rule base ready, and of load() alone.
     */
    private static void coldStart(int runs) throws IOException, InterruptedException {
        Map<String, List<String>> ways = new LinkedHashMap<>();
        ways.put("prebuilt model", List.of());
        ways.put("compiled at start", List.of("-Dduis.rules.prebuilt=false"));
        Map<String, List<Double>> load = new LinkedHashMap<>();
        Map<String, List<Double>> total = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> way : ways.entrySet()) {
                String[] p = runJvm(way.getValue(), ColdStart.class.getName()).trim().split(" ", 3);
                boolean prebuilt = p[2].startsWith("prebuilt");
                if (prebuilt != way.getValue().isEmpty()) throw new IllegalStateException(way.getKey() + " was built: " + p[2]);
                load.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(Double.parseDouble(p[0]));
                total.computeIfAbsent(way.getKey(), k -> new ArrayList<>()).add(Double.parseDouble(p[1]));
            }
        }
        for (String way : ways.keySet()) {
            List<Double> l = load.get(way);
            List<Double> t = total.get(way);
            System.out.printf(Locale.ROOT, "cold start, %s, %d fresh JVMs: RuleBase.load() median %.0f ms (%.0f-%.0f); JVM start to rules ready median %.0f ms (%.0f-%.0f)%n",
                    way, runs, median(l), min(l), max(l), median(t), min(t), max(t));
        }
        System.out.printf(Locale.ROOT, "cold start, JVM start to rules ready: compiled at start / prebuilt model = %.1fx%n",
                median(total.get("compiled at start")) / median(total.get("prebuilt model")));
    }

    /** 1,000,000 registration rows and 1,000,000 executions loaded with -Xmx1g in a fresh JVM. */
    private static void memory() throws IOException, InterruptedException {
        System.out.println(runJvm(List.of("-Xmx1g"), ContextMemory.class.getName()).trim());
    }

    private static String runJvm(List<String> jvmArgs, String main) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String l;
            while ((l = r.readLine()) != null) out.append(l).append('\n');
        }
        if (p.waitFor() != 0) throw new IllegalStateException(main + " failed:\n" + out);
        String[] lines = out.toString().trim().split("\n");
        return lines[lines.length - 1];
    }

    private static double median(List<Double> l) {
        List<Double> s = new ArrayList<>(l);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double min(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN); }

    private static double max(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN); }

}
