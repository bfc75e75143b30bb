package io.duisvalidator.internal.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.RuleSetId;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.RuleInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SARIF 2.1.0: one run whose {@code results} (one per finding, located at the message file) stream out as they
 * come; {@code tool.driver.rules} describes each rule once with its requirement and SEC reference. The rules are
 * written after the results (SARIF does not order an object's properties), so that the rules of the reader and of
 * the fail-closed path, which are not in the rule base, are described too when they occur.
 *
 * <p>Rule sets (issue 15; docs/decisions.md D-SARIF-RULESETS): the rules described are those of every rule set that
 * judged a message of the run, each with {@code properties.ruleSet} naming it (id, version, digest). A rule that
 * several of them hold is described once per rule set (its reference may differ: each names its own table), so an id
 * can repeat; each result's {@code ruleIndex} points at the description of the rule set that judged its message.
 */
public final class SarifReport implements ReportWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private final OutputStream out;
    private final JsonGenerator gen;
    /** The rules of a rule set, asked for when its first message comes. */
    private final Function<RuleSetId, Collection<RuleInfo>> rulesOf;
    /** The rule descriptions in order (their index is a result's ruleIndex). */
    private final List<Described> rules = new ArrayList<>();
    /** Index in {@link #rules} by rule set text and rule id. */
    private final Map<String, Integer> index = new HashMap<>();

    /** A rule as described for one rule set (null: a decision that names none). */
    private record Described(RuleInfo rule, RuleSetId ruleSet) {}

    /** @param rules the rules of the one rule base that judges every message ({@code RuleBase.rules().values()}) */
    public SarifReport(OutputStream out, Collection<RuleInfo> rules) throws IOException {
        this(out, id -> rules);
    }

    /** @param rulesOf the rules of a rule set that judged a message ({@code RuleBase.rules().values()}) */
    public SarifReport(OutputStream out, Function<RuleSetId, Collection<RuleInfo>> rulesOf) throws IOException {
        this.out = out;
        this.rulesOf = rulesOf;
        gen = JSON.createGenerator(out, JsonEncoding.UTF8);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.writeStartObject();
        gen.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        gen.writeStringField("version", "2.1.0");
        gen.writeArrayFieldStart("runs");
        gen.writeStartObject();
        gen.writeArrayFieldStart("results");
        gen.writeRaw('\n');
    }

    @Override
    public void write(FileResult r) throws IOException {
        Decision d = r.decision();
        RuleSetId ruleSet = d.ruleSet();
        if (ruleSet != null && !index.containsKey(key(ruleSet, null))) {
            index.put(key(ruleSet, null), -1); // the rule set's rules are described
            for (RuleInfo ri : rulesOf.apply(ruleSet)) describe(ruleSet, ri);
        }
        for (Finding f : d.findings()) {
            String ruleId = f.ruleId() == null ? "(none)" : f.ruleId();
            Integer at = index.get(key(ruleSet, ruleId));
            if (at == null) at = describe(ruleSet, new RuleInfo(ruleId, null, ruleId, f.requirement(), f.reference(),
                    f.severity(), f.code()));
            gen.writeStartObject();
            gen.writeStringField("ruleId", ruleId);
            gen.writeNumberField("ruleIndex", at);
            gen.writeStringField("level", level(f.severity()));
            gen.writeObjectFieldStart("message");
            gen.writeStringField("text", f.code() + ": " + f.message());
            gen.writeEndObject();
            gen.writeArrayFieldStart("locations");
            gen.writeStartObject();
            gen.writeObjectFieldStart("physicalLocation");
            gen.writeObjectFieldStart("artifactLocation");
            gen.writeStringField("uri", uri(r.file()));
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeObjectFieldStart("properties");
            gen.writeStringField("code", f.code());
            gen.writeStringField("requirement", f.requirement());
            gen.writeStringField("reference", f.reference());
            gen.writeStringField("outcome", d.outcome().name());
            gen.writeStringField("responseCode", d.responseCode());
            gen.writeStringField("requestId", d.requestId());
            gen.writeStringField("srv", d.srv());
            gen.writeStringField("role", d.role());
            gen.writeStringField("ruleSet", d.ruleSet() == null ? null : d.ruleSet().text());
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        gen.flush();
    }

    /** Describes the rule for the rule set (once); its index. */
    private int describe(RuleSetId ruleSet, RuleInfo rule) {
        return index.computeIfAbsent(key(ruleSet, rule.ruleId()), k -> {
            rules.add(new Described(rule, ruleSet));
            return rules.size() - 1;
        });
    }

    private static String key(RuleSetId ruleSet, String ruleId) {
        return (ruleSet == null ? "" : ruleSet.text()) + '\n' + (ruleId == null ? "" : ruleId);
    }

    /**
     * The message file as a URI: {@code file:} for an absolute path, a relative reference otherwise, every character
     * a URI cannot hold percent-encoded as UTF-8 (by {@link URI}'s own quoting), so that decoding gives the name back.
     */
    static String uri(String file) {
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) return p.toUri().toASCIIString();
            String u = new URI(null, null, file, null).toASCIIString();
            // a colon before the first slash would read as a scheme
            int slash = u.indexOf('/');
            String first = slash < 0 ? u : u.substring(0, slash);
            return first.indexOf(':') < 0 ? u : first.replace(":", "%3A") + (slash < 0 ? "" : u.substring(slash));
        } catch (URISyntaxException | RuntimeException e) {
            return URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        gen.writeEndArray();
        gen.writeObjectFieldStart("tool");
        gen.writeObjectFieldStart("driver");
        gen.writeStringField("name", "duis-validator");
        gen.writeStringField("version", s.ruleSetText());
        gen.writeArrayFieldStart("rules");
        for (Described x : rules) {
            RuleInfo r = x.rule();
            gen.writeStartObject();
            gen.writeStringField("id", r.ruleId());
            gen.writeObjectFieldStart("shortDescription");
            gen.writeStringField("text", r.code() + " " + r.requirement());
            gen.writeEndObject();
            gen.writeObjectFieldStart("fullDescription");
            gen.writeStringField("text", r.reference() == null ? r.requirement() : r.reference());
            gen.writeEndObject();
            gen.writeObjectFieldStart("defaultConfiguration");
            gen.writeStringField("level", r.severity() == null ? "error" : level(r.severity()));
            gen.writeEndObject();
            gen.writeObjectFieldStart("properties");
            gen.writeStringField("code", r.code());
            gen.writeStringField("requirement", r.requirement());
            gen.writeStringField("reference", r.reference());
            gen.writeStringField("ruleSet", x.ruleSet() == null ? null : x.ruleSet().text());
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeArrayFieldStart("invocations");
        gen.writeStartObject();
        gen.writeBooleanField("executionSuccessful", s.errored() == 0);
        gen.writeNumberField("exitCode", s.exitStatus());
        gen.writeObjectFieldStart("properties");
        gen.writeNumberField("files", s.total());
        gen.writeNumberField("accepted", s.accepted());
        gen.writeNumberField("rejected", s.rejected());
        gen.writeNumberField("errored", s.errored());
        gen.writeEndObject();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeEndArray();
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
        out.flush();
    }
}
