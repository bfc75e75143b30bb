package io.duisvalidator.internal.engine;

import org.drools.base.util.Drools;
import org.drools.model.EntryPoint;
import org.drools.model.Global;
import org.drools.model.Model;
import org.drools.model.Query;
import org.drools.model.Rule;
import org.drools.model.TypeMetaData;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The prebuilt rule model: the executable model (Drools' rules as Java classes) of the rule set, generated and compiled
 * by the build from the same {@code rules/} files ({@link RuleModelGenerator}, phase {@code process-classes}) and
 * packed in the jar with a record of what it was built from. Building a rule base from it compiles nothing, which
 * is what makes {@link RuleBase#load()} fast from a cold JVM. The record is trusted only when the digest of the
 * {@code rules/} files on the classpath and the running Drools version are those it names; otherwise the rule base is
 * compiled from the files at start, as without a prebuilt model, and a warning says why.
 */
final class RuleModel {
    /** The record the build writes beside the model's classes, one per rule set ({@link #record(String)}). */
    static final String RECORD = "META-INF/duis-validator/rule-model-";

    /** The path of the record of a rule set's prebuilt model. */
    static String record(String ruleSetId) {
        return RECORD + ruleSetId + ".properties";
    }
    /** {@code -Dduis.rules.prebuilt=false} compiles the rules at start even where a current prebuilt model exists. */
    static final String SWITCH = "duis.rules.prebuilt";

    private RuleModel() {}

    /**
     * What {@link RuleBase#load()} builds from: the prebuilt model ({@code modelClass} set, with the rule-set digest
     * recorded at build time) or the {@code rules/} files ({@code modelClass} null), with why, and whether the
     * reason deserves a warning (a prebuilt model missing or stale, rather than switched off).
     */
    record Choice(String modelClass, String ruleSetDigest, String reason, boolean warn) {
        boolean prebuilt() { return modelClass != null; }

        static Choice compile(String reason, boolean warn) { return new Choice(null, null, reason, warn); }
    }

    static Choice choose(RuleSetManifest manifest) {
        return choose(readRecord(manifest.id()), RuleSources.inputsDigest(manifest), Drools.getFullVersion(), System.getProperty(SWITCH));
    }

    static Choice choose(Properties record, String inputsDigest, String droolsVersion, String switchValue) {
        if ("false".equalsIgnoreCase(switchValue)) {
            return Choice.compile("prebuilt rule model switched off (-D" + SWITCH + "=false)", false);
        }
        if (record == null) return Choice.compile("no prebuilt rule model on the classpath (" + RECORD + "*.properties)", true);
        String builtFrom = record.getProperty("inputs");
        if (!inputsDigest.equals(builtFrom)) {
            return Choice.compile("the prebuilt rule model is stale: built from rules/ " + builtFrom
                    + ", the rules/ on the classpath are " + inputsDigest, true);
        }
        String builtFor = record.getProperty("drools");
        if (!droolsVersion.equals(builtFor)) {
            return Choice.compile("the prebuilt rule model was built for Drools " + builtFor + ", running " + droolsVersion, true);
        }
        String model = record.getProperty("model");
        String digest = record.getProperty("ruleset");
        if (model == null || digest == null) return Choice.compile("the prebuilt rule model's record is incomplete", true);
        return new Choice(model, digest, "prebuilt executable model " + model, false);
    }

    /** The record of the prebuilt model on the classpath, or null when there is none. */
    static Properties readRecord(String ruleSetId) {
        try (InputStream in = RuleModel.class.getClassLoader().getResourceAsStream(record(ruleSetId))) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + record(ruleSetId), e);
        }
    }

    /** A rule's name, package and metadata, read from a built rule base or from the prebuilt model. */
    record Meta(String packageName, String name, Map<String, Object> metadata) {
        /** Marked {@code @passCell}: counted from its cell, never fired ({@link PassCells}). */
        boolean passCell() { return metadata.containsKey(PassCells.MARK); }
    }

    /** A rule base built from the prebuilt model, and the pass cells it was built without. */
    record Built(KieBase kieBase, List<Meta> passCells) {}

    /**
     * A rule base built from the prebuilt model's classes (nothing compiled), without the rules marked
     * {@code @passCell}: they never fire ({@link PassCells}), so the rule base is built without them rather than
     * built with them and then taken apart; their metadata is returned beside it.
     */
    static Built newKieBase(String modelClass) throws ReflectiveOperationException {
        Model model = (Model) Class.forName(modelClass, true, RuleModel.class.getClassLoader())
                .getDeclaredConstructor().newInstance();
        List<Rule> kept = new ArrayList<>();
        List<Meta> passCells = new ArrayList<>();
        for (Rule r : model.getRules()) {
            Meta m = new Meta(r.getPackage(), r.getName(), r.getMetaData());
            if (m.passCell()) passCells.add(m);
            else kept.add(r);
        }
        Model without = new Model() {
            @Override public String getName() { return model.getName(); }
            @Override public String getPackageName() { return model.getPackageName(); }
            @Override public List<Global> getGlobals() { return model.getGlobals(); }
            @Override public List<Rule> getRules() { return kept; }
            @Override public List<Query> getQueries() { return model.getQueries(); }
            @Override public List<TypeMetaData> getTypeMetaDatas() { return model.getTypeMetaDatas(); }
            @Override public List<EntryPoint> getEntryPoints() { return model.getEntryPoints(); }
        };
        return new Built(KieBaseBuilder.createKieBaseFromModel(without), List.copyOf(passCells));
    }
}
