package io.duisvalidator.context;

import java.util.Optional;

/**
 * The User registry: User ID to User Role and party. The validator asks it for the originator of each request, so an
 * adaptor can serve it from its own store (a lambda will do); {@link Context.Builder#user(User)} fills an in-memory
 * one, and so does {@link CsvContextLoader} from {@code users.csv}.
 *
 * <p>Implementations must be safe for concurrent calls. A call that throws, or does not answer within the context's
 * {@linkplain Context.Builder#lookupTimeout lookup timeout}, gives that request an ERROR decision ({@code DV-CONTEXT})
 * naming this source; the next request asks again.
 */
@FunctionalInterface
public interface UserRegistry {
    /**
     * Looks a User up.
     *
     * @param userId the originator's User ID, an EUI-64 in upper case
     * @return the User with that id, or empty when the registry has none (the request is then E1)
     */
    Optional<User> user(String userId);
}
