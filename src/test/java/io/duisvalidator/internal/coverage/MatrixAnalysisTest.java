package io.duisvalidator.internal.coverage;

import io.duisvalidator.internal.engine.RuleTables;
import io.duisvalidator.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The eligibility and TRT tables have no gap, no overlap, no unreachable row, and reject N/A consistently. */
class MatrixAnalysisTest {
    @Test
    void theTablesAreSound() {
        MatrixAnalysis.Result r = MatrixAnalysis.analyse(Fixtures.RULES);
        assertThat(r.gaps()).isEmpty();
        assertThat(r.overlaps()).isEmpty();
        assertThat(r.unreachable()).isEmpty();
        assertThat(r.inconsistent()).isEmpty();
        assertThat(r.trtCells()).hasSize(88);
        assertThat(r.count(MatrixAnalysis.Reach.UNREACHABLE)).isZero();
    }

    @Test
    void onlyScheduledCellsOfSrvsA51CannotScheduleAreOutOfReach() {
        Set<String> expected = new TreeSet<>();
        for (String srv : List.of("4.1.1", "5.1", "5.2", "5.3", "8.2")) {
            for (String s : List.of("EXISTING", "MDR")) for (String g : List.of("1", "2")) expected.add("TRT-" + srv + "-" + s + "-S" + g + "-SCHEDULED");
        }
        assertThat(MatrixAnalysis.analyse(Fixtures.RULES).unreachableRequirements()).isEqualTo(expected);
    }

    /** "Schedulable" in the analysis (a DSP body element in the catalogue) is the schema's schedulable list. */
    @Test
    void theCataloguesSchedulableSrvsAreTheSchemasWithinTheMp162Set() throws Exception {
        String xsd = Files.readString(Path.of("xsd/duis-mp162.xsd"));
        Matcher type = Pattern.compile("<xs:simpleType name=\"DSPScheduledServiceReferenceVariant\">(.*?)</xs:simpleType>",
                Pattern.DOTALL).matcher(xsd);
        assertThat(type.find()).isTrue();
        Set<String> schemaList = new TreeSet<>();
        Matcher v = Pattern.compile("value=\"([^\"]+)\"").matcher(type.group(1));
        while (v.find()) schemaList.add(v.group(1));
        List<Map<String, String>> catalogue = Fixtures.RULES.tables().rows(RuleTables.SRV_CATALOGUE);
        Set<String> inSet = catalogue.stream().map(r -> r.get("srv")).collect(Collectors.toSet());
        Set<String> withDspBody = catalogue.stream().filter(r -> !r.get("dsp_body_element").isEmpty())
                .map(r -> r.get("srv")).collect(Collectors.toCollection(TreeSet::new));
        schemaList.retainAll(inSet);
        assertThat(withDspBody).isEqualTo(schemaList);
    }

    @Test
    void aRemovedTrtRowIsAGap() {
        MatrixAnalysis.Result r = analyse(RuleTables.TRT, rows -> rows.removeIf(row -> is(row, "4.8.1", "MDR", "2", "ON_DEMAND")));
        assertThat(r.gaps()).containsExactly("trt.csv: no row decides SRV 4.8.1 sent by MDR on SMETS2 ON_DEMAND");
    }

    @Test
    void aRemovedEligibilityRowIsAGap() {
        MatrixAnalysis.Result r = analyse(RuleTables.ELIGIBILITY, rows -> rows.removeIf(row -> "4.2".equals(row.get("srv")) && "ES".equals(row.get("role"))));
        assertThat(r.gaps()).containsExactly("eligibility.csv: no row decides SRV 4.2 for User Role ES");
    }

    @Test
    void twoRowsDecidingACellDifferentlyOverlap() {
        MatrixAnalysis.Result r = analyse(RuleTables.TRT, rows -> rows.add(with(find(rows, "4.17", "MDR", "2", "ON_DEMAND"), "trt_seconds", "30")));
        assertThat(r.overlaps()).containsExactly("trt.csv: two rows decide 4.17 / MDR / 2 / ON_DEMAND: 86400 and 30");
    }

