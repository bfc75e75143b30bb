package io.duisvalidator.internal.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.RuleInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0: one run whose {@code results} (one per finding, located at the message file) stream out as they
 * come; {@code tool.driver.rules} describes each rule once with its requirement and SEC reference. The rules are
 * written after the results (SARIF does not order an object's properties), so that the rules of the reader and of
 * the fail-closed path, which are not in the rule base, are described too when they occur.
 */
public final class SarifReport implements ReportWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private final OutputStream out;
    private final JsonGenerator gen;
    private final Map<String, RuleInfo> rules = new LinkedHashMap<>();

    /** @param rules the rule base's rules ({@code RuleBase.rules().values()}) */
    public SarifReport(OutputStream out, Collection<RuleInfo> rules) throws IOException {
        this.out = out;
        for (RuleInfo r : rules) this.rules.putIfAbsent(r.ruleId(), r);
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
        for (Finding f : d.findings()) {
            rules.computeIfAbsent(f.ruleId() == null ? "(none)" : f.ruleId(), id -> new RuleInfo(id, null, id,
                    f.requirement(), f.reference(), f.severity(), f.code()));
            gen.writeStartObject();
            gen.writeStringField("ruleId", f.ruleId() == null ? "(none)" : f.ruleId());
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
            gen.writeEndObject();
            gen.writeEndObject();
            gen.writeRaw('\n');
        }
        gen.flush();
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
        for (RuleInfo r : rules.values()) {
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
