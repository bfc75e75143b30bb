package io.duisvalidator.internal.engine;

import io.duisvalidator.Decision;
import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.reference.Transcription;
import io.duisvalidator.reference.Transcription.Srv;
import io.duisvalidator.support.Fixtures;
import io.duisvalidator.support.Requests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every device SRV against every device type (7 x 8), on demand and as the scheduled SRV of a 5.1, through the whole
 * validator against the hand {@link Transcription} (D-DEVICE-TYPES), never against rules/tables/device-types.csv: a
 * valid type is accepted, any other is E11. The sender is an eligible role that Registration Data does not decide
 * (GS, ED, GT, OU) where there is one, so that the device type is the only question; 4.6.2 is sent by its ES.
 */
class DeviceTypesTest {
    static final String MPAN_IMPORT = "3000000000018";
    static final String MPAN_EXPORT = "3000000000027";

    private static String deviceId(String type) {
        return String.format("00-11-22-33-44-66-02-%02X", Transcription.DEVICE_TYPES.indexOf(type) + 1);
    }

    private final CoreValidator validator;

    DeviceTypesTest() {
        Context.Builder b = Fixtures.bareContext();
        for (String type : Transcription.DEVICE_TYPES) {
            boolean esme = type.equals("ESME");
            b.device(new Device(deviceId(type), type, "Commissioned", 2, esme ? MPAN_IMPORT : null, esme ? MPAN_EXPORT : null));
        }
        LocalDate from = LocalDate.parse("2020-01-01");
        b.appointment(new Appointment(MPAN_IMPORT, Role.IS, Fixtures.PARTY.get(Role.IS), from, null));
        b.appointment(new Appointment(MPAN_EXPORT, Role.ES, Fixtures.PARTY.get(Role.ES), from, null));
        validator = Fixtures.validator(b.build());
    }

    /** An eligible sender that Registration Data does not decide, else the SRV's Supplier. */
    private static Role sender(String srv) {
        for (Role r : List.of(Role.GS, Role.ED, Role.GT, Role.OU, Role.IS, Role.ES)) {
            if (Transcription.eligible(srv, r)) return r;
        }
        throw new IllegalStateException("no existing role sends " + srv);
    }

    @TestFactory
    List<DynamicTest> everyDeviceSrvAndType() {
        List<DynamicTest> tests = new ArrayList<>();
        int cells = 0;
        for (Srv s : Transcription.catalogue()) {
            if (!s.device()) continue;
            Set<String> valid = Transcription.deviceTypes(s.srv());
            for (String type : Transcription.DEVICE_TYPES) {
                cells++;
                boolean ok = valid.contains(type);
                String expected = ok ? "I99" : "E11";
                Role role = sender(s.srv());
                tests.add(DynamicTest.dynamicTest(s.srv() + " on " + type + ": " + expected + " (" + role + ")", () -> {
                    Decision d = validator.validate(Requests.request(Fixtures.USER.get(role), s.srv(), deviceId(type)).build(),
                            Fixtures.settings());
                    assertThat(d.responseCode()).as("%s", d).isEqualTo(expected);
                }));
                if (s.schedulable()) {
                    tests.add(DynamicTest.dynamicTest("5.1 scheduling " + s.srv() + " on " + type + ": " + expected, () -> {
                        Decision d = validator.validate(Requests.request(Fixtures.USER.get(role), "5.1", deviceId(type))
                                .schedules(s.srv(), "2027-02-01", null).build(), Fixtures.settings());
                        assertThat(d.responseCode()).as("%s", d).isEqualTo(expected);
                    }));
                }
            }
        }
        assertThat(cells).isEqualTo(7 * 8);
        return tests;
    }
}
