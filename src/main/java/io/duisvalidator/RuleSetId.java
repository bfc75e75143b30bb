package io.duisvalidator;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which rule set judged a request: the rule set's id and version (from {@code rules/ruleset.properties}) and the
 * digest of what it is made of (its DRL, hand-written and generated from the tables, and the requirements catalogue
 * its references come from). Every {@link Decision} and every report names it; two decisions with equal ids were
 * judged by the same rules.
 *
 * <p>This is an identity, nothing more: when several rule sets are in force at different dates, the period a rule
 * set is in force belongs to the rule set's description, which is found by this id, and not to the id, so that the
 * id of a decision never depends on the calendar.
 *
 * @param id      the rule set's id, e.g. {@code duis-mp162-rules}: letters, digits, {@code . _ -}
 * @param version its version, e.g. {@code 0.2.0}: letters, digits, {@code . _ + -}
 * @param digest  {@code sha256:} and lower-case hex digits of the content digest
 */
public record RuleSetId(String id, String version, String digest) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{8,64}");
    private static final Pattern TEXT = Pattern.compile("(\\S+) (\\S+) \\((\\S+)\\)");

    /**
     * Checks the parts.
     *
     * @param id      the rule set's id
     * @param version its version
     * @param digest  {@code sha256:} and lower-case hex digits
     * @throws NullPointerException     when a part is null
     * @throws IllegalArgumentException when a part is not of its form
     */
    public RuleSetId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(digest, "digest");
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("not a rule set id: '" + id + "'");
        if (!VERSION.matcher(version).matches()) throw new IllegalArgumentException("not a rule set version: '" + version + "'");
        if (!DIGEST.matcher(digest).matches()) throw new IllegalArgumentException("not a sha256 digest: '" + digest + "'");
    }

    /**
     * The command-line contract's form, as every report writes it.
     *
     * @return {@code ID VERSION (sha256:DIGEST)}
     */
    public String text() {
        return id + " " + version + " (" + digest + ")";
    }

    /**
     * The inverse of {@link #text()}.
     *
     * @param text {@code ID VERSION (sha256:DIGEST)}
     * @return the identity it writes
     * @throws IllegalArgumentException on anything else
     */
    public static RuleSetId parse(String text) {
        Matcher m = TEXT.matcher(Objects.requireNonNull(text, "text"));
        if (!m.matches()) throw new IllegalArgumentException("not a rule set identity 'ID VERSION (sha256:DIGEST)': '" + text + "'");
        return new RuleSetId(m.group(1), m.group(2), m.group(3));
    }

    /**
     * The same as {@link #text()}.
     *
     * @return {@code ID VERSION (sha256:DIGEST)}
     */
    @Override
    public String toString() {
        return text();
    }
}
