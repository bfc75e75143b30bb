package io.duisvalidator.internal.engine;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Validator;
import io.duisvalidator.Decision;
import io.duisvalidator.Outcome;
import io.duisvalidator.reference.SampleCorpus;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule whose consequence fails (an exception, a stack overflow) in the middle of a session: the request it fires on
 * gets one fail-closed ERROR decision naming the failure, and the thread's session is not trusted again, so every
 * later request on every thread is decided exactly as by the rule set without that rule.
 */
class FailingRuleTest {
    static final String FAILING = """
            package io.duisvalidator.internal.rules;
            import io.duisvalidator.internal.facts.RequestFact;
            import io.duisvalidator.internal.engine.Findings;
            global Findings findings;

            // test rules cite a requirement of the catalogue like any rule (its source is their reference)
            rule "Test only: fails on every 8.2"
                @ruleId("TEST-FAILS-RUNTIME") @requirement("USER-KNOWN") @severity("ERROR") @code("DV-TEST")
            when
                $r : RequestFact( srv == "8.2" )
            then
                throw new IllegalStateException("test rule failed on SRV " + $r.getSrv());
            end

            rule "Test only: overflows the stack on every 5.3"
                @ruleId("TEST-FAILS-STACK") @requirement("USER-KNOWN") @severity("ERROR") @code("DV-TEST")
            when
                $r : RequestFact( srv == "5.3" )
            then
                throw new StackOverflowError("test rule overflowed on SRV " + $r.getSrv());
            end
            """;

    /** What a decision says, less the rule set's name (the two rule bases differ in it by construction). */
    static List<Object> judgement(Decision d) {
        return List.of(String.valueOf(d.requestId()), d.outcome(), d.responseCode(), String.valueOf(d.trtSeconds()),
                d.findings(), d.firedRules());
    }

    @Test
    void a_failing_rule_fails_its_request_closed_and_leaves_every_other_decision_as_it_was() throws Exception {
        RuleBase failing = RuleBase.loadWith(Map.of("test-failing.drl", FAILING));
        List<SampleCorpus.Item> plain = SampleCorpus.load(SampleCorpus.defaultRoot(), Fixtures.RULES);
        List<SampleCorpus.Item> withFailing = SampleCorpus.load(SampleCorpus.defaultRoot(), failing);
        List<Decision> expected = new ArrayList<>();
        for (SampleCorpus.Item it : plain) expected.add(it.validator().validate(it.bytes(), it.settings()));

        // the corpus three times round on two threads, so that failures interleave with ordinary requests
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Decision>> got = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (SampleCorpus.Item it : withFailing) got.add(pool.submit(() -> it.validator().validate(it.bytes(), it.settings())));
            }
            int failed = 0;
            for (int i = 0; i < got.size(); i++) {
                int k = i % withFailing.size();
                Decision d = got.get(i).get();
                Decision e = expected.get(k);
                boolean reachesTheRules = !List.of("DV-XML", "DV-SCHEMA").contains(e.responseCode());
                if (reachesTheRules && ("8.2".equals(e.srv()) || "5.3".equals(e.srv()))) {
                    failed++;
                    assertThat(d.outcome()).as(withFailing.get(k).name()).isEqualTo(Outcome.ERROR);
                    assertThat(d.responseCode()).as(withFailing.get(k).name()).isEqualTo("DV-INTERNAL");
                    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.message())
                            .containsAnyOf("test rule failed on SRV 8.2", "test rule overflowed on SRV 5.3"));
                    continue;
                }
                assertThat(judgement(d)).as(withFailing.get(k).name()).isEqualTo(judgement(e));
            }
            assertThat(failed).as("requests the failing rules fired on").isGreaterThan(0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_failing_rules_carry_their_metadata_like_any_other() {
        RuleBase failing = RuleBase.loadWith(Map.of("test-failing.drl", FAILING));
        assertThat(failing.rules().values()).extracting(RuleInfo::ruleId).contains("TEST-FAILS-RUNTIME", "TEST-FAILS-STACK");
        assertThat(failing.rules()).hasSize(Fixtures.RULES.rules().size() + 2);
        assertThat(CoreValidator.create(failing, Fixtures.baseContext().build()).ruleBase().origin()).startsWith("compiled at start");
    }
}
