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
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public Finding withSeverity(Severity s) {
        return s == severity ? this : new Finding(code, s, ruleId, requirement, reference, message);
    }
}
