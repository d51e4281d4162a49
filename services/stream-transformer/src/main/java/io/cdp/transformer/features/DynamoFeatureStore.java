package io.cdp.transformer.features;

import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The feature store in the DynamoDB {@code features} table, in the layout of {@link FeatureStoreItem} (libs/cdp-features,
 * which the scoring API reads with): key {@code entityKey}, TTL {@code expiresAt}. State
 * writes are {@link FeatureStoreDynamo#stateUpdate}s conditioned on {@code version}, so they neither lose a concurrent writer's events
 * nor clobber the profile attributes that customer and card events set on the same item. Reads are strongly
 * consistent: a reader right after a write (the scoring API, a retry after a lost race) must see it.
 */
public final class DynamoFeatureStore implements FeatureStore {

    static final String KEY = FeatureStoreItem.KEY;
    static final String VERSION = FeatureStoreItem.VERSION;
    static final String STATE = FeatureStoreItem.STATE;
    static final String EXPIRES_AT = FeatureStoreItem.EXPIRES_AT;
    static final String PROFILE_UPDATED_AT = FeatureStoreItem.PROFILE_UPDATED_AT;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    public DynamoFeatureStore(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<StoredEntity> get(String entityKey) {
        GetItemResponse response = dynamoDb.getItem(
                b -> b.tableName(table).consistentRead(true).key(Map.of(KEY, AttributeValue.fromS(entityKey))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entity(entityKey, response.item()));
    }

    /** {@code BatchGetItem}, 100 keys a request, strongly consistent; unprocessed keys are asked again. */
    @Override
    public Map<String, Optional<StoredEntity>> getAll(Collection<String> entityKeys) {
        Map<String, Optional<StoredEntity>> out = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(new java.util.LinkedHashSet<>(entityKeys));
        for (int from = 0; from < keys.size(); from += 100) {
            List<Map<String, AttributeValue>> pending = keys.subList(from, Math.min(keys.size(), from + 100)).stream()
                    .map(k -> Map.of(KEY, AttributeValue.fromS(k)))
                    .toList();
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    pause(round);
                }
                List<Map<String, AttributeValue>> ask = pending;
                BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(
                        table,
                        KeysAndAttributes.builder()
                                .keys(ask)
                                .consistentRead(true)
                                .build())));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    String key = item.get(KEY).s();
                    out.put(key, Optional.of(entity(key, item)));
                }
                KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
                pending = unprocessed == null || !unprocessed.hasKeys() ? List.of() : unprocessed.keys();
            }
        }
        for (String key : keys) {
            out.putIfAbsent(key, Optional.empty());
        }
        return out;
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(1000, 10L << Math.min(round, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading features", e);
        }
    }

    private static StoredEntity entity(String entityKey, Map<String, AttributeValue> item) {
        long version =
                item.containsKey(VERSION) ? Long.parseLong(item.get(VERSION).n()) : 0;
        byte[] state = item.containsKey(STATE) ? item.get(STATE).b().asByteArray() : new byte[0];
        Map<String, Object> attributes = new HashMap<>();
        item.forEach((name, value) -> {
            if (!name.equals(KEY) && !name.equals(VERSION) && !name.equals(STATE)) {
                if (value.s() != null) {
                    attributes.put(name, value.s());
                } else if (value.n() != null) {
                    attributes.put(name, Double.parseDouble(value.n()));
                }
            }
        });
        return new StoredEntity(entityKey, version, state, attributes);
    }

    @Override
    public boolean putState(StoredEntity next, long expectedVersion) {
        try {
            dynamoDb.updateItem(FeatureStoreDynamo.stateUpdate(
                    table,
                    next.entityKey(),
                    expectedVersion,
                    next.version(),
                    next.state(),
                    next.attributes(),
                    clock.instant()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void putProfile(String entityKey, Map<String, Object> attributes, long updatedAtMillis) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder update = new StringBuilder("SET #p = :p, #expiresAt = if_not_exists(#expiresAt, :expiresAt)");
        names.put("#p", PROFILE_UPDATED_AT);
        names.put("#expiresAt", EXPIRES_AT);
        values.put(":p", AttributeValue.fromN(Long.toString(updatedAtMillis)));
        values.put(":expiresAt", AttributeValue.fromN(Long.toString(FeatureStoreDynamo.expiresAt(clock.instant()))));
        int i = 0;
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            update.append(", #a").append(i).append(" = :a").append(i);
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, FeatureStoreDynamo.value(e.getValue()));
            i++;
        }
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of(KEY, AttributeValue.fromS(entityKey)))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_not_exists(#p) OR #p < :p")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // an equal or newer profile is already there: a redelivery or an out-of-order update, nothing to do
        }
    }
}
