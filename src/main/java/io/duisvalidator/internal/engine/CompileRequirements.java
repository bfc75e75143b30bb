package io.duisvalidator.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What compiling the rules at start needs beyond the jars an adaptor's build receives (pom.xml marks them optional:
 * the prebuilt rule model needs none of them). Checked before compiling, so that a missing jar is a message naming
 * the dependency to add, not a {@code NoClassDefFoundError} from inside Drools.
 */
final class CompileRequirements {
    /** The ecj version drools-compiler names (pom.xml {@code ecj.version}). */
    static final String ECJ_VERSION = "3.44.0";

    private CompileRequirements() {}

    /**
     * The dependencies missing for a compile at start, as Maven coordinates.
     *
     * @param present        whether a class can be loaded
     * @param systemCompiler whether the JVM has its own Java compiler (a JDK; a bare JRE has none)
     * @param droolsVersion  the running Drools version
     */
    static List<String> missing(Predicate<String> present, boolean systemCompiler, String droolsVersion) {
        List<String> out = new ArrayList<>();
        // the rules generated from the tables (RuleGenerator)
        if (!present.test("org.drools.template.ObjectDataCompiler")) out.add("org.drools:drools-templates:" + droolsVersion);
        // Drools compiles the rules' Java with the JDK's compiler, or with ecj where the JVM has none
        if (!systemCompiler && !present.test("org.eclipse.jdt.internal.compiler.Compiler")) out.add("org.eclipse.jdt:ecj:" + ECJ_VERSION);
        return out;
    }

    /** Fails, naming what to add, when a compile at start cannot work on this class path. */
    static void require(String why, String droolsVersion) {
        List<String> missing = missing(CompileRequirements::loadable, javax.tools.ToolProvider.getSystemJavaCompiler() != null,
                droolsVersion);
        if (!missing.isEmpty()) throw new IllegalStateException(message(why, missing));
    }

    static String message(String why, List<String> missing) {
        return "the rules must be compiled at start (" + why + "), which needs " + String.join(" and ", missing)
                + " on the class path: add " + (missing.size() == 1 ? "it" : "them") + " as "
                + (missing.size() == 1 ? "a dependency" : "dependencies")
                + " (the prebuilt rule model in the duis-validator jar needs neither; docs/library.md)";
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, CompileRequirements.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
