package io.duisvalidator.support;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * jqwik's side of {@link Seeds}: with {@code -Dduis.test.seed=N} every jqwik property runs with seed N (jqwik takes it
 * as its own {@code @Property(seed = "N")}); without it jqwik picks a random seed as usual. Either way the seed each
 * property ran with is printed. Registered for every property through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook} (test resources).
 */
public final class JqwikSeeds implements AroundPropertyHook {
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String given = System.getProperty(Seeds.PROPERTY);
        if (given != null && !given.isBlank()) context.attributes().setSeed(given.trim());
        PropertyExecutionResult result = property.execute();
        String test = context.containerClass().getSimpleName() + "#" + context.targetMethod().getName();
        System.out.println(test + ": jqwik seed " + result.seed().orElse("?") + " (rerun: mvn test -Dtest="
                + context.containerClass().getSimpleName() + " -D" + Seeds.PROPERTY + "=" + result.seed().orElse("?") + ")");
        return result;
    }
}
