package io.duisvalidator.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.coverage.CoverageGrid.Cell;
import io.duisvalidator.internal.coverage.CoverageGrid.Status;
import io.duisvalidator.support.AuditorCorpus;
import io.duisvalidator.support.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage grids against a corpus whose counts per cell are known by construction (AuditorCorpus.grid: each
 * message exercises exactly one eligibility cell and one On-Demand TRT cell), and their three renderings.
 */
class CoverageGridsTest {
    /** cell requirement -> {exercised, accepted, rejected}, from AuditorCorpus.grid's construction table. */
    static final Map<String, long[]> EXPECTED = Map.of(
            "ELIG-4.8.1-IS", new long[]{4, 3, 1}, "TRT-4.8.1-EXISTING-S2-ON_DEMAND", new long[]{4, 3, 1},
            "ELIG-4.1.1-IS", new long[]{1, 1, 0}, "TRT-4.1.1-EXISTING-S1-ON_DEMAND", new long[]{1, 1, 0},
            "ELIG-4.1.1-MDR", new long[]{3, 1, 2}, "TRT-4.1.1-MDR-S2-ON_DEMAND", new long[]{2, 0, 2},
            "TRT-4.1.1-MDR-S1-ON_DEMAND", new long[]{1, 1, 0},
            "ELIG-4.6.2-ES", new long[]{4, 2, 2}, "TRT-4.6.2-EXISTING-S2-ON_DEMAND", new long[]{2, 2, 0},
            "TRT-4.6.2-EXISTING-S1-ON_DEMAND", new long[]{2, 0, 2});

    static CoverageReport report;
    static CoverageReport empty;

    @BeforeAll
    static void run(@TempDir Path tmp) throws Exception {
        AuditorCorpus.grid(tmp.resolve("grid"));
        report = new Coverage(Fixtures.RULES).scenarios(Scenario.find(List.of(tmp.resolve("grid"))),
                ValidationSettings.defaults(), ReaderOptions.defaults(), 2).report();
        Files.createDirectories(tmp.resolve("nothing/messages"));
        empty = new Coverage(Fixtures.RULES).scenarios(Scenario.find(List.of(tmp.resolve("nothing"))),
                ValidationSettings.defaults(), ReaderOptions.defaults(), 2).report();
    }

