package io.duisvalidator.internal.batch;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.ReaderOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Runs a corpus the way the command line does: scenario folders each with their own context and pinned settings, or
 * plain message paths with one context and one set of settings. The one home of "how a scenario is run", shared by
 * {@code validate --expect}, {@code monitor} and {@code coverage}.
 */
public final class CorpusRunner {
    private final RuleBase rules;
    private final ReaderOptions readerOptions;
    private final int threads;

    public CorpusRunner(RuleBase rules, ReaderOptions readerOptions, int threads) {
        this.rules = rules;
        this.readerOptions = readerOptions;
        this.threads = threads;
    }

    /** Validates every message under {@code inputs} with one context and settings; returns the number of messages. */
    public long run(Context ctx, ValidationSettings settings, List<Path> inputs, Consumer<FileResult> sink)
            throws InterruptedException {
        return new BatchRunner(CoreValidator.create(rules, ctx, readerOptions), settings, threads)
                .run(new InputFiles(inputs), sink);
    }

    /**
     * Validates a scenario's messages with its own context and the settings it pins on top of {@code defaults};
     * {@code override} may then force a setting (e.g. monitor's H3.13A policy). The scenario's context goes to
     * {@code onContext} before any message is validated.
     */
    public long run(Scenario sc, ValidationSettings defaults, UnaryOperator<ValidationSettings> override,
                    Consumer<Context> onContext, Consumer<FileResult> sink)
            throws IOException, ContextFormatException, InterruptedException {
        Context ctx = sc.loadContext();
        onContext.accept(ctx);
        return run(ctx, override.apply(sc.settings(defaults)), List.of(sc.messages()), sink);
    }

    /** Validates a scenario with its own context and pinned settings. */
    public long run(Scenario sc, ValidationSettings defaults, Consumer<FileResult> sink)
            throws IOException, ContextFormatException, InterruptedException {
        return run(sc, defaults, UnaryOperator.identity(), c -> { }, sink);
    }

    /**
     * The scenario folders of a run: those under the folder PATHs when no explicit context is given (the command
     * line's rule: an explicit {@code --context} means the PATHs are plain messages). Empty means "plain paths".
     */
    public static List<Scenario> scenarios(List<Path> paths, Path explicitContext) throws IOException {
        if (explicitContext != null) return List.of();
        return Scenario.find(paths.stream().filter(Files::isDirectory).toList());
    }
}
