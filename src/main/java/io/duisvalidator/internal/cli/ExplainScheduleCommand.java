package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.internal.core.CoreValidatorProvider;
import io.duisvalidator.internal.core.ScheduleExecutions;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.internal.facts.DuisRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code explain-schedule}: each execution date of a 5.1 and whether access control passes on it. */
@Command(name = "explain-schedule", mixinStandardHelpOptions = true,
        description = "For a 5.1 Create Schedule message, list each execution date in a range and whether access "
                + "control (Registration Data) passes on it: when will the schedule start failing?")
final class ExplainScheduleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "a 5.1 Create Schedule request")
    Path file;

    @Option(names = "--context", paramLabel = "DIR", description = "context folder (users.csv, inventory.csv, registration.csv)")
    Path context;

    @Option(names = "--from", paramLabel = "DATE", description = "first date (default: the schedule's start)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "last date (default: the schedule's end, or a year)")
    String to;

    @Option(names = "--all", description = "list every date, not only the changes between passing and failing")
    boolean all;

    @Override
    public Integer call() throws Exception {
        LocalDate f;
        LocalDate t;
        try {
            f = from == null ? null : LocalDate.parse(from);
            t = to == null ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            System.err.println("duis-validator: dates are YYYY-MM-DD");
            return Exit.USAGE;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("duis-validator: no such file: " + file);
            return Exit.USAGE;
        }
        Context ctx;
        try {
            ctx = context == null ? Context.empty() : CsvContextLoader.load(context);
        } catch (ContextFormatException e) {
            System.err.println("duis-validator: context: " + e.getMessage());
            return Exit.USAGE;
        }
        CoreValidator v = CoreValidator.create(CoreValidatorProvider.rules(), ctx);
        Optional<DuisRequest> r = v.read(Files.readAllBytes(file));
        if (r.isEmpty() || r.get().schedule() == null) {
            System.err.println("duis-validator: " + file + " is not a valid 5.1 Create Schedule request");
            return Exit.USAGE;
        }
        List<ScheduleExecutions.ExecutionCheck> checks = ScheduleExecutions.explain(v, r.get(), f, t, ValidationSettings.defaults());
        Boolean previous = null;
        LocalDate firstFailure = null;
        for (ScheduleExecutions.ExecutionCheck c : checks) {
            if (!c.passes() && firstFailure == null) firstFailure = c.date();
            if (all || previous == null || previous != c.passes()) {
                System.out.println(c.date() + " " + (c.passes() ? "passes" : "FAILS  " + c.reason()));
            }
            previous = c.passes();
        }
        System.out.println(checks.size() + " executions from " + (checks.isEmpty() ? "-" : checks.get(0).date()) + " to "
                + (checks.isEmpty() ? "-" : checks.get(checks.size() - 1).date()) + ": "
                + (firstFailure == null ? "access control passes on every one" : "first failing execution " + firstFailure));
        return firstFailure == null ? Exit.ACCEPTED : Exit.REJECTED;
    }
}
