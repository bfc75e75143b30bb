package io.duisvalidator.support;

import java.util.Random;

/**
 * The seed of a randomised test, reproducible: {@code -Dduis.test.seed=N} makes every randomised test run with seed N
 * (with {@code -Dtest=TheTest} to rerun one), otherwise each test takes its own default (a fixed number, or a fresh
 * random one). Every seed is printed to standard output (surefire keeps it in
 * {@code target/surefire-reports/<test>-output.txt}) and belongs in every assertion message of the test.
 * jqwik properties take the same property through {@link JqwikSeeds}.
 */
public final class Seeds {
    /** The system property that fixes the seed of every randomised test. */
    public static final String PROPERTY = "duis.test.seed";

    private Seeds() {}

    /** The seed given by {@value #PROPERTY}, or {@code fallback}; printed with the way to run it again. */
    public static long seed(String test, long fallback) {
        String given = System.getProperty(PROPERTY);
        long seed;
        if (given == null || given.isBlank()) {
            seed = fallback;
        } else {
            try {
                seed = Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number (a long), not '" + given + "'");
            }
        }
        System.out.println(test + ": seed " + seed + " (rerun: mvn test -Dtest=" + test.replaceAll("[#.].*", "")
                + " -D" + PROPERTY + "=" + seed + ")");
        return seed;
    }

    /** The seed given by {@value #PROPERTY}, or a fresh random one; printed. */
    public static long randomSeed(String test) {
        return seed(test, new Random().nextLong());
    }
}
