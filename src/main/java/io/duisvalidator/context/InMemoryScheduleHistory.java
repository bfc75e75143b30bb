package io.duisvalidator.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ScheduleHistory} in memory, indexed by schedule id and by (User, device). Thread-safe. Forgotten when the
 * process stops: an adaptor that must remember failed schedules across a restart uses {@link JdbcScheduleHistory}.
 */
public final class InMemoryScheduleHistory implements ScheduleHistory, InMemory.Source {
    private final Map<String, Schedule> byId = new ConcurrentHashMap<>();
    private final Map<String, List<Schedule>> byUserDevice = new ConcurrentHashMap<>();
    private final Map<String, List<Execution>> executions = new ConcurrentHashMap<>();
    private final AtomicInteger executionCount = new AtomicInteger();

    /** An empty history. */
    public InMemoryScheduleHistory() {}

    private static String key(String userId, String deviceId) {
        return Checks.normaliseEui(userId) + "|" + Checks.normaliseEui(deviceId);
    }

    @Override
    public Optional<Schedule> schedule(String scheduleId) {
        return scheduleId == null ? Optional.empty() : Optional.ofNullable(byId.get(scheduleId));
    }

    @Override
    public List<Schedule> schedules(String userId, String deviceId, String srv) {
        return schedules(userId, deviceId).stream().filter(s -> s.srv().equals(srv)).toList();
    }

    @Override
    public List<Schedule> schedules(String userId, String deviceId) {
        if (userId == null || deviceId == null) return List.of();
        List<Schedule> l = byUserDevice.get(key(userId, deviceId));
        return l == null ? List.of() : l;
    }

    @Override
    public List<Execution> executions(String scheduleId) {
        List<Execution> l = scheduleId == null ? null : executions.get(scheduleId);
        return l == null ? List.of() : l;
    }

    @Override
    public java.util.Collection<Schedule> allSchedules() {
        return java.util.Collections.unmodifiableCollection(byId.values());
    }

    @Override
    public void record(Schedule s) {
        Schedule previous = byId.put(s.scheduleId(), s);
        byUserDevice.compute(key(s.userId(), s.deviceId()), (k, old) -> {
            List<Schedule> l = new ArrayList<>(old == null ? List.of() : old);
            if (previous != null) l.removeIf(x -> x.scheduleId().equals(s.scheduleId()));
            l.add(s);
            return List.copyOf(l);
        });
        if (previous != null && !key(previous.userId(), previous.deviceId()).equals(key(s.userId(), s.deviceId()))) {
            byUserDevice.computeIfPresent(key(previous.userId(), previous.deviceId()), (k, old) ->
                    old.stream().filter(x -> !x.scheduleId().equals(s.scheduleId())).toList());
        }
    }

    @Override
    public void record(Execution e) {
        executions.compute(e.scheduleId(), (k, old) -> {
            List<Execution> l = new ArrayList<>(old == null ? List.of() : old);
            boolean replaced = l.removeIf(x -> x.executionDate().equals(e.executionDate()));
            if (!replaced) executionCount.incrementAndGet();
            l.add(e);
            l.sort(Comparator.comparing(Execution::executionDate));
            return List.copyOf(l);
        });
    }

    @Override
    public int scheduleCount() { return byId.size(); }

    @Override
    public int executionCount() { return executionCount.get(); }
}
