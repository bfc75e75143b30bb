package io.duisvalidator.spark;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.coverage.Coverage;
import io.duisvalidator.internal.coverage.RuleSetCoverage;
import io.duisvalidator.internal.monitor.ComplianceMonitor;
import io.duisvalidator.internal.monitor.Period;
import org.apache.spark.sql.Row;
import org.apache.spark.util.AccumulatorV2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the run's summaries need from every decision, gathered as the decisions are written (an accumulator updated
 * in the writing stage, which Spark applies once per partition): counts by outcome for the exit status, and, when
 * asked for, the coverage groups and the H3.13A monitor. Coverage is gathered as groups of decisions that exercise
 * the same requirements (counts, and each group's first files in the CLI's run order), then replayed into the CLI's
 * own {@link Coverage}; the monitor is the CLI's {@link ComplianceMonitor}, one per task, merged.
 */
final class Tally extends AccumulatorV2<Row, Tally.Value> {
    /** The accumulated figures. */
    static final class Value implements Serializable {
        final long[] outcomes = new long[Outcome.values().length];
        final Map<List<Object>, Group> coverage = new HashMap<>();
        ComplianceMonitor monitor;

        void merge(Value o) {
            for (int i = 0; i < outcomes.length; i++) outcomes[i] += o.outcomes[i];
            o.coverage.forEach((k, g) -> coverage.merge(k, g, Group::merge));
            if (o.monitor != null) monitor = monitor == null ? o.monitor : monitor.merge(o.monitor);
        }

        long count(Outcome o) { return outcomes[o.ordinal()]; }
    }

    /** Messages with the same outcome, fired rules and finding requirements, and the first few of them in run order. */
    static final class Group implements Serializable {
        long messages;
        final TreeSet<RunOrder> first = new TreeSet<>();

        Group merge(Group o) {
            messages += o.messages;
            for (RunOrder r : o.first) add(r);
            return this;
        }

        void add(RunOrder r) {
            first.add(r);
            if (first.size() > Coverage.EXAMPLES) first.pollLast();
        }
    }

    private final boolean coverage;
    private final Period period;
    private final List<JobSpec.Part> parts;
    private Value value = new Value();

    /**
     * @param period the monitor's period, or null for no monitor
     * @param parts  the run's parts (each message's receipt instant and where it came from, for the monitor)
     */
    Tally(boolean coverage, Period period, List<JobSpec.Part> parts) {
        this.coverage = coverage;
        this.period = period;
        this.parts = parts;
    }

    /** A summary decision from a judged row: what coverage and the monitor read of a {@link Decision}. */
    static Decision decision(Row r, io.duisvalidator.RuleSetId ruleSet) {
        List<String> reqs = r.getList(r.fieldIndex("requirements"));
        List<Finding> findings = new ArrayList<>(reqs.size());
        for (String q : reqs) findings.add(new Finding("", Severity.INFO, null, q, null, ""));
        return new Decision(null, r.getAs("userId"), null, r.getAs("srv"), null, Outcome.valueOf(r.getAs("outcome")),
                null, null, null, findings, r.getList(r.fieldIndex("fired")), ruleSet, r.getAs("scheduledSrv"));
    }

    @Override
    public void add(Row r) {
        Outcome o = Outcome.valueOf(r.getAs("outcome"));
        value.outcomes[o.ordinal()]++;
        if (!coverage && period == null) return;
        Decision d = decision(r, null);
        if (coverage) {
            String ruleSet = r.getAs("ruleSet");
            List<Object> key = List.of(o.name(), d.firedRules(), List.copyOf(r.<String>getList(r.fieldIndex("requirements"))),
                    ruleSet == null ? "" : ruleSet);
            Group g = value.coverage.computeIfAbsent(key, k -> new Group());
            g.messages++;
            g.add(new RunOrder(r.getInt(r.fieldIndex("scenario")), r.getAs("file")));
        }
        if (period != null) {
            if (value.monitor == null) value.monitor = new ComplianceMonitor(period);
            JobSpec.Part part = parts.get(r.getInt(r.fieldIndex("scenario")));
            value.monitor.add(d, part.at(), part.dating());
        }
    }

    @Override
    public boolean isZero() {
        return value.coverage.isEmpty() && value.monitor == null && java.util.Arrays.stream(value.outcomes).allMatch(n -> n == 0);
    }

    @Override
    public AccumulatorV2<Row, Value> copy() {
        Tally t = new Tally(coverage, period, parts);
        t.value.merge(value);
        return t;
    }

    @Override
    public void reset() {
        value = new Value();
    }

    @Override
    public void merge(AccumulatorV2<Row, Value> other) {
        value.merge(other.value());
    }

    @Override
    public Value value() {
        return value;
    }

    /**
     * Replays the groups into the CLI's coverage, each into the report of the rule set that judged its messages (as
     * {@code coverage} reports per rule set, docs/rule-sets.md): first each group's first files, all of them in run
     * order (so each requirement's examples are the CLI's: the first files in run order that exercise it), then the
     * rest of each group's messages as counts.
     */
    static void replay(Value v, RuleSetCoverage cov) {
        List<Map.Entry<RunOrder, Decision>> firsts = new ArrayList<>();
        Map<List<Object>, Decision> decisions = new HashMap<>();
        v.coverage.forEach((k, g) -> {
            @SuppressWarnings("unchecked")
            List<String> fired = (List<String>) k.get(1);
            @SuppressWarnings("unchecked")
            List<String> reqs = (List<String>) k.get(2);
            String ruleSet = (String) k.get(3);
            List<Finding> findings = reqs.stream().map(q -> new Finding("", Severity.INFO, null, q, null, "")).toList();
            Decision d = new Decision(null, null, null, null, null, Outcome.valueOf((String) k.get(0)), null, null, null,
                    findings, fired, ruleSet.isEmpty() ? null : io.duisvalidator.RuleSetId.parse(ruleSet));
            decisions.put(k, d);
            for (RunOrder r : g.first) firsts.add(Map.entry(r, d));
        });
        firsts.sort(Map.Entry.comparingByKey());
        for (Map.Entry<RunOrder, Decision> e : firsts) cov.add(e.getValue(), e.getKey().file(), 1);
        v.coverage.forEach((k, g) -> {
            long rest = g.messages - g.first.size();
            if (rest > 0) cov.add(decisions.get(k), null, rest);
        });
    }
}
