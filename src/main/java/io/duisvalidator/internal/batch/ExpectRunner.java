package io.duisvalidator.internal.batch;

import io.duisvalidator.internal.text.Printable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.Decision;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.ReaderOptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Regression mode: runs each scenario with its own context and settings and compares every decision with the
 * scenario's {@code expected.jsonl}: every field a line carries ({@link Expectation}; the rule set by id, or id and version).
 */
public final class ExpectRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorpusRunner.Validators validators;
    private final ValidationSettings defaults;
    private final ReaderOptions readerOptions;
    private final int threads;

    public ExpectRunner(RuleBase rules, ValidationSettings defaults, ReaderOptions readerOptions, int threads) {
        this(CorpusRunner.Validators.of(rules), defaults, readerOptions, threads);
    }

    public ExpectRunner(CorpusRunner.Validators validators, ValidationSettings defaults, ReaderOptions readerOptions, int threads) {
        this.validators = validators;
        this.defaults = defaults;
        this.readerOptions = readerOptions;
        this.threads = threads;
    }

    /** The differences found in one scenario (empty when all is as expected), and its results. */
    public record ScenarioResult(Scenario scenario, int messages, List<String> differences) {}

    public ScenarioResult run(Scenario sc, Consumer<FileResult> each) throws IOException, ContextFormatException,
            InterruptedException {
        Map<String, Expectation> expected = readExpected(sc.expected());
        List<String> diffs = new ArrayList<>();
        int[] count = {0};
        Path messages = sc.messages();
        new CorpusRunner(validators, readerOptions, threads).run(sc, defaults, r -> {
            count[0]++;
            String rel = messages.relativize(Path.of(r.file())).toString().replace('\\', '/');
            Expectation e = expected.remove(rel);
            Decision d = r.decision();
            if (e == null) {
                diffs.add(rel + ": no expected line (got " + d.outcome() + " " + d.responseCode() + ")");
            } else {
                e.compare(d, diffs);
            }
            each.accept(r);
        });
        expected.keySet().forEach(k -> diffs.add(k + ": expected, but there is no such message"));
        return new ScenarioResult(sc, count[0], diffs);
    }

    /** The lines of an expected.jsonl by file; a line that is not a valid expectation is an error naming it. */
    public static Map<String, Expectation> readExpected(Path f) throws IOException {
        Map<String, Expectation> out = new LinkedHashMap<>();
        if (!Files.exists(f)) return out;
        int line = 0;
        for (String s : Files.readAllLines(f)) {
            line++;
            if (s.isBlank()) continue;
            JsonNode n;
            try {
                n = JSON.readTree(s);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IOException(f + ":" + line + ": not a JSON object: " + ex.getOriginalMessage());
            }
            Expectation x = Expectation.parse(n, f + ":" + line);
            if (out.put(x.file(), x) != null) throw new IOException(f + ":" + line + ": a second line for " + x.file());
        }
        return out;
    }

    public void report(List<ScenarioResult> results, PrintStream out) {
        int failed = 0;
        int messages = 0;
        for (ScenarioResult r : results) {
            messages += r.messages();
            if (r.differences().isEmpty()) {
                out.println(Printable.text("ok   " + r.scenario().dir() + " (" + r.messages() + " messages)"));
            } else {
                failed++;
                out.println(Printable.text("FAIL " + r.scenario().dir() + " (" + r.messages() + " messages, " + r.differences().size() + " differences)"));
                r.differences().forEach(d -> out.println("     " + Printable.text(String.valueOf(d))));
            }
        }
        out.println(results.size() + " scenarios, " + messages + " messages: " + (results.size() - failed)
                + " as expected, " + failed + " with differences");
    }
}
