package io.duisvalidator.internal.engine;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Role;
import io.duisvalidator.internal.facts.CreateScheduleBody;
import io.duisvalidator.reference.Transcription;
import io.duisvalidator.reference.Transcription.Side;
import io.duisvalidator.reference.Transcription.Srv;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SRV catalogue, entry by entry, through the whole validator against the hand {@link Transcription} (DUIS and
 * docs/decisions.md D-HEADER, D-CV, D-MPAN-SIDE, D-DEVICE-SCOPE), never against rules/tables/srv-catalogue.csv:
 * ServiceReference, body element, DSP body and scheduled ServiceReference of a 5.1, Command Variants 1 to 9, which
 * MPAN the SRV's data is checked against, and whether the request reaches a device. Requests come from an MDR (eligible
 * for all eleven), appointed on every ESME MPAN unless the test says otherwise.
 */
class SrvCatalogueTest {
    private final CoreValidator validator = Fixtures.validator(Fixtures.baseContext().build());

    /** The MDR's device for an SRV: SMETS1 for 4.1.1 (N/A to an MDR on SMETS2), else SMETS2. */
    private static String device(String srv) {
        return "4.1.1".equals(srv) ? Fixtures.ESME_S1 : Fixtures.ESME_S2;
    }

    private static Requests.Builder mdr(String srv) {
        Requests.Builder b = Requests.request(Fixtures.USER.get(Role.MDR), srv, device(srv));
        if ("5.1".equals(srv)) b.schedules("4.8.1", "2027-02-01", null);
        return b;
    }

    private Decision judge(Requests.Builder b) {
        return validator.validate(b.build(), Fixtures.settings());
    }

    @TestFactory
    List<DynamicNode> everyEntry() {
        Set<String> serviceReferences = new LinkedHashSet<>();
        for (Srv s : Transcription.catalogue()) serviceReferences.add(s.serviceReference());
        List<DynamicNode> out = new ArrayList<>();
        for (Srv s : Transcription.catalogue()) {
            List<DynamicTest> t = new ArrayList<>();
            String srv = s.srv();
            t.add(DynamicTest.dynamicTest("its own shape is accepted", () ->
                    assertThat(judge(mdr(srv)).responseCode()).isEqualTo("I99")));
            List<String> wrongRefs = new ArrayList<>(serviceReferences);
            wrongRefs.remove(s.serviceReference());
            if (!wrongRefs.contains(srv) && !srv.equals(s.serviceReference())) wrongRefs.add(srv);
            for (String sr : wrongRefs) {
                t.add(DynamicTest.dynamicTest("ServiceReference " + sr + " is DV-HEADER", () ->
                        assertThat(judge(mdr(srv).serviceReference(sr)).responseCode()).isEqualTo("DV-HEADER")));
            }
            for (Srv other : Transcription.catalogue()) {
                if (other == s) continue;
                t.add(DynamicTest.dynamicTest("body " + other.body() + " is DV-HEADER", () ->
                        assertThat(judge(mdr(srv).body(other.body())).responseCode()).isEqualTo("DV-HEADER")));
            }
            for (int cv = 1; cv <= 9; cv++) {
                int v = cv;
                boolean ok = s.commandVariants().contains(cv);
                t.add(DynamicTest.dynamicTest("Command Variant " + cv + (ok ? " accepted" : " is E12"), () ->
                        assertThat(judge(mdr(srv).commandVariant(v)).responseCode()).isEqualTo(ok ? "I99" : "E12")));
            }
            if (s.schedulable()) t.addAll(scheduling(s, serviceReferences));
            t.add(DynamicTest.dynamicTest(s.device() || "5.1".equals(srv) ? "reaches a device: unknown device is E19"
                    : "reaches no device: an unknown device is not checked", () -> {
                Requests.Builder b = Requests.request(Fixtures.USER.get(Role.MDR), srv, Fixtures.UNKNOWN_DEVICE);
                if ("5.1".equals(srv)) b.schedules("4.8.1", "2027-02-01", null);
                assertThat(judge(b).responseCode()).isEqualTo(s.device() || "5.1".equals(srv) ? "E19" : "I99");
            }));
            if (s.side() != null) t.addAll(dataSide(s));
            out.add(DynamicContainer.dynamicContainer(srv + " " + s.name(), t));
        }
        return out;
    }

    /** A 5.1 scheduling the SRV: its DSP body and scheduled ServiceReference, and no other. */
    private List<DynamicTest> scheduling(Srv s, Set<String> serviceReferences) {
        List<DynamicTest> t = new ArrayList<>();
        String srv = s.srv();
        String user = Fixtures.USER.get(Role.MDR);
        t.add(DynamicTest.dynamicTest("5.1 scheduling it with " + s.dspBody() + " is accepted", () ->
                assertThat(judge(Requests.request(user, "5.1", Fixtures.ESME_S2).schedules(srv, "2027-02-01", null))
                        .responseCode()).isEqualTo("I99")));
        for (String sr : serviceReferences) {
            if (sr.equals(s.serviceReference())) continue;
            t.add(DynamicTest.dynamicTest("5.1 scheduling it under DSPScheduledServiceReference " + sr + " is DV-HEADER", () ->
                    assertThat(judge(Requests.request(user, "5.1", Fixtures.ESME_S2).schedule(schedule(sr, srv, s.dspBody())))
                            .responseCode()).isEqualTo("DV-HEADER")));
        }
        for (Srv other : Transcription.catalogue()) {
            if (other == s || !other.schedulable()) continue;
            t.add(DynamicTest.dynamicTest("5.1 scheduling it with " + other.dspBody() + " is DV-HEADER", () ->
                    assertThat(judge(Requests.request(user, "5.1", Fixtures.ESME_S2)
                            .schedule(schedule(s.serviceReference(), srv, other.dspBody()))).responseCode())
                            .isEqualTo("DV-HEADER")));
        }
        return t;
    }

    private static CreateScheduleBody schedule(String scheduledServiceReference, String srv, String dspBody) {
        return new CreateScheduleBody("Daily", LocalDate.parse("2027-02-01"), null, null, scheduledServiceReference, srv,
                Fixtures.ESME_S2, dspBody, -1, 0);
    }

    /** D-MPAN-SIDE: an MDR appointed only on the MPAN of the other side is E4; on this side's MPAN it passes. */
    private List<DynamicTest> dataSide(Srv s) {
        List<DynamicTest> t = new ArrayList<>();
        for (Side appointedOn : Side.values()) {
            boolean ok = appointedOn == s.side();
            t.add(DynamicTest.dynamicTest("MDR appointed on the " + appointedOn + " MPAN only: " + (ok ? "I99" : "E4"), () -> {
                Context.Builder c = Fixtures.bareContext();
                for (String mpan : appointedOn == Side.IMPORT
                        ? List.of(Fixtures.MPAN_IMPORT_S1, Fixtures.MPAN_IMPORT_S2)
                        : List.of(Fixtures.MPAN_EXPORT_S1, Fixtures.MPAN_EXPORT_S2)) {
                    c.appointment(new Appointment(mpan, Role.MDR, Fixtures.PARTY.get(Role.MDR), LocalDate.parse("2020-01-01"), null));
                }
                Decision d = Fixtures.validator(c.build()).validate(mdr(s.srv()).build(), Fixtures.settings());
                assertThat(d.responseCode()).as("%s", d).isEqualTo(ok ? "I99" : "E4");
            }));
        }
        return t;
    }
}
