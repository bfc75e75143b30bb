package io.duisvalidator.internal.coverage;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.ReaderOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own gate: samples/ exercises every requirement of the catalogue that a schema-valid message can
 * reach; the rest are exactly the cells the static analysis proves out of reach (docs/coverage.md).
 */
class SamplesCoverageTest {
    @Test
    void samplesExerciseEveryReachableRequirement() throws Exception {
        CoverageReport r = new Coverage(Fixtures.RULES).scenarios(Scenario.find(List.of(Path.of("samples"))),
                ValidationSettings.defaults(), ReaderOptions.defaults(), 2).report();
        assertThat(r.errors()).isZero();
        assertThat(r.traceability()).isEmpty();
        assertThat(r.matrix().sound()).isTrue();
        assertThat(r.unknownRequirements()).isEmpty();
        assertThat(r.missing()).as("reachable requirements no sample exercises").isEmpty();
        assertThat(r.neverExercised()).containsExactlyInAnyOrderElementsOf(r.unreachable());
        assertThat(r.unreachable()).containsExactlyInAnyOrderElementsOf(r.matrix().unreachableRequirements()).hasSize(20);
        assertThat(r.exercisedCount() + r.unreachable().size()).isEqualTo(r.requirements().size());
        for (CoverageReport.RequirementCoverage q : r.requirements()) {
            assertThat(q.accepted() + q.rejected()).as(q.requirement().id()).isEqualTo(q.exercised());
            assertThat(q.examples()).hasSize((int) Math.min(q.exercised(), Coverage.EXAMPLES));
        }
    }
}
