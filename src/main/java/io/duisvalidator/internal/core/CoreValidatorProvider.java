package io.duisvalidator.internal.core;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSets;

/**
 * What {@code Validator.builder().build()} finds through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.duisvalidator.Validator$Provider}). The rule base of the class path is built on the
 * first call and shared by every validator built after it (it is immutable and thread-safe); a build that fails is
 * tried again on the next call.
 */
public final class CoreValidatorProvider implements Validator.Provider {
    private static final Object LOCK = new Object();
    private static volatile RuleBase rules;

    /** Called by {@link java.util.ServiceLoader}. */
    public CoreValidatorProvider() {}

    @Override
    public Validator create(Context context, ReaderOptions readerOptions) {
        rules(); // the rule set in force now, built at the first build as before; the others when a request needs them
        return CoreValidator.create(RuleSets.standard(), null, context, readerOptions);
    }

    @Override
    public Validator create(Context context, ReaderOptions readerOptions, String ruleSet) {
        return CoreValidator.create(RuleSets.standard(), ruleSet, context, readerOptions);
    }

    /** The rule set of the class path in force now, built once. */
    public static RuleBase rules() {
        RuleBase r = rules;
        if (r == null) {
            synchronized (LOCK) {
                r = rules;
                if (r == null) {
                    r = RuleBase.load();
                    rules = r;
                }
            }
        }
        return r;
    }
}
