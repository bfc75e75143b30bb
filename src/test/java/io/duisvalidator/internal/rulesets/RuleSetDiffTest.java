package io.duisvalidator.internal.rulesets;

import io.duisvalidator.internal.engine.RuleSets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff from the rule set before MP162 to MP162 is exactly what the modification report changes, written here from
 * the report (section 3 and its footnotes 4 and 5, section 4), not from the rule files: the MDR column (the role, its
 * eligibility cells, its TRT cells, its DUIS version, its SRV list, its access control), SR 4.2 schedulable (the two
 * Scheduled cells of existing roles, and DUIS 5.3 to schedule it), SR 8.2 SMETS1 16 s to 30 s, and SEC H3.13A.
 */
class RuleSetDiffTest {
    static final List<String> SRVS = List.of("4.1.1", "4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17", "5.1", "5.2", "5.3", "8.2");

    private final RuleSets sets = RuleSets.standard();
    private final RuleSetDiff diff = RuleSetDiff.of(sets.require("before-mp162"), sets.require("mp162"));

    @Test
    void theMp162DiffIsTheModificationAndNothingElse() {
        Set<String> added = new TreeSet<>();
        added.add("ROLE-MDR");
        for (String srv : SRVS) {
            added.add("ELIG-" + srv + "-MDR");
            for (String gen : List.of("1", "2")) {
                for (String mode : List.of("SCHEDULED", "ON_DEMAND")) added.add("TRT-" + srv + "-MDR-S" + gen + "-" + mode);
            }
        }
        added.addAll(List.of("VERSION-MDR", "ELIG-MDR-ONLY-LISTED", "ACCESS-MDR-APPOINTED", // the MDR column
                "VERSION-SCHEDULE-4.2", // 4.2 schedulable (footnote 4) on DUIS 5.3
                "H313A-SCHEDULE-FIRST", "H313A-STALE-RETRY", "H313A-4.1.1-EXEMPT", "H313A-BAU-EXEMPT")); // H3.13A
        assertThat(ids(RuleSetDiff.Kind.ADDED)).containsExactlyElementsOf(added);
        assertThat(added).hasSize(1 + 11 + 44 + 8);
        assertThat(ids(RuleSetDiff.Kind.REMOVED)).isEmpty();
        assertThat(diff.changes()).filteredOn(c -> c.kind() == RuleSetDiff.Kind.CHANGED)
                .extracting(c -> c.requirement() + " " + c.oldValue() + " -> " + c.newValue())
                .containsExactlyInAnyOrder(
                        "TRT-4.2-EXISTING-S2-SCHEDULED N/A -> 86400", // footnote 4
                        "TRT-4.2-EXISTING-S1-SCHEDULED N/A -> 86400",
                        "TRT-8.2-EXISTING-S1-ON_DEMAND 16 -> 30"); // footnote 5
    }

    @Test
    void addedCellsCarryTheirNewValues() {
        assertThat(diff.changes()).filteredOn(c -> c.requirement().equals("ELIG-4.1.1-MDR"))
                .singleElement().satisfies(c -> {
                    assertThat(c.category()).isEqualTo("eligibility");
                    assertThat(c.oldValue()).isNull();
                    assertThat(c.newValue()).isEqualTo("yes");
                });
        assertThat(diff.changes()).filteredOn(c -> c.requirement().equals("TRT-4.1.1-MDR-S1-ON_DEMAND"))
                .singleElement().satisfies(c -> assertThat(c.newValue()).isEqualTo("86400"));
        assertThat(diff.changes()).filteredOn(c -> c.requirement().equals("TRT-4.1.1-MDR-S2-ON_DEMAND"))
                .singleElement().satisfies(c -> assertThat(c.newValue()).isEqualTo("N/A"));
    }

    @Test
    void theReverseDiffRemovesWhatTheForwardOneAdds() {
        RuleSetDiff back = RuleSetDiff.of(sets.require("mp162"), sets.require("before-mp162"));
        assertThat(back.count(RuleSetDiff.Kind.REMOVED)).isEqualTo(diff.count(RuleSetDiff.Kind.ADDED));
        assertThat(back.count(RuleSetDiff.Kind.ADDED)).isZero();
        assertThat(back.changes()).filteredOn(c -> c.requirement().equals("TRT-8.2-EXISTING-S1-ON_DEMAND"))
                .singleElement().satisfies(c -> assertThat(c.oldValue() + " -> " + c.newValue()).isEqualTo("30 -> 16"));
    }

    @Test
    void aRuleSetDiffersFromItselfInNothing() {
        assertThat(RuleSetDiff.of(sets.require("mp162"), sets.require("mp162")).changes()).isEmpty();
    }

    @Test
    void everyFormatListsEveryChange() {
        String text = RuleSetsWriter.diffText(diff);
        String json = RuleSetsWriter.diffJson(diff);
        String html = RuleSetsWriter.diffHtml(diff);
        for (RuleSetDiff.Change c : diff.changes()) {
            assertThat(text).contains(c.requirement() + ":");
            assertThat(json).contains("\"" + c.requirement() + "\"");
            assertThat(html).contains(">" + c.requirement() + "<");
        }
        assertThat(text).contains("~ TRT-8.2-EXISTING-S1-ON_DEMAND: 16 -> 30");
        assertThat(json).contains("\"added\" : 64", "\"removed\" : 0", "\"changed\" : 3");
    }

    private List<String> ids(RuleSetDiff.Kind kind) {
        List<String> out = new ArrayList<>();
        diff.changes().stream().filter(c -> c.kind() == kind).forEach(c -> out.add(c.requirement()));
        out.sort(null);
        return out;
    }
}
