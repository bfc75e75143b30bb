package io.duisvalidator.spark;

import io.duisvalidator.context.Appointment;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.Device;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.InMemoryScheduleHistory;
import io.duisvalidator.context.Role;
import io.duisvalidator.context.Schedule;
import io.duisvalidator.context.User;
import org.apache.spark.sql.Row;

import java.time.LocalDate;
import java.util.List;

/**
 * The one place that turns the context rows joined to a message (its User, its device, the appointments of the MPAN
 * it touches, the schedules of its requester for its device and the schedule it names) into the library's context
 * types, so that the message is judged through the same {@link Context} interfaces as in the CLI, with exactly those
 * rows. When the library offers cheaper per-message look-ups (issue 13), only this class changes.
 */
final class SliceContext {
    private SliceContext() {}

    /**
     * @param slice   a row with the struct columns {@code user}, {@code device}, {@code appointments},
     *                {@code history} and {@code byId} (see {@link ContextTables})
     * @param history whether the run's context supplies a schedule history at all
     */
    static Context of(Row slice, boolean history) {
        Context.Builder b = Context.builder();
        Row u = slice.getAs("user");
        if (u != null) b.user(new User(u.getString(0), Role.valueOf(u.getString(1)), u.getString(2)));
        Row d = slice.getAs("device");
        if (d != null) {
            b.device(new Device(d.getString(0), d.getString(1), d.getString(2), Integer.parseInt(d.getString(3)),
                    d.getString(4), d.getString(5)));
        }
        List<Row> appointments = slice.getList(slice.fieldIndex("appointments"));
        if (appointments != null && !appointments.isEmpty()) {
            for (Row a : appointments) {
                b.appointment(new Appointment(a.getString(0), Role.valueOf(a.getString(1)), a.getString(2), date(a.getString(3)),
                        date(a.getString(4)), a.getString(5)));
            }
        }
        if (history) {
            InMemoryScheduleHistory h = new InMemoryScheduleHistory();
            List<Row> schedules = slice.getList(slice.fieldIndex("history"));
            if (schedules != null) schedules.forEach(s -> record(h, s));
            Row byId = slice.getAs("byId");
            if (byId != null) record(h, byId);
            b.schedules(h);
        }
        return b.build();
    }

    /** Records one schedule struct (with its executions) into a history. */
    static void record(InMemoryScheduleHistory h, Row s) {
        h.record(new Schedule(s.getString(0), s.getString(1), s.getString(2), s.getString(3), s.getString(4),
                date(s.getString(5)), date(s.getString(6))));
        List<Row> executions = s.getList(7);
        if (executions == null) return;
        for (Row e : executions) {
            h.record(new Execution(s.getString(0), date(e.getString(0)), Execution.Result.valueOf(e.getString(1))));
        }
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }
}
