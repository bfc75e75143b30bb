package io.duisvalidator.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * The message files of a run: each PATH that is a file, and every {@code *.xml} (any case) below each PATH that is a
 * folder, in sorted path order (folders walked depth first, entries of each folder sorted by name). Lazy: only one
 * folder's listing is held at a time, so a million files need no list of a million paths.
 */
public final class InputFiles implements Iterable<Path> {
    private final List<Path> roots;

    public InputFiles(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    public static boolean isXml(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    /** Counts the files (a cheap walk that reads no file), for progress reporting. */
    public long count() {
        long n = 0;
        for (Path ignored : this) n++;
        return n;
    }

    @Override
    public Iterator<Path> iterator() {
        return new Walker(roots);
    }

    private static final class Walker implements Iterator<Path> {
        /** Paths still to visit; a root given by the user is followed even through a link, a child folder is not. */
        private final Deque<Entry> pending = new ArrayDeque<>();
        private Path next;

        private record Entry(Path path, boolean root) {}

        Walker(List<Path> roots) {
            roots.forEach(r -> pending.add(new Entry(r, true)));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !pending.isEmpty()) {
                Entry e = pending.pollFirst();
                Path p = e.path();
                if (e.root() ? Files.isDirectory(p) : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    List<Path> children = new ArrayList<>();
                    try (Stream<Path> s = Files.list(p)) {
                        s.forEach(children::add);
                    } catch (IOException | UncheckedIOException ex) {
                        next = p; // an unlistable folder is passed on as an input, so that its failure is reported
                        return true;
                    }
                    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                    for (int i = children.size() - 1; i >= 0; i--) {
                        Path c = children.get(i);
                        if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS) || isXml(c)) pending.addFirst(new Entry(c, false));
                    }
                } else {
                    next = p;
                }
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) throw new NoSuchElementException();
            Path p = next;
            next = null;
            return p;
        }
    }
}
