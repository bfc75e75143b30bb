package io.duisvalidator.reference;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.Decision;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.facts.FactBuilder;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule set (Drools) and the hand-written {@link ReferenceDecider} must reach the same decision (outcome,
 * responseCode, trtSeconds, scheduledTrtSeconds and the set of finding codes with severity) on the same facts:
 * over thousands of generated requests and contexts, and over every message of samples/.
 */
class DifferentialTest {
    static final int WORLDS = 60;
    static final int REQUESTS_PER_WORLD = 400;

    private final ReferenceDecider reference = new ReferenceDecider(Fixtures.RULES.tables());
    private final FactBuilder facts = new FactBuilder(Fixtures.RULES.tables());

    @Test
    void generatedRequestsAreDecidedAlikeByTheRulesAndTheReference() {
        List<String> differences = new ArrayList<>();
        Set<String> codesSeen = new HashSet<>();
        int cases = 0;
        for (int w = 0; w < WORLDS; w++) {
            RandomWorld world = new RandomWorld(7_000L + w);
            CoreValidator v = CoreValidator.create(Fixtures.RULES, world.context());
            for (int i = 0; i < REQUESTS_PER_WORLD; i++) {
                DuisRequest req = world.request();
                ValidationSettings s = world.settings();
                compare("world " + w + " request " + i + " " + req + " " + s, v, req, s, differences, codesSeen);
                cases++;
            }
        }
        assertThat(cases).isEqualTo(WORLDS * REQUESTS_PER_WORLD);
        assertThat(differences).as(differences.size() + " of " + cases + " decisions differ").isEmpty();
        // the generator reaches every response code the rules can give
        assertThat(codesSeen).contains("I99", "DV-HEADER", "E12", "E1", "DV-VERSION", "E2", "E19", "E11", "E5", "E4",
                "DV-SCHEDULE", "DV-H3.13A");
    }

    @Test
    void everySampleMessageIsDecidedAlikeByTheRulesAndTheReference() {
        DuisReader reader = new DuisReader();
        List<String> differences = new ArrayList<>();
        Set<String> codesSeen = new HashSet<>();
        int compared = 0;
        for (SampleCorpus.Item item : SampleCorpus.load(SampleCorpus.defaultRoot(), Fixtures.RULES)) {
            if (!(reader.read(item.bytes()) instanceof ReadResult.Ok ok)) continue; // DV-XML / DV-SCHEMA: no rules run
            compare(item.name(), item.validator(), ok.request(), item.settings(), differences, codesSeen);
            compared++;
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(differences).as(differences.size() + " sample decisions differ").isEmpty();
    }

    private void compare(String what, CoreValidator v, DuisRequest req, ValidationSettings s, List<String> differences,
                         Set<String> codesSeen) {
        Decision d = v.validate(req, s);
        ReferenceDecider.Result drools = ReferenceDecider.Result.of(d);
        ReferenceDecider.Result ref = reference.decide(facts.facts(req, v.context(), s, s.receivedAt()), s);
        codesSeen.add(drools.responseCode());
        if (!drools.equals(ref) && differences.size() < 30) {
            differences.add(what + "\n    rules:     " + drools + "\n    reference: " + ref
                    + (d.findings().isEmpty() ? "" : "\n    first finding: " + d.findings().get(0)));
        } else if (!drools.equals(ref)) {
            differences.add("...");
        }
    }
}