    @Test
    void aValueInACellNoMessageReachesIsUnreachable() {
        MatrixAnalysis.Result r = analyse(RuleTables.TRT, rows -> rows.replaceAll(row -> is(row, "4.1.1", "MDR", "1", "SCHEDULED")
                ? with(row, "trt_seconds", "86400") : row));
        assertThat(r.unreachable()).containsExactly(
                "trt.csv: TRT-4.1.1-MDR-S1-SCHEDULED holds 86400 s but a 5.1 cannot schedule SRV 4.1.1: the value is never used");
    }

    @Test
    void aColumnNoEligibleRoleSendsThroughIsUnreachable() {
        MatrixAnalysis.Result r = analyse(RuleTables.ELIGIBILITY, rows -> rows.replaceAll(row -> "4.6.2".equals(row.get("srv"))
                && "ES".equals(row.get("role")) ? with(row, "eligible", "no") : row));
        assertThat(r.unreachable()).contains(
                "trt.csv: TRT-4.6.2-EXISTING-S2-ON_DEMAND holds 30 s but no EXISTING User Role is eligible for SRV 4.6.2: the value is never used");
    }

    @Test
    void anEligibleRoleNeverServedAndGenerationIndependentCellsThatDifferAreInconsistent() {
        MatrixAnalysis.Result r = analyse(RuleTables.TRT, rows -> rows.replaceAll(row -> is(row, "4.1.1", "MDR", "1", "ON_DEMAND")
                ? with(row, "trt_seconds", "N/A") : is(row, "8.2", "MDR", "1", "ON_DEMAND") ? with(row, "trt_seconds", "16") : row));
        assertThat(r.inconsistent()).contains(
                "eligibility.csv says User Role MDR may send SRV 4.1.1, but every On-Demand TRT cell of MDR is N/A: no request of it is ever served",
                "SRV 8.2 does not depend on the SMETS generation (D-DEVICE-SCOPE), but its MDR On-Demand cells differ: SMETS1 16, SMETS2 30");
    }

    @Test
    void naCodesOfTheBuiltRulesFollowDNaCode() {
        MatrixAnalysis.Result r = MatrixAnalysis.analyse(Fixtures.RULES);
        Map<String, String> codes = new HashMap<>();
        r.trtCells().stream().filter(c -> c.code() != null).forEach(c -> codes.put(c.requirement(), c.code()));
        assertThat(codes).containsEntry("TRT-4.1.1-MDR-S2-ON_DEMAND", "E2")
                .containsEntry("TRT-4.6.2-EXISTING-S1-ON_DEMAND", "E11")
                .containsEntry("TRT-4.17-MDR-S1-SCHEDULED", "E11");
    }

    private static MatrixAnalysis.Result analyse(String table, Consumer<List<Map<String, String>>> change) {
        RuleTables t = Fixtures.RULES.tables();
        Map<String, List<Map<String, String>>> all = new LinkedHashMap<>();
        for (String n : List.of(RuleTables.ELIGIBILITY, RuleTables.TRT, RuleTables.SRV_CATALOGUE, RuleTables.DEVICE_TYPES)) {
            all.put(n, new ArrayList<>(t.rows(n)));
        }
        change.accept(all.get(table));
        return MatrixAnalysis.analyse(RuleTables.of(all), null);
    }

    private static boolean is(Map<String, String> row, String srv, String sender, String smets, String mode) {
        return srv.equals(row.get("srv")) && sender.equals(row.get("sender")) && smets.equals(row.get("smets")) && mode.equals(row.get("mode"));
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String srv, String sender, String smets, String mode) {
        return rows.stream().filter(r -> is(r, srv, sender, smets, mode)).findFirst().orElseThrow();
    }

    private static Map<String, String> with(Map<String, String> row, String column, String value) {
        Map<String, String> m = new HashMap<>(row);
        m.put(column, value);
        return m;
    }
}
