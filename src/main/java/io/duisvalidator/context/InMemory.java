package io.duisvalidator.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory sources that {@link Context.Builder} fills from rows (and {@link CsvContextLoader} from files). */
final class InMemory {
    private InMemory() {}

    /** A source held in memory: it answers at once, so it is called without a lookup timeout. */
    interface Source {}

    /** Rows by id. Immutable. */
    abstract static class ById<T> implements Source {
        private final Map<String, T> byId;

        ById(Map<String, T> byId) { this.byId = Map.copyOf(byId); }

        final Optional<T> find(String id) { return Optional.ofNullable(byId.get(id)); }

        final Map<String, T> rows() { return byId; }
    }

    /** Users by User ID. */
    static final class Users extends ById<User> implements UserRegistry {
        Users(Map<String, User> byId) { super(byId); }

        @Override
        public Optional<User> user(String userId) { return find(userId); }
    }

    /** Devices by Device ID. */
    static final class Devices extends ById<Device> implements DeviceInventory {
        Devices(Map<String, Device> byId) { super(byId); }

        @Override
        public Optional<Device> device(String deviceId) { return find(deviceId); }
    }

    /**
     * Registration Data indexed by MPAN, each MPAN's appointments sorted by Effective From. Immutable; an evaluation
     * takes only the appointments of the MPAN its request reads.
     */
    static final class Registration implements RegistrationData, Source {
        static final Registration EMPTY = new Registration(Map.of(), 0);

        private final Map<String, List<Appointment>> byMpan;
        private final int size;

        private Registration(Map<String, List<Appointment>> byMpan, int size) {
            this.byMpan = byMpan;
            this.size = size;
        }

        /** Indexes the appointments given (any order). */
        static Registration of(Iterable<Appointment> appointments) {
            Map<String, List<Appointment>> m = new HashMap<>();
            int n = 0;
            for (Appointment a : appointments) {
                m.computeIfAbsent(a.mpan(), k -> new ArrayList<>(2)).add(a);
                n++;
            }
            for (Map.Entry<String, List<Appointment>> e : m.entrySet()) {
                List<Appointment> l = e.getValue();
                l.sort(Context.APPOINTMENT_ORDER);
                e.setValue(l.size() == 1 ? List.of(l.get(0)) : Collections.unmodifiableList(l));
            }
            return new Registration(m, n);
        }

        @Override
        public List<Appointment> appointments(String mpan) {
            if (mpan == null) return List.of();
            return byMpan.getOrDefault(mpan, List.of());
        }

        List<Appointment> rows() {
            List<Appointment> all = new ArrayList<>(size);
            byMpan.values().forEach(all::addAll);
            return all;
        }

        /**
         * Pairs of appointments of two different parties in the same role for one MPAN that share a day: Registration
         * Data should never hold them (only one MDR, one Import and one Export Supplier at a time).
         */
        List<String> overlaps() {
            List<String> out = new ArrayList<>();
            for (List<Appointment> l : byMpan.values()) {
                for (int i = 0; i < l.size(); i++) {
                    for (int j = i + 1; j < l.size(); j++) {
                        Appointment a = l.get(i);
                        Appointment b = l.get(j);
                        if (b.effectiveFrom().isAfter(a.effectiveTo() == null ? b.effectiveFrom() : a.effectiveTo())) break;
                        if (a.role() == b.role() && !a.partyId().equals(b.partyId()) && a.overlaps(b)) {
                            out.add("overlapping " + a.role() + " appointments for MPAN " + a.mpan() + ": " + a + " and " + b);
                        }
                    }
                }
            }
            Collections.sort(out);
            return out;
        }

        static boolean sorted(List<Appointment> l) {
            Comparator<Appointment> c = Context.APPOINTMENT_ORDER;
            for (int i = 1; i < l.size(); i++) if (c.compare(l.get(i - 1), l.get(i)) > 0) return false;
            return true;
        }
    }
}
