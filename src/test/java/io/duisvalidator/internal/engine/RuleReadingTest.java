package io.duisvalidator.internal.engine;

import io.duisvalidator.Severity;
import io.duisvalidator.context.Role;
import io.duisvalidator.reference.Transcription;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules read as the requirements they cite (issue 12): every generated rule says what its cell says, checked
 * against the hand {@link Transcription} of the cell-by-cell tests (not against the tables); every reference lives
 * in rules/requirements.csv only; scope is written in the DRL.
 */
class RuleReadingTest {
    private final Map<String, RuleInfo> byId = new HashMap<>();

    RuleReadingTest() {
        Fixtures.RULES.rules().values().forEach(r -> byId.put(r.ruleId(), r));
    }

    @Test
    void everyEligibilityCellIsAMayOrAMayNotRule() {
        int cells = 0;
        int scheduled = 0;
        for (String srv : Transcription.SRVS) {
            for (Role role : Role.values()) {
                boolean may = Transcription.eligible(srv, role);
                RuleInfo send = byId.get("ELIG-" + srv + "-" + role);
                RuleInfo schedule = byId.get("ELIG-" + srv + "-" + role + "-SCHED");
                String verb = may ? " may " : " may not ";
                assertThat(send.name()).isEqualTo("User Role " + role + verb + "send SRV " + srv);
                assertThat(send.severity()).isEqualTo(may ? Severity.INFO : Severity.ERROR);
                if (SCHEDULABLE.contains(srv)) {
                    assertThat(schedule.name()).isEqualTo("User Role " + role + verb + "schedule SRV " + srv + " with 5.1");
                    assertThat(schedule.severity()).isEqualTo(may ? Severity.INFO : Severity.ERROR);
                    scheduled++;
                } else {
                    // no rule that can never fire (D-NO-UNREACHABLE-RULE): a 5.1 cannot schedule this SRV
                    assertThat(schedule).as(srv + " " + role).isNull();
                }
                cells++;
            }
        }
        assertThat(cells).isEqualTo(88);
        assertThat(scheduled).isEqualTo(6 * 8);
    }

    /** DUIS's schedulable SRVs of the MP162 set (the DSPScheduledServiceReferenceVariant enumeration), transcribed. */
    private static final Set<String> SCHEDULABLE = Set.of("4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17");

    @Test
    void everyTrtCellIsARuleThatGivesItsTimeOrSaysNa() {
        int na = 0;
        String[] senders = {"EXISTING", "EXISTING", "EXISTING", "EXISTING", "MDR", "MDR", "MDR", "MDR"};
        String[] gens = {"2", "2", "1", "1", "2", "2", "1", "1"};
        String[] modes = {"SCHEDULED", "ON_DEMAND", "SCHEDULED", "ON_DEMAND", "SCHEDULED", "ON_DEMAND", "SCHEDULED", "ON_DEMAND"};
        int cells = 0;
        for (String srv : Transcription.SRVS) {
            String[] values = new String[8];
            for (int i = 0; i < 8; i++) {
                Transcription.TrtCell c = Transcription.trt(srv, Transcription.Sender.valueOf(senders[i]),
                        Integer.parseInt(gens[i]), Transcription.TrtMode.valueOf(modes[i]));
                values[i] = c.na() ? "-" : String.valueOf(c.seconds());
            }
            for (int i = 0; i < 8; i++) {
                RuleInfo r = byId.get("TRT-" + srv + "-" + senders[i] + "-S" + gens[i] + "-" + modes[i]);
                String who = senders[i].equals("MDR") ? "an MDR" : "existing User Roles";
                boolean scheduled = modes[i].equals("SCHEDULED");
                if (scheduled && !SCHEDULABLE.contains(srv)) {
                    // discharged by the schema, no rule generated (D-NO-UNREACHABLE-RULE)
                    assertThat(r).as(srv + " " + senders[i] + " S" + gens[i]).isNull();
                    na++;
                    continue;
                }
                String expected = values[i].equals("-")
                        ? (scheduled ? "SRV " + srv + " cannot be scheduled by " + who + " on a SMETS" + gens[i] + " device"
                                : "SRV " + srv + " is not available on demand to " + who + " on a SMETS" + gens[i] + " device")
                        : (scheduled ? "SRV " + srv + " scheduled by " + who + " on a SMETS" + gens[i] + " device has a TRT of "
                                + values[i] + " s per execution"
                                : "SRV " + srv + " sent on demand by " + who + " to a SMETS" + gens[i] + " device has a TRT of "
                                + values[i] + " s");
                assertThat(r.name()).isEqualTo(expected);
                assertThat(r.severity()).isEqualTo(values[i].equals("-") ? Severity.ERROR : Severity.INFO);
                cells++;
            }
        }
        assertThat(cells).isEqualTo(88 - 20);
        assertThat(na).isEqualTo(20);
    }

