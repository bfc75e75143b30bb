package io.duisvalidator.spark;

import java.io.Serializable;
import java.util.Comparator;

/**
 * The order in which the CLI meets its inputs: the run's parts in turn, and within a part the files as
 * {@code InputFiles} walks a folder (depth first, the entries of each folder sorted by name), i.e. the paths compared
 * segment by segment. The Spark job has no order of its own; where the CLI's output depends on its order (the first
 * examples of each requirement in the coverage report) the job picks by this one.
 */
record RunOrder(int part, String file) implements Comparable<RunOrder>, Serializable {
    static final Comparator<String> PATHS = RunOrder::comparePaths;

    @Override
    public int compareTo(RunOrder o) {
        int c = Integer.compare(part, o.part);
        return c != 0 ? c : comparePaths(file, o.file);
    }

    static int comparePaths(String a, String b) {
        String[] x = a.replace('\\', '/').split("/", -1);
        String[] y = b.replace('\\', '/').split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }
}
