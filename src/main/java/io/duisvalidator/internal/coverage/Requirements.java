package io.duisvalidator.internal.coverage;

import io.duisvalidator.internal.engine.RuleTables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requirements catalogue of a rule set ({@code rules/requirements.csv}, shared, and the rule set's own
 * {@code rules/rule-sets/<id>/requirements.csv}): every requirement it encodes, in file order.
 */
public final class Requirements {
    public static final String FILE = "requirements.csv";
    private static final List<String> COLUMNS = List.of("id", "document", "section", "source", "encoded_by", "text");

    private final Map<String, Requirement> byId;

    private Requirements(Map<String, Requirement> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The catalogue of the rule set in force now (the shared catalogue and that rule set's own). */
    public static Requirements load() {
        return load(io.duisvalidator.internal.engine.RuleSets.standard().currentManifest());
    }

    /** The catalogue of a rule set: every requirements file its manifest names (the shared one and its own). */
    public static Requirements load(io.duisvalidator.internal.engine.RuleSetManifest ruleSet) {
        return of(rows(ruleSet));
    }

    /** The rows of a rule set's catalogues, in file order. */
    public static List<Map<String, String>> rows(io.duisvalidator.internal.engine.RuleSetManifest ruleSet) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String file : ruleSet.requirements()) rows.addAll(RuleTables.readRuleFile(file));
        return rows;
    }

    /** A catalogue from rows with the columns of {@code requirements.csv}; fails on a blank field or a repeated id. */
    public static Requirements of(List<Map<String, String>> rows) {
        Map<String, Requirement> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int line = 1;
        for (Map<String, String> r : rows) {
            line++;
            List<String> blank = COLUMNS.stream().filter(c -> r.get(c) == null || r.get(c).isBlank()).toList();
            if (!blank.isEmpty()) {
                problems.add("row " + line + ": no " + blank);
                continue;
            }
            String enc = r.get("encoded_by");
            if (!enc.equals(Requirement.BY_RULES) && !enc.equals(Requirement.BY_READER)) {
                problems.add("row " + line + ": encoded_by is rules or reader, not " + enc);
            }
            Requirement q = new Requirement(r.get("id"), r.get("document"), r.get("section"), r.get("source"), enc, r.get("text"));
            if (out.put(q.id(), q) != null) problems.add("row " + line + ": id " + q.id() + " repeated");
        }
        if (!problems.isEmpty()) throw new IllegalStateException(FILE + ": " + String.join("; ", problems));
        return new Requirements(out);
    }

    public Collection<Requirement> all() { return byId.values(); }

    public Optional<Requirement> get(String id) { return Optional.ofNullable(byId.get(id)); }

    public boolean contains(String id) { return byId.containsKey(id); }

    public int size() { return byId.size(); }
}
