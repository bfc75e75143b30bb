package io.duisvalidator.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the validator knows besides the message: the User registry, the device inventory, Registration Data and the
 * schedule history. Each is a source the validator asks for the rows one request touches: in memory (rows added to
 * the {@link Builder}, or {@link CsvContextLoader}), or the adaptor's own store behind {@link UserRegistry},
 * {@link DeviceInventory}, {@link RegistrationData} and {@link ScheduleHistory}. Each part can be empty.
 *
 * <p>A context is immutable (its sources may be live stores) and safe to share between threads. A validator judges
 * each request against the one context it held when the request came in, so replacing a validator's context
 * ({@code Validator.replaceContext}) never mixes two contexts in one decision.
 *
 * <p>The lookup methods ({@link #user}, {@link #device}, {@link #appointments} and the reads of {@link #schedules()})
 * throw {@link ContextLookupException} naming the source when it fails or, with a {@linkplain Builder#lookupTimeout
 * lookup timeout}, does not answer in time.
 */
public final class Context {
    private static final Context EMPTY = builder().build();
    /** Order of one MPAN's appointments as the rules read them: Effective From, then role, then party. */
    static final Comparator<Appointment> APPOINTMENT_ORDER = Comparator.comparing(Appointment::effectiveFrom)
            .thenComparing(a -> a.role().name()).thenComparing(Appointment::partyId);

    static final String USERS = "User registry";
    static final String DEVICES = "device inventory";
    static final String REGISTRATION = "Registration Data";
    static final String HISTORY = "schedule history";

    private final UserRegistry users;
    private final DeviceInventory devices;
    private final RegistrationData registration;
    private final ScheduleHistory schedules;
    private final ScheduleHistory checkedSchedules;
    private final Duration lookupTimeout;
    private final List<String> givenWarnings;
    private final List<String> warnings;

    private Context(Builder b) {
        this.users = b.userSource != null ? b.userSource : new InMemory.Users(b.users);
        this.devices = b.deviceSource != null ? b.deviceSource : new InMemory.Devices(b.devices);
        List<String> w = new ArrayList<>(b.warnings);
        if (b.registration != null) {
            this.registration = b.registration;
        } else {
            InMemory.Registration r = b.appointments.isEmpty() ? InMemory.Registration.EMPTY
                    : InMemory.Registration.of(b.appointments);
            w.addAll(r.overlaps());
            this.registration = r;
        }
        this.schedules = b.schedules;
        this.lookupTimeout = b.lookupTimeout;
        this.checkedSchedules = schedules == null || schedules instanceof InMemory.Source ? schedules
                : new CheckedScheduleHistory(schedules, this);
        this.givenWarnings = List.copyOf(b.warnings);
        this.warnings = List.copyOf(w);
    }

    /**
     * The context with nothing in it: every User is unknown (E1), every device unknown (E19).
     *
     * @return the empty context
     */
    public static Context empty() { return EMPTY; }

    /**
     * A builder for a context.
     *
     * @return an empty builder
     */
    public static Builder builder() { return new Builder(); }

    /**
     * A builder holding this context's sources, lookup timeout and warnings, to build a context that differs in some
     * of them (e.g. fresh Registration Data, the same schedule history).
     *
     * @return a builder that builds a copy of this context until changed
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        if (users instanceof InMemory.Users u) b.users.putAll(u.rows()); else b.userSource = users;
        if (devices instanceof InMemory.Devices d) b.devices.putAll(d.rows()); else b.deviceSource = devices;
        if (registration instanceof InMemory.Registration r) b.appointments.addAll(r.rows()); else b.registration = registration;
        b.schedules = schedules;
        b.lookupTimeout = lookupTimeout;
        b.warnings.addAll(givenWarnings);
        return b;
    }

    /**
     * Looks up a User in the User registry.
     *
     * @param userId a User ID (EUI-64, either case), or null
     * @return the User, or empty when unknown or {@code userId} is null
     * @throws ContextLookupException when the registry fails, answers another User or does not answer in time
     */
    public Optional<User> user(String userId) {
        if (userId == null) return Optional.empty();
        String id = Checks.normaliseEui(userId);
        if (users instanceof InMemory.Users m) return m.user(id);
        return one(USERS, users, "User ID ", id, () -> users.user(id), User::userId, "User ");
    }

    /**
     * Looks up a device in the device inventory.
     *
     * @param deviceId a Device ID (EUI-64, either case), or null
     * @return the device, or empty when unknown or {@code deviceId} is null
     * @throws ContextLookupException when the inventory fails, answers another device or does not answer in time
     */
    public Optional<Device> device(String deviceId) {
        if (deviceId == null) return Optional.empty();
        String id = Checks.normaliseEui(deviceId);
        if (devices instanceof InMemory.Devices m) return m.device(id);
        return one(DEVICES, devices, "Device ID ", id, () -> devices.device(id), Device::deviceId, "device ");
    }

    /** One row by id from a source not in memory: its answer must be an Optional of that id's row. */
    private <T> Optional<T> one(String source, Object impl, String keyKind, String id, Supplier<Optional<T>> call,
                                java.util.function.Function<T, String> idOf, String noun) {
        Optional<T> found = lookup(source, impl, keyKind, id, call);
        if (found == null) throw wrong(source, impl, keyKind + id, "null instead of an Optional");
        if (found.isPresent() && !idOf.apply(found.get()).equals(id)) {
            throw wrong(source, impl, keyKind + id, noun + idOf.apply(found.get()));
        }
        return found;
    }

    /**
     * The Registration Data of one MPAN.
     *
     * @param mpan an MPAN core, or null
     * @return its IS, ES and MDR appointments sorted by Effective From (then role, then party); empty when none or
     *         {@code mpan} is null
     * @throws ContextLookupException when Registration Data fails, answers an appointment of another MPAN or does
     *                                not answer in time
     */
    public List<Appointment> appointments(String mpan) {
        if (mpan == null) return List.of();
        if (registration instanceof InMemory.Registration m) return m.appointments(mpan);
        List<Appointment> l = lookup(REGISTRATION, registration, "MPAN ", mpan, () -> registration.appointments(mpan));
        if (l == null) throw wrong(REGISTRATION, registration, "MPAN " + mpan, "null instead of a list");
        for (Appointment a : l) {
            if (a == null || !a.mpan().equals(mpan)) {
                throw wrong(REGISTRATION, registration, "MPAN " + mpan, a == null ? "a null appointment" : "an appointment of MPAN " + a.mpan());
            }
        }
        if (InMemory.Registration.sorted(l)) return List.copyOf(l);
        List<Appointment> sorted = new ArrayList<>(l);
        sorted.sort(APPOINTMENT_ORDER);
        return List.copyOf(sorted);
    }

    /**
     * The schedule history, when one was supplied; empty when the caller supplied none (the rules then say what
     * they could not check). Its reads throw {@link ContextLookupException} naming the history when it fails.
     *
     * @return the history (the one to record into), or empty
     */
    public Optional<ScheduleHistory> schedules() { return Optional.ofNullable(checkedSchedules); }

    /**
     * The User registry as supplied (or the in-memory one built from rows).
     *
     * @return the source, never null
     */
    public UserRegistry users() { return users; }

    /**
     * The device inventory as supplied (or the in-memory one built from rows).
     *
     * @return the source, never null
     */
    public DeviceInventory devices() { return devices; }

    /**
     * Registration Data as supplied (or the in-memory one built from rows).
     *
     * @return the source, never null
     */
    public RegistrationData registration() { return registration; }

    /**
     * How long a lookup of a source that is not in memory may take.
     *
     * @return the timeout, or empty when lookups run on the caller's thread without one
     */
    public Optional<Duration> lookupTimeout() { return Optional.ofNullable(lookupTimeout); }

    /**
     * Things found while loading that are legitimate but worth a look (repeated rows, overlapping appointments).
     *
     * @return the warnings, in the order found
     */
    public List<String> warnings() { return warnings; }

    /**
     * Calls a source that is not in memory, naming it in the exception when it fails; with the lookup timeout when
     * set. The key is {@code keyKind + key}, put together only on failure.
     */
    <T> T lookup(String source, Object impl, String keyKind, String key, Supplier<T> call) {
        if (lookupTimeout == null) {
            try {
                return call.get();
            } catch (ContextLookupException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ContextLookupException(source, describe(source, impl, keyKind + key) + " failed: " + e, e);
            }
        }
        return LookupThreads.call(call, lookupTimeout, () -> describe(source, impl, keyKind + key), source);
    }

    static String describe(String source, Object impl, String key) {
        return source + " (" + impl.getClass().getName() + ") lookup of " + key;
    }

    private static ContextLookupException wrong(String source, Object impl, String key, String answer) {
        return new ContextLookupException(source, describe(source, impl, key) + " answered " + answer, null);
    }

    /**
     * Builds a {@link Context}. Each part is given either row by row (an in-memory source) or as a source of the
     * adaptor's own: a source replaces the rows given before it, and no row can be added after it. Not thread-safe;
     * the context it builds is.
     */
    public static final class Builder {
        private final Map<String, User> users = new HashMap<>();
        private final Map<String, Device> devices = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<Appointment> appointments = new ArrayList<>();
        private UserRegistry userSource;
        private DeviceInventory deviceSource;
        private RegistrationData registration;
        private ScheduleHistory schedules;
        private Duration lookupTimeout;

        private Builder() {}

        /**
         * Adds a User to the in-memory User registry (replacing one with the same id).
         *
         * @param u the User
         * @return this builder
         * @throws IllegalStateException when Users come from a {@link UserRegistry} given to this builder
         */
        public Builder user(User u) {
            if (userSource != null) throw rowForSource("users", "UserRegistry");
            users.put(u.userId(), u);
            return this;
        }

        /**
         * Adds a User to the in-memory User registry.
         *
         * @param userId  the User ID (EUI-64)
         * @param role    its User Role
         * @param partyId the party that holds it
         * @return this builder
         * @throws IllegalArgumentException when a value is malformed (see {@link User})
         */
        public Builder user(String userId, Role role, String partyId) { return user(new User(userId, role, partyId)); }

        /**
         * Adds a device to the in-memory device inventory (replacing one with the same id).
         *
         * @param d the device
         * @return this builder
         * @throws IllegalStateException when devices come from a {@link DeviceInventory} given to this builder
         */
        public Builder device(Device d) {
            if (deviceSource != null) throw rowForSource("devices", "DeviceInventory");
            devices.put(d.deviceId(), d);
            return this;
        }

        /**
         * Adds an appointment to the in-memory Registration Data. Overlapping appointments of two parties in one
         * role become {@linkplain Context#warnings() warnings}.
         *
         * @param a the appointment
         * @return this builder
         * @throws IllegalStateException when Registration Data comes from a {@link RegistrationData} given to this
         *                               builder
         */
        public Builder appointment(Appointment a) {
            if (registration != null) throw rowForSource("appointments", "RegistrationData");
            appointments.add(Objects.requireNonNull(a, "appointment"));
            return this;
        }

        private static IllegalStateException rowForSource(String rows, String source) {
            return new IllegalStateException("this builder's " + rows + " come from a " + source + ": a row cannot be added");
        }

        /**
         * Serves Users from the adaptor's own registry; Users added row by row so far are dropped.
         *
         * @param source the registry
         * @return this builder
         */
        public Builder users(UserRegistry source) {
            userSource = Objects.requireNonNull(source, "source");
            users.clear();
            return this;
        }

        /**
         * Serves devices from the adaptor's own inventory; devices added row by row so far are dropped.
         *
         * @param source the inventory
         * @return this builder
         */
        public Builder devices(DeviceInventory source) {
            deviceSource = Objects.requireNonNull(source, "source");
            devices.clear();
            return this;
        }

        /**
         * Serves Registration Data from the adaptor's own store (asked one MPAN at a time); appointments added row by
         * row so far are dropped.
         *
         * @param source the store
         * @return this builder
         */
        public Builder registration(RegistrationData source) {
            registration = Objects.requireNonNull(source, "source");
            appointments.clear();
            return this;
        }

        /**
         * The schedule history to read (and that the adaptor keeps recording into as the DCC confirms schedules and
         * executions), e.g. an {@link InMemoryScheduleHistory} or a {@link JdbcScheduleHistory}.
         *
         * @param h the history, or null for none
         * @return this builder
         */
        public Builder schedules(ScheduleHistory h) { schedules = h; return this; }

        /**
         * Bounds how long the validator waits for a source that is not in memory (an adaptor's registry, inventory,
         * Registration Data or history): a lookup that takes longer gives its request an ERROR decision naming the
         * source. With a timeout such lookups run on a small pool of daemon threads of the library (so a
         * thread-bound transaction of the caller is not seen by the source); without one (the default) they run on
         * the caller's thread and the source must bound its own waits (e.g. a JDBC query timeout).
         *
         * @param timeout the longest wait, positive; null for none
         * @return this builder
         */
        public Builder lookupTimeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("lookupTimeout must be positive: " + timeout);
            }
            lookupTimeout = timeout;
            return this;
        }

        /**
         * Adds a warning that {@link Context#warnings()} reports (loaders use it for legitimate oddities).
         *
         * @param w the warning
         * @return this builder
         */
        public Builder warning(String w) { warnings.add(w); return this; }

        /**
         * Builds the context.
         *
         * @return an immutable context
         */
        public Context build() { return new Context(this); }
    }

    /** A history whose reads name it when they fail (and keep to the context's lookup timeout). */
    private static final class CheckedScheduleHistory implements ScheduleHistory {
        private final ScheduleHistory h;
        private final Context ctx;

        CheckedScheduleHistory(ScheduleHistory h, Context ctx) {
            this.h = h;
            this.ctx = ctx;
        }

        private <T> T read(String keyKind, String key, Supplier<T> call) {
            T t = ctx.lookup(HISTORY, h, keyKind, key, call);
            if (t == null) throw wrong(HISTORY, h, keyKind + key, "null");
            return t;
        }

        @Override
        public Optional<Schedule> schedule(String scheduleId) {
            return read("schedule ", scheduleId, () -> h.schedule(scheduleId));
        }

        @Override
        public List<Schedule> schedules(String userId, String deviceId, String srv) {
            return read("the schedules of User ", userId + " for device " + deviceId + " and SRV " + srv,
                    () -> h.schedules(userId, deviceId, srv));
        }

        @Override
        public List<Schedule> schedules(String userId, String deviceId) {
            return read("the schedules of User ", userId + " for device " + deviceId, () -> h.schedules(userId, deviceId));
        }

        @Override
        public List<Execution> executions(String scheduleId) {
            return read("the executions of schedule ", scheduleId, () -> h.executions(scheduleId));
        }

        @Override
        public Collection<Schedule> allSchedules() { return read("every schedule", "", h::allSchedules); }

        @Override
        public void record(Schedule schedule) { h.record(schedule); }

        @Override
        public void record(Execution execution) { h.record(execution); }

        @Override
        public int scheduleCount() { return read("the schedule count", "", h::scheduleCount); }

        @Override
        public int executionCount() { return read("the execution count", "", h::executionCount); }

        @Override
        public String toString() { return h.toString(); }
    }
}
