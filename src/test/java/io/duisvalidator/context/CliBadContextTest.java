package io.duisvalidator.context;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line with a malformed context folder: exit status 2 and one line on standard error naming file, line
 * and column, never a stack trace. Run as a separate JVM so that what reaches the real standard error is what is
 * checked (ValidateCommand writes to the file descriptor, not to System.err).
 */
class CliBadContextTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    Run cli(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.duisvalidator.internal.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("CLI finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void malformedContextIsUsageErrorWithPositionAndNoStackTrace() throws Exception {
        Path ctx = Files.createDirectories(dir.resolve("context"));
        Files.writeString(ctx.resolve("users.csv"), "user_id,role,party_id\n7A-00-00-00-00-00-01-01,IS,SUPA\n"
                + "7A-00-00-00-00-00-02-01,NOPE,SUPC");
        Path msg = Path.of("samples/trt-values/messages/mdr-4.8.1-smets2-on-demand.xml").toAbsolutePath();

        Run r = cli("validate", "--context", ctx.toString(), "--at", "2027-01-15T10:00:00Z", msg.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("duis-validator: context: users.csv:3:2: unknown role 'NOPE' (IS, ES, GS, ED, GT, OU, RSA, MDR)"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();

        assertThat(r.err() + r.out()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
