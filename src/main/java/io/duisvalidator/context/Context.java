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
    private final List<String> warnings;

    private Context(Builder b) {
        this.users = Map.copyOf(b.users);
        this.devices = Map.copyOf(b.devices);
        this.warnings = List.copyOf(b.warnings);
    }

    public static Context empty() { return EMPTY; }

    public static Builder builder() { return new Builder(); }

    public Optional<User> user(String userId) {
        return userId == null ? Optional.empty() : Optional.ofNullable(users.get(Identifiers.normaliseEui(userId)));
    }

    public Optional<Device> device(String deviceId) {
        return deviceId == null ? Optional.empty() : Optional.ofNullable(devices.get(Identifiers.normaliseEui(deviceId)));
    }

    public Collection<User> users() { return users.values(); }

    public Collection<Device> devices() { return devices.values(); }

    /** Things found while loading that are legitimate but worth a look (e.g. overlapping appointments). */
    public List<String> warnings() { return warnings; }

    public static final class Builder {
        private final Map<String, User> users = new HashMap<>();
        private final Map<String, Device> devices = new HashMap<>();
        private final List<String> warnings = new java.util.ArrayList<>();

        public Builder user(User u) { users.put(u.userId(), u); return this; }

        public Builder user(String userId, Role role, String partyId) { return user(new User(userId, role, partyId)); }

        public Builder device(Device d) { devices.put(d.deviceId(), d); return this; }

        public Builder warning(String w) { warnings.add(w); return this; }

        public boolean hasUser(String userId) { return users.containsKey(Identifiers.normaliseEui(userId)); }

        public boolean hasDevice(String deviceId) { return devices.containsKey(Identifiers.normaliseEui(deviceId)); }

        public Context build() { return new Context(this); }
    }
}
