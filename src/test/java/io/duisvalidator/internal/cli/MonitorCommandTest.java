package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duisvalidator.support.AuditorCorpus;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * monitor by period over a corpus whose counts per week are known by construction (AuditorCorpus.monitor: two MDR
 * Users over ISO weeks 2027-W01 to W05, every scenario carrying the same history), its flags, its four formats and
 * its bad input.
 */
class MonitorCommandTest {
    static final List<String> WEEKS = List.of("2027-W01", "2027-W02", "2027-W03", "2027-W04", "2027-W05");

    @TempDir
    static Path tmp;
    static JsonNode json;

    @BeforeAll
    static void run() throws Exception {
        AuditorCorpus.monitor(tmp.resolve("corpus"));
        Path out = tmp.resolve("m.json");
        assertThat(Main.run("monitor", "--format", "json", "--out", out.toString(), tmp.resolve("corpus").toString())).isEqualTo(1);
        json = new ObjectMapper().readTree(out.toFile());
    }

    static JsonNode user(JsonNode n, String id) {
        for (JsonNode u : n.get("users")) if (u.get("userId").asText().equals(id)) return u;
        throw new AssertionError("no user " + id);
    }

    /** {schedules, executions, failed, on demand, retries, non-compliant} of a row. */
    static long[] counts(JsonNode row) {
        return new long[]{row.get("schedulesCreated").asLong(), row.get("executions").asLong(), row.get("failedExecutions").asLong(),
                row.get("onDemand").asLong(), row.get("compliantRetries").asLong(), row.get("nonCompliant").asLong()};
    }

    @Test
    void weeksAreIsoWeeksAndEveryUsersPeriodHasItsConstructedCounts() {
        assertThat(json.get("period").asText()).isEqualTo("week");
        assertThat(json.get("periods")).extracting(JsonNode::asText).isEqualTo(WEEKS);
        JsonNode a = user(json, AuditorCorpus.MDR_A);
        long[][] expectedA = {{1, 14, 1, 1, 1, 0}, {0, 14, 1, 1, 1, 0}, {0, 14, 0, 0, 0, 0}, {0, 14, 1, 2, 1, 1}, {0, 14, 0, 3, 0, 3}};
        for (int w = 0; w < 5; w++) {
            JsonNode p = a.get("periods").get(w);
            assertThat(p.get("period").asText()).isEqualTo(WEEKS.get(w));
            assertThat(counts(p.get("total"))).as(WEEKS.get(w)).isEqualTo(expectedA[w]);
        }
        assertThat(a.get("periods").get(0).get("start").asText()).isEqualTo("2027-01-04");
        assertThat(a.get("periods").get(0).get("end").asText()).isEqualTo("2027-01-10");
        // executions seen by all five of A's and four of B's scenarios are counted once
        assertThat(counts(a.get("total"))).isEqualTo(new long[]{1, 70, 3, 7, 3, 4});
        JsonNode b = user(json, AuditorCorpus.MDR_B);
        assertThat(counts(b.get("total"))).isEqualTo(new long[]{0, 84, 1, 1, 1, 0});
        assertThat(counts(b.get("periods").get(2).get("total"))).isEqualTo(new long[]{0, 21, 1, 1, 1, 0});
        assertThat(b.get("periods").get(4).get("total").get("onDemandShare").isNull()).isTrue();
        // per SRV within a period: A's W01 has the 5.1 of 4.17 and the 4.8.1 retry
        JsonNode w01 = a.get("periods").get(0).get("bySrv");
        assertThat(w01).extracting(s -> s.get("srv").asText()).containsExactly("4.17", "4.6.1", "4.8.1");
        assertThat(counts(w01.get(2))).isEqualTo(new long[]{0, 7, 1, 1, 1, 0});
    }

