package io.duisvalidator.context;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registration Data indexed by MPAN, each MPAN's appointments sorted by Effective From. Immutable; an evaluation
 * takes only the appointments of the MPAN its request reads.
 */
public final class RegistrationData {
    private static final RegistrationData EMPTY = new RegistrationData(Map.of(), 0);
    private static final Comparator<Appointment> ORDER = Comparator.comparing(Appointment::effectiveFrom)
            .thenComparing(a -> a.role().name()).thenComparing(Appointment::partyId);

    private final Map<String, List<Appointment>> byMpan;
    private final int size;

    private RegistrationData(Map<String, List<Appointment>> byMpan, int size) {
        this.byMpan = byMpan;
        this.size = size;
    }

    public static RegistrationData empty() { return EMPTY; }

    /** Indexes the appointments given (any order). */
    public static RegistrationData of(Iterable<Appointment> appointments) {
        Map<String, List<Appointment>> m = new HashMap<>();
        int n = 0;
        for (Appointment a : appointments) {
            m.computeIfAbsent(a.mpan(), k -> new ArrayList<>(2)).add(a);
            n++;
        }
        for (Map.Entry<String, List<Appointment>> e : m.entrySet()) {
            List<Appointment> l = e.getValue();
            l.sort(ORDER);
            e.setValue(l.size() == 1 ? List.of(l.get(0)) : Collections.unmodifiableList(l));
        }
        return new RegistrationData(m, n);
    }

    /** Every appointment of the MPAN, sorted by Effective From; empty when none. */
    public List<Appointment> forMpan(String mpan) {
        if (mpan == null) return List.of();
        return byMpan.getOrDefault(mpan, List.of());
    }

    public int size() { return size; }

    /**
     * Pairs of appointments of two different parties in the same role for one MPAN that share a day: Registration
     * Data should never hold them (only one MDR, one Import and one Export Supplier at a time).
     */
    public List<String> overlaps() {
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
}
