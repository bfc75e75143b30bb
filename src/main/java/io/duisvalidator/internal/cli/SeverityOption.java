package io.duisvalidator.internal.cli;

import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.engine.RuleBase;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --severity ID=error|warning|info} (repeatable), the severity policy of the commands whose decisions it
 * changes (validate, coverage): every finding of a requirement id or code gets that severity. Applied after
 * {@code --h313a} (its alias for the schedule-first breach), so an explicit {@code --severity} wins.
 */
public final class SeverityOption {
    @Option(names = "--severity", paramLabel = "ID=LEVEL",
            description = "give every finding of a requirement id (rules/requirements.csv) or code this severity: "
                    + "error, warning or info (repeatable; e.g. DV-H3.13A=warning, ACCESS-SCHEDULE-OUTLIVES=error)")
    List<String> severities = new ArrayList<>();

    /** {@code settings} with the policy the option gives; the exception's message is the usage error. */
    public ValidationSettings apply(ValidationSettings settings) throws IOException {
        ValidationSettings s = settings;
        for (String v : severities) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) throw new IOException("--severity takes ID=error|warning|info, not " + v);
            s = s.severity(v.substring(0, eq).trim(), level(v.substring(eq + 1).trim(), v));
        }
        return s;
    }

    /** Usage error when the policy names an id the rule set does not know or cannot change. */
    public static void check(RuleBase rules, ValidationSettings settings) throws IOException {
        try {
            CoreValidator.checkSettings(rules, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** Usage error when the policy names an id no rule set knows, or one that cannot be changed (docs/rule-sets.md). */
    public static void check(io.duisvalidator.internal.engine.RuleSets sets, RuleBase rules, ValidationSettings settings) throws IOException {
        try {
            CoreValidator.checkSettings(rules, settings);
        } catch (IllegalArgumentException e) {
            try {
                CoreValidator.checkSettings(sets, settings);
            } catch (IllegalArgumentException all) {
                throw new IOException(all.getMessage());
            }
        }
    }

    private static Severity level(String level, String arg) throws IOException {
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Severity.ERROR;
            case "warning", "warn" -> Severity.WARNING;
            case "info" -> Severity.INFO;
            default -> throw new IOException("--severity " + arg + ": the level is error, warning or info");
        };
    }
}
