package io.duisvalidator.spark;

import io.duisvalidator.ReaderOptions;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.monitor.ComplianceMonitor;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one Spark run judges, in a form that travels to the executors: the message roots, each with its context folder
 * and settings (one entry for a plain run; one per scenario folder for a run over scenario folders, as
 * {@code coverage} and {@code validate --expect} take them), the reader's limits and how skewed keys are split.
 *
 * @param scenarios        the runs' parts, in run order
 * @param maxMessageBytes  the reader's size limit
 * @param maxElementDepth  the reader's depth limit
 * @param schema           an extra XSD every message is also validated against (a path every executor can read), or null
 * @param hotKeyMessages   a join key with more messages than this is split over several tasks (0: never split)
 * @param partitions       partitions of the message listing (0: Spark's default parallelism times 4)
 * @param ruleSet          the rule set every message is judged by ({@code --rule-set}), or null: each message by the
 *                         rule set in force at its receipt instant (docs/rule-sets.md), as the CLI judges it
 */
record JobSpec(List<Part> scenarios, int maxMessageBytes, int maxElementDepth, String schema, long hotKeyMessages,
               int partitions, String ruleSet) implements Serializable {

    /** A run judging each message by the rule set in force at its receipt instant. */
    JobSpec(List<Part> scenarios, int maxMessageBytes, int maxElementDepth, String schema, long hotKeyMessages, int partitions) {
        this(scenarios, maxMessageBytes, maxElementDepth, schema, hotKeyMessages, partitions, null);
    }

    /**
     * One message root with its context and settings.
     *
     * @param index    position in run order (scenario folders sorted as {@code coverage} sorts them)
     * @param messages the root as given (the {@code file} of each result starts with it)
     * @param context  context folder, or null for an empty context
     * @param at       receipt instant (resolved at the start of the run when not given)
     * @param severities the severity policy (--h313a, --severity, the scenario's own)
     * @param history  whether the context supplies a schedule history (schedules or executions)
     * @param dating   where {@code at} came from (the scenario, --at, or the run's start), for the monitor's note
     */
    record Part(int index, String messages, String context, Instant at, ValidationSettings.Purpose purpose,
                java.util.Map<String, Severity> severities, boolean history, ComplianceMonitor.DateSource dating) implements Serializable {
        ValidationSettings settings() {
            return new ValidationSettings(at, purpose, severities);
        }
    }

    ReaderOptions readerOptions() {
        ReaderOptions o = ReaderOptions.defaults().withMaxMessageBytes(maxMessageBytes).withMaxElementDepth(maxElementDepth);
        return schema == null ? o : o.withExtraSchema(Path.of(schema));
    }
}
