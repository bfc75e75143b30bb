package io.duisvalidator.support;

import io.duisvalidator.internal.core.CoreValidator;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Role;
import io.duisvalidator.Severity;
import io.duisvalidator.internal.engine.RuleBase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;

/** A small world for rule tests: one User per role, commissioned ESME and GSME of both generations. */
public final class Fixtures {
    /** Built once for the whole test run: building the rule base is the expensive part. */
    public static final RuleBase RULES = RuleBase.load();

    public static final Map<Role, String> USER = new EnumMap<>(Role.class);
    public static final Map<Role, String> PARTY = new EnumMap<>(Role.class);
    public static final String UNKNOWN_USER = "00-00-00-00-00-00-FF-FF";

    public static final String ESME_S1 = "00-11-22-33-44-55-01-01";
    public static final String ESME_S2 = "00-11-22-33-44-55-02-01";
    public static final String GSME_S1 = "00-11-22-33-44-55-01-02";
    public static final String GSME_S2 = "00-11-22-33-44-55-02-02";
    public static final String GPF_S2 = "00-11-22-33-44-55-02-03";
    public static final String ESME_SUSPENDED = "00-11-22-33-44-55-02-09";
    public static final String UNKNOWN_DEVICE = "00-11-22-33-44-55-FF-FF";

    public static final String MPAN_IMPORT_S1 = "1000000000012";
    public static final String MPAN_EXPORT_S1 = "1000000000021";
    public static final String MPAN_IMPORT_S2 = "2000000000015";
    public static final String MPAN_EXPORT_S2 = "2000000000024";

    public static final Instant AT = Instant.parse("2027-01-15T10:00:00Z");

    static {
        int i = 1;
        for (Role r : Role.values()) {
            USER.put(r, String.format("90-B3-D5-1F-30-01-00-%02X", i));
            PARTY.put(r, "P" + r.name());
            i++;
        }
    }

    private Fixtures() {}

    /**
     * Users, devices, and Registration Data in which every IS, ES and MDR party of {@link #USER} holds every ESME
     * MPAN open-ended from 2020 (no schedule history).
     */
    public static Context.Builder baseContext() {
        Context.Builder b = bareContext();
        LocalDate from = LocalDate.parse("2020-01-01");
        for (String mpan : List.of(MPAN_IMPORT_S1, MPAN_IMPORT_S2)) {
            b.appointment(new Appointment(mpan, Role.IS, PARTY.get(Role.IS), from, null));
            b.appointment(new Appointment(mpan, Role.MDR, PARTY.get(Role.MDR), from, null));
        }
        for (String mpan : List.of(MPAN_EXPORT_S1, MPAN_EXPORT_S2)) {
            b.appointment(new Appointment(mpan, Role.ES, PARTY.get(Role.ES), from, null));
            b.appointment(new Appointment(mpan, Role.MDR, PARTY.get(Role.MDR), from, null));
        }
        return b;
    }

    /** Users and devices only. */
    public static Context.Builder bareContext() {
        Context.Builder b = Context.builder();
        for (Role r : Role.values()) b.user(USER.get(r), r, PARTY.get(r));
        b.device(new Device(ESME_S1, "ESME", "Commissioned", 1, MPAN_IMPORT_S1, MPAN_EXPORT_S1));
        b.device(new Device(ESME_S2, "ESME", "Commissioned", 2, MPAN_IMPORT_S2, MPAN_EXPORT_S2));
        b.device(new Device(GSME_S1, "GSME", "Commissioned", 1, null, null));
        b.device(new Device(GSME_S2, "GSME", "Commissioned", 2, null, null));
        b.device(new Device(GPF_S2, "GPF", "Commissioned", 2, null, null));
        b.device(new Device(ESME_SUSPENDED, "ESME", "Suspended", 2, MPAN_IMPORT_S2, null));
        return b;
    }

    public static CoreValidator validator(Context ctx) {
        return CoreValidator.create(RULES, ctx);
    }

    /** Received at {@link #AT}, purpose BAU, schedule-first reported as a warning so that other rules show. */
    public static ValidationSettings settings() {
        return ValidationSettings.defaults().at(AT).h313a(Severity.WARNING);
    }
}
