package io.cdp.scoringapi.features;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Card states from the DynamoDB feature store behind an in-process cache, in the item layout of libs/cdp-features
 * ({@link FeatureStoreItem}, state bytes {@link CardOnlineState}): the item the stream transformer writes. A cached
 * state older than the refresh interval is served while a background reload replaces it, so a hot card never waits
 * for DynamoDB; past the maximum staleness it is not served at all. A card without state is a cold start, cached like
 * any other. {@link #save} (local profile and tests only) writes the same attributes the transformer writes, with the
 * same {@code UpdateItem} conditioned on {@code version}, so profile attributes on the item survive it.
 */
public final class FeatureStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final FeatureStoreProperties properties;
    private final Clock clock;
    private final LoadingCache<String, StoredCard> cache;

    public FeatureStore(DynamoDbClient dynamoDb, String table, FeatureStoreProperties properties, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.properties = properties;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheMaxCards())
                .refreshAfterWrite(properties.cacheRefresh().toNanos(), TimeUnit.NANOSECONDS)
                .expireAfterWrite(properties.cacheMaxStale().toNanos(), TimeUnit.NANOSECONDS)
                .recordStats()
                .build(this::load);
    }

    /** The card's state as cached (at most the refresh interval old while the card is busy). */
    public StoredCard get(String cardToken) {
        return cache.get(cardToken);
    }

    /** The card's state as stored now, bypassing the cache (after a lost conditional write). */
    public StoredCard reload(String cardToken) {
        StoredCard card = load(cardToken);
        cache.put(cardToken, card);
        return card;
    }

    /**
     * Writes {@code next} (computed from {@code read}) if the stored version is still {@code read.version()}.
     *
     * @param lastTxId id of the newest transaction in {@code next}
     * @return false when another writer got there first; the caller reloads and recomputes
     */
    public boolean save(String cardToken, StoredCard read, CardOnlineState next, String lastTxId) {
        long version = read.version() + 1;
        Map<String, AttributeValue> set = stateAttributes(next, version, lastTxId,
                clock.instant().plus(properties.stateTtl()).getEpochSecond());
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder update = new StringBuilder("SET ");
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : set.entrySet()) {
            update.append(i == 0 ? "" : ", ").append("#a").append(i).append(" = :a").append(i);
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            i++;
        }
        names.put("#version", FeatureStoreItem.VERSION);
        String condition;
        if (read.version() == 0) {
            condition = "attribute_not_exists(#version)";
        } else {
            condition = "#version = :expected";
            values.put(":expected", AttributeValue.fromN(Long.toString(read.version())));
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(cardToken))))
                    .updateExpression(update.toString()).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            cache.invalidate(cardToken);
            return false;
        }
        cache.put(cardToken, new StoredCard(next, version));
        return true;
    }

    /** Share of lookups answered from memory since start. */
    public double hitRate() {
        return cache.stats().hitRate();
    }

    private StoredCard load(String cardToken) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(cardToken)))));
        return response.hasItem() ? read(response.item()) : StoredCard.empty();
    }

    /**
     * A card item as stored. An item without state (only profile attributes so far) is a cold start; a state in
     * another format is refused rather than misread.
     */
    public static StoredCard read(Map<String, AttributeValue> item) {
        AttributeValue state = item.get(FeatureStoreItem.STATE);
        if (state == null || state.b() == null) {
            return StoredCard.empty();
        }
        AttributeValue version = item.get(FeatureStoreItem.VERSION);
        return new StoredCard(CardOnlineState.fromBytes(state.b().asByteArrayUnsafe()),
                version == null ? 0 : Long.parseLong(version.n()));
    }

    /**
     * The attributes a card's state write sets ({@link FeatureStoreItem}): state, version, expiry and the readable
     * values beside the state; with the key added, a complete item (bench seeding).
     */
    public static Map<String, AttributeValue> stateAttributes(CardOnlineState state, long version, String lastTxId,
                                                             long expiresAtEpochSeconds) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(FeatureStoreItem.STATE, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(state.toBytes())));
        item.put(FeatureStoreItem.VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put(FeatureStoreItem.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAtEpochSeconds)));
        FeatureStoreItem.cardAttributes(state, lastTxId).forEach((name, value) -> item.put(name, value instanceof Number n
                ? AttributeValue.fromN(n.toString()) : AttributeValue.fromS(value.toString())));
        return item;
    }
}
