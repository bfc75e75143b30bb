package io.duisvalidator;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the {@link Validator.Provider} once (the library's implementation, through {@link ServiceLoader}). */
final class Providers {
    private static volatile Validator.Provider provider;

    private Providers() {}

    static Validator.Provider provider() {
        Validator.Provider p = provider;
        if (p == null) {
            Iterator<Validator.Provider> it = ServiceLoader.load(Validator.Provider.class, Validator.class.getClassLoader())
                    .iterator();
            if (!it.hasNext()) {
                throw new IllegalStateException("duis-validator's implementation is missing: no "
                        + "META-INF/services/io.duisvalidator.Validator$Provider beside " + Validator.class.getName()
                        + " (was the jar repackaged without its service files?)");
            }
            p = it.next();
            provider = p;
        }
        return p;
    }
}
