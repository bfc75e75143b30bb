package io.duisvalidator.spark;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.facts.FactBuilder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor JVM builds once and shares between its tasks: the rule base (from the prebuilt rule model, as
 * {@link RuleBase#load()} does for the CLI), the fact builder, and one reading {@link CoreValidator} per reader
 * configuration. Never per task or per row.
 */
final class ExecutorRules {
    private static volatile RuleBase rules;
    private static volatile FactBuilder facts;
    private static final Map<ReaderOptions, CoreValidator> READERS = new ConcurrentHashMap<>();

    private ExecutorRules() {}

    static RuleBase rules() {
        RuleBase r = rules;
        if (r == null) {
            synchronized (ExecutorRules.class) {
                r = rules;
                if (r == null) {
                    r = RuleBase.load();
                    facts = new FactBuilder(r.tables());
                    rules = r;
                }
            }
        }
        return r;
    }

    static FactBuilder facts() {
        rules();
        return facts;
    }

    /** A validator with no context, used to read messages (reading needs no context) and to report unreadable input. */
    static CoreValidator reader(ReaderOptions options) {
        return READERS.computeIfAbsent(options, o -> CoreValidator.create(rules(), Context.empty(), o));
    }
}
