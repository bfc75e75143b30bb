package io.duisvalidator.bench;

import io.duisvalidator.internal.engine.RuleBase;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Run in a fresh JVM: prints the ms of RuleBase.load(), the ms from JVM start until the rule base is ready, and how the
 * rule base was built ({@link RuleBase#origin()}).
 */
public final class ColdStart {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        RuleBase rules = RuleBase.load();
        long t1 = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (rules.rules().isEmpty()) throw new IllegalStateException("no rules");
        System.out.printf(Locale.ROOT, "%.1f %d %s%n", (t1 - t0) / 1e6, sinceStart, rules.origin());
    }
}
