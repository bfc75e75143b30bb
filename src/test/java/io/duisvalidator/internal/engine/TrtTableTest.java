package io.duisvalidator.internal.engine;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Role;
import io.duisvalidator.reference.Transcription;
import io.duisvalidator.reference.Transcription.Sender;
import io.duisvalidator.reference.Transcription.TrtCell;
import io.duisvalidator.reference.Transcription.TrtMode;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import io.duisvalidator.support.XmlRequests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cell of MP162's "TRTs for Eligible Users for MHHS data retrieval Service Requests" (11 SRVs x existing roles /
 * MDR x SMETS2 / SMETS1 x Scheduled / On-Demand), checked through the whole validator against the hand
 * {@link Transcription}, never against rules/tables/trt.csv. The "existing User Roles" columns are checked for every
 * eligible existing role. A value cell must give that TRT (an On-Demand cell as {@code trtSeconds}, a Scheduled cell as
 * the {@code scheduledTrtSeconds} of a 5.1 scheduling the SRV); an N/A cell must reject with its exact code (E2, E11),
 * and a Scheduled cell of an SRV DUIS cannot schedule with DV-SCHEMA when it comes as XML (built in code, past the
 * schema: DV-INTERNAL, D-NO-UNREACHABLE-RULE).
 */
class TrtTableTest {
    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());

    @TestFactory
    List<DynamicTest> everyCell() {
        List<DynamicTest> tests = new ArrayList<>();
        int cells = 0;
        for (String srv : Transcription.SRVS) {
            for (Sender sender : Sender.values()) {
                for (int gen : new int[]{2, 1}) {
                    for (TrtMode mode : TrtMode.values()) {
                        TrtCell cell = Transcription.trt(srv, sender, gen, mode);
                        cells++;
                        for (Role role : senders(srv, sender, mode)) {
                            tests.add(DynamicTest.dynamicTest(srv + " " + sender + " SMETS" + gen + " " + mode + " = "
                                    + cell + " (" + role + ")", () -> check(srv, role, gen, mode, cell)));
                        }
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(88);
        return tests;
    }

    /** The roles that send a cell: MDR, or every existing role eligible for the SRV (and, Scheduled, for 5.1). */
    private static List<Role> senders(String srv, Sender sender, TrtMode mode) {
        if (sender == Sender.MDR) return List.of(Role.MDR);
        List<Role> out = new ArrayList<>();
        for (Role r : Transcription.eligibleRoles(srv)) {
            if (r == Role.MDR) continue;
            if (mode == TrtMode.SCHEDULED && !Transcription.eligible("5.1", r)) continue;
            out.add(r);
        }
        assertThat(out).as("an existing role sends %s %s", srv, mode).isNotEmpty();
        return out;
    }

    private void check(String srv, Role role, int gen, TrtMode mode, TrtCell cell) {
        String esme = gen == 1 ? Fixtures.ESME_S1 : Fixtures.ESME_S2;
        String user = Fixtures.USER.get(role);
        Decision d;
        if (mode == TrtMode.SCHEDULED) {
            // the Scheduled cell is what a 5.1 scheduling this SRV gets as scheduledTrtSeconds
            d = validator.validate(Requests.request(user, "5.1", esme).schedules(srv, "2027-02-01", null).build(),
                    Fixtures.settings());
            Transcription.Srv s = Transcription.srv(srv);
            if (!s.schedulable()) {
                assertThat(cell.messageCode()).isEqualTo("DV-SCHEMA");
                // as a message, the DUIS schema refuses it (DSPScheduledServiceReferenceVariant)
                Decision xml = validator.validate(XmlRequests.createSchedule(user, esme, s.serviceReference(), srv,
                        "DSPReadActiveImportProfileData"), Fixtures.settings());
                assertThat(xml.responseCode()).as("%s", xml).isEqualTo("DV-SCHEMA");
                assertThat(d.responseCode()).as("%s", d).isEqualTo(cell.decisionCode());
            } else if (cell.na()) {
                assertThat(d.responseCode()).as("%s", d).isEqualTo(cell.messageCode());
            } else {
                assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
                assertThat(d.scheduledTrtSeconds()).as("%s", d).isEqualTo(cell.seconds());
                TrtCell own = Transcription.trt("5.1", Sender.of(role), gen, TrtMode.ON_DEMAND);
                assertThat(d.trtSeconds()).as("%s", d).isEqualTo(own.seconds());
            }
        } else {
            Requests.Builder b = Requests.request(user, srv, esme);
            if ("5.1".equals(srv)) {
                // schedule an SRV the role may send, so that the 5.1 cell is what is tested
                b.schedules(List.of("4.8.1", "4.8.3", "4.6.1", "4.2").stream()
                        .filter(x -> Transcription.eligible(x, role)).findFirst().orElseThrow(), "2027-02-01", null);
            }
            d = validator.validate(b.build(), Fixtures.settings());
            if (cell.na()) {
                assertThat(d.responseCode()).as("%s", d).isEqualTo(cell.messageCode());
            } else {
                assertThat(d.responseCode()).as("%s", d).isEqualTo("I99");
                assertThat(d.trtSeconds()).as("%s", d).isEqualTo(cell.seconds());
            }
        }
    }
}
