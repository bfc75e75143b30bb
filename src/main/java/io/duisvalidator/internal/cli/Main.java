package io.duisvalidator.internal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar duis-validator.jar COMMAND ...}: thin commands over the library. */
@Command(name = "duis-validator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks DUIS Service Requests against the SEC rules of MP162 (MDR, MHHS).",
        subcommands = {ValidateCommand.class, MonitorCommand.class, ExplainScheduleCommand.class, CoverageCommand.class, RuleSetsCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("duis-validator: " + ex.getMessage());
            return Exit.USAGE;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"duis-validator " + (v == null ? "(development)" : v)};
        }
    }
}
