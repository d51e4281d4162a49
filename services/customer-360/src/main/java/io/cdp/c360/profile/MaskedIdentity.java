package io.cdp.c360.profile;

import io.cdp.events.payload.CustomerUpsertedV1;

/** What core-banking streams about who the customer is: initials, bands, state and zip3; never the values. */
public record MaskedIdentity(
        String initials,
        String ageBand,
        String incomeBand,
        String ficoBand,
        String zip3,
        String homeState,
        int numCards) {

    public static MaskedIdentity of(CustomerUpsertedV1 e) {
        return new MaskedIdentity(
                e.nameInitials().value(),
                e.ageBand().value(),
                e.incomeBand().value(),
                e.ficoBand().value(),
                e.zip3().value(),
                e.homeState(),
                e.numCards());
    }
}
