package io.duisvalidator;

import java.util.Objects;

/**
 * One thing a rule (or the reader) found about a request.
 *
 * @param code        DUIS response code (E2, E4, ...) or project code (DV-...)
 * @param severity    ERROR rejects; WARNING and INFO inform
 * @param ruleId      stable id of the rule that found it
 * @param requirement id of the requirement the rule encodes (rules/requirements.csv)
 * @param reference   the SEC / MP162 / DUIS text, or the project decision, behind the requirement
 * @param message     what was found, naming the facts involved
 */
public record Finding(String code, Severity severity, String ruleId, String requirement, String reference,
                      String message) {
    /**
     * Checks that code, severity and message are there.
     *
     * @param code        DUIS response code (E2, E4, ...) or project code (DV-...)
     * @param severity    ERROR rejects; WARNING and INFO inform
     * @param ruleId      stable id of the rule that found it
     * @param requirement id of the requirement the rule encodes (rules/requirements.csv)
     * @param reference   the SEC / MP162 / DUIS text, or the project decision, behind the requirement
     * @param message     what was found, naming the facts involved
     * @throws NullPointerException when {@code code}, {@code severity} or {@code message} is null
     */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The same finding with another severity (how a severity policy is applied).
     *
     * @param s the severity
     * @return this finding when the severity is already {@code s}, else a copy with {@code s}
     */
    public Finding withSeverity(Severity s) {
        return s == severity ? this : new Finding(code, s, ruleId, requirement, reference, message);
    }
}
