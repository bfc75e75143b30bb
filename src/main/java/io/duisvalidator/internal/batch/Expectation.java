package io.duisvalidator.internal.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One line of a scenario's {@code expected.jsonl}: the decision a message must get. Every field the line carries is
 * compared and no other, so a line with only {@code outcome} and {@code responseCode} (the contract's minimum) checks
 * just those, and a line of {@code --format jsonl} output (with {@code file} made relative to {@code messages/})
 * checks everything. Fields:
 * <ul>
 *   <li>{@code file} (required): the message's path relative to the scenario's {@code messages/};</li>
 *   <li>{@code outcome}, {@code responseCode}, {@code requestId}, {@code userId}, {@code role}, {@code srv},
 *       {@code mode}: strings (or null), equal to the decision's; {@code ruleSet}: the id, or the id and version, of
 *       the rule set that judged it (never the digest);</li>
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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields holding a string or null, as {@code --format jsonl} writes them. */
    private static final List<String> TEXT = List.of("requestId", "userId", "role", "srv", "mode", "outcome",
            "responseCode", "ruleSet");
    /** Fields holding a whole number or null. */
    private static final List<String> NUMBER = List.of("trtSeconds", "scheduledTrtSeconds");
    /** Fields of a finding. */
    private static final List<String> FINDING = List.of("code", "severity", "ruleId", "requirement", "reference", "message");

    /** The fields a line may carry. */
    public static final Set<String> FIELDS;

    static {
        List<String> all = new ArrayList<>(List.of("file", "note", "findings"));
        all.addAll(TEXT);
        all.addAll(NUMBER);
        FIELDS = Set.copyOf(all);
    }

    private final String file;
    private final JsonNode line;

    private Expectation(String file, JsonNode line) {
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    /** Reads one line; {@code where} ("path:line") prefixes every complaint. */
    static Expectation parse(JsonNode n, String where) throws IOException {
        if (n == null || !n.isObject()) throw new IOException(where + ": not a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IOException(where + ": unknown field '" + f + "' (an expected line may carry "
                        + String.join(", ", new TreeSet<>(FIELDS)) + ")");
            }
        }
        JsonNode file = n.get("file");
        if (file == null || !file.isTextual()) throw new IOException(where + ": no 'file'");
        for (String f : TEXT) {
            if (n.has(f) && !n.get(f).isNull() && !n.get(f).isTextual()) {
                throw new IOException(where + ": '" + f + "' is a string or null");
            }
        }
        for (String f : NUMBER) {
            JsonNode v = n.get(f);
            if (v != null && !v.isNull() && !(v.isIntegralNumber() && v.canConvertToLong())) {
                throw new IOException(where + ": '" + f + "' is a whole number or null");
            }
        }
        if (n.has("findings")) {
            JsonNode arr = n.get("findings");
            if (!arr.isArray()) throw new IOException(where + ": 'findings' is a list of objects");
            for (JsonNode e : arr) {
                if (!e.isObject()) throw new IOException(where + ": each finding is an object with at least 'code'");
                for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!FINDING.contains(f)) {
                        throw new IOException(where + ": unknown finding field '" + f + "' (a finding may carry "
                                + String.join(", ", FINDING) + ")");
                    }
                    if (!e.get(f).isNull() && !e.get(f).isTextual()) {
                        throw new IOException(where + ": 'findings." + f + "' is a string or null");
                    }
                }
                if (!e.hasNonNull("code")) throw new IOException(where + ": a finding without 'code'");
            }
        }
        return new Expectation(file.asText(), n);
    }

    /**
     * Adds a line to {@code diffs} for every field of this expectation that the decision does not meet. The decision
     * is compared in its JSON form: the record's component names are the contract's field names.
     */
    public void compare(Decision d, List<String> diffs) {
        com.fasterxml.jackson.databind.node.ObjectNode got = JSON.valueToTree(d);
        // the contract writes the rule set as its text, "ID VERSION (sha256:DIGEST)"
        got.put("ruleSet", d.ruleSet() == null ? null : d.ruleSet().text());
        for (String f : TEXT) {
            if (!line.has(f)) continue;
            String want = text(line.get(f));
            String have = text(got.get(f));
            boolean same = f.equals("ruleSet") && want != null ? sameRuleSet(want, d) : Objects.equals(want, have);
            if (!same) diffs.add(file + ": " + f + " " + have + ", expected " + want + describe(d));
        }
        for (String f : NUMBER) {
            if (!line.has(f)) continue;
            Long want = number(line.get(f));
            Long have = number(got.get(f));
            if (!Objects.equals(want, have)) diffs.add(file + ": " + f + " " + have + ", expected " + want);
        }
        if (line.has("findings")) compareFindings(d, got.get("findings"), diffs);
    }

    /**
     * Whether the decision was judged by the rule set expected: {@code ID} or {@code ID VERSION} (docs/decisions.md
     * D-RULESET-EXPECT; the digest is never compared, it changes with every edit of the rules).
     */
    static boolean sameRuleSet(String expected, Decision d) {
        if (d.ruleSet() == null) return false;
        String[] parts = expected.trim().split("\\s+");
        if (!parts[0].equals(d.ruleSet().id())) return false;
        return parts.length < 2 || parts[1].equals(d.ruleSet().version());
    }

    private static String text(JsonNode v) { return v == null || v.isNull() ? null : v.asText(); }

    private static Long number(JsonNode v) { return v == null || v.isNull() ? null : v.asLong(); }

    /** Matches findings to entries one to one (a bipartite matching: an entry naming fewer fields matches more). */
    private void compareFindings(Decision d, JsonNode got, List<String> diffs) {
        List<JsonNode> entries = new ArrayList<>();
        line.get("findings").forEach(entries::add);
        int[] entryOf = new int[got.size()];
        Arrays.fill(entryOf, -1);
        for (int e = 0; e < entries.size(); e++) {
            if (!augment(e, entries, got, entryOf, new boolean[got.size()])) {
                diffs.add(file + ": no finding " + entries.get(e) + " (findings: " + brief(d.findings()) + ")");
            }
        }
        for (int i = 0; i < got.size(); i++) {
            if (entryOf[i] < 0) {
                diffs.add(file + ": unexpected finding " + brief(List.of(d.findings().get(i))) + " " + d.findings().get(i).message());
            }
        }
    }

    private static boolean augment(int e, List<JsonNode> entries, JsonNode got, int[] entryOf, boolean[] seen) {
        for (int i = 0; i < got.size(); i++) {
            if (seen[i] || !matches(entries.get(e), got.get(i))) continue;
            seen[i] = true;
            if (entryOf[i] < 0 || augment(entryOf[i], entries, got, entryOf, seen)) {
                entryOf[i] = e;
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode entry, JsonNode finding) {
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Objects.equals(text(entry.get(f)), text(finding.get(f)))) return false;
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
