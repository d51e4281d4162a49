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
 *                      stream transformer runs); in production the transformer owns the state and the API only reads.
 *                      The write is off the request path ({@link CardStateWriteBack}):
 * @param writeBackThreads      concurrent state writes to the store (a card has at most one in flight)
 * @param writeBackMaxUnsaved   scored transactions waiting to be stored above which requests get 503 (the store does
 *                              not keep up)
 * @param writeBackDrainTimeout how long shutdown waits for the last state writes
 * @param readTimeout   one attempt of a feature-store read on the request path; a second attempt follows a timeout,
 *                      so a lookup waits at most about twice this
 * @param maxConnections connections to the feature store (request-path reads, refresher and write-back share them)
 */
@ConfigurationProperties("scoring.features")
public record FeatureStoreProperties(
        @DefaultValue("1s") Duration cacheRefresh,
        @DefaultValue("10s") Duration cacheMaxStale,
        @DefaultValue("100000") long cacheMaxCards,
        @DefaultValue("false") boolean updateOnScore,
        @DefaultValue("8") int writeBackThreads,
        @DefaultValue("100000") int writeBackMaxUnsaved,
        @DefaultValue("30s") Duration writeBackDrainTimeout,
        @DefaultValue("500ms") Duration readTimeout,
        @DefaultValue("128") int maxConnections) {}
