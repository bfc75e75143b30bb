package io.duisvalidator.context;

import java.util.Objects;

/** A DCC User ID with the one User Role it was issued for and the party (Market Participant Id) that holds it. */
public record User(String userId, Role role, String partyId) {
    public User {
        userId = Identifiers.normaliseEui(Objects.requireNonNull(userId, "userId"));
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(partyId, "partyId");
    }
}
