package io.duisvalidator.internal.coverage;

/**
 * One row of the requirements catalogue {@code rules/requirements.csv}.
 *
 * @param id        stable id that rules name in {@code @requirement}
 * @param document  the source document: MP162, SEC, DUIS, or Project (a decision of docs/decisions.md)
 * @param section   the section, clause, table or decision id within that document
 * @param source    the full citation (section and table cell, clause, or decision)
 * @param encodedBy {@code rules} (Drools rules of the rule base) or {@code reader} (the XML reader of the Validator)
 * @param text      the requirement in one sentence
 */
public record Requirement(String id, String document, String section, String source, String encodedBy, String text) {
    public static final String BY_RULES = "rules";
    public static final String BY_READER = "reader";
}
