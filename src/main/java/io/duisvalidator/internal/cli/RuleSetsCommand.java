package io.duisvalidator.internal.cli;

import io.duisvalidator.internal.engine.RuleBase;
import io.duisvalidator.internal.engine.RuleSetManifest;
import io.duisvalidator.internal.engine.RuleSets;
import io.duisvalidator.internal.rulesets.RuleSetDiff;
import io.duisvalidator.internal.rulesets.RuleSetsWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rule-sets list} and {@code rule-sets diff A B}: the rule sets in force at a date, and what changed between two. */
@Command(name = "rule-sets", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"The rule sets, each in force for a period (docs/rule-sets.md): list them, or list what changed "
                + "from one to another, requirement by requirement."},
        subcommands = {RuleSetsCommand.ListCommand.class, RuleSetsCommand.DiffCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "2:usage error (unknown rule set, bad option, rule sets whose periods overlap or leave a gap)"})
final class RuleSetsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return Exit.USAGE;
    }

    /** The output formats of the two subcommands. */
    enum Format { text, json, html }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "One rule set a line, its id first: version, validity (from, to; open when empty), digest, "
                    + "number of requirements and rules, title.")
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
        Format format = Format.text;

        @Override
        public Integer call() {
            RuleSets sets = RuleSets.standard();
            List<RuleSetsWriter.Listed> listed = new ArrayList<>();
            for (RuleSetManifest m : sets.manifests()) {
                RuleBase rules = sets.ruleBase(m);
                listed.add(new RuleSetsWriter.Listed(m, rules.id().text(), rules.requirementCount(),
                        rules.rules().size()));
            }
            if (format == Format.html) {
                System.err.println("duis-validator: rule-sets list: --format is text or json");
                return Exit.USAGE;
            }
            System.out.print(format == Format.json ? RuleSetsWriter.listJson(listed) : RuleSetsWriter.listText(listed));
            return Exit.ACCEPTED;
        }
    }

    @Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = "What changed from rule set A to rule set B, requirement by requirement: User Roles, each "
                    + "eligibility and TRT cell with its old and new value, every other requirement added, removed or "
                    + "restated. Computed from the rule sets' tables and requirements catalogues.")
    static final class DiffCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A", description = "the older rule set's id")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "the newer rule set's id")
        String b;

        @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json or html")
        Format format = Format.text;

        @Option(names = "--out", paramLabel = "FILE", description = "write here instead of standard output")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintStream err = System.err;
            RuleSets sets = RuleSets.standard();
            RuleSetManifest ma;
            RuleSetManifest mb;
            try {
                ma = sets.require(a);
                mb = sets.require(b);
            } catch (IllegalArgumentException e) {
                err.println("duis-validator: " + e.getMessage());
                return Exit.USAGE;
            }
            RuleSetDiff diff = RuleSetDiff.of(ma, mb);
            String text = switch (format) {
                case text -> RuleSetsWriter.diffText(diff);
                case json -> RuleSetsWriter.diffJson(diff);
                case html -> RuleSetsWriter.diffHtml(diff);
            };
            if (out == null) System.out.print(text);
            else Files.writeString(out, text, StandardCharsets.UTF_8);
            return Exit.ACCEPTED;
        }
    }
}
