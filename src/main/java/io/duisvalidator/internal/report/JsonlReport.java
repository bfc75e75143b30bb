package io.duisvalidator.internal.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One JSON object per line per message, in the contract's shape. Each line is built whole in memory and handed to
 * the output in one write and flushed, so a run killed at any moment (SIGKILL included) leaves complete lines, and at
 * most the last one cut short by a failing disk: what {@code validate --resume} relies on.
 */
public final class JsonlReport implements ReportWriter {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private final JsonGenerator gen;

    public JsonlReport(OutputStream out) throws IOException {
        this.out = out;
        this.gen = JSON.createGenerator(line, JsonEncoding.UTF8);
        this.gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.gen.setRootValueSeparator(null); // each line starts with '{', no separator between root values
    }

    @Override
    public void write(FileResult r) throws IOException {
        Decision d = r.decision();
        gen.writeStartObject();
        gen.writeStringField("file", r.file());
        gen.writeStringField("requestId", d.requestId());
        gen.writeStringField("userId", d.userId());
        gen.writeStringField("role", d.role());
        gen.writeStringField("srv", d.srv());
        gen.writeStringField("mode", d.mode());
        gen.writeStringField("outcome", d.outcome().name());
        gen.writeStringField("responseCode", d.responseCode());
        writeNumber("trtSeconds", d.trtSeconds());
        writeNumber("scheduledTrtSeconds", d.scheduledTrtSeconds());
        gen.writeArrayFieldStart("findings");
        for (Finding f : d.findings()) {
            gen.writeStartObject();
            gen.writeStringField("code", f.code());
            gen.writeStringField("severity", f.severity().name());
            gen.writeStringField("ruleId", f.ruleId());
            gen.writeStringField("requirement", f.requirement());
            gen.writeStringField("reference", f.reference());
            gen.writeStringField("message", f.message());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeStringField("ruleSet", d.ruleSet() == null ? null : d.ruleSet().text());
        gen.writeEndObject();
        gen.writeRaw('\n');
        gen.flush();
        line.writeTo(out);
        line.reset();
        out.flush();
    }

    private void writeNumber(String name, Long v) throws IOException {
        if (v == null) gen.writeNullField(name); else gen.writeNumberField(name, v);
    }

    @Override
    public void finish(RunSummary summary) throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        gen.close();
        out.flush();
    }
}
