package io.duisvalidator.context;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The daemon threads that run lookups of a context with a lookup timeout. Bounded: a source that hangs holds a
 * thread per waiting lookup until it answers, and when all are held a lookup fails at once (naming the source)
 * rather than queue behind them.
 */
final class LookupThreads {
    static final int MAX_THREADS = 64;
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "duis-validator-lookup-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private LookupThreads() {}

    static <T> T call(Supplier<T> call, Duration timeout, Supplier<String> what, String source) {
        Future<T> f;
        try {
            f = POOL.submit(call::get);
        } catch (RejectedExecutionException e) {
            throw new ContextLookupException(source, what.get() + " not started: all " + MAX_THREADS
                    + " lookup threads are waiting for sources that have not answered", e);
        }
        try {
            return f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ContextLookupException(source, what.get() + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ContextLookupException c) throw c;
            if (cause instanceof Error err) throw err;
            throw new ContextLookupException(source, what.get() + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ContextLookupException(source, what.get() + " interrupted while waiting", e);
        }
    }
}
