package io.duisvalidator.reference;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The scenario folders of {@code samples/} as one corpus of real-shaped messages (every MP162 SRV, both generations,
 * every role, accepts and rejects, signed), each with the context and settings of its scenario.
 */
public final class SampleCorpus {
    /** One message of the corpus with everything needed to judge it. */
    public record Item(String name, byte[] bytes, Context context, ValidationSettings settings, CoreValidator validator) {}

    private SampleCorpus() {}

    /** Every message of every scenario under {@code root}, in sorted order. */
    public static List<Item> load(Path root, RuleBase rules) {
        return load(root, ctx -> CoreValidator.create(rules, ctx));
    }

    private static List<Item> load(Path root, Function<Context, CoreValidator> validators) {
        try {
            List<Item> out = new ArrayList<>();
            for (Scenario sc : Scenario.find(List.of(root))) {
                Context ctx = Files.isDirectory(sc.context()) ? CsvContextLoader.load(sc.context()) : Context.empty();
                ValidationSettings settings = sc.settings(ValidationSettings.defaults());
                CoreValidator v = validators.apply(ctx);
                try (Stream<Path> files = Files.list(sc.messages())) {
                    for (Path p : files.sorted().toList()) {
                        out.add(new Item(sc.dir().getFileName() + "/" + p.getFileName(), Files.readAllBytes(p), ctx, settings, v));
                    }
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the sample corpus under " + root + ": " + e, e);
        }
    }

    /**
     * Every message of every scenario under {@code root}, each judged by the rule set in force at its scenario's
     * {@code at} (now when it has none), as {@code validate --expect} judges it.
     */
    public static List<Item> load(Path root, RuleSets sets) {
        return load(root, ctx -> CoreValidator.create(sets, null, ctx, ReaderOptions.defaults()));
    }

    /** {@code samples/} of the project, found from the working directory (the project folder under Maven). */
    public static Path defaultRoot() {
        Path p = Path.of("samples");
        if (!Files.isDirectory(p)) throw new IllegalStateException("no samples/ folder under " + Path.of("").toAbsolutePath());
        return p;
    }
}
