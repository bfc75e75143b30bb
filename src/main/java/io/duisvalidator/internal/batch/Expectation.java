package io.duisvalidator.internal.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One line of a scenario's {@code expected.jsonl}: the decision a message must get. Every field the line carries is
 * compared and no other, so a line with only {@code outcome} and {@code responseCode} (the contract's minimum) checks
 * just those, and a line of {@code --format jsonl} output (with {@code file} made relative to {@code messages/})
 * checks everything. Fields:
 * <ul>
 *   <li>{@code file} (required): the message's path relative to the scenario's {@code messages/};</li>
 *   <li>{@code outcome}, {@code responseCode}, {@code requestId}, {@code userId}, {@code role}, {@code srv},
 *       {@code mode}, {@code ruleSet}: strings (or null), equal to the decision's;</li>
 *   <li>{@code trtSeconds}, {@code scheduledTrtSeconds}: a number or null, equal to the decision's;</li>
 *   <li>{@code findings}: the decision's findings, all of them and no more, in any order. Each entry names
 *       {@code code} and may name {@code severity}, {@code ruleId}, {@code requirement}, {@code reference},
 *       {@code message}; a finding matches an entry when it equals every field the entry names, and each finding
 *       matches one entry. {@code []} means no finding at all;</li>
 *   <li>{@code note}: free text for the reader of the file, not compared.</li>
 * </ul>
 * Any other field is refused (a misspelt field would otherwise be ignored and the line would check less than it says).
 */
public final class Expectation {
    private static final Map<String, Function<Decision, String>> TEXT = new LinkedHashMap<>();
    private static final Map<String, Function<Decision, Long>> NUMBER = new LinkedHashMap<>();
    private static final Map<String, Function<Finding, String>> FINDING = new LinkedHashMap<>();

    static {
        TEXT.put("requestId", Decision::requestId);
        TEXT.put("userId", Decision::userId);
        TEXT.put("role", Decision::role);
        TEXT.put("srv", Decision::srv);
        TEXT.put("mode", Decision::mode);
        TEXT.put("outcome", d -> d.outcome().name());
        TEXT.put("responseCode", Decision::responseCode);
        TEXT.put("ruleSet", Decision::ruleSet);
        NUMBER.put("trtSeconds", Decision::trtSeconds);
        NUMBER.put("scheduledTrtSeconds", Decision::scheduledTrtSeconds);
        FINDING.put("code", Finding::code);
        FINDING.put("severity", f -> f.severity().name());
        FINDING.put("ruleId", Finding::ruleId);
        FINDING.put("requirement", Finding::requirement);
        FINDING.put("reference", Finding::reference);
        FINDING.put("message", Finding::message);
    }

    /** The fields a line may carry. */
    public static final Set<String> FIELDS;

    static {
        List<String> all = new ArrayList<>(List.of("file", "note"));
        all.addAll(TEXT.keySet());
        all.addAll(NUMBER.keySet());
        all.add("findings");
        FIELDS = Set.copyOf(all);
    }

    private final String file;
    private final Map<String, String> text = new LinkedHashMap<>();
    private final Map<String, Long> numbers = new LinkedHashMap<>();
    /** null when the line has no {@code findings}; each entry field -> value. */
    private final List<Map<String, String>> findings;

    private Expectation(String file, List<Map<String, String>> findings) {
        this.file = file;
        this.findings = findings;
    }

    public String file() { return file; }

    /** Reads one line; {@code where} ("path:line") prefixes every complaint. */
    static Expectation parse(JsonNode n, String where) throws IOException {
        if (n == null || !n.isObject()) throw new IOException(where + ": not a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IOException(where + ": unknown field '" + f + "' (an expected line may carry "
                        + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        JsonNode fileNode = n.get("file");
        if (fileNode == null || !fileNode.isTextual()) throw new IOException(where + ": no 'file'");
        List<Map<String, String>> findings = null;
        if (n.has("findings")) {
            JsonNode arr = n.get("findings");
            if (!arr.isArray()) throw new IOException(where + ": 'findings' is a list of objects");
            findings = new ArrayList<>();
            for (JsonNode e : arr) {
                if (!e.isObject()) throw new IOException(where + ": each finding is an object with at least 'code'");
                Map<String, String> m = new LinkedHashMap<>();
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!FINDING.containsKey(f)) {
                        throw new IOException(where + ": unknown finding field '" + f + "' (a finding may carry "
                                + String.join(", ", FINDING.keySet()) + ")");
                    }
                    m.put(f, textValue(e.get(f), where, "findings." + f));
                }
                if (m.get("code") == null) throw new IOException(where + ": a finding without 'code'");
                findings.add(m);
            }
        }
        Expectation x = new Expectation(fileNode.asText(), findings);
        for (String f : TEXT.keySet()) {
            if (n.has(f)) x.text.put(f, textValue(n.get(f), where, f));
        }
        for (String f : NUMBER.keySet()) {
            if (!n.has(f)) continue;
            JsonNode v = n.get(f);
            if (!v.isNull() && !(v.isIntegralNumber() && v.canConvertToLong())) throw new IOException(where + ": '" + f + "' is a whole number or null");
            x.numbers.put(f, v.isNull() ? null : v.asLong());
        }
        return x;
    }

    private static String textValue(JsonNode v, String where, String field) throws IOException {
        if (v.isNull()) return null;
        if (!v.isTextual()) throw new IOException(where + ": '" + field + "' is a string or null");
        return v.asText();
    }

    /** Adds a line to {@code diffs} for every field of this expectation that the decision does not meet. */
    void compare(Decision d, List<String> diffs) {
        text.forEach((f, want) -> {
            String got = TEXT.get(f).apply(d);
            if (!Objects.equals(want, got)) diffs.add(file + ": " + f + " " + got + ", expected " + want + describe(d));
        });
        numbers.forEach((f, want) -> {
            Long got = NUMBER.get(f).apply(d);
            if (!Objects.equals(want, got)) diffs.add(file + ": " + f + " " + got + ", expected " + want);
        });
        if (findings != null) compareFindings(d, diffs);
    }

    /** Matches findings to entries one to one (a bipartite matching: an entry naming fewer fields matches more). */
    private void compareFindings(Decision d, List<String> diffs) {
        List<Finding> got = d.findings();
        int[] entryOf = new int[got.size()];
        java.util.Arrays.fill(entryOf, -1);
        boolean[] entryMatched = new boolean[findings.size()];
        for (int e = 0; e < findings.size(); e++) {
            entryMatched[e] = augment(e, got, entryOf, new boolean[got.size()]);
        }
        for (int e = 0; e < findings.size(); e++) {
            if (!entryMatched[e]) diffs.add(file + ": no finding " + findings.get(e) + " (findings: " + brief(got) + ")");
        }
        for (int i = 0; i < got.size(); i++) {
            if (entryOf[i] < 0) diffs.add(file + ": unexpected finding " + brief(List.of(got.get(i)))
                    + " " + got.get(i).message());
        }
    }

    private boolean augment(int e, List<Finding> got, int[] entryOf, boolean[] seen) {
        for (int i = 0; i < got.size(); i++) {
            if (seen[i] || !matches(findings.get(e), got.get(i))) continue;
            seen[i] = true;
            if (entryOf[i] < 0 || augment(entryOf[i], got, entryOf, seen)) {
                entryOf[i] = e;
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Map<String, String> entry, Finding f) {
        for (Map.Entry<String, String> x : entry.entrySet()) {
            if (!Objects.equals(x.getValue(), FINDING.get(x.getKey()).apply(f))) return false;
        }
        return true;
    }

    private static String brief(List<Finding> fs) {
        List<String> out = new ArrayList<>();
        for (Finding f : fs) out.add(f.code() + "/" + f.severity() + " " + f.ruleId());
        return out.toString();
    }

    private static String describe(Decision d) {
        return d.findings().isEmpty() ? "" : " (" + d.findings().get(0).ruleId() + ": " + d.findings().get(0).message() + ")";
    }
}
