package io.duisvalidator.internal.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue of rule sets: validity periods read as SEC Releases (00:00 Europe/London), the rule set in force on
 * both sides of the MP162 go-live, and the start-up errors for periods that overlap or leave a gap.
 */
class RuleSetsTest {
    /** 2024-06-27 00:00 in London is BST (UTC+1): the instant MP162 comes into force. */
    static final Instant GO_LIVE = Instant.parse("2024-06-26T23:00:00Z");

    @Test
    void mp162IsInForceFromLondonMidnightOfThe27thJune2024() {
        RuleSets sets = RuleSets.standard();
        assertThat(sets.ids()).containsExactly("before-mp162", "mp162");
        assertThat(sets.require("mp162").from()).isEqualTo(GO_LIVE);
        assertThat(sets.require("before-mp162").to()).isEqualTo(GO_LIVE);
        assertThat(sets.require("before-mp162").from()).isNull();
        assertThat(sets.require("mp162").to()).isNull();
        assertThat(id(sets, GO_LIVE.minusNanos(1))).isEqualTo("before-mp162");
        assertThat(id(sets, GO_LIVE.minusSeconds(1))).isEqualTo("before-mp162");
        assertThat(id(sets, GO_LIVE)).isEqualTo("mp162");
        // still 26 June in UTC, already 27 June in London
        assertThat(id(sets, Instant.parse("2024-06-26T23:30:00Z"))).isEqualTo("mp162");
        assertThat(id(sets, Instant.parse("2024-06-26T12:00:00Z"))).isEqualTo("before-mp162");
        assertThat(id(sets, Instant.parse("2024-06-28T12:00:00Z"))).isEqualTo("mp162");
        assertThat(id(sets, Instant.parse("1990-01-01T00:00:00Z"))).isEqualTo("before-mp162");
        assertThat(id(sets, Instant.parse("2099-01-01T00:00:00Z"))).isEqualTo("mp162");
    }

    @Test
    void aPeriodIsAnInstantOrALondonWallClockTime() {
        Properties p = new Properties();
        p.setProperty("a", "2024-06-27T00:00 Europe/London");
        p.setProperty("b", "2024-06-26T23:00:00Z");
        p.setProperty("c", "2024-12-27T00:00 Europe/London"); // GMT in winter
        p.setProperty("d", "27/06/2024");
        assertThat(RuleSetManifest.instant(p, "x", "a")).isEqualTo(GO_LIVE);
        assertThat(RuleSetManifest.instant(p, "x", "b")).isEqualTo(GO_LIVE);
        assertThat(RuleSetManifest.instant(p, "x", "c")).isEqualTo(Instant.parse("2024-12-27T00:00:00Z"));
        assertThat(RuleSetManifest.instant(p, "x", "missing")).isNull();
        assertThatThrownBy(() -> RuleSetManifest.instant(p, "x", "d")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rule-sets/x/rule-set.properties", "in_force", "27/06/2024");
    }

    @Test
    void overlappingPeriodsAreAStartErrorNamingTheRuleSets() {
        assertThatThrownBy(() -> RuleSets.of(List.of(m("old", null, "2024-06-27T00:00:00Z"), m("new", "2024-06-26T00:00:00Z", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("old", "new", "overlap");
        assertThatThrownBy(() -> RuleSets.of(List.of(m("a", null, null), m("b", null, null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a", "b", "open start");
        assertThatThrownBy(() -> RuleSets.of(List.of(m("a", null, null), m("b", "2024-01-01T00:00:00Z", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rule set a", "open end", "b", "overlap");
    }

    @Test
    void aGapIsAStartErrorNamingTheRuleSetsAndTheGap() {
        assertThatThrownBy(() -> RuleSets.of(List.of(m("old", null, "2024-06-26T00:00:00Z"), m("new", "2024-06-27T00:00:00Z", null))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("old", "new", "gap from 2024-06-26T00:00:00Z to 2024-06-27T00:00:00Z");
    }

    @Test
    void aRuleSetListedTwiceOrEndingBeforeItStartsIsAStartError() {
        assertThatThrownBy(() -> RuleSets.of(List.of(m("a", null, "2024-01-01T00:00:00Z"), m("a", "2024-01-01T00:00:00Z", null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rule set a is listed 2 times");
        assertThatThrownBy(() -> m("a", "2024-01-01T00:00:00Z", "2023-01-01T00:00:00Z"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("rule set a", "not before its end");
    }

    @Test
    void anInstantNoRuleSetCoversSelectsNone() {
        RuleSets bounded = RuleSets.of(List.of(m("old", "2020-01-01T00:00:00Z", "2024-06-26T23:00:00Z"),
                m("new", "2024-06-26T23:00:00Z", "2030-01-01T00:00:00Z")));
        assertThat(bounded.inForce(Instant.parse("2019-12-31T23:59:59Z"))).isEmpty();
        assertThat(bounded.inForce(Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
        assertThat(bounded.inForce(Instant.parse("2020-01-01T00:00:00Z"))).map(RuleSetManifest::id).hasValue("old");
        assertThat(bounded.periods()).contains("old [2020-01-01T00:00:00Z, 2024-06-26T23:00:00Z)", "new [2024-06-26T23:00:00Z, 2030-01-01T00:00:00Z)");
    }

    @Test
    void anUnknownIdIsAnErrorNamingTheKnownOnes() {
        assertThatThrownBy(() -> RuleSets.standard().require("mp999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mp999", "before-mp162", "mp162");
    }

    @Test
    void ruleSetsAreBuiltOnFirstUseOnly() {
        int[] builds = {0};
        RuleSets lazy = new RuleSets(List.of(m("a", null, "2024-01-01T00:00:00Z"), m("b", "2024-01-01T00:00:00Z", null)),
                m -> { builds[0]++; return RuleSets.standard().ruleBase("mp162"); });
        assertThat(lazy.builtIds()).isEmpty();
        lazy.ruleBase("b");
        lazy.ruleBase("b");
        assertThat(builds[0]).isEqualTo(1);
        assertThat(lazy.builtIds()).containsExactly("b");
    }

    private static String id(RuleSets sets, Instant at) {
        return sets.inForce(at).orElseThrow().id();
    }

    private static RuleSetManifest m(String id, String from, String to) {
        return new RuleSetManifest(id, "1", id, from == null ? null : Instant.parse(from), to == null ? null : Instant.parse(to),
                List.of(), List.of(), Map.of());
    }
}
