package io.duisvalidator.internal.monitor;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.CorpusRunner;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitors filled apart (as on Spark executors), serialised and merged, equal the one monitor of the whole corpus. */
class ComplianceMonitorMergeTest {
    @Test
    void mergedHalvesEqualTheWhole() throws Exception {
        ComplianceMonitor whole = new ComplianceMonitor();
        ComplianceMonitor[] halves = {new ComplianceMonitor(), new ComplianceMonitor()};
        int[] i = {0};
        CorpusRunner runner = new CorpusRunner(Fixtures.RULES, ReaderOptions.defaults(), 1);
        for (Scenario sc : Scenario.find(List.of(Path.of("samples")))) {
            runner.run(sc, ValidationSettings.defaults(), s -> s.h313a(Severity.WARNING), ctx -> ctx.schedules().ifPresent(h -> {
                whole.addHistory(h);
                halves[i[0] % 2].addHistory(h);
            }), r -> {
                whole.add(r.decision());
                halves[i[0]++ % 2].add(r.decision());
            });
        }
        ComplianceMonitor merged = copy(halves[0]).merge(copy(halves[1]));
        assertThat(merged.report(0.1)).isEqualTo(whole.report(0.1));
        assertThat(whole.report(0.1).rows()).isNotEmpty();
        assertThat(halves[0].report(0.1)).isNotEqualTo(whole.report(0.1));
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
