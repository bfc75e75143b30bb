package io.duisvalidator.internal.engine;

import io.duisvalidator.Decision;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.coverage.Coverage;
import io.duisvalidator.internal.coverage.CoverageReport;
import io.duisvalidator.Severity;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Role;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.reference.SampleCorpus;
import io.duisvalidator.reference.Transcription;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pass cells (docs/decisions.md D-PASS-CELLS): a rule that only records that a cell passed is counted from the
 * cell instead of fired, and nothing that reads a decision may see the difference. Each request is judged twice, by
 * the rule set as it runs (pass cells counted) and by the same rule set compiled with its pass cells fired as rules
 * (as before), and the two decisions must be equal: findings, TRTs, and the fired rules that coverage, the mutation
 * analysis and the Spark tally read.
 */
class PassCellsTest {
    private static final RuleBase COUNTED = RuleBase.load();
    private static final RuleBase FIRED = RuleBase.firingPassCells();

    @Test
    void theSampleCorpusFiresTheSameRulesEitherWay() {
        List<SampleCorpus.Item> counted = SampleCorpus.load(SampleCorpus.defaultRoot(), COUNTED);
        List<SampleCorpus.Item> fired = SampleCorpus.load(SampleCorpus.defaultRoot(), FIRED);
        assertThat(counted).hasSameSizeAs(fired).hasSizeGreaterThan(100);
        Set<String> passCellsSeen = new TreeSet<>();
        for (int i = 0; i < counted.size(); i++) {
            SampleCorpus.Item a = counted.get(i);
            SampleCorpus.Item b = fired.get(i);
            Decision da = a.validator().validate(a.bytes(), a.settings());
            Decision db = b.validator().validate(b.bytes(), b.settings());
            assertSame(a.name(), da, db);
            for (String id : db.firedRules()) if (COUNTED.passCellIds().contains(id)) passCellsSeen.add(id);
        }
        // the corpus reaches cells of all three kinds, so the comparison above is not empty
        assertThat(passCellsSeen).anyMatch(id -> id.startsWith("ELIG-") && !id.endsWith("-SCHED"))
                .anyMatch(id -> id.endsWith("-SCHED")).anyMatch(id -> id.startsWith("DEVTYPE-"));
    }

    @Test
    void coverageOfTheSamplesIsTheSameEitherWay() throws Exception {
        List<io.duisvalidator.internal.batch.Scenario> scenarios =
                io.duisvalidator.internal.batch.Scenario.find(List.of(SampleCorpus.defaultRoot()));
        CoverageReport counted = new Coverage(COUNTED).scenarios(scenarios, ValidationSettings.defaults(),
                ReaderOptions.defaults(), 1).report();
        CoverageReport fired = new Coverage(FIRED).scenarios(scenarios, ValidationSettings.defaults(),
                ReaderOptions.defaults(), 1).report();
        assertThat(counted.requirements()).isEqualTo(fired.requirements());
        assertThat(counted.rulesNeverFired()).isEqualTo(fired.rulesNeverFired());
        assertThat(counted.neverExercised()).isEqualTo(fired.neverExercised());
        assertThat(counted.messages()).isEqualTo(fired.messages()).isGreaterThan(100);
    }

    @Test
    void everyEligibilityCellAndDeviceFiresTheSameRulesEitherWay() {
        Context ctx = Fixtures.baseContext().build();
        CoreValidator counted = CoreValidator.create(COUNTED, ctx);
        CoreValidator fired = CoreValidator.create(FIRED, ctx);
        // compiled at start rather than prebuilt: the pass cells are taken out after the rule base is built
        RuleBase compiledAtStart = RuleBase.compiledFrom(COUNTED, COUNTED.tables(), "pass cells test");
        assertThat(compiledAtStart.prebuilt()).isFalse();
        assertThat(compiledAtStart.compiledRuleIds()).doesNotContainAnyElementsOf(COUNTED.passCellIds());
        CoreValidator compiled = CoreValidator.create(compiledAtStart, ctx);
        String[] devices = {Fixtures.ESME_S1, Fixtures.ESME_S2, Fixtures.GSME_S1, Fixtures.GSME_S2, Fixtures.GPF_S2,
                Fixtures.UNKNOWN_DEVICE};
        int compared = 0;
        for (String srv : Transcription.SRVS) {
            for (Role role : Role.values()) {
                for (String device : devices) {
                    List<Requests.Builder> requests = new ArrayList<>();
                    requests.add(Requests.request(Fixtures.USER.get(role), srv, device));
                    if ("5.1".equals(srv)) {
                        requests.clear();
                        for (String scheduled : List.of("4.8.1", "4.8.3", "4.6.1", "4.2", "4.17")) {
                            requests.add(Requests.request(Fixtures.USER.get(role), srv, device).schedules(scheduled, "2027-02-01", null));
                        }
                    }
                    for (Requests.Builder b : requests) {
                        Decision da = counted.validate(b.build(), Fixtures.settings());
                        Decision db = fired.validate(b.build(), Fixtures.settings());
                        assertSame(srv + " " + role + " " + device, da, db);
                        assertSame(srv + " " + role + " " + device + " (compiled at start)",
                                compiled.validate(b.build(), Fixtures.settings()), db);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(11 * 8 * 6);
    }

    @Test
    void passCellsAreInfoRulesWithTheirMetadataAndAreNotFired() {
        Map<String, RuleInfo> byId = new java.util.HashMap<>();
        for (RuleInfo r : COUNTED.rules().values()) byId.put(r.ruleId(), r);
        assertThat(COUNTED.passCellIds()).isNotEmpty().allSatisfy(id -> {
            RuleInfo r = byId.get(id);
            assertThat(r).as(id).isNotNull();
            assertThat(r.severity()).isEqualTo(Severity.INFO);
            assertThat(r.reference()).isNotBlank();
            assertThat(r.requirement()).isNotBlank();
        });
        // the rule base that runs holds none of them; the one that fires them holds them all
        assertThat(COUNTED.compiledRuleIds()).doesNotContainAnyElementsOf(COUNTED.passCellIds());
        assertThat(FIRED.compiledRuleIds()).containsAll(COUNTED.passCellIds());
        // metadata is the same whichever way the cells are counted
        assertThat(COUNTED.rules()).isEqualTo(FIRED.rules());
    }

    @Test
    void aCellWithoutItsRuleIsRefused() {
        PassCells cells = PassCells.of(COUNTED.tables());
        Set<String> marked = new TreeSet<>(cells.ids());
        String dropped = marked.iterator().next();
        marked.remove(dropped);
        assertThatThrownBy(() -> cells.check(COUNTED.rules(), marked))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(dropped);
    }

    private static void assertSame(String what, Decision counted, Decision fired) {
        assertThat(counted.firedRules()).as("fired rules of %s", what).isEqualTo(fired.firedRules());
        assertThat(counted.findings()).as("findings of %s", what).isEqualTo(fired.findings());
        assertThat(counted.outcome()).as(what).isEqualTo(fired.outcome());
        assertThat(counted.responseCode()).as(what).isEqualTo(fired.responseCode());
        assertThat(counted.trtSeconds()).as(what).isEqualTo(fired.trtSeconds());
        assertThat(counted.scheduledTrtSeconds()).as(what).isEqualTo(fired.scheduledTrtSeconds());
    }
}
