package io.duisvalidator.bench;

import io.duisvalidator.Decision;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSets;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 15's figures (docs/performance.md "Two rule sets"), in a fresh JVM:
 * <ol>
 * <li>start-up: JVM start to the first rule set ready (what a run whose messages all fall in one period pays), then
 * the time to build the second one when a message first needs it;</li>
 * <li>per-message cost of choosing the rule set per message against a validator fixed to one rule set (as before issue
 * 15), the same eight messages of samples/rule-sets-go-live-2024-06-28, interleaved rounds in one process; and of a
 * run straddling the go-live (every other message received before it) against the fixed validator.</li>
 * </ol>
 * {@code java -cp <test classpath of -P bench> io.duisvalidator.bench.RuleSetsBench [ROUNDS] [MESSAGES_PER_ROUND]}
 */
public final class RuleSetsBench {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        long t0 = System.nanoTime();
        RuleSets sets = RuleSets.standard();
        RuleBase mp162 = sets.ruleBase("mp162");
        long t1 = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        RuleBase before = sets.ruleBase("before-mp162");
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "start-up: JVM start to first rule set (mp162) ready %d ms (its load %.0f ms, %s); "
                        + "second rule set (before-mp162) built on first need %.0f ms (%s)%n", sinceStart, (t1 - t0) / 1e6,
                mp162.prebuilt() ? "prebuilt" : "compiled", (t2 - t1) / 1e6, before.prebuilt() ? "prebuilt" : "compiled");

        Path sc = Path.of("samples/rule-sets-go-live-2024-06-28");
        Context ctx = CsvContextLoader.load(sc.resolve("context"));
        List<byte[]> msgs = new ArrayList<>();
        try (var s = Files.list(sc.resolve("messages"))) {
            for (Path p : s.sorted().toList()) msgs.add(Files.readAllBytes(p));
        }
        ValidationSettings after = ValidationSettings.defaults().at(Instant.parse("2024-06-28T12:00:00Z"))
                .purpose(ValidationSettings.Purpose.MHHS);
        ValidationSettings beforeGoLive = after.at(Instant.parse("2024-06-26T12:00:00Z"));
        CoreValidator fixed = CoreValidator.create(mp162, ctx, ReaderOptions.defaults());
        CoreValidator choosing = CoreValidator.create(sets, null, ctx, ReaderOptions.defaults());

        double[] f = new double[rounds];
        double[] c = new double[rounds];
        double[] straddle = new double[rounds];
        long sink = 0;
        for (int w = 0; w < 3; w++) { // warm-up
            sink += run(fixed, msgs, after, null, perRound / 2) + run(choosing, msgs, after, beforeGoLive, perRound / 2);
        }
        for (int r = 0; r < rounds; r++) {
            long a = System.nanoTime();
            sink += run(fixed, msgs, after, null, perRound);
            long b = System.nanoTime();
            sink += run(choosing, msgs, after, null, perRound);
            long d = System.nanoTime();
            sink += run(choosing, msgs, after, beforeGoLive, perRound);
            long e = System.nanoTime();
            f[r] = (b - a) / 1e3 / perRound;
            c[r] = (d - b) / 1e3 / perRound;
            straddle[r] = (e - d) / 1e3 / perRound;
        }
        System.out.printf(Locale.ROOT, "per message (median of %d rounds of %d, us): fixed to mp162 %.1f; chosen per message "
                        + "(all mp162) %.1f, ratio %.3f; straddling the go-live (half each rule set) %.1f, ratio %.3f  [%d]%n",
                rounds, perRound, median(f), median(c), median(c) / median(f), median(straddle),
                median(straddle) / median(f), sink % 10);
    }

    /** Validates {@code n} messages, cycling through them; every other one at {@code alternate} when it is not null. */
    private static long run(CoreValidator v, List<byte[]> msgs, ValidationSettings s, ValidationSettings alternate, int n) {
        long accepted = 0;
        for (int i = 0; i < n; i++) {
            Decision d = v.validate(msgs.get(i % msgs.size()), alternate != null && (i & 1) == 1 ? alternate : s);
            if (d.accepted()) accepted++;
        }
        return accepted;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
