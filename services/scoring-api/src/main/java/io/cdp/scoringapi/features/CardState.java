package io.cdp.scoringapi.features;

import io.cdp.features.tabformer.CardHistoryState;
import io.cdp.features.velocity.CardVelocityState;
import io.cdp.features.window.EventWindow;

/**
 * A card's online state as stored in the feature store: the velocity window and the TabFormer history, with the
 * item version used for optimistic concurrency. Immutable: the cache shares one instance between threads, and
 * every computation works on fresh copies ({@link #velocity()}, {@link #history()}).
 *
 * @param version 0 for a card the store has never seen (cold start)
 */
public record CardState(EventWindow.Snapshot velocitySnapshot, CardHistoryState.Snapshot historySnapshot,
                        long version) {

    /** Allowed lateness of the velocity window: events older than the card's newest by more are not merged. */
    public static final long ALLOWED_LATENESS_MILLIS = 10 * 60_000L;

    public static CardState empty() {
        return new CardState(new CardVelocityState(ALLOWED_LATENESS_MILLIS).window().snapshot(),
                new CardHistoryState().snapshot(), 0);
    }

    public boolean coldStart() {
        return !velocitySnapshot.anyApplied() && !historySnapshot.anyApplied();
    }

    public CardVelocityState velocity() {
        return new CardVelocityState(EventWindow.fromSnapshot(velocitySnapshot));
    }

    public CardHistoryState history() {
        return CardHistoryState.fromSnapshot(historySnapshot);
    }
}
