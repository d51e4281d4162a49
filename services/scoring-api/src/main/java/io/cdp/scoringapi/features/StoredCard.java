package io.cdp.scoringapi.features;

import io.cdp.features.online.CardOnlineState;

/**
 * A card's state as read from the feature store, with the item version a conditional write must still find. The
 * state is shared through the cache: compute with {@code OnlineFeatures.compute}, which works on a copy.
 *
 * @param version 0 for a card the store has no state for (cold start)
 */
public record StoredCard(CardOnlineState state, long version) {

    public static StoredCard empty() {
        return new StoredCard(CardOnlineState.empty(), 0);
    }

    public boolean coldStart() {
        return state.isEmpty();
    }
}
