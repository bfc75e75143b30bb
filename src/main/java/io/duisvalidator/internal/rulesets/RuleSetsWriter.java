package io.duisvalidator.internal.rulesets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.report.HtmlReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code rule-sets list} and {@code rule-sets diff} as text, JSON or HTML. */
public final class RuleSetsWriter {
    private RuleSetsWriter() {}

    /**
     * One rule set of {@code rule-sets list}.
     *
     * @param manifest     the rule set
     * @param identity     {@code ID VERSION (sha256:DIGEST)}
     * @param requirements requirements of its catalogues
     * @param rules        rules of its built rule base
     */
    public record Listed(RuleSetManifest manifest, String identity, int requirements, int rules) {}

    /** One line per rule set, its id first: id, version, validity (from, to), digest, requirements, rules. */
    public static String listText(List<Listed> sets) {
        StringBuilder sb = new StringBuilder();
        for (Listed l : sets) {
            RuleSetManifest m = l.manifest();
            String digest = l.identity().substring(l.identity().indexOf('(') + 1, l.identity().length() - 1);
            sb.append(String.format(Locale.ROOT, "%s %s from %s to %s %s requirements=%d rules=%d  %s%n", m.id(), m.version(),
                    m.from() == null ? "open" : m.from(), m.to() == null ? "open" : m.to(), digest, l.requirements(),
                    l.rules(), m.title()));
        }
        return sb.toString();
    }

    public static String listJson(List<Listed> sets) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Listed l : sets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", l.manifest().id());
            m.put("version", l.manifest().version());
            m.put("from", l.manifest().from() == null ? null : l.manifest().from().toString());
            m.put("to", l.manifest().to() == null ? null : l.manifest().to().toString());
            m.put("ruleSet", l.identity());
            m.put("requirements", l.requirements());
            m.put("rules", l.rules());
            m.put("title", l.manifest().title());
            out.add(m);
        }
        return json(out);
    }

    public static String diffText(RuleSetDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("rule-sets diff ").append(d.from().id()).append(' ').append(d.from().version()).append(" -> ")
                .append(d.to().id()).append(' ').append(d.to().version()).append(": ")
                .append(d.count(RuleSetDiff.Kind.ADDED)).append(" added, ").append(d.count(RuleSetDiff.Kind.REMOVED))
                .append(" removed, ").append(d.count(RuleSetDiff.Kind.CHANGED)).append(" changed")
                .append(System.lineSeparator());
        String category = null;
        for (RuleSetDiff.Change c : d.changes()) {
            if (!c.category().equals(category)) {
                category = c.category();
                sb.append(System.lineSeparator()).append(category).append(System.lineSeparator());
            }
            sb.append(switch (c.kind()) { case ADDED -> "  + "; case REMOVED -> "  - "; case CHANGED -> "  ~ "; })
                    .append(c.requirement()).append(": ");
            if (c.kind() == RuleSetDiff.Kind.CHANGED) sb.append(c.oldValue()).append(" -> ").append(c.newValue());
            else sb.append(c.kind() == RuleSetDiff.Kind.ADDED ? c.newValue() : c.oldValue());
            sb.append("  [").append(c.source()).append(']').append(System.lineSeparator());
        }
        return sb.toString();
    }

    public static String diffJson(RuleSetDiff d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", side(d.from()));
        out.put("to", side(d.to()));
        out.put("added", d.count(RuleSetDiff.Kind.ADDED));
        out.put("removed", d.count(RuleSetDiff.Kind.REMOVED));
        out.put("changed", d.count(RuleSetDiff.Kind.CHANGED));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (RuleSetDiff.Change c : d.changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("change", c.kind().name().toLowerCase(Locale.ROOT));
            m.put("requirement", c.requirement());
            m.put("category", c.category());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            m.put("source", c.source());
            changes.add(m);
        }
        out.put("changes", changes);
        return json(out);
    }

    public static String diffHtml(RuleSetDiff d) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(HtmlReport.esc("rule-sets diff " + d.from().id() + " " + d.to().id()))
                .append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;"
                        + "padding:2px 6px;text-align:left;vertical-align:top}.added{background:#e6ffe6}.removed{background:#ffe6e6}"
                        + ".changed{background:#fff5d6}</style></head><body>\n<h1>")
                .append(HtmlReport.esc(d.from().id() + " " + d.from().version() + " \u2192 " + d.to().id() + " " + d.to().version()))
                .append("</h1>\n<p>").append(HtmlReport.esc(d.from().title() + " " + d.from().period())).append("<br>")
                .append(HtmlReport.esc(d.to().title() + " " + d.to().period())).append("</p>\n<p>")
                .append(d.count(RuleSetDiff.Kind.ADDED)).append(" added, ").append(d.count(RuleSetDiff.Kind.REMOVED))
                .append(" removed, ").append(d.count(RuleSetDiff.Kind.CHANGED)).append(" changed</p>\n")
                .append("<table><tr><th>change</th><th>category</th><th>requirement</th><th>old</th><th>new</th><th>source</th></tr>\n");
        for (RuleSetDiff.Change c : d.changes()) {
            String kind = c.kind().name().toLowerCase(Locale.ROOT);
            sb.append("<tr class=\"").append(kind).append("\"><td>").append(kind).append("</td><td>")
                    .append(HtmlReport.esc(c.category())).append("</td><td>").append(HtmlReport.esc(c.requirement()))
                    .append("</td><td>").append(HtmlReport.esc(c.oldValue() == null ? "" : c.oldValue()))
                    .append("</td><td>").append(HtmlReport.esc(c.newValue() == null ? "" : c.newValue()))
                    .append("</td><td>").append(HtmlReport.esc(c.source())).append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static Map<String, Object> side(RuleSetManifest m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", m.id());
        s.put("version", m.version());
        s.put("from", m.from() == null ? null : m.from().toString());
        s.put("to", m.to() == null ? null : m.to().toString());
        return s;
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
