package io.duisvalidator.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiling the rules at start needs jars an adaptor's build does not receive: a class path without them gets a
 * message naming the dependencies to add. (The consumer project under src/it shows it on a real class path.)
 */
class CompileRequirementsTest {
    static final String TEMPLATES = "org.drools.template.ObjectDataCompiler";
    static final String ECJ = "org.eclipse.jdt.internal.compiler.Compiler";

    @Test
    void withTheOptionalJarsNothingIsMissing() {
        assertThat(CompileRequirements.missing(c -> true, false, "10.2.0")).isEmpty();
        assertThat(CompileRequirements.missing(c -> true, true, "10.2.0")).isEmpty();
    }

    @Test
    void withoutDroolsTemplatesItIsNamed() {
        assertThat(CompileRequirements.missing(c -> !c.equals(TEMPLATES), true, "10.2.0"))
                .containsExactly("org.drools:drools-templates:10.2.0");
    }

    @Test
    void ecjIsNeededOnlyWhereTheJvmHasNoCompilerOfItsOwn() {
        assertThat(CompileRequirements.missing(c -> !c.equals(ECJ), true, "10.2.0")).isEmpty();
        assertThat(CompileRequirements.missing(c -> !c.equals(ECJ), false, "10.2.0"))
                .containsExactly("org.eclipse.jdt:ecj:" + CompileRequirements.ECJ_VERSION);
        assertThat(CompileRequirements.missing(c -> !Set.of(ECJ, TEMPLATES).contains(c), false, "10.2.0")).hasSize(2);
    }

    @Test
    void theMessageSaysWhyAndWhatToAdd() {
        assertThat(CompileRequirements.message("prebuilt rule model switched off", List.of("org.drools:drools-templates:10.2.0")))
                .isEqualTo("the rules must be compiled at start (prebuilt rule model switched off), which needs "
                        + "org.drools:drools-templates:10.2.0 on the class path: add it as a dependency (the prebuilt "
                        + "rule model in the duis-validator jar needs neither; docs/library.md)");
    }

    @Test
    void theEcjVersionNamedIsTheOneTheBuildUses() throws Exception {
        String jar = Class.forName(ECJ).getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("/ecj-" + CompileRequirements.ECJ_VERSION + ".jar");
    }
}
