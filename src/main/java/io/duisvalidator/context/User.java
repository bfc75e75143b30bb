package io.duisvalidator.context;

import java.util.Objects;

/**
 * A DCC User ID with the one User Role it was issued for and the party (Market Participant Id) that holds it.
 * Checked when built, with the rules and words of the CSV loader ({@code users.csv}).
 *
 * @param userId  the User ID, an EUI-64 (8 hyphenated hex pairs, either case; held in upper case)
 * @param role    the User Role the ID was issued for
 * @param partyId the party (Market Participant Id) that holds the ID: not blank, no control character
 */
public record User(String userId, Role role, String partyId) {
    /**
     * Checks and normalises the components.
     *
     * @param userId  the User ID, an EUI-64 (8 hyphenated hex pairs, either case; held in upper case)
     * @param role    the User Role the ID was issued for
     * @param partyId the party (Market Participant Id) that holds the ID: not blank, no control character
     * @throws IllegalArgumentException when a value is malformed, naming the component
     * @throws NullPointerException     when {@code role} is null
     */
    public User {
        userId = Checks.eui64("userId", userId);
        Objects.requireNonNull(role, "role");
        partyId = Checks.required("partyId", partyId);
    }
}
