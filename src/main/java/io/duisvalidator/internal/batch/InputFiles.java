package io.duisvalidator.internal.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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
        return count(this);
    }

    /** Counts any walk of inputs (e.g. what a resumed run has left), reading no file. */
    public static long count(Iterable<Path> inputs) {
        long n = 0;
        for (Path ignored : inputs) n++;
        return n;
    }

    @Override
    public Iterator<Path> iterator() {
        return new Walker(roots);
    }

    /**
     * Whether a child that is not named like a message is walked: a folder (not a link to one) is, and so is an entry
     * that cannot be looked at (search permission, a path over the system's limit): it then becomes an input whose
     * failure is reported, rather than being skipped in silence.
     */
    private static boolean lookAt(Path c) {
        try {
            return Files.readAttributes(c, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static final class Walker extends PathWalk {
        /** Paths still to visit; a root given by the user is followed even through a link, a child folder is not. */
        private final Deque<Entry> pending = new ArrayDeque<>();

        private record Entry(Path path, boolean root) {}

        Walker(List<Path> roots) {
            roots.forEach(r -> pending.add(new Entry(r, true)));
        }

        @Override
        protected Path advance() {
            while (!pending.isEmpty()) {
                Entry e = pending.pollFirst();
                Path p = e.path();
                if (e.root() ? Files.isDirectory(p) : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    List<Path> children = new ArrayList<>();
                    try (Stream<Path> s = Files.list(p)) {
                        s.forEach(children::add);
                    } catch (IOException | UncheckedIOException ex) {
                        return p; // an unlistable folder is passed on as an input, so that its failure is reported
                    }
                    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                    for (int i = children.size() - 1; i >= 0; i--) {
                        Path c = children.get(i);
                        if (isXml(c) || lookAt(c)) pending.addFirst(new Entry(c, false));
                    }
                } else {
                    return p;
                }
            }
            return null;
        }
    }
}
