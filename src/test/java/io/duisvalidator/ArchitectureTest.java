package io.duisvalidator;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the library (docs/architecture.md): the exported packages {@code io.duisvalidator} and
 * {@code io.duisvalidator.context} show and use no internal type, no package depends on itself through others, the
 * engine path never touches the tools (command line, reports, batch, coverage, monitor) nor the jars only they need,
 * and the Spark job is an entry point nothing depends on.
 */
class ArchitectureTest {
    static final String[] API = {"io.duisvalidator", "io.duisvalidator.context"};
    static final String INTERNAL = "io.duisvalidator.internal..";
    /** What an adaptor's validator runs: the API and the internal packages of the one way through. */
    static final String[] ENGINE_PATH = {"io.duisvalidator", "io.duisvalidator.context", "io.duisvalidator.internal.core..",
            "io.duisvalidator.internal.xml..", "io.duisvalidator.internal.facts..", "io.duisvalidator.internal.engine..",
            "io.duisvalidator.internal.decision..", "io.duisvalidator.internal.rules.."};
    static final String[] TOOLS = {"io.duisvalidator.internal.cli..", "io.duisvalidator.internal.report..",
            "io.duisvalidator.internal.batch..", "io.duisvalidator.internal.coverage..", "io.duisvalidator.internal.monitor..",
            "io.duisvalidator.spark.."};

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.duisvalidator");

    @Test
    void theImportSeesTheWholeLibrary() {
        // guards the rules below against passing on nothing
        assertThat(CLASSES.containPackage("io.duisvalidator.internal.cli")).isTrue();
        assertThat(CLASSES.containPackage("io.duisvalidator.internal.rules")).as("the prebuilt rule model").isTrue();
        assertThat(CLASSES.that(resideIn(API))).hasSizeGreaterThan(20);
    }

    private static DescribedPredicate<JavaClass> resideIn(String... packages) {
        return JavaClass.Predicates.resideInAnyPackage(packages);
    }

    @Test
    void exportedSignaturesMentionNoInternalType() {
        ArchRule rule = classes().that().resideInAnyPackage(API).and().arePublic()
                .should(new ArchCondition<>("mention no internal type in a public or protected signature") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (String problem : internalTypesInSignatures(c)) {
                            events.add(SimpleConditionEvent.violated(c, problem));
                        }
                    }
                });
        rule.check(CLASSES);
    }

    /** Internal types in the class's own declaration and its public or protected members' signatures. */
    static List<String> internalTypesInSignatures(JavaClass c) {
        List<String> out = new ArrayList<>();
        Set<JavaType> declared = new LinkedHashSet<>();
        c.getSuperclass().ifPresent(declared::add);
        declared.addAll(c.getInterfaces());
        declared.addAll(c.getTypeParameters());
        check(c.getName() + " extends/implements", declared, out);
        for (JavaMember m : c.getMembers()) {
            if (!(m.getModifiers().contains(JavaModifier.PUBLIC) || m.getModifiers().contains(JavaModifier.PROTECTED))) continue;
            Set<JavaType> types = new LinkedHashSet<>();
            if (m instanceof JavaField f) types.add(f.getType());
            if (m instanceof JavaCodeUnit u) {
                types.add(u.getReturnType());
                types.addAll(u.getParameterTypes());
                u.getThrowsClause().getTypes().forEach(types::add);
                types.addAll(u.getTypeParameters());
            }
            check(m.getFullName(), types, out);
        }
        return out;
    }

    private static void check(String where, Set<JavaType> types, List<String> out) {
        for (JavaType t : types) {
            for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                if (raw.getPackageName().startsWith("io.duisvalidator.internal")) out.add(where + " mentions " + raw.getName());
            }
        }
    }

    @Test
    void theSignatureCheckFindsAnInternalTypeWhenThereIsOne() {
        // the check above, on a class of the same package made to leak: it must fail
        JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
        assertThat(internalTypesInSignatures(leaky.get(Leaky.class))).hasSize(3)
                .allSatisfy(p -> assertThat(p).contains("io.duisvalidator.internal.engine.RuleBase"));
    }

    /** Not part of the library: a type that would break the rule (a public field, a parameter, a generic return). */
    public static final class Leaky {
        public io.duisvalidator.internal.engine.RuleBase rules;

        public void use(io.duisvalidator.internal.engine.RuleBase r) { }

        public java.util.Optional<io.duisvalidator.internal.engine.RuleBase> find() { return java.util.Optional.empty(); }

        void packagePrivateIsFine(io.duisvalidator.internal.engine.RuleBase r) { }
    }

    @Test
    void theExportedPackagesUseNoInternalPackage() {
        // stronger than signatures: the API finds its implementation through ServiceLoader (Validator.Provider)
        noClasses().that().resideInAnyPackage(API).should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .check(CLASSES);
    }

    @Test
    void theExportedPackagesDoNotDependOnTheTools() {
        noClasses().that().resideInAnyPackage(API).should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .check(CLASSES);
    }

    @Test
    void thereAreNoPackageCycles() {
        SliceAssignment everyPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return c.getPackageName().startsWith("io.duisvalidator") ? SliceIdentifier.of(c.getPackageName())
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() { return "each package of io.duisvalidator"; }
        };
        slices().assignedFrom(everyPackage).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEnginePathNeverUsesTheTools() {
        noClasses().that().resideInAnyPackage(ENGINE_PATH).should().dependOnClassesThat().resideInAnyPackage(TOOLS)
                .check(CLASSES);
    }

    @Test
    void theEnginePathNeedsNoneOfTheOptionalJars() {
        // the jars marked optional in pom.xml: an adaptor's build does not get them (docs/library.md)
        noClasses().that().resideInAnyPackage(ENGINE_PATH)
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "com.fasterxml.jackson..", "me.tongfei..",
                        "org.jline..", "org.eclipse.jdt..")
                .check(CLASSES);
        // drools-templates: only when the rules are compiled at start, and only through RuleGenerator
        noClasses().that().resideInAnyPackage(ENGINE_PATH)
                .and().doNotHaveFullyQualifiedName("io.duisvalidator.internal.engine.RuleGenerator")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools.template..")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnTheSparkJob() {
        noClasses().that().resideOutsideOfPackage("io.duisvalidator.spark..")
                .should().dependOnClassesThat().resideInAPackage("io.duisvalidator.spark..")
                .check(CLASSES);
    }
}
