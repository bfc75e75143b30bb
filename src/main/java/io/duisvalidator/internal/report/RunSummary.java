package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Outcome;

import java.util.Map;
import java.util.TreeMap;

/** Counts of a batch run, filled as results stream past. Not thread-safe: results arrive on one thread. */
public final class RunSummary {
    private long accepted;
    private long rejected;
    private long errored;
    private final Map<String, Long> byCode = new TreeMap<>();
    private final Map<String, Long> bySrv = new TreeMap<>();
    private final Map<String, long[]> bySrvOutcome = new TreeMap<>();
    private io.duisvalidator.RuleSetId ruleSet;
    private boolean rulesPrebuilt;
    private long loadMillis;
    private long validateNanos;

    public void add(FileResult r) {
        add(r.decision().outcome(), r.decision().responseCode(), r.decision().srv());
    }

    /** Counts one result by its outcome, response code and SRV (e.g. a result kept from an interrupted run). */
    public void add(Outcome o, String responseCode, String srv) {
        if (o == Outcome.ACCEPTED) accepted++; else if (o == Outcome.REJECTED) rejected++; else errored++;
        byCode.merge(responseCode, 1L, Long::sum);
        String key = srv == null ? "(unknown)" : srv;
        bySrv.merge(key, 1L, Long::sum);
        bySrvOutcome.computeIfAbsent(key, k -> new long[Outcome.values().length])[o.ordinal()]++;
    }

    public long accepted() { return accepted; }
    public long rejected() { return rejected; }
    public long errored() { return errored; }
    public long total() { return accepted + rejected + errored; }
    public Map<String, Long> byCode() { return byCode; }
    public Map<String, Long> bySrv() { return bySrv; }
    /** Per SRV, how many of each outcome (indexed by {@link Outcome#ordinal()}). */
    public Map<String, long[]> bySrvOutcome() { return bySrvOutcome; }
    public io.duisvalidator.RuleSetId ruleSet() { return ruleSet; }
    /** The rule set in the contract's form {@code ID VERSION (sha256:DIGEST)}, or null when none was set. */
    public String ruleSetText() { return ruleSet == null ? null : ruleSet.text(); }
    /** The rules came from the build's prebuilt model (false: compiled at start, which is what the load time shows). */
    public boolean rulesPrebuilt() { return rulesPrebuilt; }
    public long loadMillis() { return loadMillis; }
    public long validateNanos() { return validateNanos; }

    public RunSummary ruleSet(io.duisvalidator.RuleSetId r) { ruleSet = r; return this; }
    public RunSummary rulesPrebuilt(boolean p) { rulesPrebuilt = p; return this; }
    public RunSummary loadMillis(long ms) { loadMillis = ms; return this; }
    public RunSummary validateNanos(long ns) { validateNanos = ns; return this; }

    /** Messages per second over the validation time, 0 when nothing was timed. */
    public double rate() {
        return validateNanos <= 0 ? 0 : total() / (validateNanos / 1e9);
    }

    /** The contract's exit status: 3 if any input could not be processed, else 1 if any rejected, else 0. */
    public int exitStatus() {
        if (errored > 0) return 3;
        return rejected > 0 ? 1 : 0;
    }
}
