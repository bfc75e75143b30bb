package io.duisvalidator.internal.engine;

import io.duisvalidator.RuleSetId;
import io.duisvalidator.Severity;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The rule set, built once from {@code rules/} (hand-written DRL plus the rules generated from the tables) and shared
 * by all threads. {@link #evaluate} is thread-safe: each thread reuses its own session over the shared base (see {@link Session}).
 */
public final class RuleBase {
    /** The global of every rule file that the rules report to (rules/*.drl, rules/templates/*.drt). */
    static final String FINDINGS_GLOBAL = "findings";
    private static final System.Logger LOG = System.getLogger(RuleBase.class.getName());
    /**
     * What every rule names. Its reference is not among them: it is the source of the rule's requirement in the
     * requirements catalogue ({@code rules/requirements.csv}), the one home of every citation.
     */
    private static final List<String> REQUIRED_METADATA = List.of("ruleId", "requirement", "severity", "code");
    /** The requirements catalogue of the rule set (the classpath folder {@code rules/}). */
    static final String CATALOGUE = "requirements.csv";

    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    /** The same metadata in a hash map: consequences look their rule up by name on every firing. */
    private final Map<String, RuleInfo> rulesByName;
    /** The DRL, generated on first use when the rule base was built from the prebuilt model. */
    private final Supplier<Map<String, String>> sourceText;
    private volatile Map<String, String> sources;
    private final RuleTables tables;
    /** Requirement id to its source (reference), from the catalogue. */
    private final Map<String, String> references;
    private final RuleSetId id;
    private final java.util.Set<String> policyIds;
    private final String origin;
    private final ThreadLocal<Session> sessions;

    private final RuleSetManifest manifest;
    /**
     * The cells whose rules only record a pass, counted from the cell rather than fired (their rules are taken out of
     * the sessions' rule base), or null when they fire ({@link #firingPassCells}: the equivalence tests).
     */
    private final PassCells passCells;

    private RuleBase(KieBase kieBase, Map<String, String> references, Supplier<Map<String, String>> sourceText,
                     RuleTables tables, RuleSetId id, String origin, RuleSetManifest manifest, boolean countPassCells) {
        this(kieBase, List.of(), references, sourceText, tables, id, origin, manifest, countPassCells);
    }

    /**
     * @param leftOut the rules of the rule set left out of {@code kieBase} when it was built (the pass cells of the
     *                prebuilt model, {@link RuleModel#newKieBase}): their metadata is the rule set's all the same
     */
    private RuleBase(KieBase kieBase, List<RuleModel.Meta> leftOut, Map<String, String> references,
                     Supplier<Map<String, String>> sourceText, RuleTables tables, RuleSetId id, String origin,
                     RuleSetManifest manifest, boolean countPassCells) {
        this.manifest = manifest;
        this.kieBase = kieBase;
        List<RuleModel.Meta> all = new ArrayList<>(metadata(kieBase));
        all.addAll(leftOut);
        this.rules = readMetadata(all, references);
        this.rulesByName = new java.util.HashMap<>(rules);
        this.passCells = countPassCells ? passCells(kieBase, leftOut, rules, tables) : null;
        this.sourceText = sourceText;
        this.tables = tables;
        this.references = references;
        this.id = id;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (RuleInfo r : rules.values()) {
            ids.add(r.requirement());
            ids.add(r.code());
        }
        this.policyIds = java.util.Collections.unmodifiableSet(ids);
        this.origin = origin;
        this.sessions = new ThreadLocal<>();
    }

    /**
     * The rule set in force now ({@link RuleSets#current()}), for callers that judge no message by date (tests,
     * benchmarks, explain-schedule). Validators pick a rule set per message from {@link RuleSets}.
     */
    public static RuleBase load() {
        return RuleSets.standard().current();
    }

    /**
     * The rule set of a manifest (files under the classpath folder {@code rules/}). Built from its prebuilt rule model
     * when the jar carries a current one ({@link RuleModel}: generated and compiled by the build from the same files),
     * otherwise compiled from the files (hand-written DRL plus the rules generated from the tables);
     * {@link #origin()} says which. Fails with every build error it finds.
     */
    public static RuleBase load(RuleSetManifest manifest) {
        RuleTables tables = RuleTables.fromClasspath(manifest);
        Map<String, String> references = references(manifest);
        RuleModel.Choice choice = RuleModel.choose(manifest);
        if (choice.prebuilt()) {
            try {
                RuleModel.Built built = RuleModel.newKieBase(choice.modelClass());
                return new RuleBase(built.kieBase(), built.passCells(), references, () -> sources(manifest, tables),
                        tables, id(manifest, choice.ruleSetDigest()), choice.reason(), manifest, true);
            } catch (ReflectiveOperationException | LinkageError e) {
                choice = RuleModel.Choice.compile("the prebuilt rule model cannot be loaded: " + e, true);
            }
        }
        CompileRequirements.require(choice.reason(), org.drools.base.util.Drools.getFullVersion());
        if (choice.warn()) LOG.log(System.Logger.Level.WARNING, "rules of " + manifest.id() + " compiled at start: " + choice.reason());
        return compiled(sources(manifest, tables), tables, manifest, manifest.id(), references, choice.reason());
    }

    private static RuleSetId id(RuleSetManifest manifest, String digest) {
        return id(manifest.id(), manifest.version(), digest);
    }

    private static RuleSetId id(String name, String version, String digest) {
        return new RuleSetId(name, version, digest);
    }

    /**
     * The source of every requirement of a rule set's catalogues (the shared one and its own), by requirement id: the
     * reference of the rules that name it. An id in two of them is an error.
     */
    static Map<String, String> references(RuleSetManifest manifest) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String file : manifest.requirements()) {
            for (Map<String, String> row : RuleTables.readRuleFile(file)) {
                String id = row.get("id");
                String source = row.get("source");
                if (id == null || id.isBlank() || source == null || source.isBlank()) {
                    throw new IllegalStateException("rules/" + file + ": a row without id or source: " + row);
                }
                if (out.put(id, source) != null) {
                    throw new IllegalStateException("rule set " + manifest.id() + ": requirement " + id + " repeated (rules/" + file + ")");
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The rule set in force now with more DRL files compiled in (tests: a rule that fails on purpose shows what a
     * failing rule does to a decision and to the thread's session).
     */
    static RuleBase loadWith(Map<String, String> moreSources) {
        RuleSetManifest manifest = RuleSets.standard().currentManifest();
        RuleTables tables = RuleTables.fromClasspath(manifest);
        Map<String, String> sources = sources(manifest, tables);
        moreSources.forEach((f, drl) -> sources.put(f, RuleSources.inPackage(drl, manifest.rulePackage())));
        return compiled(sources, tables, manifest, manifest.id() + "-with-extra-rules", references(manifest),
                "with extra rules " + moreSources.keySet());
    }

    /**
     * The rule set {@code of} generated again from other tables (its hand-written DRL, the rules generated from
     * {@code tables}), compiled now: mutation analysis checks with it that a changed cell decides as it says.
     */
    public static RuleBase compiledFrom(RuleBase of, RuleTables tables, String name) {
        RuleSetManifest manifest = of.manifest;
        return compiled(sources(manifest, tables), tables, manifest, manifest.id(), references(manifest),
                "compiled from other tables: " + name);
    }

    /**
     * A rule base of the given DRL files alone (e.g. the negated rules of mutation analysis), over the tables of
     * {@code of}; its rules report to a {@code findings} global like those of the rule set.
     */
    public static RuleBase compiledOnly(RuleBase of, Map<String, String> sources, String name) {
        RuleSetManifest manifest = of.manifest;
        // no generated rule among them, so no pass cell to count
        return compiled(sources, of.tables(), manifest, manifest.id() + "-mutant", references(manifest), name, false);
    }

    private static RuleBase compiled(Map<String, String> sources, RuleTables tables, RuleSetManifest manifest,
                                     String name, Map<String, String> references, String reason) {
        return compiled(sources, tables, manifest, name, references, reason, true);
    }

    private static RuleBase compiled(Map<String, String> sources, RuleTables tables, RuleSetManifest manifest,
                                     String name, Map<String, String> references, String reason, boolean countPassCells) {
        KieBase kieBase = compile(sources);
        return new RuleBase(kieBase, references, () -> sources, tables,
                id(name, manifest.version(), digest(sources, manifest)), "compiled at start: " + reason, manifest,
                countPassCells);
    }

    /** The DRL of a rule set by file name: the hand-written files, then those generated from its tables. */
    static Map<String, String> sources(RuleSetManifest manifest, RuleTables tables) {
        Map<String, String> sources = new LinkedHashMap<>(RuleSources.handWritten(manifest));
        sources.putAll(new RuleGenerator(tables, manifest).generate());
        return sources;
    }

    private static KieBase compile(Map<String, String> sources) {
        KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            kb.add(ResourceFactory.newByteArrayResource(e.getValue().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath("rules/" + e.getKey()), ResourceType.DRL);
        }
        if (kb.hasErrors()) {
            StringBuilder sb = new StringBuilder("the rule set does not build:");
            for (KnowledgeBuilderError err : kb.getErrors()) {
                sb.append("\n  ").append(err.getResource() == null ? "" : err.getResource().getSourcePath())
                        .append(Arrays.toString(err.getLines())).append(": ").append(err.getMessage());
            }
            throw new IllegalStateException(sb.toString());
        }
        return kb.newKieBase();
    }

    /**
     * The cells that count the rules marked {@code @passCell} ({@link PassCells}), after taking those still in
     * {@code kieBase} out of it (a rule base compiled at start; the prebuilt model leaves them out as it builds, see
     * {@link RuleModel#newKieBase}); their metadata is already read. Fails when the cells and the marked rules disagree.
     */
    private static PassCells passCells(KieBase kieBase, List<RuleModel.Meta> leftOut, Map<String, RuleInfo> rules,
                                       RuleTables tables) {
        PassCells cells = PassCells.of(tables);
        java.util.Set<String> marked = new java.util.TreeSet<>();
        List<RuleModel.Meta> remove = new ArrayList<>();
        for (RuleModel.Meta m : metadata(kieBase)) if (m.passCell()) remove.add(m);
        for (List<RuleModel.Meta> l : List.of(remove, leftOut)) {
            for (RuleModel.Meta m : l) {
                RuleInfo i = rules.get(m.name());
                if (i != null && m.passCell()) marked.add(i.ruleId());
            }
        }
        cells.check(rules, marked);
        for (RuleModel.Meta m : remove) kieBase.removeRule(m.packageName(), m.name());
        return cells;
    }

    /** The name, package and metadata of every rule of a built rule base. */
    private static List<RuleModel.Meta> metadata(KieBase kieBase) {
        List<RuleModel.Meta> out = new ArrayList<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) out.add(new RuleModel.Meta(p.getName(), r.getName(), r.getMetaData()));
        }
        return out;
    }

    /**
     * The rule set in force now compiled from its files with its pass cells fired as rules, as before they were
     * counted from the cell (tests: the fired rules must be the same either way).
     */
    static RuleBase firingPassCells() {
        RuleSetManifest manifest = RuleSets.standard().currentManifest();
        RuleTables tables = RuleTables.fromClasspath(manifest);
        Map<String, String> sources = sources(manifest, tables);
        return new RuleBase(compile(sources), references(manifest), () -> sources, tables,
                id(manifest.id(), manifest.version(), digest(sources, manifest)), "compiled at start: pass cells fired",
                manifest, false);
    }

    private static Map<String, RuleInfo> readMetadata(List<RuleModel.Meta> all, Map<String, String> references) {
        Map<String, RuleInfo> out = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> ids = new TreeMap<>();
        for (RuleModel.Meta r : all) {
            Map<String, Object> md = r.metadata();
            List<String> missing = REQUIRED_METADATA.stream().filter(k -> md.get(k) == null).toList();
            if (!missing.isEmpty()) {
                problems.add("rule \"" + r.name() + "\" lacks metadata " + missing);
                continue;
            }
            String ruleId = text(md.get("ruleId"));
            String previous = ids.put(ruleId, r.name());
            if (previous != null) problems.add("rule id " + ruleId + " is used by \"" + previous + "\" and \"" + r.name() + "\"");
            String requirement = text(md.get("requirement"));
            String reference = references.get(requirement);
            if (reference == null) {
                problems.add("rule \"" + r.name() + "\" names requirement " + requirement + ", which is not in rules/" + CATALOGUE);
                continue;
            }
            if (md.containsKey("reference")) {
                problems.add("rule \"" + r.name() + "\" carries its own @reference: its requirement's source in rules/"
                        + CATALOGUE + " is its reference");
            }
            Severity severity;
            try {
                severity = Severity.valueOf(text(md.get("severity")));
            } catch (IllegalArgumentException e) {
                problems.add("rule \"" + r.name() + "\" has an unknown severity " + md.get("severity"));
                continue;
            }
            out.put(r.name(), new RuleInfo(r.name(), r.packageName(), ruleId, requirement, reference, severity,
                    text(md.get("code"))));
        }
        if (!problems.isEmpty()) throw new IllegalStateException("rule metadata: " + String.join("; ", problems));
        return Collections.unmodifiableMap(out);
    }

    private static String text(Object o) {
        String s = String.valueOf(o);
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * The content digest that {@link #id()} names (the build records it for the prebuilt model): of the rule set's
     * DRL, and of the requirements catalogue that gives the rules their references.
     */
    static String digest(Map<String, String> sources, RuleSetManifest manifest) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : new TreeMap<>(sources).entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (String file : manifest.requirements()) {
                md.update(file.getBytes(StandardCharsets.UTF_8));
                md.update(RuleSources.text(file).getBytes(StandardCharsets.UTF_8));
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the rules over the facts given (the request fact and its context slice) and returns what they found. */
    public Evaluation evaluate(List<?> facts) {
        Session s = sessions.get();
        if (s == null) {
            s = new Session(kieBase.newKieSession(), new Findings(rulesByName, passCells));
            sessions.set(s);
        }
        try {
            return s.run(facts);
        } catch (RuntimeException | Error e) {
            // a session stopped half-way is not trusted again: the next evaluation on this thread starts afresh
            sessions.remove();
            s.dispose();
            throw e;
        }
    }

    /**
     * One thread's stateful session, reused from one evaluation to the next. The rules report to the session's global
     * {@code findings} (one {@link Findings} per session, emptied before each evaluation and copied out after), so no
     * rule joins a fact of its own: only the request's facts are inserted, fired and deleted, and only the rules
     * whose literal constraints the request matches are touched. Reusing the session saves building the node and
     * segment memories of the rules a request touches on every evaluation. Each evaluation starts from the same,
     * empty, working memory, so decisions are those of a fresh session.
     */
    private static final class Session {
        private final KieSession session;
        private final Findings sink;
        private final List<FactHandle> handles = new ArrayList<>(8);

        Session(KieSession session, Findings sink) {
            this.session = session;
            this.sink = sink;
            session.setGlobal(FINDINGS_GLOBAL, sink);
        }

        Evaluation run(List<?> facts) {
            sink.clear();
            try {
                for (Object f : facts) handles.add(session.insert(f));
                session.fireAllRules();
                sink.passCells(facts);
            } finally {
                for (FactHandle h : handles) session.delete(h);
                handles.clear();
            }
            return sink.snapshot();
        }

        void dispose() {
            try {
                session.dispose();
            } catch (RuntimeException ignored) {
                // already broken; nothing more to release
            }
        }
    }

    /** The rule ids of the pass cells counted from the cell rather than fired (empty when they fire). */
    public java.util.Set<String> passCellIds() { return passCells == null ? java.util.Set.of() : passCells.ids(); }

    /** The ids of the rules the sessions run (without the pass cells taken out). */
    java.util.Set<String> compiledRuleIds() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) out.add(text(r.getMetaData().get("ruleId")));
        }
        return out;
    }

    /** Metadata of every rule, by rule name, as read back from the built rule base. */
    public Map<String, RuleInfo> rules() { return rules; }

    /** The DRL the rule base was built from, by file name (hand-written files and generated ones). */
    public Map<String, String> sources() {
        Map<String, String> s = sources;
        if (s == null) {
            synchronized (this) {
                if (sources == null) sources = Collections.unmodifiableMap(sourceText.get());
                s = sources;
            }
        }
        return s;
    }

    public RuleTables tables() { return tables; }

    /** The number of requirements in the rule set's catalogues (the shared one and its own). */
    public int requirementCount() { return references.size(); }

    /** The manifest of the rule set: its validity period and the files it is made of. */
    public RuleSetManifest manifest() { return manifest; }

    /** Id, version and content digest of the rule set: every decision names it. */
    public RuleSetId id() { return id; }

    /** The source (reference) of a requirement of the catalogue, or null when the catalogue has no such id. */
    public String reference(String requirement) { return requirement == null ? null : references.get(requirement); }

    /**
     * The ids a severity policy may name ({@link io.duisvalidator.ValidationSettings#severities()}): the requirement
     * ids and codes of the rules' findings.
     */
    public java.util.Set<String> policyIds() { return policyIds; }

    /**
     * How this rule base was built: {@code "prebuilt executable model <class>"}, or {@code "compiled at start: "}
     * and why the prebuilt model was not used (none on the classpath, stale, switched off).
     */
    public String origin() { return origin; }

    /** Built from the build's prebuilt rule model (rather than compiled at start). */
    public boolean prebuilt() { return origin.startsWith("prebuilt"); }
}