    @Test
    void everyReferenceIsItsRequirementsSourceInTheCatalogue() {
        // every rule set, against its catalogues (the shared requirements.csv and its own)
        for (RuleSetManifest m : RuleSets.standard().manifests()) {
            RuleBase rules = RuleSets.standard().ruleBase(m);
            Map<String, String> sources = new HashMap<>();
            for (String file : m.requirements()) {
                for (Map<String, String> row : RuleTables.readRuleFile(file)) sources.put(row.get("id"), row.get("source"));
            }
            for (RuleInfo r : rules.rules().values()) {
                assertThat(r.reference()).as(m.id() + " " + r.ruleId()).isEqualTo(sources.get(r.requirement())).isNotBlank();
            }
            assertThat(rules.reference("MSG-SCHEMA")).isEqualTo(sources.get("MSG-SCHEMA"));
        }
    }

    @Test
    void noRuleFileCarriesAReferenceOfItsOwn() {
        List<String> offenders = Fixtures.RULES.sources().entrySet().stream()
                .filter(e -> e.getValue().contains("@reference")).map(Map.Entry::getKey).toList();
        assertThat(offenders).isEmpty();
        for (String t : RuleGenerator.TEMPLATES) assertThat(RuleSources.text("templates/" + t)).as(t).doesNotContain("@reference");
    }

    @Test
    void aRuleThatCitesARequirementTheCatalogueLacksDoesNotLoad() {
        String drl = """
                package io.duisvalidator.internal.rules;
                import io.duisvalidator.internal.facts.RequestFact;
                rule "Test only: cites nothing known"
                    @ruleId("TEST-UNKNOWN-REQ") @requirement("NO-SUCH-REQUIREMENT") @severity("INFO") @code("DV-TEST")
                when
                    RequestFact( srv == "99.99" )
                then
                end
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RuleBase.loadWith(Map.of("test.drl", drl)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NO-SUCH-REQUIREMENT", "requirements.csv");
    }

    @Test
    void scopeIsWrittenInTheRulesNotDecidedByTheFactBuilder() {
        String access = RuleSources.text("access-control.drl");
        String first = RuleSources.text("rule-sets/mp162/schedule-first.drl");
        assertThat(access).doesNotContain("accessChecked");
        assertThat(first).doesNotContain("h313aApplies");
        assertThat(first).contains("role in (\"MDR\", \"IS\", \"ES\"), purpose == \"MHHS\"", "retriesFailuresUpTo(receiptDate)");
        Set<String> accessRules = Fixtures.RULES.rules().values().stream().filter(r -> r.ruleId().startsWith("ACCESS-"))
                .map(RuleInfo::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(accessRules).hasSize(8);
    }

    @Test
    void theMhhsDataSrvsComeFromTheCatalogue() {
        // D-H313A-SCOPE, transcribed: the schedulable MHHS data SRVs of the MP162 set
        Set<String> transcribed = Set.of("4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17");
        assertThat(Fixtures.RULES.tables().scheduleFirstSrvs()).containsExactlyInAnyOrderElementsOf(transcribed);
        assertThat(io.duisvalidator.internal.monitor.ComplianceMonitor.MHHS_SRVS).containsExactlyInAnyOrderElementsOf(transcribed);
    }
}
