package io.duisvalidator.internal.batch;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A lazy walk of paths: subclasses say how to find the next one; this keeps the one found until it is taken. */
public abstract class PathWalk implements Iterator<Path> {
    private Path next;
    private boolean ended;

    /** The next path of the walk, or null at its end (then not called again). */
    protected abstract Path advance();

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = advance();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public final Path next() {
        if (!hasNext()) throw new NoSuchElementException();
        Path p = next;
        next = null;
        return p;
    }
}
