package com.example.adaptor;

import io.duisvalidator.Decision;
import io.duisvalidator.ValidationSettings;
import io.duisvalidator.Validator;
import io.duisvalidator.context.Context;
import io.duisvalidator.context.ContextFormatException;
import io.duisvalidator.context.CsvContextLoader;
import io.duisvalidator.context.Execution;
import io.duisvalidator.context.JdbcScheduleHistory;
import io.duisvalidator.context.RegistrationData;
import io.duisvalidator.context.Schedule;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** An adaptor's gate for outgoing DUIS Service Requests: one validator, shared by every thread. */
public final class OutgoingRequests {
    private final Validator validator;
    private final JdbcScheduleHistory history;
    private final RegistrationData registration;

    /**
     * @param db         the adaptor's database: the schedule history lives there, and so does Registration Data
     * @param contextDir users.csv and inventory.csv, as exported every night
     */
    public OutgoingRequests(DataSource db, Path contextDir) throws ContextFormatException {
        history = JdbcScheduleHistory.open(db);               // creates or migrates its tables; refuses a damaged one
        registration = new RegistrationStore(db);             // asked for one MPAN at a time
        validator = Validator.builder().context(context(contextDir)).build();   // builds the rule base once
    }

    private Context context(Path contextDir) throws ContextFormatException {
        return CsvContextLoader.load(contextDir).toBuilder()
                .registration(registration)
                .schedules(history)
                .lookupTimeout(Duration.ofMillis(500))        // a store that hangs costs one request, not the service
                .build();
    }

    /** Judges a request before it is signed and sent; a rejected one goes back to its sender with the reasons. */
    public Decision check(byte[] request, Instant now) {
        return validator.validate(request, ValidationSettings.defaults().at(now));
    }

    /** The nightly export arrived: every request from now on sees the new Users and devices, none sees a mix. */
    public void refresh(Path contextDir) throws ContextFormatException {
        validator.replaceContext(context(contextDir));
    }

    /** The DCC confirmed a 5.1 Create Schedule. */
    public void scheduleConfirmed(Schedule schedule) {
        history.record(schedule);
    }

    /** A scheduled read came back (or failed): a FAILED or PARTIAL one may be retried on demand (SEC H3.13A). */
    public void executionReported(Execution execution) {
        history.record(execution);
    }
}
