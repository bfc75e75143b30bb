package com.example.adaptor;

import io.duisvalidator.Decision;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.CsvContextLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * JVM start to rules ready and to the first decision, as an adaptor's service sees them (scripts/startup-bench runs
 * it in fresh JVMs). Prints one line: {@code jvm_to_main_ms rules_ready_ms first_decision_ms outcome}, all counted
 * from the JVM's start. With a fourth argument, a second receipt instant judged by another rule set, it then judges
 * the same message at that instant and appends {@code second_decision_ms outcome}: what the second rule set, built
 * on first use, adds.
 */
public final class StartupProbe {
    private StartupProbe() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        long main = System.currentTimeMillis();
        Context ctx = CsvContextLoader.load(Path.of(args[0]));
        Validator v = Validator.create(ctx);
        long ready = System.currentTimeMillis();
        Decision d = v.validate(Files.readAllBytes(Path.of(args[1])), ValidationSettings.defaults().at(Instant.parse(args[2])));
        long first = System.currentTimeMillis();
        String line = (main - jvmStart) + " " + (ready - jvmStart) + " " + (first - jvmStart) + " " + d.outcome();
        if (args.length > 3) {
            Decision d2 = v.validate(Files.readAllBytes(Path.of(args[1])),
                    ValidationSettings.defaults().at(Instant.parse(args[3])));
            line += " " + (System.currentTimeMillis() - jvmStart) + " " + d2.outcome();
        }
        System.out.println(line);
    }
}
