package io.duisvalidator.internal.engine;

import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step, not used at run time: generates the executable model of the rule set from the {@code rules/} files on
 * the classpath (the hand-written DRL and the DRL generated from the tables, exactly what {@link RuleBase#load()}
 * would otherwise compile at start), compiles it, and writes its classes and the record of {@link RuleModel} into
 * the build's classes folder. Maven runs it in the {@code process-classes} phase (exec-maven-plugin, see pom.xml)
 * with {@code drools-model-codegen} on its classpath; that module is needed for this step only.
 *
 * <p>A rule set whose model is up to date is not generated again: its record names a build key, the digest of
 * everything the model is built from and compiled against (the rule files and templates, the Drools version, and
 * every other file of the classes folder: the fact classes the generated code calls). Only a rule set whose key
 * changed is deleted and generated again, and the folder of a rule set no longer listed is deleted; {@code mvn clean}
 * regenerates all.
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
        List<RuleSetManifest> manifests = RuleSetManifest.listed().stream().map(RuleSetManifest::read).toList();
        deleteUnlisted(classes, manifests);
        String compiledAgainst = compiledAgainst(classes);
        for (RuleSetManifest manifest : manifests) {
            String key = buildKey(manifest, compiledAgainst);
            if (upToDate(classes, manifest, key)) {
                System.out.printf("rule model %s: up to date (build key %s)%n", manifest.id(), key);
            } else {
                deleteTree(classes.resolve(manifest.rulePackage().replace('.', '/'))); // an earlier generation
                generate(classes, manifest, key);
            }
        }
    }

    /** What a rule set's model depends on: its rule files and templates, Drools, and the classes it is compiled against. */
    static String buildKey(RuleSetManifest manifest, String compiledAgainst) {
        return sha256(RuleSources.inputsDigest(manifest) + "\n" + Drools.getFullVersion() + "\n" + compiledAgainst);
    }

    /** True when the record names this build key and the model class it names is in the folder. */
    private static boolean upToDate(Path classes, RuleSetManifest manifest, String key) throws IOException {
        Path recordFile = classes.resolve(RuleModel.record(manifest.id()));
        if (!Files.isRegularFile(recordFile)) return false;
        Properties record = new Properties();
        try (InputStream in = Files.newInputStream(recordFile)) {
            record.load(in);
        }
        String model = record.getProperty("model");
        return key.equals(record.getProperty("build")) && model != null
                && Files.isRegularFile(classes.resolve(model.replace('.', '/') + ".class"));
    }

    /**
     * The digest of every file of the classes folder outside the generated rule packages and their records, by
     * relative path: the fact and engine classes the generated code is compiled against, and the rule files.
     */
    static String compiledAgainst(Path classes) throws IOException {
        Path rules = classes.resolve(RULE_PACKAGE.replace('.', '/'));
        Path records = classes.resolve(RuleModel.RECORD).getParent();
        MessageDigest md = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(rules) && !f.startsWith(records))
                    .sorted().toList();
        }
        for (Path f : files) {
            md.update((classes.relativize(f).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Deletes the generated package of every rule set that is no longer listed (the rule packages hold nothing else). */
    private static void deleteUnlisted(Path classes, List<RuleSetManifest> manifests) throws IOException {
        Path rules = classes.resolve(RULE_PACKAGE.replace('.', '/'));
        if (!Files.isDirectory(rules)) return;
        Set<Path> listed = manifests.stream().map(m -> classes.resolve(m.rulePackage().replace('.', '/')))
                .collect(Collectors.toSet());
        try (Stream<Path> children = Files.list(rules)) {
            for (Path child : children.toList()) if (!listed.contains(child)) deleteTree(child);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The prebuilt model of one rule set, in its own package, with its record. */
    private static void generate(Path classes, RuleSetManifest manifest, String key) throws Exception {
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
        record.setProperty("build", key);
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
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(dir);
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
