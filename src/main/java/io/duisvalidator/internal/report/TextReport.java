package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.text.Printable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** For people: one line per rejected or errored message ({@code file: code rule-id message}), then a summary. */
public final class TextReport implements ReportWriter {
    private final PrintWriter out;

    public TextReport(OutputStream out) {
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    @Override
    public void write(FileResult r) {
        Decision d = r.decision();
        if (d.outcome() == Outcome.ACCEPTED) return;
        Finding first = d.findings().stream().filter(f -> f.severity() == Severity.ERROR
                && f.code().equals(d.responseCode())).findFirst().orElse(null);
        out.println(Printable.text(r.file() + ": " + d.responseCode() + " " + (first == null ? "-" : first.ruleId()) + " "
                + (first == null ? "" : first.message())));
        out.flush();
    }

    @Override
    public void finish(RunSummary s) {
        out.println();
        out.printf(Locale.ROOT, "%d files: %d accepted, %d rejected, %d errored%n", s.total(), s.accepted(),
                s.rejected(), s.errored());
        if (!s.byCode().isEmpty()) {
            StringBuilder sb = new StringBuilder("response codes:");
            for (Map.Entry<String, Long> e : s.byCode().entrySet()) sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
            out.println(sb);
        }
        out.println("rule set: " + Printable.text(s.ruleSetText()));
        out.printf(Locale.ROOT, "loaded in %d ms (%s); validated in %.3f s (%.0f messages/s)%n", s.loadMillis(),
                s.rulesPrebuilt() ? "prebuilt rule model" : "rules compiled at start", s.validateNanos() / 1e9, s.rate());
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
