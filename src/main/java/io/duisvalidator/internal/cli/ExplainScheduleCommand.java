package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.Decision;
import io.duisvalidator.Finding;
import io.duisvalidator.Outcome;
import io.duisvalidator.ReaderOptions;
import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.internal.facts.FactBuilder;
import io.duisvalidator.internal.core.ScheduleExecutions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.internal.facts.DuisRequest;
import io.duisvalidator.internal.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code explain-schedule}: each execution date of a 5.1 and whether access control passes on it. */
@Command(name = "explain-schedule", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"For a 5.1 Create Schedule message, list each execution date in a range and whether access "
                + "control (Registration Data) passes on it: when will the schedule start failing?",
                "Each date is judged by the rule set in force at --at (default: now), or by the one --rule-set names, "
                        + "as validate judges a message.",
                "Dates are YYYY-MM-DD (London settlement days). At most " + ExplainScheduleCommand.MAX_EXECUTIONS
                        + " executions are checked in one go; give --from and --to to look further."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:access control passes on every execution checked", "1:it fails on at least one",
                "2:usage error (not a 5.1 Create Schedule, bad date, bad context)", "3:out of memory"})
final class ExplainScheduleCommand implements Callable<Integer> {
    /** Execution dates checked in one go: 27 years of a daily schedule. */
    static final int MAX_EXECUTIONS = 10_000;

    @Parameters(paramLabel = "FILE", description = "a 5.1 Create Schedule request (.xml)")
    Path file;

    @Mixin
    ContextOption contextOption;

    @Option(names = "--from", paramLabel = "DATE", description = "first date, YYYY-MM-DD (default: the schedule's start)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "last date, YYYY-MM-DD (default: the schedule's end, or a year after the first date)")
    String to;

    @Mixin
    SettingsOptions settingsOptions;

    @Option(names = "--rule-set", paramLabel = "ID", description = "judge every execution by this rule set (`rule-sets list`), "
            + "whatever --at says (default: the rule set in force at --at, or now)")
    String ruleSet;

    @Option(names = "--all", description = "list every date, not only the changes between passing and failing")
    boolean all;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        LocalDate f;
        LocalDate t;
        try {
            f = date(from, "--from");
            t = date(to, "--to");
        } catch (DateTimeParseException e) {
            return Messages.usage(err, e.getMessage());
        }
        if (!Files.isRegularFile(file)) return Messages.usage(err, "no such file: " + file + " (or not a regular file)");
        String contextProblem = contextOption.problem(true);
        if (contextProblem != null) return Messages.usage(err, contextProblem);
        Context ctx;
        try {
            ctx = contextOption.load();
        } catch (ContextFormatException e) {
            return Messages.usage(err, "context: " + e.getMessage());
        }
        ValidationSettings settings;
        RuleSetManifest judging;
        try {
            settings = settingsOptions.settings();
            judging = judgingRuleSet(settings);
        } catch (IOException | IllegalStateException e) {
            return Messages.usage(err, e.getMessage());
        }
        CoreValidator v = CoreValidator.create(RuleSets.standard(), judging.id(), ctx, ReaderOptions.defaults());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(v.maxMessageBytes() + 1);
        }
        Optional<DuisRequest> r = v.read(bytes);
        if (r.isEmpty() || r.get().schedule() == null) {
            return Messages.usage(err, file + " is not a valid 5.1 Create Schedule request");
        }
        List<ScheduleExecutions.ExecutionCheck> checks = ScheduleExecutions.explain(v, r.get(), f, t, settings,
                MAX_EXECUTIONS + 1);
        boolean stopped = checks.size() > MAX_EXECUTIONS;
        if (stopped) checks = checks.subList(0, MAX_EXECUTIONS);
        Boolean previous = null;
        LocalDate firstFailure = null;
        for (ScheduleExecutions.ExecutionCheck c : checks) {
            if (!c.passes() && firstFailure == null) firstFailure = c.date();
            if (all || previous == null || previous != c.passes()) {
                System.out.println(Printable.text(c.date() + " " + (c.passes() ? "passes" : "FAILS  " + c.reason())));
            }
            previous = c.passes();
        }
        System.out.println(checks.size() + " executions from " + (checks.isEmpty() ? "-" : checks.get(0).date()) + " to "
                + (checks.isEmpty() ? "-" : checks.get(checks.size() - 1).date()) + ": "
                + (firstFailure == null ? "access control passes on every one" : "first failing execution " + firstFailure));
        System.out.println("judged by rule set " + v.ruleBase().id().text()
                + (ruleSet != null ? " (--rule-set)" : " (in force at " + (settingsOptions.at == null ? "now" : settingsOptions.at.trim()) + ")"));
        rejectedWhateverTheDate(v, r.get(), settings).ifPresent(n -> System.out.println(Printable.text(n)));
        if (stopped) {
            System.out.println("stopped after " + MAX_EXECUTIONS + " executions; the schedule goes on after "
                    + checks.get(checks.size() - 1).date() + ": give --from and --to to look further");
        }
        return firstFailure == null ? Exit.ACCEPTED : Exit.REJECTED;
    }

    /**
     * The rule set the executions are judged by: the one {@code --rule-set} names, else the one in force at
     * {@code --at} (now when not given), as {@code validate} chooses (D-RULESET-FORCE, D-RULESET-VALIDITY).
     *
     * @throws IOException an unknown id, or an instant no rule set covers (the message is the usage error)
     */
    private RuleSetManifest judgingRuleSet(ValidationSettings settings) throws IOException {
        RuleSets sets = RuleSets.standard(); // IllegalStateException when the rule sets' periods do not tile time
        if (ruleSet != null) {
            return sets.manifest(ruleSet).orElseThrow(() -> new IOException(
                    "--rule-set: unknown rule set '" + Printable.echo(ruleSet) + "': the rule sets are " + sets.ids()));
        }
        Instant at = settings.receivedAt() != null ? settings.receivedAt() : Instant.now();
        return sets.inForce(at).orElseThrow(() -> new IOException(
                "no rule set is in force at " + at + ": " + sets.periods()));
    }

    /**
     * A note when the rule set rejects the Create Schedule itself, on its first execution, with an error that is not
     * access control's (an MDR before MP162 is E1, a role that cannot send it E2, ...): then no execution runs, whatever
     * the Registration Data says on its date.
     */
    private static Optional<String> rejectedWhateverTheDate(CoreValidator v, DuisRequest schedule, ValidationSettings settings) {
        CreateScheduleBody s = schedule.schedule();
        if (s.startDate() == null) return Optional.empty();
        Decision d = v.validate(schedule, settings.at(s.startDate().atStartOfDay(FactBuilder.LONDON).toInstant()));
        if (d.outcome() == Outcome.ACCEPTED || "E4".equals(d.responseCode())) return Optional.empty();
        String why = d.findings().stream().filter(x -> x.code().equals(d.responseCode())).map(Finding::message)
                .findFirst().orElse("");
        return Optional.of("note: rule set " + d.ruleSet().id() + " rejects this Create Schedule whatever the date: "
                + d.responseCode() + (why.isEmpty() ? "" : " " + why));
    }

    /** A date YYYY-MM-DD with a four-digit year, or null when not given. */
    private static LocalDate date(String s, String option) {
        if (s == null) return null;
        if (!s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            throw new DateTimeParseException(option + " is not a date YYYY-MM-DD: " + Printable.echo(s), s, 0);
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new DateTimeParseException(option + " is not a date YYYY-MM-DD: " + Printable.echo(s), s, 0);
        }
    }
}
