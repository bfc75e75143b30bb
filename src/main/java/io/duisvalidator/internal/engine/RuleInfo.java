package io.duisvalidator.internal.engine;

import io.duisvalidator.Severity;

/**
 * A rule's metadata, read back from the built rule base.
 *
 * @param name        the rule's name in the rule base
 * @param packageName its DRL package
 * @param ruleId      stable id ({@code @ruleId})
 * @param requirement the requirement it encodes ({@code @requirement})
 * @param reference   SEC / MP162 / DUIS reference ({@code @reference})
 * @param severity    severity of its findings ({@code @severity})
 * @param code        response code of its findings ({@code @code})
 */
public record RuleInfo(String name, String packageName, String ruleId, String requirement, String reference,
                       Severity severity, String code) {
}
