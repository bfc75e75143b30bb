package io.duisvalidator.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine inserts one fact per evaluation, the request fact ({@code FactBuilder.facts}): what a rule would join
 * (appointments, schedules) is a value of that fact. A rule that matched any other fact type would never fire, so
 * no rule of any rule set may name one.
 */
class OneFactTest {
    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"([^\"]+)\".*?^when\\s*$(.*?)^then\\s*$");
    /** A pattern: a type name opening a parenthesis (constraints call lower-case methods, constants have no '('). */
    private static final Pattern PATTERN = Pattern.compile("\\b([A-Z][A-Za-z0-9_]*)\\s*\\(");

    @Test
    void everyRuleOfEveryRuleSetMatchesTheRequestFactOnly() {
        RuleSets sets = RuleSets.standard();
        List<String> others = new ArrayList<>();
        int rules = 0;
        for (String id : sets.ids()) {
            for (Map.Entry<String, String> file : sets.ruleBase(id).sources().entrySet()) {
                Matcher r = RULE.matcher(file.getValue().replaceAll("(?m)//.*$", ""));
                while (r.find()) {
                    rules++;
                    Matcher p = PATTERN.matcher(r.group(2));
                    while (p.find()) {
                        if (!"RequestFact".equals(p.group(1))) others.add(id + " " + file.getKey() + " \"" + r.group(1) + "\": " + p.group(1));
                    }
                }
            }
        }
        assertThat(rules).isGreaterThan(300);
        assertThat(others).isEmpty();
    }

    @Test
    void theCheckSeesAJoin() {
        Matcher p = PATTERN.matcher("$r : RequestFact( mpan != null )\n    not Appointment( mpan == $r.mpan )");
        List<String> types = new ArrayList<>();
        while (p.find()) types.add(p.group(1));
        assertThat(types).containsExactly("RequestFact", "Appointment");
    }
}
