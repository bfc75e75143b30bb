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
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Regression mode: runs each scenario with its own context and settings and compares every decision with the
 * scenario's {@code expected.jsonl} (outcome, responseCode, and trtSeconds where given).
 */
public final class ExpectRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleBase rules;
    private final ValidationSettings defaults;
    private final ReaderOptions readerOptions;
    private final int threads;

    public ExpectRunner(RuleBase rules, ValidationSettings defaults, ReaderOptions readerOptions, int threads) {
        this.rules = rules;
        this.defaults = defaults;
        this.readerOptions = readerOptions;
        this.threads = threads;
    }

    /** The differences found in one scenario (empty when all is as expected), and its results. */
    public record ScenarioResult(Scenario scenario, int messages, List<String> differences) {}

    public ScenarioResult run(Scenario sc, Consumer<FileResult> each) throws IOException, ContextFormatException,
            InterruptedException {
        Map<String, JsonNode> expected = readExpected(sc.expected());
        List<String> diffs = new ArrayList<>();
        int[] count = {0};
        Path messages = sc.messages();
        new CorpusRunner(rules, readerOptions, threads).run(sc, defaults, r -> {
            count[0]++;
            String rel = messages.relativize(Path.of(r.file())).toString().replace('\\', '/');
            JsonNode e = expected.remove(rel);
            Decision d = r.decision();
            if (e == null) {
                diffs.add(rel + ": no expected line (got " + d.outcome() + " " + d.responseCode() + ")");
            } else {
                compare(rel, e, d, diffs);
            }
            each.accept(r);
        });
        expected.keySet().forEach(k -> diffs.add(k + ": expected, but there is no such message"));
        return new ScenarioResult(sc, count[0], diffs);
    }

    private static void compare(String file, JsonNode e, Decision d, List<String> diffs) {
        String outcome = text(e, "outcome");
        String code = text(e, "responseCode");
        if (outcome != null && !outcome.equals(d.outcome().name())) {
            diffs.add(file + ": outcome " + d.outcome() + ", expected " + outcome + describe(d));
        }
        if (code != null && !code.equals(d.responseCode())) {
            diffs.add(file + ": responseCode " + d.responseCode() + ", expected " + code + describe(d));
        }
        if (e.has("trtSeconds")) {
            Long want = e.get("trtSeconds").isNull() ? null : e.get("trtSeconds").asLong();
            if (!Objects.equals(want, d.trtSeconds())) {
                diffs.add(file + ": trtSeconds " + d.trtSeconds() + ", expected " + want);
            }
        }
    }

    private static String describe(Decision d) {
        return d.findings().isEmpty() ? "" : " (" + d.findings().get(0).ruleId() + ": " + d.findings().get(0).message() + ")";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, JsonNode> readExpected(Path f) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
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
            String file = text(n, "file");
            if (file == null) throw new IOException(f + ":" + line + ": no 'file'");
            out.put(file, n);
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
