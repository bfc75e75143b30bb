package io.duisvalidator.reference;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.xml.DuisReader;
import io.duisvalidator.internal.xml.ReadResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a scenario's {@code expected.jsonl} from the {@link ReferenceDecider} alone (never from the product): one line
 * per message with outcome, responseCode and the rule set id, and for an accepted message its TRTs and all its
 * findings (code and severity: the INFO and WARNING findings an accepted decision carries). A rejected line lists no
 * findings: the reference knows the set of finding codes, not how many findings of one code the product gives (two
 * E2 for an RSA 5.1: the 5.1 and its scheduled SRV), so its response code is what is checked. Used by {@code scripts/rule-set-scenario.sh} for the before-MP162 scenarios of samples/ (issue 15);
 * {@code validate --expect} and {@code DifferentialTest} then check the product against them.
 *
 * <p>A message the reader refuses (DV-XML, DV-SCHEMA) has no reference decision: the tool stops with an error naming
 * it, so such a message is never given an expectation by guess.
 *
 * <p>Usage (test classpath): {@code ReferenceExpectations SCENARIO_DIR...}
 */
public final class ReferenceExpectations {
    private ReferenceExpectations() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) throw new IllegalArgumentException("usage: ReferenceExpectations SCENARIO_DIR...");
        ReferenceDecider reference = new ReferenceDecider();
        DuisReader reader = new DuisReader();
        for (String a : args) {
            Scenario sc = new Scenario(Path.of(a));
            Context ctx = Files.isDirectory(sc.context()) ? CsvContextLoader.load(sc.context()) : Context.empty();
            ValidationSettings settings = sc.settings(ValidationSettings.defaults());
            if (settings.receivedAt() == null) throw new IllegalArgumentException(a + ": scenario.properties has no at");
            List<String> lines = new ArrayList<>();
            try (Stream<Path> files = Files.list(sc.messages())) {
                for (Path p : files.sorted().toList()) {
                    if (!(reader.read(Files.readAllBytes(p)) instanceof ReadResult.Ok ok)) {
                        throw new IllegalStateException(p + ": not readable, the reference cannot decide it");
                    }
                    lines.add(line(p.getFileName().toString(), reference.decide(ok.request(), ctx, settings)));
                }
            }
            Files.write(sc.expected(), lines, StandardCharsets.UTF_8);
            System.out.println(sc.expected() + ": " + lines.size() + " lines");
        }
    }

    static String line(String file, ReferenceDecider.Result r) {
        StringBuilder b = new StringBuilder();
        b.append("{\"file\":\"").append(file).append("\",\"outcome\":\"").append(r.outcome())
                .append("\",\"responseCode\":\"").append(r.responseCode()).append('"');
        if ("ACCEPTED".equals(r.outcome())) {
            b.append(",\"trtSeconds\":").append(r.trtSeconds());
            if (r.scheduledTrtSeconds() != null) b.append(",\"scheduledTrtSeconds\":").append(r.scheduledTrtSeconds());
        } else {
            return b.append(",\"ruleSet\":\"").append(r.ruleSet()).append("\"}").toString();
        }
        b.append(",\"findings\":[");
        String sep = "";
        for (String f : r.findings()) { // CODE/SEVERITY, sorted
            int i = f.lastIndexOf('/');
            b.append(sep).append("{\"code\":\"").append(f, 0, i).append("\",\"severity\":\"").append(f.substring(i + 1))
                    .append("\"}");
            sep = ",";
        }
        return b.append("],\"ruleSet\":\"").append(r.ruleSet()).append("\"}").toString();
    }
}
