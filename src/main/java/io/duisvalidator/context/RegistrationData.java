package io.duisvalidator.context;

import java.util.List;

/**
 * Registration Data: the IS, ES and MDR appointments of an MPAN. The validator asks for the appointments of one MPAN
 * per request (the one the request's data belongs to), so a store of millions of MPANs is never loaded whole: an
 * adaptor serves it from its own store (a lambda will do). {@link Context.Builder#appointment(Appointment)} fills an
 * in-memory one, and so does {@link CsvContextLoader} from {@code registration.csv}.
 *
 * <p>Implementations must be safe for concurrent calls. A call that throws, or does not answer within the context's
 * {@linkplain Context.Builder#lookupTimeout lookup timeout}, gives that request an ERROR decision ({@code DV-CONTEXT})
 * naming this source; the next request asks again. An answer holding an appointment of another MPAN is refused the
 * same way.
 */
@FunctionalInterface
public interface RegistrationData {
    /**
     * The appointments of one MPAN.
     *
     * @param mpan an MPAN core (13 digits)
     * @return every IS, ES and MDR appointment of that MPAN, past, present and future, in any order; empty when none
     */
    List<Appointment> appointments(String mpan);
}
