package io.duisvalidator.internal.engine;

import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Build step, not used at run time: generates the executable model of the rule set from the {@code rules/} files on
 * the classpath (the hand-written DRL and the DRL generated from the tables, exactly what {@link RuleBase#load()}
 * would otherwise compile at start), compiles it, and writes its classes and the record of {@link RuleModel} into
 * the build's classes folder. Maven runs it in the {@code process-classes} phase (exec-maven-plugin, see pom.xml)
 * with {@code drools-model-codegen} on its classpath; that module is needed for this step only.
 *
 * <pre>java -cp target/classes:&lt;dependencies&gt;:drools-model-codegen... io.duisvalidator.internal.engine.RuleModelGenerator target/classes</pre>
 */
public final class RuleModelGenerator {
    /** The package of every rule (the DRL's {@code package}); the generated classes live there. */
    static final String RULE_PACKAGE = "io.duisvalidator.internal.rules";

    private RuleModelGenerator() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: RuleModelGenerator <classes folder>");
        Path classes = Path.of(args[0]);
        deleteTree(classes.resolve(RULE_PACKAGE.replace('.', '/') + "/")); // classes of an earlier generation
        for (String id : RuleSetManifest.listed()) generate(classes, RuleSetManifest.read(id));
    }

    /** The prebuilt model of one rule set, in its own package, with its record. */
    private static void generate(Path classes, RuleSetManifest manifest) throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> sources = RuleBase.sources(manifest, RuleTables.fromClasspath(manifest));
        ReleaseId release = KieServices.get().newReleaseId("io.duisvalidator", "duis-rule-model-" + manifest.id(), "1");
        InternalKieModule module = build(sources, release, manifest.rulePackage());

        String packageDir = manifest.rulePackage().replace('.', '/') + "/";
        int written = 0;
        for (String f : module.getFileNames()) {
            if (f.startsWith(packageDir) && f.endsWith(".class")) {
                Path out = classes.resolve(f);
                Files.createDirectories(out.getParent());
                Files.write(out, module.getBytes(f));
                written++;
            }
        }
        Properties record = new Properties();
        record.setProperty("model", modelClass(module, release));
        record.setProperty("inputs", RuleSources.inputsDigest(manifest));
        record.setProperty("ruleset", RuleBase.digest(sources, manifest));
        record.setProperty("drools", Drools.getFullVersion());
        Path recordFile = classes.resolve(RuleModel.record(manifest.id()));
        Files.createDirectories(recordFile.getParent());
        try (OutputStream os = Files.newOutputStream(recordFile)) {
            record.store(os, "prebuilt rule model of rule set " + manifest.id() + ": written by RuleModelGenerator at build time, read by RuleBase.load()");
        }
        System.out.printf("rule model %s: %d rule files, %d classes written under %s, %s (%.1f s)%n", manifest.id(),
                sources.size(), written, classes.resolve(packageDir), record.getProperty("model"), (System.nanoTime() - t0) / 1e9);
    }

    /** The executable model of the sources, compiled (drools-model-codegen), or every build error. */
    private static InternalKieModule build(Map<String, String> sources, ReleaseId release, String rulePackage)
            throws ClassNotFoundException {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(release);
        String folder = "src/main/resources/" + rulePackage.replace('.', '/') + "/";
        sources.forEach((file, drl) -> kfs.write(folder + file.replace('/', '-'), drl));
        // named, not imported: drools-model-codegen is on this step's classpath only, never on the library's
        Class<? extends KieBuilder.ProjectType> executableModel = Class
                .forName("org.drools.model.codegen.ExecutableModelProject").asSubclass(KieBuilder.ProjectType.class);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(executableModel);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder("the rule model does not build:");
            errors.forEach(m -> sb.append("\n  ").append(m.getPath()).append(':').append(m.getLine()).append(": ")
                    .append(m.getText()));
            throw new IllegalStateException(sb.toString());
        }
        return (InternalKieModule) builder.getKieModule();
    }

    /** The model class that the generated module names (one package, so one class). */
    private static String modelClass(InternalKieModule module, ReleaseId release) {
        String file = "META-INF/kie/" + release.getGroupId() + "/" + release.getArtifactId() + "/drools-model";
        byte[] bytes = module.getBytes(file);
        if (bytes == null) throw new IllegalStateException("the generated module has no " + file);
        List<String> models = new String(bytes, StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("Drools-Model-Version:")).toList();
        if (models.size() != 1) throw new IllegalStateException("expected one rule model in " + file + ", found " + models);
        return models.get(0);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
