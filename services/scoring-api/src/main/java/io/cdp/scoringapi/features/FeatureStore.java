package io.cdp.scoringapi.features;

import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Card states from the DynamoDB feature store behind an in-process cache, in the item layout of libs/cdp-features
 * ({@link FeatureStoreItem}, state bytes {@link CardOnlineState}): the item the stream transformer writes. A cached
 * state older than the refresh interval is served while a background reload replaces it, so a hot card never waits
 * for DynamoDB; past the maximum staleness it is not served at all. A card without state is a cold start, cached like
 * any other. Reloads are coalesced ({@link CardStateCache}): one thread sends one strongly consistent
 * {@code BatchGetItem} for up to 100 cards due, instead of one {@code GetItem} per card on the common pool. {@link #save}
 * and {@link #write} (the write-back of the local profile, {@link CardStateWriteBack}) write the same attributes the
 * transformer writes, with the same {@code UpdateItem} conditioned on {@code version}, so profile attributes on the
 * item survive it.
 */
public final class FeatureStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeatureStore.class);
    /** Only what a reader needs: the state's bytes, the version a conditional write expects, and the key to match. */
    private static final String PROJECTION = "#k, #s, #v";

    private static final Map<String, String> PROJECTION_NAMES =
            Map.of("#k", FeatureStoreItem.KEY, "#s", FeatureStoreItem.STATE, "#v", FeatureStoreItem.VERSION);
    private static final int MAX_UNPROCESSED_ROUNDS = 3;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final FeatureStoreProperties properties;
    private final Clock clock;
    private final CardStateCache cache;
    private final Thread refresher;
    private final Timer readTimer;
    private volatile boolean closed;

    public FeatureStore(DynamoDbClient dynamoDb, String table, FeatureStoreProperties properties, Clock clock) {
        this(dynamoDb, table, properties, clock, new SimpleMeterRegistry());
    }

    /**
     * @param meters gets {@code cdp.scoring.card_state.lookups} (tag {@code source}: {@code memory}, {@code store}),
     *               what the cache answered, and {@code cdp.scoring.card_state.read}, the time of each single-card
     *               store read (the miss path), with its median and 99th percentile
     */
    public FeatureStore(
            DynamoDbClient dynamoDb,
            String table,
            FeatureStoreProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.properties = properties;
        this.clock = clock;
        this.refresher =
                Thread.ofPlatform().name("card-state-refresher").daemon().unstarted(this::refreshLoop);
        this.cache = new CardStateCache(
                new CardStateCache.CardLoader() {
                    @Override
                    public StoredCard load(String cardToken) {
                        return FeatureStore.this.load(cardToken);
                    }

                    @Override
                    public Map<String, StoredCard> loadAll(List<String> cardTokens) {
                        return FeatureStore.this.loadAll(cardTokens);
                    }
                },
                properties.cacheRefresh(),
                properties.cacheMaxStale(),
                properties.cacheMaxCards(),
                System::nanoTime,
                () -> LockSupport.unpark(refresher));
        refresher.start();
        this.readTimer = Timer.builder("cdp.scoring.card_state.read")
                .description("single-card feature-store reads on the request path (cold or too-stale cards)")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        FunctionCounter.builder(
                        "cdp.scoring.card_state.lookups", cache, c -> c.stats().hits())
                .description("card-state lookups, by where the answer came from")
                .tag("source", "memory")
                .register(meters);
        FunctionCounter.builder(
                        "cdp.scoring.card_state.lookups", cache, c -> c.stats().loads())
                .description("card-state lookups, by where the answer came from")
                .tag("source", "store")
                .register(meters);
    }

    /** The card's state as cached (at most the refresh interval old while the card is busy). */
    public StoredCard get(String cardToken) {
        return cache.get(cardToken);
    }

    /** The card's state as stored now, bypassing the cache (after a lost conditional write). */
    public StoredCard reload(String cardToken) {
        return cache.reload(cardToken);
    }

    /**
     * Writes {@code next} if the stored version is still {@code expectedVersion}; the stored version becomes one more.
     * The cache is left as it is: the caller says what it stored ({@link #stored}) once nothing newer waits.
     *
     * @param lastTxId id of the newest transaction in {@code next}
     * @return false when another writer got there first; the caller reloads and recomputes
     */
    public boolean write(String cardToken, long expectedVersion, CardOnlineState next, String lastTxId) {
        try {
            dynamoDb.updateItem(FeatureStoreDynamo.stateUpdate(
                    table,
                    FeatureStoreItem.cardKey(cardToken),
                    expectedVersion,
                    expectedVersion + 1,
                    next.toBytes(),
                    FeatureStoreItem.cardAttributes(next, lastTxId),
                    clock.instant()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            cache.invalidate(cardToken);
            return false;
        }
    }

    /** Writes {@code next} (computed from {@code read}) and caches it; see {@link #write}. */
    public boolean save(String cardToken, StoredCard read, CardOnlineState next, String lastTxId) {
        if (!write(cardToken, read.version(), next, lastTxId)) {
            return false;
        }
        stored(cardToken, new StoredCard(next, read.version() + 1));
        return true;
    }

    /** A state this process has just stored: served from memory from now on. */
    public void stored(String cardToken, StoredCard card) {
        cache.put(cardToken, card);
    }

    /** The write-back's view of this store: reads through the cache, conditional writes, the cache told of them. */
    public CardStateWriteBack.Backend writeBackend() {
        return new CardStateWriteBack.Backend() {
            @Override
            public StoredCard read(String cardToken) {
                return get(cardToken);
            }

            @Override
            public StoredCard reload(String cardToken) {
                return FeatureStore.this.reload(cardToken);
            }

            @Override
            public boolean write(String cardToken, long expectedVersion, CardOnlineState state, String lastTxId) {
                return FeatureStore.this.write(cardToken, expectedVersion, state, lastTxId);
            }

            @Override
            public void stored(String cardToken, StoredCard card) {
                FeatureStore.this.stored(cardToken, card);
            }
        };
    }

    /** Share of lookups answered from memory since start. */
    public double hitRate() {
        return cache.stats().hitRate();
    }

    /** Stops the refresher; lookups still work, reading the store once a state is past its refresh interval. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(refresher);
        CardStateCache.Stats stats = cache.stats();
        log.info(
                "card-state cache: {} lookups from memory, {} single reads (cold, too stale, lost write), {} bulk "
                        + "reloads for {} cards",
                stats.hits(),
                stats.loads(),
                stats.bulkReads(),
                stats.reloaded());
    }

    private void refreshLoop() {
        boolean failing = false;
        while (!closed) {
            long wait = cache.nanosUntilNextBatch();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : wait);
                continue;
            }
            try {
                cache.refreshDue();
                if (failing) {
                    log.info("card-state reloads from {} work again", table);
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn(
                            "card-state reloads from {} fail ({}); cached states are served until {} old, then read "
                                    + "on the request",
                            table,
                            e.getClass().getSimpleName(),
                            properties.cacheMaxStale());
                    failing = true;
                }
                LockSupport.parkNanos(this, cache.windowNanos());
            }
        }
    }

    private StoredCard load(String cardToken) {
        long started = System.nanoTime();
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table)
                .consistentRead(true)
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(PROJECTION_NAMES)
                .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(cardToken)))));
        readTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return response.hasItem() ? read(response.item()) : StoredCard.empty();
    }

    /**
     * One strongly consistent {@code BatchGetItem} for up to 100 cards; unprocessed keys are asked again a few times,
     * and those still unread are left out of the answer (their cached states stay until the next reload). A card the
     * store has no item for is a cold start.
     */
    private Map<String, StoredCard> loadAll(List<String> cardTokens) {
        Map<String, String> tokenByKey = HashMap.newHashMap(cardTokens.size());
        List<Map<String, AttributeValue>> keys = new ArrayList<>(cardTokens.size());
        for (String token : cardTokens) {
            String key = FeatureStoreItem.cardKey(token);
            tokenByKey.put(key, token);
            keys.add(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(key)));
        }
        Map<String, StoredCard> read = HashMap.newHashMap(cardTokens.size());
        Map<String, KeysAndAttributes> request = Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(keys)
                        .consistentRead(true)
                        .projectionExpression(PROJECTION)
                        .expressionAttributeNames(PROJECTION_NAMES)
                        .build());
        Set<String> unread = new HashSet<>(tokenByKey.keySet());
        for (int round = 0; round < MAX_UNPROCESSED_ROUNDS && !request.isEmpty(); round++) {
            BatchGetItemResponse response = dynamoDb.batchGetItem(
                    BatchGetItemRequest.builder().requestItems(request).build());
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                String key = item.get(FeatureStoreItem.KEY).s();
                read.put(tokenByKey.get(key), read(item));
                unread.remove(key);
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        Set<String> stillUnprocessed = new HashSet<>();
        request.values()
                .forEach(k -> k.keys()
                        .forEach(key -> stillUnprocessed.add(
                                key.get(FeatureStoreItem.KEY).s())));
        for (String key : unread) {
            if (!stillUnprocessed.contains(key)) {
                read.put(tokenByKey.get(key), StoredCard.empty());
            }
        }
        return read;
    }

    /**
     * A card item as stored. An item without state (only profile attributes so far) is a cold start; a state in
     * another format is refused rather than misread.
     */
    static StoredCard read(Map<String, AttributeValue> item) {
        return FeatureStoreDynamo.cardState(item)
                .map(state -> new StoredCard(state, FeatureStoreDynamo.version(item)))
                .orElseGet(StoredCard::empty);
    }
}
