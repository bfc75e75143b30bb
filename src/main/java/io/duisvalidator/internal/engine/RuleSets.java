package io.duisvalidator.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rule sets of {@code rules/rule-sets.properties}, each in force for its period (docs/rule-sets.md). The periods
 * are checked when the catalogue is made: sorted by start, each ends exactly where the next begins, the first alone
 * may have an open start and the last alone an open end. A rule set is built on first use ({@link #ruleBase}) and kept:
 * a run whose messages all fall in one period builds one rule set. Thread-safe.
 */
public final class RuleSets {
    private static volatile RuleSets standard;

    private final List<RuleSetManifest> manifests;
    private final Map<String, RuleSetManifest> byId;
    private final Function<RuleSetManifest, RuleBase> builder;
    private final Map<String, RuleBase> built = new ConcurrentHashMap<>();

    RuleSets(List<RuleSetManifest> manifests, Function<RuleSetManifest, RuleBase> builder) {
        this.manifests = check(manifests);
        this.byId = new LinkedHashMap<>();
        for (RuleSetManifest m : this.manifests) byId.put(m.id(), m);
        this.builder = builder;
    }

    /** The project's rule sets (the classpath folder {@code rules/}), one catalogue per class loader. */
    public static RuleSets standard() {
        RuleSets s = standard;
        if (s == null) {
            synchronized (RuleSets.class) {
                if (standard == null) {
                    standard = new RuleSets(RuleSetManifest.listed().stream().map(RuleSetManifest::read).toList(), RuleBase::load);
                }
                s = standard;
            }
        }
        return s;
    }

    /** A catalogue of the manifests given (tests: other periods); fails as {@link #standard()} does. */
    public static RuleSets of(List<RuleSetManifest> manifests) {
        return new RuleSets(manifests, RuleBase::load);
    }

    /**
     * The manifests sorted by start, after checking that they tile time: no id twice, no gap, no overlap, an open
     * start only first and an open end only last. The message names the rule sets concerned.
     */
    static List<RuleSetManifest> check(List<RuleSetManifest> manifests) {
        if (manifests.isEmpty()) throw new IllegalStateException("no rule set");
        List<String> problems = new ArrayList<>();
        Map<String, Long> ids = manifests.stream().collect(Collectors.groupingBy(RuleSetManifest::id, Collectors.counting()));
        ids.forEach((id, n) -> { if (n > 1) problems.add("rule set " + id + " is listed " + n + " times"); });
        List<RuleSetManifest> sorted = new ArrayList<>(manifests);
        sorted.sort(Comparator.comparing(RuleSetManifest::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (int i = 0; i < sorted.size(); i++) {
            RuleSetManifest m = sorted.get(i);
            if (i > 0 && m.from() == null) {
                problems.add("rule sets " + sorted.get(i - 1).id() + " and " + m.id() + " both have an open start (overlap)");
            }
            if (i + 1 < sorted.size()) {
                RuleSetManifest next = sorted.get(i + 1);
                if (m.to() == null) {
                    problems.add("rule set " + m.id() + " " + m.period() + " has an open end but " + next.id() + " "
                            + next.period() + " starts after it (overlap)");
                } else if (next.from() != null && m.to().isAfter(next.from())) {
                    problems.add("rule sets " + m.id() + " " + m.period() + " and " + next.id() + " " + next.period() + " overlap");
                } else if (next.from() != null && m.to().isBefore(next.from())) {
                    problems.add("rule sets " + m.id() + " " + m.period() + " and " + next.id() + " " + next.period()
                            + " leave a gap from " + m.to() + " to " + next.from());
                }
            }
        }
        if (!problems.isEmpty()) throw new IllegalStateException("rule set validity periods: " + String.join("; ", problems));
        return List.copyOf(sorted);
    }

    /** Every rule set, sorted by start. */
    public List<RuleSetManifest> manifests() { return manifests; }

    /** The rule set with that id. */
    public Optional<RuleSetManifest> manifest(String id) { return Optional.ofNullable(byId.get(id)); }

    /** The rule set with that id; fails naming the known ids. */
    public RuleSetManifest require(String id) {
        RuleSetManifest m = byId.get(id);
        if (m == null) throw new IllegalArgumentException("unknown rule set '" + id + "': the rule sets are " + ids());
        return m;
    }

    /** The ids, sorted by start. */
    public List<String> ids() { return manifests.stream().map(RuleSetManifest::id).toList(); }

    /** The rule set in force at the instant, or empty when no rule set covers it. */
    public Optional<RuleSetManifest> inForce(Instant at) {
        for (RuleSetManifest m : manifests) if (m.covers(at)) return Optional.of(m);
        return Optional.empty();
    }

    /** The periods in words, for a message about an instant no rule set covers. */
    public String periods() {
        return manifests.stream().map(m -> m.id() + " " + m.period()).collect(Collectors.joining(", "));
    }

    /** The built rule set (built on first use, then kept). */
    public RuleBase ruleBase(RuleSetManifest m) {
        return built.computeIfAbsent(m.id(), k -> builder.apply(m));
    }

    /** The built rule set with that id. */
    public RuleBase ruleBase(String id) { return ruleBase(require(id)); }

    /** The rule set in force now (the latest, for tools that judge no message: explain-schedule, monitor). */
    public RuleBase current() {
        return ruleBase(currentManifest());
    }

    /** The manifest of the rule set in force now, or the latest when none is. */
    public RuleSetManifest currentManifest() {
        return inForce(Instant.now()).orElse(manifests.get(manifests.size() - 1));
    }

    /** The ids of the rule sets built so far. */
    public List<String> builtIds() { return ids().stream().filter(built::containsKey).toList(); }
}
