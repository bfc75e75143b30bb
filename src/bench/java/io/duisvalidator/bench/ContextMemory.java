package io.duisvalidator.bench;

import io.duisvalidator.context.Context;
import io.duisvalidator.context.CsvContextLoader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Run in a fresh JVM with -Xmx1g: writes (once) 1,000,000 Registration Data rows over 400,000 MPANs and 100,000
 * schedules with 1,000,000 executions under /tmp/duis-bench-context, loads them with {@link CsvContextLoader}, and
 * prints the load time and the heap used after GC.
 */
public final class ContextMemory {
    static final int REGISTRATION_ROWS = 1_000_000;
    static final int MPANS = 400_000;
    static final int SCHEDULES = 100_000;
    static final int EXECUTIONS_PER_SCHEDULE = 10;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "duis-bench-context");
        if (!Files.exists(dir.resolve("executions.csv"))) write(dir);
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        Context ctx = CsvContextLoader.load(dir);
        long t1 = System.nanoTime();
        long after = usedAfterGc();
        int registration = REGISTRATION_ROWS;
        int executions = ctx.schedules().orElseThrow().executionCount();
        System.out.printf(Locale.ROOT, "context of %,d registration rows and %,d executions (%,d schedules): loaded in %.1f s with -Xmx%d MiB; heap after GC %d MiB (%d MiB for the context)%n",
                registration, executions, ctx.schedules().get().scheduleCount(), (t1 - t0) / 1e9,
                Runtime.getRuntime().maxMemory() >> 20, after >> 20, (after - before) >> 20);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("users.csv"))) {
            w.write("user_id,role,party_id\n");
            for (int i = 0; i < 100; i++) w.write(eui(0x7A, i) + "," + (i % 3 == 0 ? "MDR" : i % 3 == 1 ? "IS" : "ES") + ",P" + i + "\n");
        }
        String[] roles = {"IS", "ES", "MDR"};
        LocalDate base = LocalDate.parse("2024-01-01");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("registration.csv"))) {
            w.write("mpan,role,party_id,effective_from,effective_to\n");
            for (int i = 0; i < REGISTRATION_ROWS; i++) {
                int m = i % MPANS;
                int k = i / MPANS; // rows of one MPAN follow each other in time, one role each
                LocalDate from = base.plusDays(k * 400L);
                String to = i + MPANS < REGISTRATION_ROWS ? from.plusDays(399).toString() : "";
                w.write(mpan(1_000_000_000L + m) + "," + roles[k % 3] + ",P" + rnd.nextInt(100) + "," + from + "," + to + "\n");
            }
        }
        String[] srvs = {"4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17"};
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("schedules.csv"))) {
            w.write("schedule_id,user_id,device_id,srv,frequency,start_date,end_date\n");
            for (int i = 0; i < SCHEDULES; i++) {
                w.write("SCH" + i + "," + eui(0x7A, i % 100) + "," + eui(0x00, i) + "," + srvs[i % srvs.length]
                        + ",Daily,2026-01-01,\n");
            }
        }
        String[] outcomes = {"SUCCESS", "SUCCESS", "SUCCESS", "FAILED", "PARTIAL"};
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("executions.csv"))) {
            w.write("schedule_id,execution_date,outcome\n");
            for (int i = 0; i < SCHEDULES; i++) {
                for (int d = 0; d < EXECUTIONS_PER_SCHEDULE; d++) {
                    w.write("SCH" + i + "," + LocalDate.parse("2026-06-01").plusDays(d) + "," + outcomes[rnd.nextInt(outcomes.length)] + "\n");
                }
            }
        }
    }

    private static String eui(int top, int n) {
        return String.format("%02X-00-00-00-%02X-%02X-%02X-%02X", top, (n >> 24) & 0xFF, (n >> 16) & 0xFF, (n >> 8) & 0xFF, n & 0xFF);
    }

    /** A 13-digit MPAN core with its check digit. */
    static String mpan(long first12) {
        String s = String.format("%012d", first12);
        int[] primes = {3, 5, 7, 13, 17, 19, 23, 29, 31, 37, 41, 43};
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (s.charAt(i) - '0') * primes[i];
        return s + (sum % 11 % 10);
    }
}
