package io.duisvalidator.internal.cli;

import io.duisvalidator.ValidationSettings;
import io.duisvalidator.internal.batch.Scenario;
import picocli.CommandLine.Option;

import java.io.IOException;

/** --h313a, for the commands whose decisions a schedule-first breach may reject (not monitor, which only counts). */
final class H313aOption {
    @Option(names = "--h313a", paramLabel = "error|warn", defaultValue = "error", description = "schedule-first (SEC H3.13A) breaches reject (error) or only warn (default: ${DEFAULT-VALUE}); "
            + "the alias of --severity H313A-SCHEDULE-FIRST=warning")
    String h313a;

    /** {@code settings} with the severity the option gives; the exception's message is the usage error. */
    ValidationSettings apply(ValidationSettings settings) throws IOException {
        return settings.h313a(Scenario.h313a(h313a, "--h313a"));
    }
}
