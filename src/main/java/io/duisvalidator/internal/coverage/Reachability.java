package io.duisvalidator.internal.coverage;

import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleInfo;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What no schema-valid message can reach, and why, computed from the tables ({@link MatrixAnalysis}) and the schema
 * ({@link SchemaFacts}): the requirements (table cells) discharged by construction, and the rules of a built rule
 * base that can never fire. The rule generator does not generate the latter (issue 17), so for this project's rules
 * the second map is empty; it is kept so that a rule base built from other tables, or an older one, shows them with
 * their reason instead of among the rules a corpus merely did not exercise.
 *
 * @param requirements requirement id to the reason no message reaches it
 * @param rules        rule id to the reason it can never fire
 */
public record Reachability(Map<String, String> requirements, Map<String, String> rules) {
    /** The generated rules whose pattern names a scheduled SRV: ELIG-srv-role-SCHED, HDR-5.1-SCHED-srv, HDR-5.1-DSP-OWNER-srv. */
    private static final Pattern SCHEDULED_RULE = Pattern.compile("ELIG-(.+)-[A-Z]+-SCHED|HDR-5\\.1-(?:SCHED|DSP-OWNER)-(.+)");

    public Reachability {
        requirements = Collections.unmodifiableMap(new TreeMap<>(requirements));
        rules = Collections.unmodifiableMap(new TreeMap<>(rules));
    }

    public static Reachability of(RuleBase rules, MatrixAnalysis.Result matrix) {
        Map<String, String> reqs = new TreeMap<>();
        for (MatrixAnalysis.TrtCell c : matrix.trtCells()) if (!c.reachable()) reqs.put(c.requirement(), c.reason());
        Set<String> schedulable = SchemaFacts.schedulableSrvs();
        Map<String, String> out = new TreeMap<>();
        for (RuleInfo r : rules.rules().values()) {
            if (reqs.containsKey(r.requirement())) {
                out.put(r.ruleId(), reqs.get(r.requirement()));
                continue;
            }
            Matcher m = SCHEDULED_RULE.matcher(r.ruleId());
            if (m.matches()) {
                String srv = m.group(1) != null ? m.group(1) : m.group(2);
                if (!schedulable.contains(srv)) out.put(r.ruleId(), MatrixAnalysis.notSchedulable(srv));
            }
        }
        return new Reachability(reqs, out);
    }
}
