package io.cdp.pii.crypto;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Wrapped data keys in the core-zone {@code pii-keys} table, one item per key reference:
 * {@code keyRef} (partition key), {@code wrappedKey} (bytes, absent once erased), {@code masterKeyId},
 * {@code createdAt}, {@code erasedAt}. Reads are strongly consistent so an erasure is seen at once.
 */
public final class DynamoDbDataKeyStore implements DataKeyStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbDataKeyStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<StoredKey> find(String keyRef) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b ->
                        b.tableName(table).consistentRead(true).key(Map.of("keyRef", AttributeValue.fromS(keyRef))))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean putIfAbsent(StoredKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("keyRef", AttributeValue.fromS(key.keyRef()));
        item.put("wrappedKey", AttributeValue.fromB(SdkBytes.fromByteArray(key.wrapped())));
        item.put("masterKeyId", AttributeValue.fromS(key.masterKeyId()));
        item.put("createdAt", AttributeValue.fromS(key.createdAt().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(keyRef)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean replaceWrapped(String keyRef, byte[] wrapped, String masterKeyId) {
        try {
            updateWrapped(keyRef, wrapped, masterKeyId);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void updateWrapped(String keyRef, byte[] wrapped, String masterKeyId) {
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(Map.of("keyRef", AttributeValue.fromS(keyRef)))
                .updateExpression("SET wrappedKey = :w, masterKeyId = :m, rewrappedAt = :t")
                // never bring an erased key back by rotating it, even when the erasure lands between scan and write
                .conditionExpression("attribute_exists(wrappedKey) AND attribute_not_exists(erasedAt)")
                .expressionAttributeValues(Map.of(
                        ":w",
                        AttributeValue.fromB(SdkBytes.fromByteArray(wrapped)),
                        ":m",
                        AttributeValue.fromS(masterKeyId),
                        ":t",
                        AttributeValue.fromS(Instant.now().toString()))));
    }

    @Override
    public void erase(String keyRef, Instant at) {
        // the item is overwritten whole and unconditionally: no attribute of the old key survives in the table, and
        // no concurrent write can make the erasure fail (creation and rotation are the conditional ones)
        dynamoDb.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "keyRef", AttributeValue.fromS(keyRef),
                        "masterKeyId", AttributeValue.fromS("-"),
                        "createdAt", AttributeValue.fromS(at.toString()),
                        "erasedAt", AttributeValue.fromS(at.toString()))));
    }

    @Override
    public void forEach(Consumer<StoredKey> action) {
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items()
                .forEach(item -> action.accept(fromItem(item)));
    }

    private static StoredKey fromItem(Map<String, AttributeValue> item) {
        AttributeValue wrapped = item.get("wrappedKey");
        AttributeValue erasedAt = item.get("erasedAt");
        return new StoredKey(
                item.get("keyRef").s(),
                wrapped == null ? new byte[0] : wrapped.b().asByteArray(),
                item.get("masterKeyId").s(),
                Instant.parse(item.get("createdAt").s()),
                erasedAt == null ? Optional.empty() : Optional.of(Instant.parse(erasedAt.s())));
    }
}
