package io.cdp.features.online;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The feature-store item ({@link FeatureStoreItem}) as DynamoDB holds it, and the one conditional state write every
 * writer uses (the stream transformer; the scoring API's write-back mode; the benchmarks' seeding): state, version
 * and TTL set in one {@code UpdateItem} conditioned on the version the writer read, so a concurrent writer's events
 * are never lost and the profile attributes other events set on the same item survive.
 */
public final class FeatureStoreDynamo {

    /**
     * How long an item outlives its last write (the table's TTL attribute {@link FeatureStoreItem#EXPIRES_AT}): well
     * past the longest feature window (a week) and the label delay (a week), so a card seen again within a month is
     * never a cold start.
     */
    public static final Duration TIME_TO_LIVE = Duration.ofDays(30);

    private FeatureStoreDynamo() {}

    public static long expiresAt(Instant now) {
        return now.plus(TIME_TO_LIVE).getEpochSecond();
    }

    /**
     * {@code SET version, state, expiresAt, <attributes>} on {@code entityKey}, only if the stored version is still
     * {@code expectedVersion} (0: no state written yet). A {@code ConditionalCheckFailedException} means another
     * writer got there first: the caller reads again and recomputes.
     */
    public static UpdateItemRequest stateUpdate(
            String table,
            String entityKey,
            long expectedVersion,
            long nextVersion,
            byte[] state,
            Map<String, Object> attributes,
            Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder update = new StringBuilder("SET #version = :version, #state = :state, #expiresAt = :expiresAt");
        names.put("#version", FeatureStoreItem.VERSION);
        names.put("#state", FeatureStoreItem.STATE);
        names.put("#expiresAt", FeatureStoreItem.EXPIRES_AT);
        values.put(":version", AttributeValue.fromN(Long.toString(nextVersion)));
        values.put(":state", AttributeValue.fromB(SdkBytes.fromByteArray(state)));
        values.put(":expiresAt", AttributeValue.fromN(Long.toString(expiresAt(now))));
        int i = 0;
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            update.append(", #a").append(i).append(" = :a").append(i);
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, value(e.getValue()));
            i++;
        }
        String condition;
        if (expectedVersion == 0) {
            condition = "attribute_not_exists(#version)";
        } else {
            condition = "#version = :expected";
            values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        }
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(entityKey)))
                .updateExpression(update.toString())
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    /** A whole card item as the transformer leaves it: what benchmarks and tests seed a store with. */
    public static Map<String, AttributeValue> cardItem(
            String cardToken, CardOnlineState state, long version, String lastTxId, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(cardToken)));
        item.put(FeatureStoreItem.STATE, AttributeValue.fromB(SdkBytes.fromByteArray(state.toBytes())));
        item.put(FeatureStoreItem.VERSION, AttributeValue.fromN(Long.toString(version)));
        item.put(FeatureStoreItem.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt(now))));
        FeatureStoreItem.cardAttributes(state, lastTxId).forEach((name, v) -> item.put(name, value(v)));
        return item;
    }

    /** The card state an item holds; empty for an item with profile attributes only (a cold start). */
    public static Optional<CardOnlineState> cardState(Map<String, AttributeValue> item) {
        AttributeValue state = item.get(FeatureStoreItem.STATE);
        return state == null || state.b() == null
                ? Optional.empty()
                : Optional.of(CardOnlineState.fromBytes(state.b().asByteArrayUnsafe()));
    }

    /** The version a conditional write expects: 0 when no state was ever written. */
    public static long version(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(FeatureStoreItem.VERSION);
        return version == null || version.n() == null ? 0 : Long.parseLong(version.n());
    }

    /** A number as N (integral numbers without a fraction), anything else as S. */
    public static AttributeValue value(Object v) {
        if (v instanceof Number n) {
            return AttributeValue.fromN(
                    n instanceof Double || n instanceof Float
                            ? Double.toString(n.doubleValue())
                            : Long.toString(n.longValue()));
        }
        return AttributeValue.fromS(String.valueOf(v));
    }
}
