package io.cdp.scoringapi.features;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code scoring.features.*}.
 *
 * @param cacheRefresh  after this age a cached card state is reloaded in the background while the cached one is
 *                      still served: lookups stay in memory, and state written by the stream transformer shows up
 *                      within about this delay; the reloads of cards due together share one BatchGetItem (a card
 *                      waits at most a quarter of this, at most 1 s, for others to join it)
 * @param cacheMaxStale older than this a cached state is not served: the request waits for the store
 * @param cacheMaxCards cards held in memory
 * @param updateOnScore write each scored transaction into the card's state (the local profile and tests, where no
 *                      stream transformer runs); in production the transformer owns the state and the API only reads
 */
@ConfigurationProperties("scoring.features")
public record FeatureStoreProperties(
        @DefaultValue("1s") Duration cacheRefresh,
        @DefaultValue("10s") Duration cacheMaxStale,
        @DefaultValue("100000") long cacheMaxCards,
        @DefaultValue("false") boolean updateOnScore) {}
