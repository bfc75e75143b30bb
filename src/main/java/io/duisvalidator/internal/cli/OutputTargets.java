package io.duisvalidator.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The outputs of a run ({@code --out FILE}, {@code --responses DIR}) are never an input, a file inside an input
 * folder, a context file or the schema: checked before anything is opened, on real paths (links resolved, the longest
 * existing prefix of a path not yet made), so that no spelling of a path and no link gets round it.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    /** Why these outputs cannot be used with these inputs, or null when they can. */
    static String problem(Path out, Path responses, List<Path> inputs, Path context, Path schema) throws IOException {
        Path o = out == null ? null : real(out);
        Path r = responses == null ? null : real(responses);
        for (Path input : inputs) {
            Path in = real(input);
            boolean folder = Files.isDirectory(in);
            if (o != null) {
                if (o.equals(in)) return "--out " + out + " is an input of this run";
                if (folder && o.startsWith(in)) return "--out " + out + " is inside the input folder " + input;
            }
            if (r != null) {
                if (r.startsWith(in)) {
                    return "--responses " + responses + " is " + (r.equals(in) ? "" : "inside ") + "the input "
                            + (folder ? "folder " : "") + input + ": responses would be written among the inputs";
                }
                if (in.startsWith(r)) {
                    return "--responses " + responses + " holds the input " + input
                            + ": its response could replace it (choose a folder outside the inputs)";
                }
            }
        }
        if (o != null && r != null && o.startsWith(r)) return "--out " + out + " is inside the --responses folder " + responses;
        if (o != null && context != null && Files.isDirectory(context)) {
            Path c = real(context);
            for (String name : ContextOption.FILES) {
                if (o.getParent() != null && o.getParent().equals(c)
                        && o.getFileName().toString().toLowerCase(Locale.ROOT).equals(name)) {
                    return "--out " + out + " is a context file";
                }
            }
        }
        if (o != null && schema != null && Files.exists(schema) && o.equals(real(schema))) return "--out " + out + " is the --schema file";
        if (o != null && Files.isDirectory(o)) return "--out " + out + " is a folder, not a file";
        if (o != null && (o.getParent() == null || !Files.isDirectory(o.getParent()))) {
            return "--out " + out + ": the folder " + (out.toAbsolutePath().getParent()) + " does not exist";
        }
        if (r != null && Files.exists(r) && !Files.isDirectory(r)) return "--responses " + responses + " is not a folder";
        return null;
    }

    /** {@code p} with links resolved: its real path if it exists, else its parent's real path plus its name (a link followed). */
    static Path real(Path p) throws IOException {
        return real(p, 0);
    }

    private static Path real(Path p, int links) throws IOException {
        Path abs = p.toAbsolutePath();
        if (Files.exists(abs)) return abs.toRealPath();
        Path parent = abs.getParent();
        if (parent == null) return abs;
        if (Files.isSymbolicLink(abs) && links < 40) return real(parent.resolve(Files.readSymbolicLink(abs)), links + 1); // a link to nowhere yet
        Path rp = real(parent, links);
        String name = abs.getFileName().toString();
        if (name.equals(".")) return rp;
        if (name.equals("..")) return rp.getParent() == null ? rp : rp.getParent();
        return rp.resolve(name);
    }
}
