package io.duisvalidator.internal.decision;

import io.duisvalidator.Finding;
import io.duisvalidator.Severity;
import io.duisvalidator.ValidationSettings;

import java.util.Map;

/**
 * The severity a finding gets in a decision (like KoSIT's {@code customLevel}): the one given for its requirement
 * id, else the one given for its code, else its rule's own. Lowers or raises any finding, INFO and WARNING ones
 * included.
 *
 * @param byId severity by requirement id or code
 */
public record SeverityPolicy(Map<String, Severity> byId) {
    /** Every finding keeps its rule's severity. */
    public static final SeverityPolicy NONE = new SeverityPolicy(Map.of());

    public SeverityPolicy {
        byId = Map.copyOf(byId);
    }

    /** The policy of the settings ({@link ValidationSettings#severities()}). */
    public static SeverityPolicy of(ValidationSettings settings) {
        return settings.severities().isEmpty() ? NONE : new SeverityPolicy(settings.severities());
    }

    /** The finding with the severity the policy gives it. */
    public Finding apply(Finding f) {
        if (byId.isEmpty()) return f;
        Severity s = f.requirement() == null ? null : byId.get(f.requirement());
        if (s == null) s = byId.get(f.code());
        return s == null ? f : f.withSeverity(s);
    }
}
