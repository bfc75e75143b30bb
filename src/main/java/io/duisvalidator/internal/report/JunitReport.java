package io.duisvalidator.internal.report;

import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.internal.text.Printable;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * JUnit XML for CI dashboards: one {@code testcase} per message, a {@code failure} for a REJECTED one and an
 * {@code error} for an ERROR one (type = response code, text = every finding with its reference). The suite's
 * counts come first in the document, so test cases are spooled to a temporary file as they stream past and copied
 * out at the end: memory stays flat.
 */
public final class JunitReport implements ReportWriter {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private final OutputStream out;
    private final Spool spool;
    private final XMLStreamWriter cases;

    public JunitReport(OutputStream out) throws IOException {
        this.out = out;
        this.spool = new Spool("duis-junit");
        try {
            this.cases = XML.createXMLStreamWriter(spool.writer());
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void write(FileResult r) throws IOException {
        Decision d = r.decision();
        Path p = Path.of(r.file());
        try {
            cases.writeCharacters("    ");
            cases.writeStartElement("testcase");
            cases.writeAttribute("classname", Printable.xml(p.getParent() == null ? "." : p.getParent().toString()));
            cases.writeAttribute("name", Printable.xml(String.valueOf(p.getFileName())));
            if (d.outcome() != Outcome.ACCEPTED) {
                cases.writeCharacters("\n      ");
                cases.writeStartElement(d.outcome() == Outcome.REJECTED ? "failure" : "error");
                cases.writeAttribute("type", Printable.xml(d.responseCode()));
                Finding first = d.findings().isEmpty() ? null : d.findings().get(0);
                cases.writeAttribute("message", Printable.xml(d.responseCode() + (first == null ? "" : " " + first.ruleId() + ": " + first.message())));
                cases.writeCharacters(describe(d));
                cases.writeEndElement();
                cases.writeCharacters("\n    ");
            } else if (!d.findings().isEmpty()) {
                cases.writeCharacters("\n      ");
                cases.writeStartElement("system-out");
                cases.writeCharacters(describe(d));
                cases.writeEndElement();
                cases.writeCharacters("\n    ");
            }
            cases.writeEndElement();
            cases.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The message's identity and every finding, one per line. */
    private static String describe(Decision d) {
        StringBuilder sb = new StringBuilder();
        sb.append("requestId=").append(d.requestId()).append(" srv=").append(d.srv()).append(" role=").append(d.role())
                .append(" outcome=").append(d.outcome()).append(" responseCode=").append(d.responseCode()).append('\n');
        for (Finding f : d.findings()) {
            sb.append(f.severity()).append(' ').append(f.code()).append(' ').append(f.ruleId()).append(": ")
                    .append(f.message()).append(" [").append(f.reference()).append("]\n");
        }
        return Printable.xml(sb.toString());
    }

    @Override
    public void finish(RunSummary s) throws IOException {
        try {
            cases.flush();
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            XMLStreamWriter head = XML.createXMLStreamWriter(w);
            String time = String.format(Locale.ROOT, "%.3f", s.validateNanos() / 1e9);
            head.writeStartDocument("UTF-8", "1.0");
            head.writeCharacters("\n");
            head.writeStartElement("testsuites");
            suiteAttributes(head, s, time);
            head.writeCharacters("\n  ");
            head.writeStartElement("testsuite");
            suiteAttributes(head, s, time);
            head.writeAttribute("skipped", "0");
            head.writeCharacters("\n    ");
            head.writeStartElement("properties");
            property(head, "ruleSet", s.ruleSetText());
            property(head, "loadMillis", Long.toString(s.loadMillis()));
            head.writeCharacters("\n    ");
            head.writeEndElement();
            head.writeCharacters("\n");
            head.flush();
            w.flush();
            spool.copyTo(out);
            head.writeCharacters("  ");
            head.writeEndElement();
            head.writeCharacters("\n");
            head.writeEndElement();
            head.writeCharacters("\n");
            head.writeEndDocument();
            head.flush();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void suiteAttributes(XMLStreamWriter w, RunSummary s, String time) throws XMLStreamException {
        w.writeAttribute("name", "duis-validator");
        w.writeAttribute("tests", Long.toString(s.total()));
        w.writeAttribute("failures", Long.toString(s.rejected()));
        w.writeAttribute("errors", Long.toString(s.errored()));
        w.writeAttribute("time", time);
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n      ");
        w.writeEmptyElement("property");
        w.writeAttribute("name", name);
        w.writeAttribute("value", value == null ? "" : Printable.xml(value));
    }

    @Override
    public void close() throws IOException {
        try {
            cases.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            spool.close();
            out.flush();
        }
    }
}
