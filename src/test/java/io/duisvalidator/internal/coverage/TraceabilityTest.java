package io.duisvalidator.internal.coverage;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.Decision;
import io.duisvalidator.internal.engine.RuleInfo;
import io.duisvalidator.internal.engine.RuleTables;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requirements and their encoders, read from the built rule base (RuleBase.rules()), not from source files: every
 * rule names a requirement of rules/requirements.csv, every requirement is encoded, and each table cell is a rule
 * with its own requirement.
 */
class TraceabilityTest {
    static final Requirements CATALOGUE = Requirements.load();
    static final List<Map<String, String>> ROWS = RuleTables.readRuleFile(Requirements.FILE);

    @Test
    void catalogueAndRuleBaseAgreeBothWays() {
        assertThat(Traceability.problems(CATALOGUE, Fixtures.RULES)).isEmpty();
    }

    @Test
    void everyRuleCarriesItsMetadataIntoTheBuiltRuleBase() {
        assertThat(Fixtures.RULES.rules()).isNotEmpty();
        for (RuleInfo r : Fixtures.RULES.rules().values()) {
            assertThat(List.of(r.ruleId(), r.requirement(), r.reference(), r.code())).as(r.name())
                    .allSatisfy(v -> assertThat(v).isNotBlank().doesNotContain("@{"));
            assertThat(CATALOGUE.contains(r.requirement())).as(r.ruleId() + " -> " + r.requirement()).isTrue();
        }
    }

