package io.duisvalidator.internal.batch;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.ReaderOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario of samples/ decides exactly as its expected.jsonl says (the README's main command, as a test). */
class SamplesExpectTest {
    @TestFactory
    List<DynamicTest> everyScenarioAsExpected() throws Exception {
        List<Scenario> scenarios = Scenario.find(List.of(Path.of("samples")));
        assertThat(scenarios).hasSizeGreaterThan(20);
        // each message judged by the rule set in force at its scenario's receipt instant, as validate --expect does
        ExpectRunner runner = new ExpectRunner(CorpusRunner.Validators.of(io.duisvalidator.internal.engine.RuleSets.standard(), null),
                ValidationSettings.defaults(), ReaderOptions.defaults(), 2);
        return scenarios.stream().map(sc -> DynamicTest.dynamicTest(sc.dir().getFileName().toString(), () -> {
            ExpectRunner.ScenarioResult r = runner.run(sc, x -> { });
            assertThat(r.messages()).isPositive();
            assertThat(r.differences()).as(sc.dir().toString()).isEmpty();
        })).toList();
    }
}
