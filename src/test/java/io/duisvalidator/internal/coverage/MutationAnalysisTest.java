package io.duisvalidator.internal.coverage;

import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import io.duisvalidator.internal.cli.Main;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleTables;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code coverage --mutate} (docs/coverage.md, "Mutation analysis"): samples/ kills every mutant of a reachable
 * requirement (score 1.0); mutants applied to what the rules found decide exactly as rule bases built with the
 * mutation (tables changed, a rule's condition negated, a finding dropped) do; a wrong rule that no message tells
 * apart survives; bad input is refused.
 */
class MutationAnalysisTest {
    private static final Path SAMPLES = Path.of("samples");
    private static MutationAnalysis analysis;
    private static MutationAnalysis.Corpus corpus;
    private static MutationReport report;

    @BeforeAll
    static void judgeSamples() throws Exception {
        analysis = new MutationAnalysis(Fixtures.RULES, Set.of());
        List<Scenario> scenarios = Scenario.find(List.of(SAMPLES));
        corpus = analysis.judgeOnce(scenarios, ValidationSettings.defaults(), ReaderOptions.defaults());
        report = analysis.report(corpus, scenarios.size(), System.nanoTime());
    }

    @Test
    void samplesKillEveryMutantOfAReachableRequirement() {
        assertThat(report.baseline()).isEmpty();
        assertThat(report.survivors()).as(report.summary()).isEmpty();
        assertThat(report.overall().score()).isEqualTo(1.0);
        assertThat(report.overall().mutants()).isGreaterThan(200);
        assertThat(report.notBuilt()).isEmpty();
        // every kind of mutant is made, each killed mutant names the messages that caught it (three at most)
        for (Mutants.Kind k : Mutants.Kind.values()) {
            assertThat(report.results()).anySatisfy(r -> assertThat(r.mutant().kind()).isEqualTo(k));
        }
        assertThat(report.results()).allSatisfy(r -> assertThat(r.killedBy()).isNotEmpty().hasSizeLessThanOrEqualTo(3));
        assertThat(report.byDocument()).extracting(MutationReport.Score::name).contains("DUIS", "MP162", "SEC", "Project");
    }

    /**
     * The same corpus against the rules before MP162 (issue 15): the samples/before-mp162-* scenarios, received before
     * the go-live, kill every mutant of that rule set too (each cell of its eligibility and TRT tables, its hand-written
     * rules), so a wrong cell of the older tables would be noticed.
     */
    @Test
    void samplesKillEveryMutantOfTheRuleSetBeforeMp162() throws Exception {
        io.duisvalidator.internal.engine.RuleSets sets = io.duisvalidator.internal.engine.RuleSets.standard();
        MutationAnalysis before = new MutationAnalysis(sets, sets.ruleBase("before-mp162"), Set.of());
        MutationReport r = before.run(Scenario.find(List.of(SAMPLES)), ValidationSettings.defaults(), ReaderOptions.defaults());
        assertThat(r.baseline()).isEmpty();
        assertThat(r.survivors()).as(r.summary()).isEmpty();
        assertThat(r.overall().score()).isEqualTo(1.0);
        assertThat(r.overall().mutants()).isGreaterThan(150);
        // most samples are received after the go-live and cannot notice these mutants; the before-mp162-* ones can
        assertThat(before.otherRuleSet()).isGreaterThan(0);
    }

    /** The mutants of one requirement, e.g. "ELIG-4.8.1-OU". */
    private static List<Mutants.Mutant> of(String requirement) {
        return analysis.mutants().stream().filter(m -> m.requirement().equals(requirement)).toList();
    }

    private static Mutants.Mutant mutant(String mutationStart) {
        return analysis.mutants().stream().filter(m -> m.mutation().startsWith(mutationStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mutant " + mutationStart));
    }

    @Test
    void eachKindOfMutantIsMadeAsTheIssueSays() {
        assertThat(of("ELIG-4.8.1-OU")).extracting(Mutants.Mutant::mutation).containsExactly("eligibility cell 4.8.1 x OU: yes -> no");
        assertThat(of("ELIG-4.8.1-OU").get(0).ruleIds()).containsExactlyInAnyOrder("ELIG-4.8.1-OU", "ELIG-4.8.1-OU-SCHED");
        assertThat(of("TRT-4.8.1-EXISTING-S2-ON_DEMAND")).extracting(Mutants.Mutant::mutation).containsExactly(
                "TRT cell 4.8.1 EXISTING SMETS2 ON_DEMAND: 5600 -> 86400", "TRT cell 4.8.1 EXISTING SMETS2 ON_DEMAND: 5600 -> N/A (E2)");
        assertThat(of("TRT-4.1.1-MDR-S2-ON_DEMAND")).extracting(Mutants.Mutant::mutation).containsExactly(
                "TRT cell 4.1.1 MDR SMETS2 ON_DEMAND: N/A -> 86400");
        // the Scheduled cells no message reaches have no rule, so no mutant (D-NO-UNREACHABLE-RULE)
        assertThat(of("TRT-8.2-EXISTING-S2-SCHEDULED")).isEmpty();
        assertThat(analysis.mutants()).anySatisfy(m -> assertThat(m.mutation()).isEqualTo("rule DEVICE-STATUS: condition negated"));
        assertThat(analysis.mutants()).anySatisfy(m -> assertThat(m.mutation()).isEqualTo("rule DEVICE-STATUS: finding dropped"));
        // a rule that only records that it applied changes no decision: no mutant
        assertThat(analysis.mutants()).noneSatisfy(m -> assertThat(m.ruleIds()).contains("ACCESS-MDR-APPOINTED"));
    }

    @Test
    void negatingAConditionNegatesItsLastElement() {
        assertThat(RuleNegation.negate("$r : RequestFact( h313aApplies )\n    not FailedExecution( covers($r) )"))
                .isEqualTo("$r : RequestFact( h313aApplies )\n    exists FailedExecution( covers($r) )");
        assertThat(RuleNegation.negate("$r : RequestFact( srv == \"5.1\", scheduleEndDate != null, scheduleEndDate < scheduleStartDate )"))
                .isEqualTo("$r : RequestFact( srv == \"5.1\", scheduleEndDate != null, !( scheduleEndDate < scheduleStartDate ) )");
        assertThat(RuleNegation.negate("$r : RequestFact( role == \"MDR\", mp162Srv == false || (srv == \"5.1\" && x(\"a,b\")) )"))
                .isEqualTo("$r : RequestFact( role == \"MDR\", !( mp162Srv == false || (srv == \"5.1\" && x(\"a,b\")) ) )");
        assertThat(RuleNegation.negate("$r : RequestFact( a )\n exists Schedule( b, c )")).endsWith("not Schedule( b, c )");
    }

    /**
     * The shortcut is exact: for mutants of every kind, a rule base built with the mutation (the table changed and the
     * rules generated again; the rule's DRL changed) decides every sample message as the analysis says the mutant
     * does. Building one such rule base takes seconds (printed), the whole analysis a fraction of that per mutant.
     */
    @Test
    void mutantsDecideAsRuleBasesBuiltWithTheMutation() throws Exception {
        List<String> differences = new ArrayList<>();
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("eligibility cell 5.1 x RSA: no -> yes", new Object[]{RuleTables.ELIGIBILITY, "5.1", "RSA", "eligible", "yes"});
        cases.put("TRT cell 4.8.1 EXISTING SMETS2 ON_DEMAND: 5600 -> N/A", new Object[]{RuleTables.TRT, "4.8.1", "EXISTING|2|ON_DEMAND", "trt_seconds", "N/A"});
        cases.put("TRT cell 4.1.1 MDR SMETS2 ON_DEMAND: N/A -> 86400", new Object[]{RuleTables.TRT, "4.1.1", "MDR|2|ON_DEMAND", "trt_seconds", "86400"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Object[] a = c.getValue();
            RuleTables mutated = mutateTable(Fixtures.RULES.tables(), (String) a[0], (String) a[1], (String) a[2], (String) a[3], (String) a[4]);
            long t0 = System.nanoTime();
            RuleBase built = RuleBase.compiledFrom(Fixtures.RULES, mutated, c.getKey());
            System.out.printf("MutationAnalysisTest: rule base built with '%s' in %.1f s%n", c.getKey(), (System.nanoTime() - t0) / 1e9);
            compare(mutant(c.getKey()), built, differences);
        }
        Map<String, String> sources = new LinkedHashMap<>(Fixtures.RULES.sources());
        Map<String, String> hand = new LinkedHashMap<>();
        sources.forEach((k, v) -> { if (!k.startsWith("generated/")) hand.put(k, v); });
        List<RuleNegation.Negated> negated = RuleNegation.of(hand);
        for (String ruleId : List.of("H313A-NOT-A-RETRY", "SCHED-DATES")) {
            RuleNegation.Negated n = negated.stream().filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
            Map<String, String> s = new LinkedHashMap<>(sources);
            s.put(n.file(), replaceRule(s.get(n.file()), ruleId, n.drl()));
            compare(mutant("rule " + ruleId + ": condition negated"),
                    RuleBase.compiledOnly(Fixtures.RULES, s, "negated " + ruleId), differences);
        }
        for (String ruleId : List.of("ACCESS-MDR-NOT-APPOINTED")) {
            RuleNegation.Negated n = negated.stream().filter(x -> x.ruleId().equals(ruleId)).findFirst().orElseThrow();
            Map<String, String> s = new LinkedHashMap<>(sources);
            s.put(n.file(), dropFinding(s.get(n.file()), ruleId));
            compare(mutant("rule " + ruleId + ": finding dropped"),
                    RuleBase.compiledOnly(Fixtures.RULES, s, "dropped " + ruleId), differences);
        }
        assertThat(differences).isEmpty();
    }

    /** Every sample message judged by the mutated rule base decides as the mutant says. */
    private static void compare(Mutants.Mutant m, RuleBase built, List<String> differences) throws Exception {
        int touched = 0;
        Map<String, CoreValidator> validators = new HashMap<>();
        for (MutationAnalysis.Item it : corpus.items()) {
            Decision viaShortcut = MutationAnalysis.decide(m, it);
            if (viaShortcut != it.traced().decision()) touched++;
            Path file = Path.of(it.file());
            Scenario sc = new Scenario(file.getParent().getParent());
            CoreValidator v = validators.computeIfAbsent(sc.dir().toString(), k -> {
                try {
                    return CoreValidator.create(built, sc.loadContext());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Decision viaBuild = v.validate(Files.readAllBytes(file), sc.settings(ValidationSettings.defaults()));
            if (!key(viaShortcut).equals(key(viaBuild))) {
                differences.add(m.mutation() + " " + it.file() + "\n  analysis: " + key(viaShortcut) + "\n  built:    " + key(viaBuild));
            }
        }
        assertThat(touched).as("messages the mutant '%s' touches", m.mutation()).isPositive();
    }

    /** What a decision says, without the findings' message text (the mutants word theirs differently). */
    private static String key(Decision d) {
        List<String> f = new ArrayList<>();
        for (Finding x : d.findings()) f.add(x.code() + "/" + x.severity() + "/" + x.ruleId() + "/" + x.requirement());
        return d.outcome() + " " + d.responseCode() + " trt=" + d.trtSeconds() + " scheduled=" + d.scheduledTrtSeconds()
                + " " + f + " fired=" + new java.util.TreeSet<>(d.firedRules());
    }

    private static RuleTables mutateTable(RuleTables t, String table, String srv, String key, String column, String value) {
        Map<String, List<Map<String, String>>> all = new LinkedHashMap<>();
        int changed = 0;
        for (String name : List.of(RuleTables.ELIGIBILITY, RuleTables.TRT, RuleTables.SRV_CATALOGUE, RuleTables.DEVICE_TYPES)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Map<String, String> r : t.rows(name)) {
                String k = RuleTables.TRT.equals(name) ? r.get("sender") + "|" + r.get("smets") + "|" + r.get("mode") : r.get("role");
                if (name.equals(table) && srv.equals(r.get("srv")) && key.equals(k)) {
                    Map<String, String> m = new HashMap<>(r);
                    m.put(column, value);
                    rows.add(m);
                    changed++;
                } else {
                    rows.add(r);
                }
            }
            all.put(name, rows);
        }
        assertThat(changed).isEqualTo(1);
        return RuleTables.of(all);
    }

    private static final Pattern RULE_BLOCK = Pattern.compile("(?ms)^rule\\s+\"[^\"]+\"\\s*$.*?^end\\s*$");

    /** The DRL file with the rule of {@code ruleId} replaced by {@code drl}. */
    private static String replaceRule(String file, String ruleId, String drl) {
        Matcher m = RULE_BLOCK.matcher(file);
        while (m.find()) {
            if (m.group().contains("@ruleId(\"" + ruleId + "\")")) {
                return file.substring(0, m.start()) + drl + file.substring(m.end());
            }
        }
        throw new AssertionError("no rule " + ruleId);
    }

    /** The DRL file with the rule of {@code ruleId} recording that it applied instead of reporting its finding. */
    private static String dropFinding(String file, String ruleId) {
        Matcher m = RULE_BLOCK.matcher(file);
        while (m.find()) {
            if (m.group().contains("@ruleId(\"" + ruleId + "\")")) {
                String rule = m.group().replaceAll("(?s)then\\s.*?\\nend", "then\n    findings.pass(drools);\nend");
                return file.substring(0, m.start()) + rule + file.substring(m.end());
            }
        }
        throw new AssertionError("no rule " + ruleId);
    }

    @Test
    void aWrongRuleThatNoMessageTellsApartSurvives(@TempDir Path dir) throws Exception {
        // one scenario of samples/ with its findings lists removed: the RSA 5.1 line no longer says which E2s it has
        Path sc = copyScenario(Path.of("samples/schedules-5.1"), dir.resolve("weak"));
        Path exp = sc.resolve("expected.jsonl");
        Files.writeString(exp, Files.readString(exp).replaceAll(",\"findings\":\\[[^\\]]*\\]", ""));
        MutationAnalysis one = new MutationAnalysis(Fixtures.RULES, Set.of("ELIG-5.1-RSA"));
        MutationReport r = one.run(List.of(new Scenario(sc)), ValidationSettings.defaults(), ReaderOptions.defaults());
        assertThat(r.results()).singleElement().satisfies(x -> {
            assertThat(x.mutant().mutation()).isEqualTo("eligibility cell 5.1 x RSA: no -> yes");
            assertThat(x.killed()).isFalse();
            assertThat(x.touched()).isPositive();
        });
        assertThat(r.overall().score()).isEqualTo(0.0);

        Path json = dir.resolve("m.json");
        assertThat(Main.run("coverage", "--mutate", "--requirement", "ELIG-5.1-RSA", "--threshold", "0.5", "--format",
                "json", "--out", json.toString(), sc.toString())).isEqualTo(1);
        assertThat(Files.readString(json)).contains("\"score\" : 0.0", "\"mutation\" : \"eligibility cell 5.1 x RSA: no -> yes\"",
                "\"killed\" : false", "\"ruleSet\" : \"" + Fixtures.RULES.id().text() + "\"");
        Path html = dir.resolve("m.html");
        assertThat(Main.run("coverage", "--mutate", "--requirement", "ELIG-5.1-RSA", "--format", "html", "--out",
                html.toString(), sc.toString())).isEqualTo(0);
        assertThat(Files.readString(html)).contains("mutant-survived", "\u2620", "eligibility cell 5.1 x RSA: no -&gt; yes");
    }

    @Test
    void aCorpusWithoutExpectedLinesHasNoOracle(@TempDir Path dir) throws Exception {
        Path sc = copyScenario(Path.of("samples/schedules-5.1"), dir.resolve("no-oracle"));
        Files.delete(sc.resolve("expected.jsonl"));
        String err = stderr(() -> assertThat(Main.run("coverage", "--mutate", sc.toString())).isEqualTo(2));
        assertThat(err).contains("no oracle", "expected.jsonl");
    }

    @Test
    void anUnknownRequirementIsRefusedByName() throws Exception {
        String err = stderr(() -> assertThat(Main.run("coverage", "--mutate", "--requirement", "ELIG-4.8.1-OU",
                "--requirement", "NO-SUCH-REQ", "samples/schedules-5.1")).isEqualTo(2));
        assertThat(err).contains("NO-SUCH-REQ").doesNotContain("ELIG-4.8.1-OU,");
        err = stderr(() -> assertThat(Main.run("coverage", "--mutate", "--threshold", "1.5", "samples/schedules-5.1")).isEqualTo(2));
        assertThat(err).contains("from 0 to 1");
        err = stderr(() -> assertThat(Main.run("coverage", "--mutate", "--format", "csv", "samples/schedules-5.1")).isEqualTo(2));
        assertThat(err).contains("--format csv");
    }

    @Test
    void aCorpusThatFailsItsOwnOracleGetsNoScore(@TempDir Path dir) throws Exception {
        Path sc = copyScenario(Path.of("samples/schedules-5.1"), dir.resolve("red"));
        Path exp = sc.resolve("expected.jsonl");
        Files.writeString(exp, Files.readString(exp).replaceFirst("\"outcome\":\"REJECTED\"", "\"outcome\":\"ACCEPTED\""));
        MutationReport r = new MutationAnalysis(Fixtures.RULES, Set.of()).run(List.of(new Scenario(sc)),
                ValidationSettings.defaults(), ReaderOptions.defaults());
        assertThat(r.judged()).isFalse();
        assertThat(r.results()).isEmpty();
        assertThat(r.summary()).startsWith("no score");
        assertThat(Main.run("coverage", "--mutate", "--out", dir.resolve("r.txt").toString(), sc.toString())).isEqualTo(1);
    }

    private static Path copyScenario(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
        return to;
    }

    private static String stderr(ThrowingRunnable r) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(original);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
