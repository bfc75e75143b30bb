package io.duisvalidator.spark;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.internal.facts.FactBuilder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor JVM builds once and shares between its tasks: the rule sets ({@link RuleSets#standard()}, as the
 * CLI takes them; each rule set is built from its prebuilt rule model on the first message that needs it, by the
 * library), the fact builder used to find the join keys, and one reading {@link CoreValidator} per reader
 * configuration and forced rule set. Never per task or per row.
 */
final class ExecutorRules {
    private static volatile FactBuilder facts;
    private static final Map<List<Object>, CoreValidator> READERS = new ConcurrentHashMap<>();

    private ExecutorRules() {}

    /** The rule sets of the catalogue (their validity periods are checked when first loaded). */
    static RuleSets sets() {
        return RuleSets.standard();
    }

    /** The rule set in force now (for the driver's checks that need one rule base, as the CLI's commands take it). */
    static RuleBase current() {
        return sets().current();
    }

    /**
     * The fact builder that finds each request's join keys (the device, its data side). It is built over the rule set
     * in force now: the tables it reads for keys (SRV catalogue, device types) are shared by every rule set
     * (docs/rule-sets.md, "Layout"), so it gives the same keys whichever rule set later judges the request; the rule set
     * that judges it builds its own facts in the judge stage.
     */
    static FactBuilder facts() {
        FactBuilder f = facts;
        if (f == null) {
            synchronized (ExecutorRules.class) {
                f = facts;
                if (f == null) {
                    f = new FactBuilder(current().tables());
                    facts = f;
                }
            }
        }
        return f;
    }

    /**
     * A validator with no context, used to read messages (reading needs no context) and to report unreadable input,
     * naming the rule set in force at the receipt instant (or the forced one) as the CLI's does.
     *
     * @param ruleSet the forced rule set ({@code --rule-set}), or null to choose by receipt instant
     */
    static CoreValidator reader(ReaderOptions options, String ruleSet) {
        return READERS.computeIfAbsent(java.util.Arrays.asList(options, ruleSet),
                k -> CoreValidator.create(sets(), ruleSet, Context.empty(), options));
    }
}
