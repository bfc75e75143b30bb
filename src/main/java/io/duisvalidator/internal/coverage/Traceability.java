package io.duisvalidator.internal.coverage;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Requirements against their encoders, both ways: every rule of the built rule base names a requirement of the
 * catalogue; every catalogue requirement is encoded, by at least one rule ({@code encoded_by=rules}) or by the XML
 * reader ({@code encoded_by=reader}, checked against {@link CoreValidator#READER_REQUIREMENTS}, the ids the reader puts
 * in its findings), or discharged by the schema ({@link #dischargedBySchema}: N/A cells no schema-valid message reaches).
 */
public final class Traceability {
    private Traceability() {}

    /** The rule ids of the built rule base that encode each requirement, by requirement id. */
    public static Map<String, Set<String>> rulesByRequirement(RuleBase rules) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (RuleInfo r : rules.rules().values()) {
            out.computeIfAbsent(r.requirement(), k -> new TreeSet<>()).add(r.ruleId());
        }
        return out;
    }

    /** Every broken link, one line each; empty when the catalogue and the encoders agree. */
    public static List<String> problems(Requirements catalogue, RuleBase rules, Set<String> readerRequirements) {
        List<String> out = new ArrayList<>();
        Map<String, Set<String>> byReq = rulesByRequirement(rules);
        Set<String> bySchema = dischargedBySchema(rules);
        for (RuleInfo r : new TreeMap<>(rules.rules()).values()) {
            if (!catalogue.contains(r.requirement())) {
                out.add("rule " + r.ruleId() + " names requirement " + r.requirement() + ", which is not in rules/" + Requirements.FILE);
            }
        }
        for (String id : new TreeSet<>(readerRequirements)) {
            if (!catalogue.contains(id)) out.add("the XML reader encodes requirement " + id + ", which is not in rules/" + Requirements.FILE);
        }
        for (Requirement q : catalogue.all()) {
            boolean byRules = byReq.containsKey(q.id());
            boolean byReader = readerRequirements.contains(q.id());
            if (Requirement.BY_RULES.equals(q.encodedBy()) && !byRules && !bySchema.contains(q.id())) {
                out.add("requirement " + q.id() + " is encoded by no rule" + (byReader ? " (the reader encodes it: encoded_by=reader?)" : ""));
            }
            if (Requirement.BY_READER.equals(q.encodedBy()) && !byReader) {
                out.add("requirement " + q.id() + " is said to be encoded by the reader, which does not encode it"
                        + (byRules ? " (rules do: encoded_by=rules?)" : ""));
            }
        }
        return out;
    }

    /**
     * Requirements that need no rule because the schema itself keeps every message out of their cell: the N/A
     * Scheduled cells of the SRVs a 5.1 cannot schedule (MatrixAnalysis, Reach.NOT_SCHEDULABLE). No rule is generated
     * for them (a rule there could never fire); the static analysis discharges them.
     */
    public static Set<String> dischargedBySchema(RuleBase rules) {
        Set<String> out = new TreeSet<>();
        for (MatrixAnalysis.TrtCell c : MatrixAnalysis.analyse(rules).trtCells()) {
            if (c.reach() == MatrixAnalysis.Reach.NOT_SCHEDULABLE && "N/A".equals(c.value())) out.add(c.requirement());
        }
        return out;
    }

    /** {@link #problems(Requirements, RuleBase, Set)} with the Validator's own reader requirements. */
    public static List<String> problems(Requirements catalogue, RuleBase rules) {
        return problems(catalogue, rules, CoreValidator.READER_REQUIREMENTS);
    }
}
