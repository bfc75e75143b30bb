package io.duisvalidator.bench;

import io.duisvalidator.engine.RuleBase;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Run in a fresh JVM: prints the ms of RuleBase.load() and the ms from JVM start until the rule base is ready. */
public final class ColdStart {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        RuleBase rules = RuleBase.load();
        long t1 = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (rules.rules().isEmpty()) throw new IllegalStateException("no rules");
        System.out.printf(Locale.ROOT, "%.1f %d%n", (t1 - t0) / 1e6, sinceStart);
    }
}
