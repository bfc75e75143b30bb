package io.duisvalidator.soak;

import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short soak of every build: 8 threads sharing the samples validators give the single-threaded decisions.
 * The long one (1,000,000 validations, heap after GC per 100,000) is {@link Soak#main}; docs/reliability.md.
 */
class SoakTest {
    @Test
    void eightThreadsDecideAsOne() throws Exception {
        Soak soak = new Soak(Fixtures.RULES, Path.of("samples"));
        assertThat(soak.corpusSize()).isGreaterThan(400);
        Soak.Result r = soak.run(20_000, 8, 20_000, false);
        assertThat(r.validations()).isEqualTo(20_000);
        assertThat(r.firstMismatches()).isEmpty();
        assertThat(r.mismatches()).isZero();
    }
}
