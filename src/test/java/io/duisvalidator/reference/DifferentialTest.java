package io.duisvalidator.reference;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Seeds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 */
class DifferentialTest {
    static final int WORLDS = 60;
    static final int REQUESTS_PER_WORLD = 400;
    static final long DEFAULT_SEED = 7_000L;

    private final ReferenceDecider reference = new ReferenceDecider();

    @Test
    void generatedRequestsAreDecidedAlikeByTheRulesAndTheReference() {
        long seed = Seeds.seed("DifferentialTest#generated", DEFAULT_SEED);
        List<String> differences = new ArrayList<>();
        Set<String> codesSeen = new HashSet<>();
        int cases = 0;
        for (int w = 0; w < WORLDS; w++) {
            RandomWorld world = new RandomWorld(seed + w);
            CoreValidator v = CoreValidator.create(Fixtures.RULES, world.context());
            for (int i = 0; i < REQUESTS_PER_WORLD; i++) {
                DuisRequest req = world.request();
                ValidationSettings s = world.settings();
                compare("seed " + (seed + w) + " (world " + w + ") request " + i + " " + req + " " + s, v, req,
                        world.context(), s, differences, codesSeen);
                cases++;
            }
        }
        assertThat(cases).isEqualTo(WORLDS * REQUESTS_PER_WORLD);
        assertThat(differences).as("seed %d: %d of %d decisions differ", seed, differences.size(), cases).isEmpty();
        // the generator reaches every response code the rules can give
        assertThat(codesSeen).as("seed %d", seed).contains("I99", "DV-HEADER", "E12", "E1", "DV-VERSION", "E2", "E19",
                "E11", "E5", "E4", "DV-SCHEDULE", "DV-H3.13A");
    }

    @Test
    void everySampleMessageIsDecidedAlikeByTheRulesAndTheReference() {
        DuisReader reader = new DuisReader();
        List<String> differences = new ArrayList<>();
        Set<String> codesSeen = new HashSet<>();
        int compared = 0;
        for (SampleCorpus.Item item : SampleCorpus.load(SampleCorpus.defaultRoot(), Fixtures.RULES)) {
            if (!(reader.read(item.bytes()) instanceof ReadResult.Ok ok)) continue; // DV-XML / DV-SCHEMA: no rules run
            ValidationSettings s = item.settings().receivedAt() != null ? item.settings()
                    : item.settings().at(Instant.now());
            compare(item.name(), item.validator(), ok.request(), item.context(), s, differences, codesSeen);
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(differences).as(differences.size() + " sample decisions differ").isEmpty();
        assertThat(codesSeen).contains("I99", "DV-HEADER", "E12", "E1", "DV-VERSION", "E2", "E19", "E11", "E5", "E4",
                "DV-SCHEDULE", "DV-H3.13A");
    }

    private void compare(String what, CoreValidator v, DuisRequest req, Context ctx, ValidationSettings s,
                         List<String> differences, Set<String> codesSeen) {
        Decision d = v.validate(req, s);
        ReferenceDecider.Result rules = ReferenceDecider.Result.of(d);
        ReferenceDecider.Result ref = reference.decide(req, ctx, s);
        codesSeen.add(rules.responseCode());
        if (rules.equals(ref)) return;
        if (differences.size() < 30) {
            differences.add(what + "\n    rules:     " + rules + "\n    reference: " + ref
                    + (d.findings().isEmpty() ? "" : "\n    findings: " + d.findings()));
        } else {
            differences.add("...");
        }
    }
}
