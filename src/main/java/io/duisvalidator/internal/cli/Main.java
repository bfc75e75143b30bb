package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.engine.RuleBase;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Properties;

/** {@code java -jar duis-validator.jar COMMAND ...}: thin commands over the library. */
@Command(name = "duis-validator", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks DUIS Service Requests against the SEC rules of MP162 (MDR, MHHS).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the command's check passed", "1:it found what it looks for (see each command's help)",
                "2:usage error", "3:some input could not be processed, or the command could not finish (out of memory)"},
        subcommands = {ValidateCommand.class, MonitorCommand.class, ExplainScheduleCommand.class, CoverageCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status (for tests). */
    public static int run(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    /**
     * Runs {@code cl}: a usage error is one line (and where to find the help), exit 2; a failure is one line, never a
     * stack trace; running out of memory is one line and exit 3.
     */
    static int run(CommandLine cl, String... args) {
        PrintStream err = System.err;
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            Messages.error(err, ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return Exit.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Messages.error(err, Messages.describe(ex));
            return Exit.USAGE;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            Messages.error(err, "out of memory (" + Messages.describe(e) + "): give Java more memory (-Xmx) or fewer --threads");
            return Exit.UNPROCESSED;
        }
    }

    /** The version of the build and the rule set it carries. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            if (v == null) v = buildVersion();
            String rules;
            try {
                rules = RuleBase.load().id().text();
            } catch (RuntimeException e) {
                rules = "(cannot be loaded: " + Messages.describe(e) + ")";
            }
            return new String[]{"duis-validator " + v, "rule set: " + rules};
        }

        private static String buildVersion() {
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                Properties p = new Properties();
                if (in != null) p.load(in);
                return p.getProperty("version", "(unknown version)");
            } catch (IOException e) {
                return "(unknown version)";
            }
        }
    }
}
