package io.duisvalidator.context;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the validator knows besides the message: Users, the device inventory, Registration Data and schedule history.
 * Immutable once built and safe to share between threads. Each part can be empty.
 */
public final class Context {
    private static final Context EMPTY = builder().build();

    private final Map<String, User> users;
    private final Map<String, Device> devices;
    private final RegistrationData registration;
    private final ScheduleHistory schedules;
    private final List<String> warnings;

    private Context(Builder b) {
        this.users = Map.copyOf(b.users);
        this.devices = Map.copyOf(b.devices);
        this.registration = b.registration == null ? RegistrationData.of(b.appointments) : b.registration;
        this.schedules = b.schedules;
        List<String> w = new java.util.ArrayList<>(b.warnings);
        if (b.registration == null) w.addAll(registration.overlaps());
        this.warnings = List.copyOf(w);
    }

    public static Context empty() { return EMPTY; }

    public static Builder builder() { return new Builder(); }

    public Optional<User> user(String userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(users.get(Identifiers.normaliseEui(userId)));
    }

    public Optional<Device> device(String deviceId) {
        return deviceId == null ? Optional.empty() : Optional.ofNullable(devices.get(Identifiers.normaliseEui(deviceId)));
    }

    /** Registration Data: IS, ES and MDR appointments per MPAN. */
    public RegistrationData registration() { return registration; }

    /** Schedule history, when supplied; empty when the caller supplied none (rules then say what they could not check). */
    public Optional<ScheduleHistory> schedules() { return Optional.ofNullable(schedules); }

    public Collection<User> users() { return users.values(); }

    public Collection<Device> devices() { return devices.values(); }

    /** Things found while loading that are legitimate but worth a look (e.g. overlapping appointments). */
    public List<String> warnings() { return warnings; }

    public static final class Builder {
        private final Map<String, User> users = new HashMap<>();
        private final Map<String, Device> devices = new HashMap<>();
        private final List<String> warnings = new java.util.ArrayList<>();
        private final List<Appointment> appointments = new java.util.ArrayList<>();
        private RegistrationData registration;
        private ScheduleHistory schedules;

        public Builder user(User u) { users.put(u.userId(), u); return this; }

        public Builder user(String userId, Role role, String partyId) { return user(new User(userId, role, partyId)); }

        public Builder device(Device d) { devices.put(d.deviceId(), d); return this; }

        public Builder appointment(Appointment a) { appointments.add(a); return this; }

        /** Registration Data already indexed (replaces appointments added one by one). */
        public Builder registration(RegistrationData r) { registration = r; return this; }

        /** The schedule history store to read (and that an adaptor keeps recording into). */
        public Builder schedules(ScheduleHistory h) { schedules = h; return this; }

        public Builder warning(String w) { warnings.add(w); return this; }

        public boolean hasUser(String userId) { return users.containsKey(Identifiers.normaliseEui(userId)); }

        public boolean hasDevice(String deviceId) { return devices.containsKey(Identifiers.normaliseEui(deviceId)); }

        public Context build() { return new Context(this); }
    }
}
