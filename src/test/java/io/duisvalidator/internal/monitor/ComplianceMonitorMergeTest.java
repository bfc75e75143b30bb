package io.duisvalidator.internal.monitor;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.AuditorCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitors filled apart (as on Spark executors), serialised and merged, equal the one monitor of the whole corpus:
 * by period, with the flags, and with executions that several scenarios' histories share counted once.
 */
class ComplianceMonitorMergeTest {
    @Test
    void mergedHalvesEqualTheWhole(@TempDir Path tmp) throws Exception {
        AuditorCorpus.monitor(tmp.resolve("corpus"));
        List<Scenario> scenarios = new ArrayList<>(Scenario.find(List.of(Path.of("samples"))));
        scenarios.addAll(Scenario.find(List.of(tmp.resolve("corpus"))));
        ComplianceMonitor whole = new ComplianceMonitor(Period.WEEK);
        ComplianceMonitor[] halves = {new ComplianceMonitor(Period.WEEK), new ComplianceMonitor(Period.WEEK)};
        int[] i = {0};
        int[] h = {0};
        CorpusRunner runner = new CorpusRunner(Fixtures.RULES, ReaderOptions.defaults(), 1);
        for (Scenario sc : scenarios) {
            Instant at = sc.settings(ValidationSettings.defaults()).receivedAt();
            runner.run(sc, ValidationSettings.defaults(), s -> s.h313a(Severity.WARNING), ctx -> ctx.schedules().ifPresent(hist -> {
                whole.addHistory(hist);
                // a history in both halves (as scenarios that share a User's history): its executions count once
                halves[h[0]++ % 2].addHistory(hist);
                if (h[0] % 3 == 0) halves[h[0] % 2].addHistory(hist);
            }), r -> {
                whole.add(r.decision(), at, ComplianceMonitor.DateSource.SCENARIO);
                halves[i[0]++ % 2].add(r.decision(), at, ComplianceMonitor.DateSource.SCENARIO);
            });
        }
        ComplianceMonitor merged = copy(halves[0]).merge(copy(halves[1]));
        MonitorReport want = whole.report(0.1, 2);
        assertThat(merged.report(0.1, 2)).isEqualTo(want);
        assertThat(want.rows()).isNotEmpty();
        assertThat(want.flagged()).as("the corpus has flagged periods").isNotEmpty();
        assertThat(want.periods()).as("several weeks").hasSizeGreaterThan(2);
        assertThat(halves[0].report(0.1, 2)).isNotEqualTo(want);
    }

    private static ComplianceMonitor copy(ComplianceMonitor m) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b.toByteArray()))) {
            return (ComplianceMonitor) in.readObject();
        }
    }
}
