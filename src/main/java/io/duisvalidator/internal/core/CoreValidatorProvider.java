package io.duisvalidator.internal.core;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.engine.RuleBase;

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
        return CoreValidator.create(rules(), context, readerOptions);
    }

    /** The rule base of the class path, built once. */
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
