package io.duisvalidator.internal.coverage;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting a message n times at once (no example after the first) equals counting it one by one. */
class CoverageGroupsTest {
    @Test
    void weightedCountsEqualOneByOne() throws Exception {
        List<FileResult> results = new ArrayList<>();
        new CorpusRunner(Fixtures.RULES, ReaderOptions.defaults(), 1)
                .run(new Scenario(Path.of("samples/eligibility-mdr")), ValidationSettings.defaults(), results::add);
        Coverage one = new Coverage(Fixtures.RULES);
        Coverage weighted = new Coverage(Fixtures.RULES);
        for (FileResult r : results) {
            for (int k = 0; k < 3; k++) one.add(new FileResult(r.file() + "#" + k, 0, r.decision()));
        }
        for (FileResult r : results) weighted.add(r.decision(), r.file() + "#0", 1);
        for (FileResult r : results) weighted.add(r.decision(), null, 2);
        CoverageReport a = one.report();
        CoverageReport b = weighted.report();
        assertThat(b.messages()).isEqualTo(3L * results.size()).isEqualTo(a.messages());
        assertThat(b.rejected()).isEqualTo(a.rejected());
        for (int i = 0; i < a.requirements().size(); i++) {
            CoverageReport.RequirementCoverage x = a.requirements().get(i);
            CoverageReport.RequirementCoverage y = b.requirements().get(i);
            assertThat(List.of(y.exercised(), y.accepted(), y.rejected())).as(x.requirement().id())
                    .isEqualTo(List.of(x.exercised(), x.accepted(), x.rejected()));
        }
        assertThat(b.rulesNeverFired()).isEqualTo(a.rulesNeverFired());
        assertThat(b.exercisedCount()).isGreaterThan(5);
    }
}
