package io.duisvalidator.internal.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "condition negated" mutants of the hand-written rules (rules/*.drl), written as DRL: for each rule whose
 * consequence is a finding ({@code findings.fail(drools, ...)}), a rule with the same metadata whose condition's last
 * element is negated: {@code not P} becomes {@code exists P}, {@code exists P} becomes {@code not P}, and otherwise the
 * last constraint {@code c} of the last pattern becomes {@code !( c )}. The elements before it (the rule's scope: which
 * requests it is about) stay. Its consequence records the rule's finding with a fixed message (the original message may
 * read bindings the negation leaves unbound). docs/coverage.md, "Mutation analysis".
 */
final class RuleNegation {
    private static final Pattern RULE = Pattern.compile(
            "(?ms)^rule\\s+\"([^\"]+)\"(.*?)^when\\s*$(.*?)^then\\s*$(.*?)^end\\s*$");
    private static final Pattern RULE_ID = Pattern.compile("@ruleId\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** A hand-written rule that reports a finding, with its negated twin (null with {@code why} when none). */
    record Negated(String ruleId, String file, String drl, String why) {}

    private RuleNegation() {}

    /** The rules of the DRL files that report a finding, each with its negated twin. */
    static List<Negated> of(Map<String, String> handWritten) {
        List<Negated> out = new ArrayList<>();
        for (Map.Entry<String, String> file : handWritten.entrySet()) {
            Matcher m = RULE.matcher(stripLineComments(file.getValue()));
            while (m.find()) {
                Matcher id = RULE_ID.matcher(m.group(2));
                if (!id.find()) continue;
                String then = m.group(4).trim();
                if (!then.startsWith("findings.fail(")) continue; // a rule that only passes changes no decision
                String when;
                String why = null;
                try {
                    when = negate(m.group(3));
                } catch (IllegalArgumentException e) {
                    when = null;
                    why = e.getMessage();
                }
                String drl = when == null ? null : "rule \"" + m.group(1) + " [condition negated]\"" + m.group(2)
                        + "when\n    " + when + "\nthen\n    findings.fail(drools, \"condition of rule " + id.group(1)
                        + " negated (mutation analysis)\");\nend\n";
                out.add(new Negated(id.group(1), file.getKey(), drl, why));
            }
        }
        return out;
    }

    /** One DRL file per hand-written file, holding its negated rules with the file's package, imports and globals. */
    static Map<String, String> sources(Map<String, String> handWritten, List<Negated> negated) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> file : handWritten.entrySet()) {
            StringBuilder sb = new StringBuilder();
            for (String line : file.getValue().split("\n")) {
                String t = line.trim();
                if (t.startsWith("package ") || t.startsWith("import ") || t.startsWith("global ")) sb.append(t).append('\n');
            }
            boolean any = false;
            for (Negated n : negated) {
                if (n.file().equals(file.getKey()) && n.drl() != null) {
                    sb.append('\n').append(n.drl());
                    any = true;
                }
            }
            if (any) out.put("negated-" + file.getKey(), sb.toString());
        }
        return out;
    }

    /** The condition with its last element negated. */
    static String negate(String when) {
        List<String> elements = elements(when);
        if (elements.isEmpty()) throw new IllegalArgumentException("no condition to negate");
        String last = elements.get(elements.size() - 1);
        String negated;
        if (last.startsWith("not ") || last.startsWith("not(")) {
            negated = "exists " + last.substring(3).trim();
        } else if (last.startsWith("exists ") || last.startsWith("exists(")) {
            negated = "not " + last.substring(6).trim();
        } else {
            int open = last.indexOf('(');
            if (open < 0 || !last.endsWith(")")) throw new IllegalArgumentException("not a pattern: " + last);
            List<String> constraints = split(last.substring(open + 1, last.length() - 1));
            if (constraints.isEmpty()) throw new IllegalArgumentException("a pattern without constraints: " + last);
            String c = constraints.remove(constraints.size() - 1);
            constraints.add("!( " + c + " )");
            negated = last.substring(0, open + 1) + " " + String.join(", ", constraints) + " )";
        }
        elements.set(elements.size() - 1, negated);
        return String.join("\n    ", elements);
    }

    /** The top-level conditional elements of a condition: each ends where its parentheses close. */
    static List<String> elements(String when) {
        List<String> out = new ArrayList<>();
        String rest = cut(when, false, out);
        if (!rest.isBlank()) throw new IllegalArgumentException("condition not understood: " + rest.trim());
        out.replaceAll(e -> e.replaceAll("\\s+", " "));
        return out;
    }

    /** Splits a pattern's constraints at its top-level commas. */
    static List<String> split(String constraints) {
        List<String> out = new ArrayList<>();
        String rest = cut(constraints, true, out);
        if (!rest.isBlank()) out.add(rest.trim());
        return out;
    }

    /**
     * Cuts {@code text} outside quoted strings and parentheses: at each comma ({@code atCommas}, the comma dropped) or
     * after each closing parenthesis that ends a group; adds the pieces to {@code out}, returns what is left.
     */
    private static String cut(String text, boolean atCommas, List<String> out) {
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && (i == 0 || text.charAt(i - 1) != '\\')) quoted = !quoted;
            boolean cutHere = false;
            if (!quoted) {
                if (ch == '(') depth++;
                if (ch == ')') cutHere = --depth == 0 && !atCommas;
                if (ch == ',' && depth == 0 && atCommas) {
                    out.add(cur.toString().trim());
                    cur.setLength(0);
                    continue;
                }
            }
            cur.append(ch);
            if (cutHere) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            }
        }
        return cur.toString();
    }

    /** The text without its {@code //} line comments (outside quoted strings). */
    static String stripLineComments(String drl) {
        StringBuilder out = new StringBuilder();
        for (String line : drl.split("\n", -1)) {
            boolean quoted = false;
            int cut = line.length();
            for (int i = 0; i + 1 < line.length(); i++) {
                char ch = line.charAt(i);
                if (ch == '"') quoted = !quoted;
                if (!quoted && ch == '/' && line.charAt(i + 1) == '/') {
                    cut = i;
                    break;
                }
            }
            out.append(line, 0, cut).append('\n');
        }
        return out.toString();
    }
}
