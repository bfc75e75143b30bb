package io.duisvalidator.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time per message of each step on one thread (ThreadMXBean), measured in-process by plain loops after a
 * warm-up: unlike JMH's wall-clock scores, it does not count the time the thread waits for a core, so it stays
 * readable when other builds load the machine. Rounds interleave the steps; the median of the rounds is printed.
 */
final class CpuTime {
    private CpuTime() {}

    static void run(boolean quick) throws Exception {
        String only = System.getProperty("bench.cpu.only", ".*");
        Steps s = new Steps();
        Steps.Corpus c = new Steps.Corpus();
        c.load();
        Steps.Cursor k = new Steps.Cursor();
        k.setUp();
        Map<String, Supplier<Object>> steps = new LinkedHashMap<>();
        steps.put("staxFloor", () -> s.staxFloor(c, k));
        steps.put("woodstoxFloor", () -> s.woodstoxFloor(c, k));
        steps.put("aaltoFloor", () -> s.aaltoFloor(c, k));
        steps.put("parse", () -> s.parse(c, k));
        steps.put("parseXerces", () -> s.parseXerces(c, k));
        steps.put("facts", () -> s.facts(c, k));
        steps.put("rules", () -> s.rules(c, k));
        steps.put("referenceRules", () -> s.referenceRules(c, k));
        steps.put("judge", () -> s.judge(c, k));
        steps.put("validator", () -> s.validator(c, k));
        steps.put("referencePath", () -> s.referencePath(c, k));
        steps.keySet().removeIf(n -> !n.matches(only));
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int rounds = quick ? 3 : 7;
        long opsPerRound = quick ? 20_000 : 50_000;
        Map<String, List<Double>> us = new LinkedHashMap<>();
        Map<String, List<Double>> bytes = new LinkedHashMap<>();
        for (Supplier<Object> step : steps.values()) for (int i = 0; i < 2 * opsPerRound; i++) sink(step.get()); // warm-up
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, Supplier<Object>> e : steps.entrySet()) {
                long a0 = mx.getCurrentThreadAllocatedBytes();
                long t0 = mx.getCurrentThreadCpuTime();
                for (long i = 0; i < opsPerRound; i++) sink(e.getValue().get());
                long t1 = mx.getCurrentThreadCpuTime();
                long a1 = mx.getCurrentThreadAllocatedBytes();
                us.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add((t1 - t0) / 1e3 / opsPerRound);
                bytes.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add((double) (a1 - a0) / opsPerRound);
            }
        }
        System.out.println();
        System.out.println("| step | CPU µs/msg, 1 thread (median of " + rounds + " interleaved rounds) | spread (min-max) | CPU-bound msg/s per core | allocated bytes/msg |");
        System.out.println("|---|---|---|---|---|");
        Map<String, Double> med = new LinkedHashMap<>();
        us.forEach((name, l) -> {
            List<Double> x = new ArrayList<>(l);
            x.sort(null);
            double m = x.get(x.size() / 2);
            med.put(name, m);
            List<Double> b = new ArrayList<>(bytes.get(name));
            b.sort(null);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f-%.2f | %,.0f | %,.0f |%n", name, m, x.get(0), x.get(x.size() - 1), 1e6 / m,
                    b.get(b.size() / 2));
        });
        corpus(c);
        if (!med.keySet().containsAll(List.of("woodstoxFloor", "aaltoFloor", "staxFloor", "validator"))) return;
        System.out.printf(Locale.ROOT, "CPU ratios: whole call / Woodstox floor = %.2fx; whole call / Aalto floor = %.2fx; "
                        + "whole call / JDK StAX floor = %.2fx%n", med.get("validator") / med.get("woodstoxFloor"),
                med.get("validator") / med.get("aaltoFloor"), med.get("validator") / med.get("staxFloor"));
        if (med.containsKey("parse") && med.containsKey("parseXerces")) {
            System.out.printf(Locale.ROOT, "CPU ratios: parse (Woodstox + MSV) / parseXerces (the reader before issue 19) = %.2fx%n",
                    med.get("parse") / med.get("parseXerces"));
        }
        if (!med.keySet().containsAll(List.of("parse", "facts", "rules", "referenceRules", "referencePath"))) return;
        System.out.printf(Locale.ROOT, "CPU ratios: parse / Woodstox floor = %.2fx; Drools path / reference path = %.2fx; "
                        + "rules / reference rules = %.2fx; share of the whole call: parse %.0f%%, facts %.0f%%, rules %.0f%%%n",
                med.get("parse") / med.get("woodstoxFloor"), med.get("validator") / med.get("referencePath"),
                med.get("rules") / med.get("referenceRules"), 100 * med.get("parse") / med.get("validator"),
                100 * med.get("facts") / med.get("validator"), 100 * med.get("rules") / med.get("validator"));
    }

    /** What the rules step works on: facts inserted and rules fired per request read, and how many fired only to pass. */
    private static void corpus(Steps.Corpus c) {
        long facts = 0;
        long fired = 0;
        long findings = 0;
        long counted = 0;
        // the pass cells of every rule set: counted from their cell as fired, never fired (engine.PassCells)
        java.util.Set<String> passCells = new java.util.HashSet<>();
        io.duisvalidator.internal.engine.RuleSets sets = io.duisvalidator.internal.engine.RuleSets.standard();
        for (String id : sets.ids()) passCells.addAll(sets.ruleBase(id).passCellIds());
        for (int i = 0; i < c.requests.length; i++) {
            facts += c.facts[i].size();
            io.duisvalidator.Decision d = c.okValidators[i].validate(c.requests[i], c.okSettings[i]);
            fired += d.firedRules().size();
            for (String r : d.firedRules()) if (passCells.contains(r)) counted++;
            findings += d.findings().size();
        }
        int n = c.requests.length;
        System.out.printf(Locale.ROOT, "corpus: %d messages, %d read; per request read: %.2f facts inserted, %.2f rules fired "
                        + "(%.2f of them pass cells counted from their cell, not fired: %.2f firings), "
                        + "%.2f findings (rules that fired without a finding: %.2f)%n", c.bytes.length, n,
                (double) facts / n, (double) fired / n, (double) counted / n, (double) (fired - counted) / n,
                (double) findings / n, (double) (fired - findings) / n);
    }

    static volatile int blackhole;

    private static void sink(Object o) { blackhole ^= System.identityHashCode(o); }
}
