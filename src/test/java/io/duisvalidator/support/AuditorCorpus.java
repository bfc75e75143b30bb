package io.duisvalidator.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the corpora of the auditor's views as scenario folders (messages/, context/, scenario.properties), with
 * counts known by construction: {@link #grid(Path)} for the coverage grids, {@link #monitor(Path)} for the monitor by
 * week. The tests state the expected counts from the construction below, not from a run. {@link #main} writes both
 * for scripts/html-report-screenshot.sh.
 */
public final class AuditorCorpus {
    public static final String IS = "7A-00-00-00-00-00-01-01";
    public static final String ES = "7A-00-00-00-00-00-02-01";
    public static final String MDR_A = "7A-00-00-00-00-00-08-01";
    public static final String MDR_B = "7A-00-00-00-00-00-08-02";
    static final String DCC = "90-B3-D5-1F-30-00-00-02";
    static final String ESME_S2 = "00-1A-00-00-00-00-02-01";
    static final String ESME_S2_OTHER = "00-1A-00-00-00-00-02-02";
    static final String ESME_S1 = "00-1A-00-00-00-00-01-01";
    static final String ESME_B = "00-1A-00-00-00-00-02-03";
    /** Wednesday 12:00 UTC of ISO weeks 2027-W01 to W05. */
    public static final List<String> WEEK_AT = List.of("2027-01-06T12:00:00Z", "2027-01-13T12:00:00Z",
            "2027-01-20T12:00:00Z", "2027-01-27T12:00:00Z", "2027-02-03T12:00:00Z");

    private AuditorCorpus() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/auditor-corpus");
        grid(out.resolve("grid"));
        monitor(out.resolve("monitor"), true);
        System.out.println("wrote " + out.resolve("grid") + " and " + out.resolve("monitor"));
    }

    /**
     * One scenario, received 2027-01-15T10:00Z, purpose BAU; each message exercises exactly one eligibility cell and
     * one On-Demand TRT cell:
     * <pre>
     *  a  3 x IS  4.8.1 ESME SMETS2, registered        accepted  ELIG-4.8.1-IS, TRT-4.8.1-EXISTING-S2-ON_DEMAND
     *  b  1 x IS  4.8.1 ESME SMETS2, not registered    rejected  (E4) the same two cells
     *  c  1 x IS  4.1.1 ESME SMETS1                    accepted  ELIG-4.1.1-IS, TRT-4.1.1-EXISTING-S1-ON_DEMAND
     *  d  2 x MDR 4.1.1 ESME SMETS2                    rejected  (N/A: E2) ELIG-4.1.1-MDR, TRT-4.1.1-MDR-S2-ON_DEMAND
     *  e  1 x MDR 4.1.1 ESME SMETS1                    accepted  ELIG-4.1.1-MDR, TRT-4.1.1-MDR-S1-ON_DEMAND
     *  f  2 x ES  4.6.2 ESME SMETS2                    accepted  ELIG-4.6.2-ES, TRT-4.6.2-EXISTING-S2-ON_DEMAND
     *  g  2 x ES  4.6.2 ESME SMETS1                    rejected  (N/A: E11) ELIG-4.6.2-ES, TRT-4.6.2-EXISTING-S1-ON_DEMAND
     * </pre>
     */
    public static void grid(Path dir) throws IOException {
        Path sc = dir.resolve("grid-by-construction");
        context(sc, List.of("7A-00-00-00-00-00-01-01,IS,SUPA", "7A-00-00-00-00-00-02-01,ES,SUPC", MDR_A + ",MDR,MDRX"),
                List.of(ESME_S2 + ",ESME,Commissioned,2,1400000002018,1400000002027",
                        ESME_S2_OTHER + ",ESME,Commissioned,2,1400000002036,",
                        ESME_S1 + ",ESME,Commissioned,1,1400000001014,1400000001023"),
                List.of("1400000002018,IS,SUPA,2026-01-01,", "1400000002027,ES,SUPC,2026-01-01,",
                        "1400000001014,IS,SUPA,2026-01-01,", "1400000001023,ES,SUPC,2026-01-01,",
                        "1400000002018,MDR,MDRX,2026-01-01,", "1400000001014,MDR,MDRX,2026-01-01,",
                        "1400000002036,IS,SUPB,2026-01-01,"),
                List.of(), List.of());
        props(sc, "2027-01-15T10:00:00Z", "BAU");
        int n = 0;
        for (int i = 0; i < 3; i++) msg(sc, "a" + i, IS, "4.8.1", ESME_S2, ++n, readLog("2027-01-13", "2027-01-14"));
        msg(sc, "b0", IS, "4.8.1", ESME_S2_OTHER, ++n, readLog("2027-01-13", "2027-01-14"));
        msg(sc, "c0", IS, "4.1.1", ESME_S1, ++n, null);
        for (int i = 0; i < 2; i++) msg(sc, "d" + i, MDR_A, "4.1.1", ESME_S2, ++n, null);
        msg(sc, "e0", MDR_A, "4.1.1", ESME_S1, ++n, null);
        for (int i = 0; i < 2; i++) msg(sc, "f" + i, ES, "4.6.2", ESME_S2, ++n, readLog("2027-01-13", "2027-01-14"));
        for (int i = 0; i < 2; i++) msg(sc, "g" + i, ES, "4.6.2", ESME_S1, ++n, readLog("2027-01-13", "2027-01-14"));
    }

    public static void monitor(Path dir) throws IOException {
        monitor(dir, true);
    }

    /**
     * Two MDR Users over ISO weeks 2027-W01 to W05, one scenario per User and week received on the week's Wednesday
     * 12:00Z, every scenario carrying the same (whole) schedule history, so that an execution is seen by several
     * scenarios and must be counted once.
     * <pre>
     *  User A: schedules A1 (4.8.1) and A2 (4.6.1), daily, 2027-01-04 to 2027-02-07: 14 executions a week;
     *          A1 failed on 01-04, 01-11 and 01-25. Requests:
     *          W01 a 5.1 scheduling 4.17 (accepted) and 1 retry of 01-04   share 1/15
     *          W02 1 retry of 01-11                                         share 1/15
     *          W03 nothing on demand                                        share 0/14
     *          W04 1 retry of 01-25, 1 not a retry                          share 2/16 = 12.5%: THRESHOLD
     *          W05 3 not a retry                                            share 3/17 = 17.6%: THRESHOLD and RISE
     *              (baseline: median of 1/15, 1/15, 0, 2/16 = 1/15; 2 x 1/15 = 13.3%)
     *  User B: schedules B1 (4.8.1), B2 (4.6.1), B3 (4.2), daily, 2027-01-04 to 2027-01-31: 21 executions a week;
     *          B1 failed on 01-18. W03: 1 retry of it: share 1/22 = 4.5% (below 10 %), baseline 0 (taken as
     *          1 %): RISE. W05: no activity (no share).
     * </pre>
     * With {@code atInEveryScenario} false, User A's W05 scenario has no receipt date (the monitor then dates it by
     * --at, which the caller gives as {@code WEEK_AT.get(4)}).
     */
    public static void monitor(Path dir, boolean atInEveryScenario) throws IOException {
        List<String> schedules = List.of(
                "A1," + MDR_A + "," + ESME_S2 + ",4.8.1,Daily,2027-01-04,2027-02-07",
                "A2," + MDR_A + "," + ESME_S2 + ",4.6.1,Daily,2027-01-04,2027-02-07",
                "B1," + MDR_B + "," + ESME_B + ",4.8.1,Daily,2027-01-04,2027-01-31",
                "B2," + MDR_B + "," + ESME_B + ",4.6.1,Daily,2027-01-04,2027-01-31",
                "B3," + MDR_B + "," + ESME_B + ",4.2,Daily,2027-01-04,2027-01-31");
        List<String> executions = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2027-01-04"); !d.isAfter(LocalDate.parse("2027-02-07")); d = d.plusDays(1)) {
            boolean aFails = List.of("2027-01-04", "2027-01-11", "2027-01-25").contains(d.toString());
            executions.add("A1," + d + "," + (aFails ? "FAILED" : "SUCCESS"));
            executions.add("A2," + d + ",SUCCESS");
            if (!d.isAfter(LocalDate.parse("2027-01-31"))) {
                executions.add("B1," + d + "," + (d.toString().equals("2027-01-18") ? "FAILED" : "SUCCESS"));
                executions.add("B2," + d + ",SUCCESS");
                executions.add("B3," + d + ",SUCCESS");
            }
        }
        List<String> users = List.of(MDR_A + ",MDR,MDRX", MDR_B + ",MDR,MDRY");
        List<String> inventory = List.of(ESME_S2 + ",ESME,Commissioned,2,1400000002018,1400000002027",
                ESME_B + ",ESME,Commissioned,2,1400000002045,1400000002054");
        List<String> registration = List.of("1400000002018,MDR,MDRX,2026-01-01,", "1400000002027,MDR,MDRX,2026-01-01,",
                "1400000002045,MDR,MDRY,2026-01-01,", "1400000002054,MDR,MDRY,2026-01-01,");
        int n = 100;
        for (int w = 0; w < 5; w++) {
            Path a = dir.resolve("a-w0" + (w + 1));
            context(a, users, inventory, registration, schedules, executions);
            props(a, w == 4 && !atInEveryScenario ? null : WEEK_AT.get(w), null);
            switch (w) {
                case 0 -> {
                    msg(a, "schedule-4.17", MDR_A, "5.1", ESME_S2, ++n, null);
                    msg(a, "retry-01-04", MDR_A, "4.8.1", ESME_S2, ++n, readLog("2027-01-03", "2027-01-04"));
                }
                case 1 -> msg(a, "retry-01-11", MDR_A, "4.8.1", ESME_S2, ++n, readLog("2027-01-10", "2027-01-11"));
                case 2 -> { }
                case 3 -> {
                    msg(a, "retry-01-25", MDR_A, "4.8.1", ESME_S2, ++n, readLog("2027-01-24", "2027-01-25"));
                    msg(a, "not-a-retry-01-19", MDR_A, "4.8.1", ESME_S2, ++n, readLog("2027-01-19", "2027-01-20"));
                }
                default -> {
                    for (int i = 0; i < 3; i++) {
                        LocalDate day = LocalDate.parse("2027-01-27").plusDays(i);
                        msg(a, "not-a-retry-" + day, MDR_A, "4.8.1", ESME_S2, ++n, readLog(day.toString(), day.plusDays(1).toString()));
                    }
                }
            }
            if (w < 4) {
                Path b = dir.resolve("b-w0" + (w + 1));
                context(b, users, inventory, registration, schedules, executions);
                props(b, WEEK_AT.get(w), null);
                if (w == 2) msg(b, "retry-01-18", MDR_B, "4.8.1", ESME_B, ++n, readLog("2027-01-17", "2027-01-18"));
            }
        }
    }

    private static String[] readLog(String from, String to) {
        return new String[]{from + "T00:00:00Z", to + "T00:00:00Z"};
    }

    private static void props(Path sc, String at, String purpose) throws IOException {
        Files.createDirectories(sc.resolve("messages"));
        StringBuilder b = new StringBuilder();
        if (at != null) b.append("at=").append(at).append('\n');
        if (purpose != null) b.append("purpose=").append(purpose).append('\n');
        Files.writeString(sc.resolve("scenario.properties"), b.toString(), StandardCharsets.UTF_8);
    }

    private static void context(Path sc, List<String> users, List<String> inventory, List<String> registration,
                                List<String> schedules, List<String> executions) throws IOException {
        Path c = sc.resolve("context");
        Files.createDirectories(c);
        csv(c.resolve("users.csv"), "user_id,role,party_id", users);
        csv(c.resolve("inventory.csv"), "device_id,device_type,device_status,smets_generation,import_mpan,export_mpan", inventory);
        csv(c.resolve("registration.csv"), "mpan,role,party_id,effective_from,effective_to", registration);
        csv(c.resolve("schedules.csv"), "schedule_id,user_id,device_id,srv,frequency,start_date,end_date", schedules);
        csv(c.resolve("executions.csv"), "schedule_id,execution_date,outcome", executions);
    }

    private static void csv(Path f, String header, List<String> rows) throws IOException {
        Files.writeString(f, header + "\n" + String.join("\n", rows) + (rows.isEmpty() ? "" : "\n"), StandardCharsets.UTF_8);
    }

    /** A schema-valid request (no signature) for the SRVs used here. */
    private static void msg(Path sc, String name, String user, String srv, String device, int counter, String[] readLog)
            throws IOException {
        String sr = switch (srv) {
            case "4.1.1" -> "4.1";
            case "4.6.2" -> "4.6";
            case "4.8.1" -> "4.8";
            default -> srv;
        };
        boolean device4 = srv.startsWith("4.");
        String body = switch (srv) {
            case "4.1.1" -> "<sr:ReadInstantaneousImportRegisters/>";
            case "4.6.2" -> "<sr:RetrieveExportDailyReadLog>" + period(readLog) + "</sr:RetrieveExportDailyReadLog>";
            case "4.8.1" -> "<sr:ReadActiveImportProfileData>" + period(readLog) + "</sr:ReadActiveImportProfileData>";
            case "5.1" -> "<sr:CreateSchedule><sr:ScheduleFrequency>Daily</sr:ScheduleFrequency>"
                    + "<sr:ScheduleStartDate>2027-01-10</sr:ScheduleStartDate>"
                    + "<sr:DSPScheduledServiceReference>4.17</sr:DSPScheduledServiceReference>"
                    + "<sr:DSPScheduledServiceReferenceVariant>4.17</sr:DSPScheduledServiceReferenceVariant>"
                    + "<sr:DeviceID>" + device + "</sr:DeviceID><sr:DSPRetrieveDailyConsumptionLog>"
                    + "<sr:StartDateOffset>-1</sr:StartDateOffset><sr:StartTime>00:00:00Z</sr:StartTime>"
                    + "<sr:EndDateOffset>0</sr:EndDateOffset><sr:EndTime>00:00:00Z</sr:EndTime>"
                    + "</sr:DSPRetrieveDailyConsumptionLog></sr:CreateSchedule>";
            default -> throw new IllegalArgumentException(srv);
        };
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\" schemaVersion=\"5.4\">\n"
                + "  <sr:Header>\n    <sr:RequestID>" + user + ":" + (device4 ? device : DCC) + ":" + counter + "</sr:RequestID>\n"
                + "    <sr:CommandVariant>" + (device4 ? 1 : 8) + "</sr:CommandVariant>\n"
                + "    <sr:ServiceReference>" + sr + "</sr:ServiceReference>\n"
                + "    <sr:ServiceReferenceVariant>" + srv + "</sr:ServiceReferenceVariant>\n  </sr:Header>\n"
                + "  <sr:Body>" + body + "</sr:Body>\n</sr:Request>\n";
        Files.writeString(sc.resolve("messages").resolve(name + ".xml"), xml, StandardCharsets.UTF_8);
    }

    private static String period(String[] readLog) {
        return "<sr:ReadLogPeriod><sr:StartDateTime>" + readLog[0] + "</sr:StartDateTime><sr:EndDateTime>" + readLog[1]
                + "</sr:EndDateTime></sr:ReadLogPeriod>";
    }
}
