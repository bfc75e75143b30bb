package io.duisvalidator.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.batch.FileResult;
import io.duisvalidator.internal.text.Printable;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.duisvalidator.internal.report.ReportFormatsTest.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 items 12 and 13: a file name or a value holding control characters cannot forge a text report line, drive
 * a terminal or break the JUnit XML; SARIF locations are URIs.
 */
class ControlCharactersTest {
    static final String FORGED = "in/x.xml: I99 - ok\nin/y.xml";
    static final String ESC = "in/\u001B]0;owned\u0007\u001B[2J\u202Eevil.xml";
    static final Finding E4 = new Finding("E4", Severity.ERROR, "ACCESS", "ACCESS-MDR", "ref",
            "party \u001B[31mRED\u0085 not appointed\u0000");

    static List<FileResult> results() {
        List<FileResult> r = new ArrayList<>();
        for (String f : List.of(FORGED, ESC, "in/nul\u0001\uFFFE.xml")) {
            r.add(new FileResult(f, r.size(), new Decision("R\u001B", "U1", "MDR", "4.8.1", "ON_DEMAND", Outcome.REJECTED,
                    "E4", null, null, List.of(E4), List.of(), RULES)));
        }
        return r;
    }

    static String run(ReportWriter w, ByteArrayOutputStream out) throws Exception {
        RunSummary s = new RunSummary().ruleSet(RULES);
        try (w) {
            for (FileResult r : results()) {
                s.add(r);
                w.write(r);
            }
            w.finish(s);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static void noControl(String s) {
        for (char c : s.toCharArray()) {
            if (c == '\n') continue;
            assertThat(Printable.unsafe(c)).as("U+%04X in %s", (int) c, s).isFalse();
        }
    }

    @Test
    void text_report_lines_cannot_be_forged_and_carry_no_control_character() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = run(new TextReport(out), out);
        noControl(text);
        List<String> lines = text.lines().toList();
        // one line per rejected message, then a blank line and the summary
        assertThat(lines.subList(0, 3)).allMatch(l -> l.contains(": E4 ACCESS "));
        assertThat(lines.get(0)).startsWith("in/x.xml: I99 - ok\\nin/y.xml: E4");
        assertThat(lines.get(1)).contains("\\u001B]0;owned\\u0007");
    }

    @Test
    void junit_report_is_well_formed_whatever_the_names_and_messages_hold() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String xml = run(new JunitReport(out), out);
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
    }

    @Test
    void html_report_carries_no_control_character_and_shows_each_one_as_a_visible_escape() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String html = run(new HtmlReport(out), out);
        noControl(html);
        assertThat(html).contains("\\u001B]0;owned\\u0007").contains("in/x.xml: I99 - ok\\nin/y.xml")
                .doesNotContain("\u202E");
    }

    @Test
    void sarif_artifact_locations_are_uris_that_give_back_the_file_name() throws Exception {
        List<String> names = List.of("in/a b#c?d%e.xml", "in\\back\\slash.xml", "in/é ü.xml", "c:colon.xml", "/abs/p q.xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SarifReport w = new SarifReport(out, List.of());
        RunSummary s = new RunSummary().ruleSet(RULES);
        for (int i = 0; i < names.size(); i++) {
            FileResult r = new FileResult(names.get(i), i, new Decision("R", "U", "MDR", "4.8.1", "ON_DEMAND",
                    Outcome.REJECTED, "E4", null, null, List.of(E4), List.of(), RULES));
            s.add(r);
            w.write(r);
        }
        w.finish(s);
        w.close();
        var results = new ObjectMapper().readTree(out.toByteArray()).at("/runs/0/results");
        for (int i = 0; i < names.size(); i++) {
            String uri = results.get(i).at("/locations/0/physicalLocation/artifactLocation/uri").asText();
            assertThat(uri).as(names.get(i)).matches("[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+");
            URI u = new URI(uri);
            String back = u.getScheme() != null ? Path.of(u).toString() : u.getPath();
            assertThat(back).isEqualTo(names.get(i));
        }
    }
}