    @Test
    void flagsNameTheirPeriodsAndSayWhy() {
        JsonNode a = user(json, AuditorCorpus.MDR_A);
        assertThat(flags(a)).containsExactly("THRESHOLD 2027-W04", "THRESHOLD 2027-W05", "RISE 2027-W05");
        assertThat(a.get("periods").get(4).get("baseline").asDouble()).isEqualTo(1.0 / 15);
        assertThat(a.get("periods").get(4).get("baselineOf")).extracting(JsonNode::asText).isEqualTo(WEEKS.subList(0, 4));
        assertThat(a.get("periods").get(3).get("baseline").asDouble()).isEqualTo(1.0 / 15); // 2/16 is below 2 x 1/15
        assertThat(a.get("flags").get(2).get("text").asText()).contains("2027-W05", "3/17 (17.6%)", "baseline 6.7%");
        JsonNode b = user(json, AuditorCorpus.MDR_B);
        assertThat(flags(b)).containsExactly("RISE 2027-W03"); // 1/22 = 4.5%: below 10 %, above 2 x the 1 % floor
        assertThat(b.get("flags").get(0).get("text").asText()).contains("taken as 1.0%");
        assertThat(b.get("flagged").asBoolean()).isTrue();
    }

    static List<String> flags(JsonNode u) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : u.get("flags")) out.add(f.get("kind").asText() + " " + f.get("period").asText());
        return out;
    }

    @Test
    void riseAndThresholdAreSettable() throws Exception {
        Path out = tmp.resolve("loose.json");
        // 17.6% <= 20%, and 3/17 <= 3 x 1/15; 1/22 <= 5 x 1 %
        assertThat(Main.run("monitor", "--format", "json", "--threshold", "0.2", "--rise", "5", "--out", out.toString(),
                tmp.resolve("corpus").toString())).isZero();
        JsonNode n = new ObjectMapper().readTree(out.toFile());
        assertThat(n.get("users")).allSatisfy(u -> assertThat(u.get("flags")).isEmpty());
    }

    @Test
    void byMonthAndByDay() throws Exception {
        Path month = tmp.resolve("month.json");
        Main.run("monitor", "--format", "json", "--period", "month", "--out", month.toString(), tmp.resolve("corpus").toString());
        JsonNode m = new ObjectMapper().readTree(month.toFile());
        assertThat(m.get("periods")).extracting(JsonNode::asText).containsExactly("2027-01", "2027-02");
        // A: January has 2 x 28 executions (01-04..01-31), February 2 x 7; on demand: 4 in January, 3 in February
        assertThat(counts(user(m, AuditorCorpus.MDR_A).get("periods").get(0).get("total"))).isEqualTo(new long[]{1, 56, 3, 4, 3, 1});
        assertThat(counts(user(m, AuditorCorpus.MDR_A).get("periods").get(1).get("total"))).isEqualTo(new long[]{0, 14, 0, 3, 0, 3});
        Path day = tmp.resolve("day.json");
        Main.run("monitor", "--format", "json", "--period", "DAY", "--out", day.toString(), tmp.resolve("corpus").toString());
        JsonNode d = new ObjectMapper().readTree(day.toFile());
        assertThat(d.get("periods")).hasSize(35); // 2027-01-04 .. 2027-02-07
        JsonNode jan20 = user(d, AuditorCorpus.MDR_B).get("periods").get(16);
        assertThat(jan20.get("period").asText()).isEqualTo("2027-01-20");
        assertThat(counts(jan20.get("total"))).isEqualTo(new long[]{0, 3, 0, 1, 1, 0});
    }

    @Test
    void csvHasPerPeriodRowsAfterTheWholeCorpusRows() throws Exception {
        Path out = tmp.resolve("m.csv");
        Main.run("monitor", "--format", "csv", "--out", out.toString(), tmp.resolve("corpus").toString());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(out))).getRecords();
        List<CSVRecord> totals = rows.stream().filter(r -> r.get("srv").equals("*") && !r.get("period").equals("all")).toList();
        assertThat(totals).hasSize(10); // 2 Users x 5 weeks
        CSVRecord aW05 = totals.stream().filter(r -> r.get("user_id").equals(AuditorCorpus.MDR_A) && r.get("period").equals("2027-W05")).findFirst().orElseThrow();
        assertThat(aW05.get("on_demand")).isEqualTo("3");
        assertThat(aW05.get("executions")).isEqualTo("14");
        assertThat(aW05.get("flags")).isEqualTo("THRESHOLD RISE");
        assertThat(aW05.get("period_start")).isEqualTo("2027-02-01");
        assertThat(aW05.get("baseline_share")).isEqualTo("0.066667");
        assertThat(rows.get(0).get("period")).isEqualTo("all");
    }

    @Test
    void htmlHasAChartPerUserWithTheThresholdAndTheFlaggedPeriodsMarked() throws Exception {
        Path out = tmp.resolve("m.html");
        Main.run("monitor", "--format", "html", "--out", out.toString(), tmp.resolve("corpus").toString());
        Document d = Jsoup.parse(Files.readString(out));
        assertThat(d.select("link[href], script[src], img")).as("self-contained").isEmpty();
        assertThat(d.select("section.user")).hasSize(2);
        Element a = d.getElementById("u-" + AuditorCorpus.MDR_A);
        assertThat(a.select("svg.chart")).hasSize(1);
        assertThat(a.select("svg line.threshold")).hasSize(1);
        assertThat(a.select("svg g.pt")).hasSize(5);
        assertThat(a.select("svg g.flag-t")).extracting(e -> e.attr("data-period")).containsExactly("2027-W04", "2027-W05");
        assertThat(a.select("svg g.flag-r")).extracting(e -> e.attr("data-period")).containsExactly("2027-W05");
        assertThat(a.select("svg g.flag-r text").text()).as("a letter besides the colour").isEqualTo("T R");
        assertThat(a.select("table.per tbody tr")).hasSize(5);
        assertThat(a.select("table.per tr.flag td.f")).extracting(Element::text).containsExactly("2027-W04", "2027-W05");
        Element b = d.getElementById("u-" + AuditorCorpus.MDR_B);
        assertThat(b.select("svg g.pt")).as("no point for a period without a share").hasSize(4);
        assertThat(b.select("svg g.flag-r")).extracting(e -> e.attr("data-period")).containsExactly("2027-W03");
        assertThat(d.select("p.note")).isEmpty();
    }

    @Test
    void scenariosWithoutAReceiptDateAreDatedByAtAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        AuditorCorpus.monitor(dir.resolve("corpus"), false); // A's W05 scenario has no 'at'
        Path out = dir.resolve("m.json");
        assertThat(Main.run("monitor", "--format", "json", "--at", AuditorCorpus.WEEK_AT.get(4), "--out", out.toString(),
                dir.resolve("corpus").toString())).isEqualTo(1);
        JsonNode n = new ObjectMapper().readTree(out.toFile());
        assertThat(n.get("dating").get("byOption").asLong()).isEqualTo(3);
        assertThat(n.get("dating").get("notes").get(0).asText()).isEqualTo("3 requests in scenarios with no receipt date "
                + "(no 'at' in scenario.properties) were dated at --at " + AuditorCorpus.WEEK_AT.get(4));
        assertThat(counts(user(n, AuditorCorpus.MDR_A).get("periods").get(4).get("total"))).isEqualTo(new long[]{0, 14, 0, 3, 0, 3});
        Path html = dir.resolve("m.html");
        Main.run("monitor", "--format", "html", "--at", AuditorCorpus.WEEK_AT.get(4), "--out", html.toString(), dir.resolve("corpus").toString());
        assertThat(Jsoup.parse(Files.readString(html)).select("p.note").text()).contains("were dated at --at 2027-02-03T12:00:00Z");
    }

    @Test
    void anOptionThatDoesNotParseIsExit2NamingIt() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            String corpus = tmp.resolve("corpus").toString();
            assertThat(Main.run("monitor", "--period", "fortnight", corpus)).isEqualTo(2);
            assertThat(Main.run("monitor", "--rise", "twice", corpus)).isEqualTo(2);
            assertThat(Main.run("monitor", "--rise", "0.5", corpus)).isEqualTo(2);
            assertThat(Main.run("monitor", "--rise", "NaN", corpus)).isEqualTo(2);
            assertThat(Main.run("monitor", "--threshold", "NaN", corpus)).isEqualTo(2);
            assertThat(Main.run("monitor", "--format", "pdf", corpus)).isEqualTo(2);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString()).contains("--period is day, week or month, not fortnight", "--rise is a factor of 1 or more (e.g. 2), not twice",
                "not 0.5", "not NaN", "--threshold is a share between 0 and 1", "unknown --format pdf");
    }

    @Test
    void aCorpusWithNoMhhsRequestGivesAnEmptyReport(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("s/messages"));
        Path html = dir.resolve("m.html");
        assertThat(Main.run("monitor", "--format", "html", "--at", "2027-01-15T10:00:00Z", "--out", html.toString(),
                dir.resolve("s").toString())).isZero();
        assertThat(Jsoup.parse(Files.readString(html)).select("p.note").text()).contains("nothing to chart");
    }
}
