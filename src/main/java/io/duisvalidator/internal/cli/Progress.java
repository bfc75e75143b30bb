package io.duisvalidator.internal.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of a run on standard error: a bar (files done / total, rate, time left) when standard error is a terminal,
 * otherwise a plain line every few seconds and nothing else; {@link #none()} for --quiet.
 */
abstract class Progress implements AutoCloseable {
    /** One more file done. Called on the thread that receives results. */
    abstract void step();

    @Override
    public abstract void close();

    static Progress none() {
        return new Progress() {
            @Override
            void step() { }

            @Override
            public void close() { }
        };
    }

    /** The bar on a terminal, else plain lines every {@code every}. */
    static Progress start(long total, PrintStream err, Duration every) {
        return stderrIsTerminal() ? new Bar(total, err) : new Lines(total, err, every);
    }

    /** Whether file descriptor 2 is a terminal (Linux: /proc/self/fd/2 is a tty device; elsewhere a console). */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    /** The terminal bar: me.tongfei:progressbar draws, measures the rate and estimates the time left. */
    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(long total, PrintStream err) {
            bar = new ProgressBarBuilder().setTaskName("validate").setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUnit(" files", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                    .setUpdateIntervalMillis(250).continuousUpdate().build();
        }

        @Override
        void step() { bar.step(); }

        @Override
        public void close() { bar.close(); }
    }

    /** Plain lines for logs: {@code progress: 1200/5000 files (24%), 410 files/s, about 9s left}. */
    static final class Lines extends Progress {
        private final long total;
        private final PrintStream err;
        private final AtomicLong done = new AtomicLong();
        private final long start = System.nanoTime();
        private final ScheduledExecutorService timer;

        Lines(long total, PrintStream err, Duration every) {
            this.total = total;
            this.err = err;
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "duis-validator-progress");
                t.setDaemon(true);
                return t;
            });
            long ms = every.toMillis();
            timer.scheduleAtFixedRate(() -> err.println(line()), ms, ms, TimeUnit.MILLISECONDS);
        }

        String line() {
            long n = done.get();
            double secs = (System.nanoTime() - start) / 1e9;
            double rate = secs <= 0 ? 0 : n / secs;
            String left = rate <= 0 || n >= total ? "" : ", about " + duration((long) ((total - n) / rate)) + " left";
            return String.format(Locale.ROOT, "progress: %d/%d files (%d%%), %.0f files/s%s", n, total,
                    total == 0 ? 100 : n * 100 / total, rate, left);
        }

        static String duration(long s) {
            if (s >= 3600) return s / 3600 + "h" + (s % 3600) / 60 + "m";
            if (s >= 60) return s / 60 + "m" + s % 60 + "s";
            return s + "s";
        }

        @Override
        void step() { done.incrementAndGet(); }

        @Override
        public void close() { timer.shutdownNow(); }
    }
}
