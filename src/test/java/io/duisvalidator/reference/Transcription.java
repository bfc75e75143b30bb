package io.duisvalidator.reference;

import io.duisvalidator.context.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of MP162 and DUIS that the rules encode, transcribed here by hand from the sources, never read from
 * {@code rules/}: the eligibility matrix, the TRT table, the SRV catalogue (header shape, Command Variants, data side)
 * and the device types each SRV applies to. One fixture, shared by the {@link ReferenceDecider} and the cell-by-cell
 * tests ({@code EligibilityMatrixTest}, {@code TrtTableTest}, {@code SrvCatalogueTest}, {@code DeviceTypesTest}), so
 * that a wrong cell in {@code rules/tables/} makes both the differential test and a cell test fail.
 *
 * <p>Sources: [MP162] {@code ../shared/reference/MP162-modification-report.txt} section 3 ("Valid Service Requests
 * for an MDR User" and "TRTs for Eligible Users for MHHS data retrieval Service Requests", footnotes 4 and 5);
 * [MATRIX] the DUIS section 3 SRV matrix rows of the domain brief section 3; [XSD] the DUIS V5.4 schema (body
 * elements, the DSP body of each schedulable SRV, the {@code DSPScheduledServiceReferenceVariant} enumeration);
 * [DECISION] docs/decisions.md where the sources are silent (D-CV, D-DEVICE-TYPES, D-MPAN-SIDE, D-NA-CODE).
 */
public final class Transcription {
    private Transcription() {}

    /**
     * The two states of the SEC this class transcribes, named by the ids the product gives them (D-RULESET-ID; an id
     * is compared as {@code expected.jsonl}'s {@code ruleSet} is, D-RULESET-EXPECT). Which one is in force at an
     * instant is the {@link ReferenceDecider}'s own boundary, not the product's manifests.
     */
    public enum RuleSet {
        /** The SEC before MP162: no MDR User Role, 4.2 not schedulable (footnote 4), 8.2 SMETS1 16 s (footnote 5). */
        BEFORE_MP162("before-mp162"),
        /** The SEC with MP162 (from the June 2024 SEC Release). */
        MP162("mp162");

        private final String id;

        RuleSet(String id) { this.id = id; }

        public String id() { return id; }

        /** The rule set of an id ({@code --rule-set ID}); an unknown id is refused, naming the known ones. */
        public static RuleSet ofId(String id) {
            for (RuleSet r : values()) if (r.id.equals(id)) return r;
            throw new IllegalArgumentException("the reference knows no rule set '" + id + "' (before-mp162, mp162)");
        }
    }

    /**
     * Whether the User Role exists in the rule set: MP162 s3 creates the 'MDR' User Role; every other role of the
     * DUIS s3 matrix exists in both.
     */
    public static boolean roleExists(RuleSet ruleSet, Role role) {
        return role != Role.MDR || ruleSet == RuleSet.MP162;
    }

    /** The eleven SRVs of MP162 section 3 "Valid Service Requests for an MDR User", in the report's order. */
    public static final List<String> SRVS = List.of("4.1.1", "4.2", "4.6.1", "4.6.2", "4.8.1", "4.8.3", "4.17",
            "5.1", "5.2", "5.3", "8.2");

    // ------------------------------------------------------------------------------------------------------------
    // Eligibility: [MATRIX] for the existing roles, [MP162] s3 for the MDR (every one of the eleven SRVs).

    private static final Map<String, Set<Role>> ELIGIBLE = new LinkedHashMap<>();

    static {
        eligible("4.1.1", Role.IS, Role.GS, Role.ED, Role.GT, Role.MDR);
        eligible("4.2", Role.ES, Role.ED, Role.MDR);
        eligible("4.6.1", Role.IS, Role.GS, Role.MDR);
        eligible("4.6.2", Role.ES, Role.MDR);
        eligible("4.8.1", Role.IS, Role.GS, Role.ED, Role.GT, Role.OU, Role.MDR);
        eligible("4.8.3", Role.ES, Role.ED, Role.OU, Role.MDR);
        eligible("4.17", Role.IS, Role.GS, Role.ED, Role.GT, Role.OU, Role.MDR);
        eligible("5.1", Role.IS, Role.ES, Role.GS, Role.ED, Role.GT, Role.OU, Role.MDR);
        eligible("5.2", Role.IS, Role.ES, Role.GS, Role.ED, Role.GT, Role.OU, Role.MDR);
        eligible("5.3", Role.IS, Role.ES, Role.GS, Role.ED, Role.GT, Role.OU, Role.MDR);
        eligible("8.2", Role.IS, Role.ES, Role.GS, Role.ED, Role.GT, Role.OU, Role.RSA, Role.MDR);
    }

    private static void eligible(String srv, Role... roles) {
        ELIGIBLE.put(srv, Collections.unmodifiableSet(EnumSet.of(roles[0], roles)));
    }

    /**
     * Eligibility in a rule set: MP162 adds the MDR column (every one of the eleven) and changes no cell of the existing
     * roles, so before MP162 the matrix is the same without that column (the role does not exist).
     */
    public static boolean eligible(RuleSet ruleSet, String srv, Role role) {
        return roleExists(ruleSet, role) && eligible(srv, role);
    }

    /** True when the role may send the SRV (one of the eleven) under MP162; false for any other SRV. */
    public static boolean eligible(String srv, Role role) {
        Set<Role> roles = ELIGIBLE.get(srv);
        return roles != null && roles.contains(role);
    }

    /** The roles eligible for an SRV of the eleven. */
    public static Set<Role> eligibleRoles(String srv) {
        Set<Role> roles = ELIGIBLE.get(srv);
        if (roles == null) throw new IllegalArgumentException("not an MP162 SRV: " + srv);
        return roles;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The TRT table of MP162 section 3, cell by cell, in the report's column order. Tokens: "24h", "5600s", "30s",
    // "16s" as printed (24 hrs, 5,600 secs, 30 secs, 16 secs); N/A followed by the code a message taking the cell
    // gets, D-NA-CODE:
    //   NA:E2      N/A for this sender on the generation while other senders may use the SRV (MDR 4.1.1 on SMETS2)
    //   NA:E11     N/A for every sender on the generation (4.6.2 and 4.17 on SMETS1)
    //   NA:SCHEMA  a Scheduled cell of an SRV that DUIS cannot schedule (not in the XSD's
    //              DSPScheduledServiceReferenceVariant enumeration: 4.1.1, 5.1, 5.2, 5.3, 8.2): a 5.1 naming it is
    //              DV-SCHEMA; a request that skipped the schema (built in code) fails closed, DV-INTERNAL, as no rule
    //              is generated for what no message reaches (D-NO-UNREACHABLE-RULE)
    // Footnote 4 (4.2 schedulable only with MP162) and footnote 5 (8.2 on SMETS1 30 s for every User, was 16 s) are
    // the values below. The table before MP162 (TRT_TEXT_BEFORE) is the existing roles' columns with what the two
    // footnotes say MP162 changes undone.

    /** The two sender columns of the TRT table. */
    public enum Sender {
        EXISTING, MDR;

        public static Sender of(Role role) { return role == Role.MDR ? MDR : EXISTING; }
    }

    /** The two mode columns of the TRT table. */
    public enum TrtMode { SCHEDULED, ON_DEMAND }

    /**
     * One TRT cell: a number of seconds, or N/A with the code a message taking it gets ({@code messageCode}) and the
     * code of a request built in code, that did not go through the schema ({@code decisionCode}; equal to
     * {@code messageCode} except for the Scheduled cells of SRVs DUIS cannot schedule: DV-SCHEMA / DV-INTERNAL).
     */
    public record TrtCell(Long seconds, String messageCode, String decisionCode) {
        public boolean na() { return seconds == null; }

        static TrtCell parse(String token) {
            if (token.equals("NA:SCHEMA")) return new TrtCell(null, "DV-SCHEMA", "DV-INTERNAL");
            if (token.startsWith("NA:")) return new TrtCell(null, token.substring(3), token.substring(3));
            if (!token.endsWith("h") && !token.endsWith("s")) throw new IllegalArgumentException("TRT cell " + token);
            long n = Long.parseLong(token.substring(0, token.length() - 1));
            return new TrtCell(token.endsWith("h") ? 3600L * n : n, null, null);
        }

        @Override
        public String toString() { return na() ? "N/A (" + messageCode + ")" : seconds + " s"; }
    }

    private static final String[] TRT_TEXT = {
            //      existing User Roles                     | 'MDR' User Role
            //      SMETS2              SMETS1              | SMETS2              SMETS1
            //      Scheduled On-Demand Scheduled On-Demand | Scheduled On-Demand Scheduled On-Demand
            "4.1.1 NA:SCHEMA 30s       NA:SCHEMA 16s       NA:SCHEMA NA:E2     NA:SCHEMA 24h",
            "4.2   24h       30s       24h       16s       24h       24h       24h       24h",
            "4.6.1 24h       30s       24h       16s       24h       24h       24h       24h",
            "4.6.2 24h       30s       NA:E11    NA:E11    24h       24h       NA:E11    NA:E11",
            "4.8.1 24h       5600s     24h       16s       24h       24h       24h       24h",
            "4.8.3 24h       30s       24h       16s       24h       24h       24h       24h",
            "4.17  24h       30s       NA:E11    NA:E11    24h       24h       NA:E11    NA:E11",
            "5.1   NA:SCHEMA 24h       NA:SCHEMA 24h       NA:SCHEMA 24h       NA:SCHEMA 24h",
            "5.2   NA:SCHEMA 24h       NA:SCHEMA 24h       NA:SCHEMA 24h       NA:SCHEMA 24h",
            "5.3   NA:SCHEMA 24h       NA:SCHEMA 24h       NA:SCHEMA 24h       NA:SCHEMA 24h",
            "8.2   NA:SCHEMA 30s       NA:SCHEMA 30s       NA:SCHEMA 30s       NA:SCHEMA 30s",
    };

    /**
     * The table before MP162: only the "existing User Roles" columns (there is no MDR). Footnote 4: SR 4.2 "is not
     * currently able to be scheduled", so its Scheduled cells are N/A, and a 5.1 naming it is DV-SCHEDULE, as any
     * Scheduled cell that is N/A while the SRV's On-Demand cell is not (D-RULESET-4.2, D-NA-CODE). Footnote 5: "the
     * current SMETS1 TRT of 16 seconds for SR 8.2".
     */
    private static final String[] TRT_TEXT_BEFORE = {
            //      existing User Roles
            //      SMETS2                 SMETS1
            //      Scheduled   On-Demand  Scheduled   On-Demand
            "4.1.1 NA:SCHEMA      30s       NA:SCHEMA      16s",
            "4.2   NA:DV-SCHEDULE 30s       NA:DV-SCHEDULE 16s",
            "4.6.1 24h            30s       24h            16s",
            "4.6.2 24h            30s       NA:E11         NA:E11",
            "4.8.1 24h            5600s     24h            16s",
            "4.8.3 24h            30s       24h            16s",
            "4.17  24h            30s       NA:E11         NA:E11",
            "5.1   NA:SCHEMA      24h       NA:SCHEMA      24h",
            "5.2   NA:SCHEMA      24h       NA:SCHEMA      24h",
            "5.3   NA:SCHEMA      24h       NA:SCHEMA      24h",
            "8.2   NA:SCHEMA      30s       NA:SCHEMA      16s",
    };

    /** srv -> the 8 cells in the report's column order (MP162). */
    private static final Map<String, List<TrtCell>> TRT = parseTrt(TRT_TEXT, 8);
    /** srv -> the 4 existing-role cells before MP162. */
    private static final Map<String, List<TrtCell>> TRT_BEFORE = parseTrt(TRT_TEXT_BEFORE, 4);

    private static Map<String, List<TrtCell>> parseTrt(String[] text, int width) {
        Map<String, List<TrtCell>> out = new LinkedHashMap<>();
        for (String line : text) {
            String[] t = line.trim().split("\\s+");
            if (t.length != width + 1) throw new IllegalStateException("TRT row needs an SRV and " + width + " cells: " + line);
            List<TrtCell> cells = new ArrayList<>(width);
            for (int i = 1; i <= width; i++) cells.add(TrtCell.parse(t[i]));
            out.put(t[0], List.copyOf(cells));
        }
        if (!out.keySet().equals(ELIGIBLE.keySet())) throw new IllegalStateException("TRT rows != eligibility rows");
        return out;
    }

    /** The cell of a rule set's TRT table; null for an SRV outside the table or a sender the rule set has no column for. */
    public static TrtCell trt(RuleSet ruleSet, String srv, Sender sender, int generation, TrtMode mode) {
        if (ruleSet == RuleSet.MP162) return trt(srv, sender, generation, mode);
        if (sender == Sender.MDR) return null;
        List<TrtCell> row = TRT_BEFORE.get(srv);
        if (row == null) return null;
        if (generation != 1 && generation != 2) throw new IllegalArgumentException("SMETS" + generation);
        return row.get((generation == 2 ? 0 : 2) + (mode == TrtMode.SCHEDULED ? 0 : 1));
    }

    /** The cell of the MP162 TRT table; null for an SRV outside the table. */
    public static TrtCell trt(String srv, Sender sender, int generation, TrtMode mode) {
        List<TrtCell> row = TRT.get(srv);
        if (row == null) return null;
        if (generation != 1 && generation != 2) throw new IllegalArgumentException("SMETS" + generation);
        int i = (sender == Sender.MDR ? 4 : 0) + (generation == 2 ? 0 : 2) + (mode == TrtMode.SCHEDULED ? 0 : 1);
        return row.get(i);
    }

    // ------------------------------------------------------------------------------------------------------------
    // SRV catalogue: ServiceReference and body element [XSD, domain brief s1], the DSP body element of each SRV that
    // DUIS can schedule [XSD DSPSchedule choice, D-HEADER], Command Variants [MATRIX, D-CV: non-critical device SRVs
    // 1, 2, 3; non-device SRVs 8], device or non-device [domain brief s1], data side [D-MPAN-SIDE].

    public enum Side { IMPORT, EXPORT }

    /** One SRV of the catalogue; {@code dspBody} is null for SRVs DUIS cannot schedule, {@code side} for non-data SRVs. */
    public record Srv(String srv, String serviceReference, String body, String dspBody, Set<Integer> commandVariants,
                      boolean device, Side side, String name) {
        public boolean schedulable() { return dspBody != null; }
    }

    private static final Set<Integer> DEVICE_CVS = Set.of(1, 2, 3);
    private static final Set<Integer> NON_DEVICE_CVS = Set.of(8);
    private static final Map<String, Srv> CATALOGUE = new LinkedHashMap<>();

    static {
        srv("4.1.1", "4.1", "ReadInstantaneousImportRegisters", null, true, Side.IMPORT, "Read Instantaneous Import Registers");
        srv("4.2", "4.2", "ReadInstantaneousExportRegisters", "DSPReadInstantaneousExportRegisters", true, Side.EXPORT,
                "Read Instantaneous Export Register Values");
        srv("4.6.1", "4.6", "RetrieveImportDailyReadLog", "DSPRetrieveImportDailyReadLog", true, Side.IMPORT,
                "Retrieve Import Daily Read Log");
        srv("4.6.2", "4.6", "RetrieveExportDailyReadLog", "DSPRetrieveExportDailyReadLog", true, Side.EXPORT,
                "Retrieve Export Daily Read Log");
        srv("4.8.1", "4.8", "ReadActiveImportProfileData", "DSPReadActiveImportProfileData", true, Side.IMPORT,
                "Read Active Import Profile Data");
        srv("4.8.3", "4.8", "ReadExportProfileData", "DSPReadExportProfileData", true, Side.EXPORT, "Read Export Profile Data");
        srv("4.17", "4.17", "RetrieveDailyConsumptionLog", "DSPRetrieveDailyConsumptionLog", true, Side.IMPORT,
                "Retrieve Daily Consumption Log");
        srv("5.1", "5.1", "CreateSchedule", null, false, null, "Create Schedule");
        srv("5.2", "5.2", "ReadSchedule", null, false, null, "Read Schedule");
        srv("5.3", "5.3", "DeleteSchedule", null, false, null, "Delete Schedule");
        srv("8.2", "8.2", "ReadInventory", null, false, null, "Read Inventory");
        if (!CATALOGUE.keySet().equals(ELIGIBLE.keySet())) throw new IllegalStateException("catalogue != eligibility rows");
    }

    private static void srv(String srv, String sr, String body, String dsp, boolean device, Side side, String name) {
        CATALOGUE.put(srv, new Srv(srv, sr, body, dsp, device ? DEVICE_CVS : NON_DEVICE_CVS, device, side, name));
    }

    /** The catalogue entry of an SRV of the eleven, or null. */
    public static Srv srv(String srv) { return srv == null ? null : CATALOGUE.get(srv); }

    /** The eleven catalogue entries in the report's order. */
    public static List<Srv> catalogue() { return List.copyOf(CATALOGUE.values()); }

    /** The SRV whose request body element this is, or null. */
    public static Srv srvOfBody(String body) {
        if (body == null) return null;
        for (Srv s : CATALOGUE.values()) if (s.body().equals(body)) return s;
        return null;
    }

    /** The SRV whose DSP body element (in a 5.1) this is, or null. */
    public static Srv srvOfDspBody(String dspBody) {
        if (dspBody == null) return null;
        for (Srv s : CATALOGUE.values()) if (dspBody.equals(s.dspBody())) return s;
        return null;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Device types [contract: inventory.csv device_type values] and the types each device SRV is valid for
    // [D-DEVICE-TYPES]: import data from the ESME, the GSME or its GPF mirror; export data from the ESME only.

    public static final List<String> DEVICE_TYPES = List.of("ESME", "GSME", "GPF", "CHF", "HCALCS", "PPMID", "IHD", "CAD");
    private static final Set<String> IMPORT_TYPES = Set.of("ESME", "GSME", "GPF");
    private static final Set<String> EXPORT_TYPES = Set.of("ESME");

    /** The device types a device SRV of the eleven is valid for; null for non-device and unknown SRVs. */
    public static Set<String> deviceTypes(String srv) {
        Srv s = srv(srv);
        if (s == null || !s.device()) return null;
        return s.side() == Side.IMPORT ? IMPORT_TYPES : EXPORT_TYPES;
    }
}
