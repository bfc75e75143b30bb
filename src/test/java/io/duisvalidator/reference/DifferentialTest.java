package io.duisvalidator.reference;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.support.Seeds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule set (Drools, its tables in {@code rules/}, {@code FactBuilder}) and the {@link ReferenceDecider} (its own
 * {@link Transcription} of MP162 and DUIS, its own facts) must reach the same decision (mode, role, outcome,
 * responseCode, trtSeconds, scheduledTrtSeconds and the set of finding codes with severity) over thousands of
 * generated requests and contexts, and over every message of samples/. The two share only the parsed request and the
 * context, so a wrong cell in {@code rules/tables/} makes this test fail (docs/coverage.md, "Independent oracles").
 *
 * <p>The generator's seed: {@code -Dduis.test.seed=N} (default {@value #DEFAULT_SEED}); world {@code w} uses seed
 * N + w. Printed with each run and in the failure message.
 *
 * <p>Both rule sets (issue 15): each request is judged by the rule set in force at its receipt instant, on both
 * sides of the MP162 go-live (the product from its manifests, the reference from its own boundary), or by the one
 * the world forces for it (as {@code --rule-set}); the rule set each names is compared too, and both rule sets must
 * judge a share of the requests and reach their own codes.
 */
class DifferentialTest {
    static final int WORLDS = 60;
    static final int REQUESTS_PER_WORLD = 400;
    static final long DEFAULT_SEED = 7_000L;

    /** The project's rule sets, each built once for the whole run. */
    static final RuleSets SETS = RuleSets.standard();

    private final ReferenceDecider reference = new ReferenceDecider();

    @Test
    void generatedRequestsAreDecidedAlikeByTheRulesAndTheReference() {
        long seed = Seeds.seed("DifferentialTest#generated", DEFAULT_SEED);
        List<String> differences = new ArrayList<>();
        Map<String, Set<String>> codesSeen = new TreeMap<>();
        Map<String, Integer> forcedJudged = new TreeMap<>();
        int cases = 0;
        for (int w = 0; w < WORLDS; w++) {
            RandomWorld world = new RandomWorld(seed + w);
            // by the receipt instant, and each rule set forced (--rule-set); the rule sets are built once (RuleSets)
            CoreValidator byInstant = CoreValidator.create(SETS, null, world.context(), ReaderOptions.defaults());
            Map<String, CoreValidator> forced = new HashMap<>();
            for (String id : RandomWorld.RULE_SETS) {
                forced.put(id, CoreValidator.create(SETS, id, world.context(), ReaderOptions.defaults()));
            }
            for (int i = 0; i < REQUESTS_PER_WORLD; i++) {
                DuisRequest req = world.request();
                ValidationSettings s = world.settings();
                String force = world.forcedRuleSet();
                CoreValidator v = force == null ? byInstant : forced.get(force);
                if (force != null) forcedJudged.merge(force, 1, Integer::sum);
                compare("seed " + (seed + w) + " (world " + w + ") request " + i + (force == null ? "" : " --rule-set " + force)
                        + " " + req + " " + s, v, req, world.context(), s, force, differences, codesSeen);
                cases++;
            }
        }
        assertThat(cases).isEqualTo(WORLDS * REQUESTS_PER_WORLD);
        assertThat(differences).as("seed %d: %d of %d decisions differ", seed, differences.size(), cases).isEmpty();
        assertThat(forcedJudged.keySet()).as("seed %d: both rule sets are forced sometimes", seed)
                .containsExactlyInAnyOrderElementsOf(RandomWorld.RULE_SETS);
        // the generator reaches every response code each rule set can give
        assertThat(codesSeen.keySet()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(RandomWorld.RULE_SETS);
        assertThat(codesSeen.get("mp162")).as("seed %d, mp162", seed).contains("I99", "DV-HEADER", "E12", "E1",
                "DV-VERSION", "E2", "E19", "E11", "E5", "E4", "DV-SCHEDULE", "DV-H3.13A");
        assertThat(codesSeen.get("before-mp162")).as("seed %d, before-mp162", seed).contains("I99", "DV-HEADER", "E12",
                "E1", "E2", "E19", "E11", "E5", "E4", "DV-SCHEDULE").doesNotContain("DV-VERSION", "DV-H3.13A");
    }

    @Test
    void everySampleMessageIsDecidedAlikeByTheRulesAndTheReference() {
        DuisReader reader = new DuisReader();
        List<String> differences = new ArrayList<>();
        Map<String, Set<String>> codesSeen = new TreeMap<>();
        int compared = 0;
        for (SampleCorpus.Item item : SampleCorpus.load(SampleCorpus.defaultRoot(), SETS)) {
            if (!(reader.read(item.bytes()) instanceof ReadResult.Ok ok)) continue; // DV-XML / DV-SCHEMA: no rules run
            ValidationSettings s = item.settings().receivedAt() != null ? item.settings()
                    : item.settings().at(Instant.now());
            compare(item.name(), item.validator(), ok.request(), item.context(), s, null, differences, codesSeen);
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(differences).as(differences.size() + " sample decisions differ").isEmpty();
        assertThat(codesSeen.get("mp162")).contains("I99", "DV-HEADER", "E12", "E1", "DV-VERSION", "E2", "E19", "E11",
                "E5", "E4", "DV-SCHEDULE", "DV-H3.13A");
        // the go-live scenarios (samples/rule-sets-go-live-*) are judged before MP162
        assertThat(codesSeen.get("before-mp162")).contains("I99", "E1", "DV-SCHEDULE");
    }

    private void compare(String what, CoreValidator v, DuisRequest req, Context ctx, ValidationSettings s, String force,
                         List<String> differences, Map<String, Set<String>> codesSeen) {
        Decision d = v.validate(req, s);
        ReferenceDecider.Result rules = ReferenceDecider.Result.of(d);
        ReferenceDecider.Result ref = reference.decide(req, ctx, s, force);
        codesSeen.computeIfAbsent(String.valueOf(rules.ruleSet()), k -> new HashSet<>()).add(rules.responseCode());
        if (rules.equals(ref)) return;
        if (differences.size() < 30) {
            differences.add(what + "\n    rules:     " + rules + "\n    reference: " + ref
                    + (d.findings().isEmpty() ? "" : "\n    findings: " + d.findings()));
        } else {
            differences.add("...");
        }
    }
}
