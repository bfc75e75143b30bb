package io.duisvalidator.support;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.internal.decision.ResponseCodes;
import io.duisvalidator.Severity;

import java.util.Comparator;
import java.util.Optional;

/**
 * What every {@link Decision} must satisfy, whatever the input (docs/reliability.md): used by the fuzz test, the
 * property tests, the hostile-input corpus and the soak. Throws {@link AssertionError} naming the broken invariant.
 */
public final class DecisionInvariants {
    private DecisionInvariants() {}

    public static Decision check(Decision d) {
        if (d == null) throw new AssertionError("no decision");
        if (d.outcome() == null || d.responseCode() == null) throw new AssertionError("incomplete decision: " + d);
        Optional<Finding> first = d.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .min(Comparator.comparingInt(f -> ResponseCodes.rank(f.code())));
        switch (d.outcome()) {
            case ACCEPTED -> {
                if (first.isPresent()) throw new AssertionError("ACCEPTED with an ERROR finding: " + d);
                if (!ResponseCodes.ACCEPTED.equals(d.responseCode())) throw new AssertionError("ACCEPTED but not I99: " + d);
            }
            case REJECTED -> {
                if (first.isEmpty()) throw new AssertionError("REJECTED without an ERROR finding: " + d);
                if (!first.get().code().equals(d.responseCode())) {
                    throw new AssertionError("responseCode " + d.responseCode() + " is not the highest-precedence ERROR "
                            + first.get().code() + ": " + d);
                }
                if (d.trtSeconds() != null) throw new AssertionError("REJECTED with a TRT: " + d);
            }
            case ERROR -> {
                if (first.isEmpty()) throw new AssertionError("ERROR without an ERROR finding: " + d);
            }
        }
        return d;
    }

    /**
     * True when the validator caught a failure of its own (an exception in the reader or the rules), which a test
     * over hostile or generated input treats as a crash: {@code DV-INTERNAL} from {@code PROCESS}.
     */
    public static boolean isInternalFailure(Decision d) {
        return d.outcome() == Outcome.ERROR && ResponseCodes.INTERNAL.equals(d.responseCode())
                && d.findings().stream().anyMatch(f -> "PROCESS".equals(f.ruleId()));
    }
}
