package io.cdp.scoringapi.features;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Card states from the DynamoDB feature store behind an in-process cache. A cached state older than the refresh
 * interval is served while a background reload replaces it, so a hot card never waits for DynamoDB; past the
 * maximum staleness it is not served at all. A card without an item is a cold start, cached like any other.
 */
public final class FeatureStore {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final FeatureStoreProperties properties;
    private final LoadingCache<String, CardState> cache;

    public FeatureStore(DynamoDbClient dynamoDb, String table, FeatureStoreProperties properties) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.properties = properties;
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.cacheMaxCards())
                .refreshAfterWrite(properties.cacheRefresh().toNanos(), TimeUnit.NANOSECONDS)
                .expireAfterWrite(properties.cacheMaxStale().toNanos(), TimeUnit.NANOSECONDS)
                .recordStats()
                .build(this::load);
    }

    /** The card's state as cached (at most the refresh interval old while the card is busy). */
    public CardState get(String cardToken) {
        return cache.get(cardToken);
    }

    /** The card's state as stored now, bypassing the cache (after a lost conditional write). */
    public CardState reload(String cardToken) {
        CardState state = load(cardToken);
        cache.put(cardToken, state);
        return state;
    }

    /**
     * Writes {@code next} if the stored version is still the one {@code next} was computed from.
     *
     * @return false when another writer got there first; the caller reloads and recomputes
     */
    public boolean save(String cardToken, CardState next) {
        long expected = next.version() - 1;
        Map<String, AttributeValue> item = CardStateItem.toItem(cardToken, next, Instant.now(),
                properties.stateTtl().toSeconds());
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (expected == 0) {
            put.conditionExpression("attribute_not_exists(entityKey)");
        } else {
            put.conditionExpression("stateVersion = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expected))));
        }
        try {
            dynamoDb.putItem(put.build());
        } catch (ConditionalCheckFailedException e) {
            cache.invalidate(cardToken);
            return false;
        }
        cache.put(cardToken, next);
        return true;
    }

    /** Share of lookups answered from memory since start. */
    public double hitRate() {
        return cache.stats().hitRate();
    }

    private CardState load(String cardToken) {
        GetItemResponse response = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("entityKey", AttributeValue.fromS(CardStateItem.key(cardToken)))).build());
        return response.hasItem() && !response.item().isEmpty() ? CardStateItem.fromItem(response.item()) : CardState.empty();
    }
}
