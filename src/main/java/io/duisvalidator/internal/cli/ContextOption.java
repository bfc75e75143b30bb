package io.duisvalidator.internal.cli;

import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.text.Printable;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --context DIR} and {@code --empty-context}: a context folder must exist, be a folder and hold at least one of
 * the five context files named exactly, each a regular file; an empty context is only had by asking for it. So a typo
 * in a folder or file name is a usage error, never a run that rejects everything E1.
 */
final class ContextOption {
    static final List<String> FILES = List.of("users.csv", "inventory.csv", "registration.csv", "schedules.csv", "executions.csv");

    @Option(names = "--context", paramLabel = "DIR", description = "folder holding the context files, named exactly: "
            + "users.csv, inventory.csv, registration.csv, schedules.csv, executions.csv (at least one; docs/context-files.md)")
    Path dir;

    @Option(names = "--empty-context", description = "judge with no context at all (every User and device unknown); "
            + "asked for explicitly so that a wrong --context is never taken for an empty one")
    boolean empty;

    /** Whether a context was given one way or the other. */
    boolean given() {
        return dir != null || empty;
    }

    /** Why the options cannot be used, or null; {@code required}: one of the two must be given. */
    String problem(boolean required) {
        if (dir != null && empty) return "--context and --empty-context exclude each other";
        if (dir == null) return required && !empty ? "give --context DIR, or --empty-context to judge without any context" : null;
        return problem(dir);
    }

    /** Why {@code dir} is not a context folder, or null. */
    static String problem(Path dir) {
        if (!Files.exists(dir)) return "--context " + dir + ": no such folder";
        if (!Files.isDirectory(dir)) return "--context " + dir + " is a file, not a folder (give the folder that holds "
                + String.join(", ", FILES) + ")";
        List<String> found = new ArrayList<>();
        int known = 0;
        int entries = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                entries++;
                String name = p.getFileName().toString();
                if (FILES.contains(name)) {
                    known++;
                    if (!Files.isRegularFile(p)) return "--context " + dir + ": " + name + " is not a regular file";
                } else if (FILES.contains(name.toLowerCase(Locale.ROOT))) {
                    return "--context " + dir + ": " + Printable.echo(name) + " is not read: context files are named exactly ("
                            + name.toLowerCase(Locale.ROOT) + ")";
                } else if (found.size() < 10) {
                    found.add(Printable.echo(name));
                }
            }
        } catch (IOException e) {
            return "--context " + dir + ": cannot list the folder: " + Messages.describe(e);
        }
        if (known == 0) {
            return "--context " + dir + " holds none of " + String.join(", ", FILES) + " (named exactly); found "
                    + (entries == 0 ? "nothing" : String.join(", ", found) + (entries > found.size() ? " and " + (entries - found.size()) + " more" : ""))
                    + "; for an empty context on purpose, use --empty-context";
        }
        return null;
    }

    /** A usage error of the options. */
    static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    /**
     * For commands that take scenario folders or plain messages (coverage, monitor): the scenario folders under
     * {@code paths}, or none when a context is given (the PATHs are then plain messages judged with it).
     */
    List<Scenario> scenarios(List<Path> paths) throws Usage, IOException {
        String p = problem(false);
        if (p != null) throw new Usage(p);
        if (given()) return List.of();
        List<Scenario> found = CorpusRunner.scenarios(paths, null);
        if (found.isEmpty()) {
            throw new Usage("no scenario folders (folders with messages/) under " + paths
                    + ": for plain messages give --context DIR, or --empty-context");
        }
        return found;
    }

    /** The context the options give (the problem having been checked). */
    Context load() throws ContextFormatException {
        return dir == null ? Context.empty() : CsvContextLoader.load(dir);
    }
}