    @Test
    void everyTableCellIsARuleWithItsOwnRequirement() {
        RuleTables t = Fixtures.RULES.tables();
        Set<String> fromTables = new TreeSet<>();
        t.rows(RuleTables.ELIGIBILITY).forEach(r -> fromTables.add("ELIG-" + r.get("srv") + "-" + r.get("role")));
        t.rows(RuleTables.TRT).forEach(r -> fromTables.add("TRT-" + r.get("srv") + "-" + r.get("sender") + "-S"
                + r.get("smets") + "-" + r.get("mode")));
        assertThat(fromTables).hasSize(176);
        Set<String> cellRequirementsInBase = Fixtures.RULES.rules().values().stream().map(RuleInfo::requirement)
                .filter(q -> q.matches("(ELIG|TRT)-\\d.*")).collect(Collectors.toCollection(TreeSet::new));
        cellRequirementsInBase.addAll(Traceability.dischargedBySchema(Fixtures.RULES));
        assertThat(cellRequirementsInBase).isEqualTo(fromTables);
        Set<String> cellRequirementsInCatalogue = CATALOGUE.all().stream().map(Requirement::id)
                .filter(q -> q.matches("(ELIG|TRT)-\\d.*")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(cellRequirementsInCatalogue).isEqualTo(fromTables);
    }

    /**
     * Every rule of the built base can fire: each one fires for some schema-valid message, either a message of
     * samples/ or a header variant of one (another ServiceReference, ServiceReferenceVariant, Command Variant,
     * originator of the scenario's users, or scheduled SRV), each judged by the full Validator in its scenario, so the
     * reader (and its schema) has passed it before any rule runs. A generated rule that no such message reaches (a
     * "scheduled" eligibility rule for an SRV a 5.1 cannot schedule) fails here: it is a defect of the rule base.
     */
    @Test
    void everyRuleOfTheBuiltBaseCanFire() throws Exception {
        Set<String> fired = HeaderVariants.firedOverSamplesAndVariants(Fixtures.RULES);
        Set<String> never = new TreeSet<>(Fixtures.RULES.rules().values().stream().map(RuleInfo::ruleId).toList());
        never.removeAll(fired);
        assertThat(never).as("rules no schema-valid message fires").isEmpty();
    }

    /** The requirements no rule encodes because the schema keeps every message out: exactly these 20 N/A cells. */
    @Test
    void onlyTheScheduledCellsOfSrvsA51CannotScheduleAreDischargedByTheSchema() {
        Set<String> expected = new TreeSet<>();
        for (String srv : List.of("4.1.1", "5.1", "5.2", "5.3", "8.2")) {
            for (String s : List.of("EXISTING", "MDR")) for (String g : List.of("1", "2")) expected.add("TRT-" + srv + "-" + s + "-S" + g + "-SCHEDULED");
        }
        assertThat(Traceability.dischargedBySchema(Fixtures.RULES)).isEqualTo(expected);
        Set<String> encoded = Traceability.rulesByRequirement(Fixtures.RULES).keySet();
        assertThat(expected).noneMatch(encoded::contains);
        assertThat(Fixtures.RULES.rules().values()).extracting(RuleInfo::ruleId)
                .noneMatch(id -> id.matches("ELIG-(4\\.1\\.1|5\\.[123]|8\\.2)-[A-Z]+-SCHED"));
    }

    @Test
    void cellTextsSayWhatTheTablesSay() {
        for (Map<String, String> r : Fixtures.RULES.tables().rows(RuleTables.ELIGIBILITY)) {
            String text = CATALOGUE.get("ELIG-" + r.get("srv") + "-" + r.get("role")).orElseThrow().text();
            assertThat(text.contains(" may not ")).as(text).isEqualTo("no".equals(r.get("eligible")));
        }
        for (Map<String, String> r : Fixtures.RULES.tables().rows(RuleTables.TRT)) {
            String text = CATALOGUE.get("TRT-" + r.get("srv") + "-" + r.get("sender") + "-S" + r.get("smets") + "-"
                    + r.get("mode")).orElseThrow().text();
            assertThat(text).contains("N/A".equals(r.get("trt_seconds")) ? "is N/A" : "TRT of " + r.get("trt_seconds") + " s");
        }
    }

    @Test
    void theReaderEncodesItsRequirementsInItsFindings() throws Exception {
        CoreValidator v = CoreValidator.create(Fixtures.RULES, Context.empty());
        Decision notXml = v.validate("<not-xml".getBytes(StandardCharsets.UTF_8), ValidationSettings.defaults());
        assertThat(notXml.findings()).extracting(f -> f.requirement()).containsExactly(CoreValidator.WELL_FORMED_REQUIREMENT);
        Decision badSchema = v.validate(Files.readAllBytes(Path.of("samples/response-codes/messages/dv-schema-missing-command-variant.xml")),
                ValidationSettings.defaults());
        assertThat(badSchema.findings()).extracting(f -> f.requirement()).containsExactly(CoreValidator.SCHEMA_REQUIREMENT);
        assertThat(CATALOGUE.all()).filteredOn(q -> Requirement.BY_READER.equals(q.encodedBy()))
                .extracting(Requirement::id).containsExactlyInAnyOrderElementsOf(CoreValidator.READER_REQUIREMENTS);
    }

    // The check itself, on a catalogue or reader set with something removed (the rule and table experiments are in
    // docs/coverage.md: they need a rebuilt rule base).

    @Test
    void aRemovedRequirementRowIsFound() {
        List<Map<String, String>> rows = new ArrayList<>(ROWS);
        rows.removeIf(r -> r.get("id").equals("TRT-4.8.1-MDR-S2-ON_DEMAND"));
        assertThat(Traceability.problems(Requirements.of(rows), Fixtures.RULES))
                .containsExactly("rule TRT-4.8.1-MDR-S2-ON_DEMAND names requirement TRT-4.8.1-MDR-S2-ON_DEMAND, which is not in rules/requirements.csv");
    }

    @Test
    void aRequirementNoRuleEncodesIsFound() {
        List<Map<String, String>> rows = new ArrayList<>(ROWS);
        rows.add(Map.of("id", "H313A-NEW", "document", "SEC", "section", "H3.13A", "source", "SEC H3.13A",
                "encoded_by", "rules", "text", "Something no rule checks."));
        assertThat(Traceability.problems(Requirements.of(rows), Fixtures.RULES))
                .containsExactly("requirement H313A-NEW is encoded by no rule");
    }

    @Test
    void aReaderRequirementTheReaderNoLongerEncodesIsFound() {
        assertThat(Traceability.problems(CATALOGUE, Fixtures.RULES, Set.of(CoreValidator.WELL_FORMED_REQUIREMENT)))
                .containsExactly("requirement MSG-SCHEMA is said to be encoded by the reader, which does not encode it");
    }
}
