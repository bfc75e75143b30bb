package io.duisvalidator.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --severity ID=LEVEL} (issue 12): the general severity policy on the command line, {@code --h313a} its alias. */
class SeverityOptionTest {
    static final Path SCENARIO = Path.of("samples/h313a-mdr-on-demand-first");

    static int run(Path out, String... options) {
        List<String> a = new ArrayList<>(List.of("validate", "--quiet", "--context", SCENARIO.resolve("context").toString(),
                "--at", "2027-01-15T10:00:00Z", "--threads", "1", "--format", "jsonl", "--out", out.toString()));
        a.addAll(List.of(options));
        a.add(SCENARIO.resolve("messages").toString());
        return Main.run(a.toArray(String[]::new));
    }

    static List<JsonNode> lines(Path out) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> l = new ArrayList<>();
        for (String s : Files.readAllLines(out)) l.add(m.readTree(s));
        return l;
    }

    static String err(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void h313aWarnIsTheAliasOfTheBreachRequirementAtWarning(@TempDir Path dir) throws IOException {
        Path strict = dir.resolve("strict.jsonl");
        Path alias = dir.resolve("alias.jsonl");
        Path policy = dir.resolve("policy.jsonl");
        assertThat(run(strict)).isEqualTo(1);
        assertThat(lines(strict)).anyMatch(j -> j.get("responseCode").asText().equals("DV-H3.13A"));
        run(alias, "--h313a", "warn");
        run(policy, "--severity", "H313A-SCHEDULE-FIRST=warning");
        assertThat(Files.readString(policy)).isEqualTo(Files.readString(alias));
        assertThat(lines(alias)).noneMatch(j -> j.get("responseCode").asText().equals("DV-H3.13A"));
    }

    @Test
    void aCodeSetsEveryFindingOfThatCodeAndAnExplicitSeverityWinsOverTheAlias(@TempDir Path dir) throws IOException {
        Path byCode = dir.resolve("code.jsonl");
        run(byCode, "--severity", "DV-H3.13A=warning");
        for (JsonNode j : lines(byCode)) {
            for (JsonNode f : j.get("findings")) {
                if (f.get("code").asText().equals("DV-H3.13A")) assertThat(f.get("severity").asText()).isEqualTo("WARNING");
            }
        }
        Path both = dir.resolve("both.jsonl");
        Path strict = dir.resolve("strict.jsonl");
        run(both, "--h313a", "warn", "--severity", "H313A-SCHEDULE-FIRST=error");
        run(strict);
        assertThat(Files.readString(both)).isEqualTo(Files.readString(strict));
    }

    @Test
    void anInfoCanBeRaised(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r.jsonl");
        Path scope = Path.of("samples/dv-scope");
        int exit = Main.run("validate", "--quiet", "--context", scope.resolve("context").toString(), "--at",
                "2027-01-15T10:00:00Z", "--format", "jsonl", "--out", out.toString(), "--severity", "DV-SCOPE=error",
                scope.resolve("messages/is-6.15.2-update-security-credentials.xml").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(lines(out).get(0).get("responseCode").asText()).isEqualTo("DV-SCOPE");
    }

    @Test
    void unknownOrFixedIdsAndBadLevelsAreUsageErrors(@TempDir Path dir) {
        Path out = dir.resolve("r.jsonl");
        String unknown = err(() -> assertThat(run(out, "--severity", "NO-SUCH-REQUIREMENT=warning")).isEqualTo(2));
        assertThat(unknown).contains("NO-SUCH-REQUIREMENT", "neither a requirement id");
        String reader = err(() -> assertThat(run(out, "--severity", "DV-SCHEMA=warning")).isEqualTo(2));
        assertThat(reader).contains("DV-SCHEMA", "cannot be changed");
        assertThat(run(out, "--severity", "MSG-WELL-FORMED=info")).isEqualTo(2);
        assertThat(run(out, "--severity", "DV-CONTEXT=warning")).isEqualTo(2);
        assertThat(run(out, "--severity", "DV-H3.13A=loud")).isEqualTo(2);
        assertThat(run(out, "--severity", "DV-H3.13A")).isEqualTo(2);
        assertThat(run(out, "--severity", "=error")).isEqualTo(2);
        assertThat(out).doesNotExist();
    }
}