    static CoverageGrid grid(CoverageReport r, String id) {
        return r.grids().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theGridsAreLaidOutAsMp162LaysOutItsTables() {
        List<String> srvs = List.of("4.1.1", "4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17", "5.1", "5.2", "5.3", "8.2");
        CoverageGrid elig = grid(report, "eligibility");
        assertThat(elig.rows()).extracting(CoverageGrid.Row::srv).isEqualTo(srvs);
        assertThat(elig.columns()).extracting(CoverageGrid.Column::key).containsExactly("IS", "ES", "GS", "ED", "GT", "OU", "RSA", "MDR");
        CoverageGrid trt = grid(report, "trt");
        assertThat(trt.rows()).extracting(CoverageGrid.Row::srv).isEqualTo(srvs);
        assertThat(trt.columns()).extracting(c -> String.join(" / ", c.header())).containsExactly(
                "SR sent by existing User Roles / SMETS2 / Scheduled", "SR sent by existing User Roles / SMETS2 / On-Demand",
                "SR sent by existing User Roles / SMETS1 / Scheduled", "SR sent by existing User Roles / SMETS1 / On-Demand",
                "SR sent by \u2018MDR\u2019 User Role / SMETS2 / Scheduled", "SR sent by \u2018MDR\u2019 User Role / SMETS2 / On-Demand",
                "SR sent by \u2018MDR\u2019 User Role / SMETS1 / Scheduled", "SR sent by \u2018MDR\u2019 User Role / SMETS1 / On-Demand");
        // values as MP162 writes them (an independent reading of its section 3 table for a few cells)
        assertThat(cell(trt, "TRT-4.8.1-EXISTING-S2-ON_DEMAND").value()).isEqualTo("5,600 secs");
        assertThat(cell(trt, "TRT-4.1.1-MDR-S1-ON_DEMAND").value()).isEqualTo("24 hrs");
        assertThat(cell(trt, "TRT-4.1.1-EXISTING-S1-ON_DEMAND").value()).isEqualTo("16 secs");
        assertThat(cell(trt, "TRT-4.17-MDR-S1-ON_DEMAND").value()).isEqualTo("N/A");
        assertThat(cell(trt, "TRT-4.2-EXISTING-S2-SCHEDULED").footnote()).isEqualTo("4");
        assertThat(cell(elig, "ELIG-4.2-IS").value()).isEqualTo("no");
        assertThat(cell(elig, "ELIG-8.2-RSA").value()).isEqualTo("yes");
    }

    @Test
    void everyCellHasTheCountsAndStatusOfTheConstruction() {
        int checked = 0;
        for (CoverageGrid g : report.grids()) {
            for (Cell c : g.cells()) {
                long[] e = EXPECTED.getOrDefault(c.requirement(), new long[3]);
                assertThat(new long[]{c.exercised(), c.accepted(), c.rejected()}).as(c.requirement()).isEqualTo(e);
                Status expected = e[0] == 0 ? (unreachable(c.requirement()) ? Status.UNREACHABLE : Status.NOT_EXERCISED)
                        : e[1] > 0 && e[2] > 0 ? Status.BOTH : e[1] > 0 ? Status.ACCEPTS : Status.REJECTS;
                assertThat(c.status()).as(c.requirement()).isEqualTo(expected);
                assertThat(c.examples()).hasSize((int) Math.min(3, e[0]));
                if (expected == Status.UNREACHABLE) {
                    assertThat(c.reason()).startsWith("a 5.1 cannot schedule SRV " + c.requirement().split("-")[1]);
                } else {
                    assertThat(c.reason()).isNull();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(88 + 88);
        assertThat(grid(report, "trt").counts()).containsEntry(Status.UNREACHABLE, 20L).containsEntry(Status.BOTH, 1L)
                .containsEntry(Status.ACCEPTS, 3L).containsEntry(Status.REJECTS, 2L);
        assertThat(grid(report, "eligibility").counts()).containsEntry(Status.BOTH, 3L).containsEntry(Status.ACCEPTS, 1L)
                .containsEntry(Status.REJECTS, 0L).containsEntry(Status.UNREACHABLE, 0L);
    }

    /** The Scheduled cells of SRVs the DUIS schema does not let a 5.1 schedule (transcribed here, not computed). */
    static boolean unreachable(String req) {
        return req.endsWith("-SCHEDULED") && List.of("4.1.1", "5.1", "5.2", "5.3", "8.2").contains(req.split("-")[1]);
    }

    @Test
    void textIsAnAlignedTableWithOneMarkPerCell() {
        StringWriter w = new StringWriter();
        CoverageWriter.text(report, w);
        List<String> lines = w.toString().lines().toList();
        int header = lines.indexOf("DCC SR ref.  IS     ES     GS     ED     GT     OU     RSA    MDR");
        assertThat(header).isPositive();
        assertThat(lines.get(header + 1)).isEqualTo("4.1.1        yes A  no .   yes .  yes .  yes .  no .   no .   yes B");
        assertThat(lines.get(header + 5)).isEqualTo("4.8.1        yes B  no .   yes .  yes .  yes .  yes .  no .   yes .");
        assertThat(lines).contains("4.1.1        N/A U      30 secs .     N/A U      16 secs A  N/A U      N/A R      N/A U      24 hrs A");
        assertThat(w.toString()).contains("cells: 3 A, 2 R, 1 B, 62 ., 20 U", "Rules never fired", "unreachable by construction (0): none");
    }

    @Test
    void jsonCarriesTheGridsCellByCell() throws Exception {
        StringWriter w = new StringWriter();
        CoverageWriter.json(report, w);
        JsonNode n = new ObjectMapper().readTree(w.toString());
        Map<String, JsonNode> cells = new HashMap<>();
        for (JsonNode g : n.get("grids")) {
            assertThat(g.get("columns")).hasSize(g.get("id").asText().equals("trt") ? 8 : 8);
            for (JsonNode row : g.get("rows")) for (JsonNode c : row.get("cells")) cells.put(c.get("requirement").asText(), c);
        }
        assertThat(cells).hasSize(176);
        EXPECTED.forEach((req, e) -> {
            JsonNode c = cells.get(req);
            assertThat(new long[]{c.get("exercised").asLong(), c.get("accepted").asLong(), c.get("rejected").asLong()}).as(req).isEqualTo(e);
        });
        assertThat(cells.get("TRT-4.1.1-MDR-S2-ON_DEMAND").get("status").asText()).isEqualTo("REJECTS");
        assertThat(cells.get("TRT-4.1.1-MDR-S2-ON_DEMAND").get("mark").asText()).isEqualTo("R");
        assertThat(cells.get("TRT-5.2-MDR-S1-SCHEDULED").get("reason").asText()).contains("DSPScheduledServiceReferenceVariant");
        assertThat(cells.get("ELIG-4.2-IS").get("marks")).isEmpty();
        assertThat(n.get("rulesNeverFiredByWhy").get("unreachable")).isEmpty();
        assertThat(n.get("rulesNeverFiredByWhy").get("notExercised").size()).isEqualTo(n.get("rulesNeverFired").size());
    }

    @Test
    void htmlGridsHaveMp162sHeadersACellPerColumnAndMoreThanColour() throws Exception {
        StringWriter w = new StringWriter();
        CoverageWriter.html(report, w);
        Document d = Jsoup.parse(w.toString());
        assertThat(d.select("link[href], script[src], img[src^=http]")).as("self-contained").isEmpty();
        Element trt = d.selectFirst("table#table-trt");
        Elements head = trt.select("thead tr");
        assertThat(head).hasSize(3);
        assertThat(head.get(0).select("th[colspan=4]")).extracting(Element::text)
                .containsExactly("SR sent by existing User Roles", "SR sent by \u2018MDR\u2019 User Role");
        assertThat(head.get(1).select("th[colspan=2]")).extracting(Element::text).containsExactly("SMETS2", "SMETS1", "SMETS2", "SMETS1");
        assertThat(head.get(2).select("th")).extracting(Element::text).containsExactly("Scheduled", "On-Demand", "Scheduled",
                "On-Demand", "Scheduled", "On-Demand", "Scheduled", "On-Demand");
        assertThat(trt.select("tbody tr")).hasSize(11).allSatisfy(tr -> assertThat(tr.select("td.c")).hasSize(8));
        Element elig = d.selectFirst("table#table-eligibility");
        assertThat(elig.select("thead th")).extracting(Element::text).containsExactly("DCC SR ref.", "IS", "ES", "GS", "ED", "GT", "OU", "RSA", "MDR");
        assertThat(elig.select("tbody tr")).hasSize(11).allSatisfy(tr -> assertThat(tr.select("td.c")).hasSize(8));
        for (Element td : d.select("td.c")) {
            Status s = Status.valueOf(td.attr("data-status"));
            assertThat(td.hasClass(s.name())).isTrue();
            assertThat(td.selectFirst("span.s").text()).as("a symbol besides the colour").isEqualTo(s.symbol());
            assertThat(td.selectFirst(".pop").text()).contains(td.attr("data-req"), s.meaning());
        }
        Element c = trt.selectFirst("td[data-req=TRT-4.8.1-EXISTING-S2-ON_DEMAND]");
        assertThat(c.attr("data-exercised")).isEqualTo("4");
        assertThat(c.select(".pop li")).hasSize(3);
        assertThat(c.selectFirst(".pop").text()).contains("4 (3 accepted, 1 rejected)", "Source: MP162");
        assertThat(trt.selectFirst("td[data-req=TRT-5.1-MDR-S1-SCHEDULED] .pop").text()).contains("Why unreachable: a 5.1 cannot schedule SRV 5.1");
        assertThat(d.select("ul.legend li")).hasSize(Status.values().length);
        // the requirement list: filter controls and one row per requirement, tagged for the filter
        assertThat(d.select("select#f-doc option")).extracting(Element::val).contains("", "MP162", "SEC", "DUIS", "Project");
        assertThat(d.select("select#f-status option")).extracting(Element::val).containsExactly("", "EXERCISED", "NOT_EXERCISED", "UNREACHABLE");
        assertThat(d.select("section.reqsec tr[data-status]")).hasSize(report.requirements().size());
        assertThat(d.select("section.reqsec tr[data-doc]")).allSatisfy(tr -> assertThat(tr.attr("data-doc")).isNotEmpty());
        assertThat(d.select("h2#never-fired").text()).contains("grouped by why");
        assertThat(d.select("h3").eachText()).anyMatch(t -> t.startsWith("Unreachable by construction (0 rules; 20 requirements"))
                .anyMatch(t -> t.startsWith("Not exercised by this corpus ("));
    }

    @Test
    void marksThatLaterAnalysesAddAreShownByEveryWriter() throws Exception {
        CoverageGrid.Mark m = new CoverageGrid.Mark("mutant-survived", "!", "a mutant of this cell's rule survived the corpus");
        CoverageGrid g = grid(report, "trt").mark("TRT-4.2-MDR-S1-ON_DEMAND", m);
        assertThat(cell(g, "TRT-4.2-MDR-S1-ON_DEMAND").marks()).containsExactly(m);
        assertThat(g.cells().stream().filter(c -> !c.marks().isEmpty())).hasSize(1);
        CoverageReport marked = withGrids(report, List.of(grid(report, "eligibility"), g));
        StringWriter text = new StringWriter();
        CoverageWriter.text(marked, text);
        assertThat(text.toString()).contains("24 hrs .!", "! TRT-4.2-MDR-S1-ON_DEMAND: a mutant of this cell's rule survived the corpus");
        StringWriter json = new StringWriter();
        CoverageWriter.json(marked, json);
        assertThat(json.toString()).contains("\"kind\" : \"mutant-survived\"");
        StringWriter html = new StringWriter();
        CoverageWriter.html(marked, html);
        assertThat(Jsoup.parse(html.toString()).select("td[data-req=TRT-4.2-MDR-S1-ON_DEMAND] span.mk").text()).isEqualTo("!");
    }

    @Test
    void aCorpusThatExercisesNothingGivesEmptyGridsThatSaySo() throws Exception {
        assertThat(empty.messages()).isZero();
        for (CoverageGrid g : empty.grids()) {
            assertThat(g.exercisedNothing()).isTrue();
            assertThat(g.cells()).allSatisfy(c -> assertThat(c.status()).isIn(Status.NOT_EXERCISED, Status.UNREACHABLE));
        }
        StringWriter html = new StringWriter();
        CoverageWriter.html(empty, html);
        assertThat(Jsoup.parse(html.toString()).select("p.empty")).hasSize(2).allSatisfy(p -> assertThat(p.text()).isEqualTo(GridWriter.EMPTY));
        StringWriter text = new StringWriter();
        CoverageWriter.text(empty, text);
        assertThat(text.toString()).contains(GridWriter.EMPTY);
    }

    static Cell cell(CoverageGrid g, String req) {
        return g.cells().stream().filter(c -> c.requirement().equals(req)).findFirst().orElseThrow();
    }

    static CoverageReport withGrids(CoverageReport r, List<CoverageGrid> grids) {
        return new CoverageReport(r.ruleSet(), r.messages(), r.accepted(), r.rejected(), r.errors(), r.requirements(),
                r.neverExercised(), r.unreachable(), r.rulesNeverFired(), r.unknownRequirements(), r.traceability(),
                r.matrix(), r.reachability(), r.rulesNotFired(), grids);
    }
}
