package io.cdp.pii.token;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;

/**
 * The versioned tokenization keys in the core-zone {@code token-keys} table: one item per version, holding only the
 * KMS ciphertext blob of a 256-bit data key from {@code GenerateDataKey} under the token wrapping key, with the version
 * bound in the encryption context (a blob copied to another version's item does not decrypt). A process loads the
 * table once, decrypts each live version with one KMS {@code Decrypt}, and tokenizes locally from then on.
 *
 * <p>Items: {@code version} (N, partition key), {@code wrappedKey} (B), {@code wrappingKeyId} (S), {@code createdAt}
 * (S). The newest version is current. {@link #rotate} adds a version; {@link #retire} deletes an old one, after which
 * its tokens can no longer be recomputed. Processes pick up a rotation when they next {@link #load} (at start-up).
 */
public final class TokenKeyStore {

    private static final Logger log = LoggerFactory.getLogger(TokenKeyStore.class);
    static final String CONTEXT_PURPOSE = "cdp-token-key";

    private final KmsClient kms;
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String wrappingKeyId;
    private final Clock clock;

    public TokenKeyStore(KmsClient kms, DynamoDbClient dynamoDb, String table, String wrappingKeyId, Clock clock) {
        this.kms = kms;
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.wrappingKeyId = wrappingKeyId;
        this.clock = clock;
    }

    /** Every live key, decrypted; creates version 1 when the table is empty (first start of an environment). */
    public TokenKeyring load() {
        Map<Integer, byte[]> wrapped = wrappedKeys();
        if (wrapped.isEmpty()) {
            create(1);
            wrapped = wrappedKeys();
        }
        Map<Integer, byte[]> keys = new HashMap<>();
        wrapped.forEach((version, blob) -> keys.put(version, unwrap(version, blob)));
        int current = keys.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        return new TokenKeyring(current, keys);
    }

    /** Adds the next version and returns its number; tokens made from now on (after a reload) carry it. */
    public int rotate() {
        for (; ; ) {
            int next = versions().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            if (create(next)) {
                log.info("token key version {} created in {}", next, table);
                return next;
            }
            // another process rotated at the same moment: take the number after theirs
        }
    }

    /** Deletes an old version's key: its tokens can no longer be recomputed, so joins through them end. */
    public void retire(int version) {
        List<Integer> versions = versions();
        int current = versions.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (version == current) {
            throw new IllegalArgumentException("cannot retire the current token key version " + version);
        }
        dynamoDb.deleteItem(
                b -> b.tableName(table).key(Map.of("version", AttributeValue.fromN(Integer.toString(version)))));
        log.info("token key version {} retired from {}", version, table);
    }

    /** Live versions, oldest first. */
    public List<Integer> versions() {
        return wrappedKeys().keySet().stream().sorted().toList();
    }

    private boolean create(int version) {
        var dataKey = kms.generateDataKey(
                b -> b.keyId(wrappingKeyId).keySpec(DataKeySpec.AES_256).encryptionContext(context(version)));
        Map<String, AttributeValue> item = Map.of(
                "version", AttributeValue.fromN(Integer.toString(version)),
                "wrappedKey", AttributeValue.fromB(dataKey.ciphertextBlob()),
                "wrappingKeyId", AttributeValue.fromS(dataKey.keyId()),
                "createdAt", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(version)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // another process created this version first; theirs is the one everybody uses
        }
    }

    private Map<Integer, byte[]> wrappedKeys() {
        Map<Integer, byte[]> out = new HashMap<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))
                .items()
                .forEach(item -> out.put(
                        Integer.parseInt(item.get("version").n()),
                        item.get("wrappedKey").b().asByteArray()));
        return out;
    }

    private byte[] unwrap(int version, byte[] blob) {
        return kms.decrypt(b -> b.ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(context(version)))
                .plaintext()
                .asByteArray();
    }

    static Map<String, String> context(int version) {
        return Map.of("purpose", CONTEXT_PURPOSE, "version", Integer.toString(version));
    }
}
