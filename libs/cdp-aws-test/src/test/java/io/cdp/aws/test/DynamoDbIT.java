package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

@AwsEmulatorTest
class DynamoDbIT {

    private final DynamoDbClient dynamoDb;
    private final CdpResources names;

    DynamoDbIT(AwsClients clients, CdpResources names) {
        this.dynamoDb = clients.dynamoDb();
        this.names = names;
    }

    @Test
    void conditionalWriteAppliesAStateUpdateOnlyWhenTheSequenceAdvances() {
        String table = names.table(Table.FEATURES);
        Map<String, AttributeValue> key = Map.of("entityKey", s("card#crd_a"));
        put(table, key, 10, 1);

        // a replay of an older (or the same) sequence must not apply
        assertThatThrownBy(() -> put(table, key, 10, 2)).isInstanceOf(ConditionalCheckFailedException.class);
        put(table, key, 11, 2);

        var item = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item();
        assertThat(item.get("lastSeq").n()).isEqualTo("11");
        assertThat(item.get("count").n()).isEqualTo("2");
    }

    @Test
    void batchWriteStoresEveryItemAndLeavesNoneUnprocessed() {
        String table = names.table(Table.TRANSACTIONS);
        List<WriteRequest> writes = IntStream.range(0, 25)
                .mapToObj(i -> WriteRequest.builder()
                        .putRequest(PutRequest.builder()
                                .item(Map.of(
                                        "cardId",
                                        s("u1#c0"),
                                        "txKey",
                                        s("2019-01-01T00:00:%02dZ#%d".formatted(i, i)),
                                        "amount",
                                        AttributeValue.fromN("1" + i)))
                                .build())
                        .build())
                .toList();

        var response = dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));

        assertThat(response.unprocessedItems())
                .allSatisfy((t, w) -> assertThat(w).isEmpty());
        var page = dynamoDb.query(b -> b.tableName(table)
                .keyConditionExpression("cardId = :c")
                .expressionAttributeValues(Map.of(":c", s("u1#c0")))
                .scanIndexForward(false)
                .limit(3));
        assertThat(page.count()).isEqualTo(3);
        // sort key order is time order: the newest first when scanning backwards
        assertThat(page.items().getFirst().get("txKey").s()).startsWith("2019-01-01T00:00:24Z");
    }

    /**
     * The emulator ./cdp runs undoes a cancelled transaction item by item (tools/emulator/cdp_moto_server.py): what
     * the transaction wrote is taken back, and nothing else.
     */
    @Test
    void aCancelledTransactionLeavesEveryItemItNamedAsItWas() {
        String table = names.table(Table.TRANSACTIONS);
        Map<String, AttributeValue> existing = txKey("tx-a", "1");
        Map<String, AttributeValue> created = txKey("tx-a", "2");
        Map<String, AttributeValue> absent = txKey("tx-a", "3");
        dynamoDb.putItem(b -> b.tableName(table).item(with(existing, "amount", "1")));

        assertThatThrownBy(() -> dynamoDb.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table).item(with(created, "amount", "5")))
                                .build(),
                        TransactWriteItem.builder()
                                .update(u -> u.tableName(table)
                                        .key(existing)
                                        .updateExpression("SET amount = :a")
                                        .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("99"))))
                                .build(),
                        TransactWriteItem.builder()
                                .conditionCheck(c ->
                                        c.tableName(table).key(absent).conditionExpression("attribute_exists(cardId)"))
                                .build())))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(get(table, created)).isEmpty();
        assertThat(get(table, existing).get("amount").n()).isEqualTo("1");

        dynamoDb.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder()
                        .put(p -> p.tableName(table)
                                .item(with(created, "amount", "5"))
                                .conditionExpression("attribute_not_exists(cardId)"))
                        .build(),
                TransactWriteItem.builder()
                        .update(u -> u.tableName(table)
                                .key(existing)
                                .updateExpression("SET amount = :a")
                                .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("2"))))
                        .build()));
        assertThat(get(table, created).get("amount").n()).isEqualTo("5");
        assertThat(get(table, existing).get("amount").n()).isEqualTo("2");
    }

    /**
     * The undo takes back only what the cancelled transaction wrote: items other clients write to the same table while
     * transactions are cancelled are all kept (moto's own undo put a copy of the whole table back, docs/adr/0001).
     */
    @Test
    void writesOfOtherClientsSurviveCancelledTransactionsOnTheSameTable() {
        String table = names.table(Table.TRANSACTIONS);
        Map<String, AttributeValue> taken = txKey("tx-b", "taken");
        dynamoDb.putItem(b -> b.tableName(table).item(taken));
        AtomicBoolean stop = new AtomicBoolean();
        List<String> written = new ArrayList<>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get(); i++) {
                String k = "%06d".formatted(i);
                dynamoDb.putItem(b -> b.tableName(table).item(txKey("tx-b-writes", k)));
                written.add(k);
            }
        });
        int cancelled = 0;
        for (int i = 0; i < 150; i++) {
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName(table).item(taken).conditionExpression("attribute_not_exists(cardId)"))
                        .build()));
            } catch (TransactionCanceledException e) {
                cancelled++;
            }
        }
        stop.set(true);
        writer.join();

        assertThat(cancelled).isEqualTo(150);
        var found = dynamoDb
                .queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("cardId = :c")
                        .expressionAttributeValues(Map.of(":c", s("tx-b-writes"))))
                .items()
                .stream()
                .map(item -> item.get("txKey").s())
                .toList();
        assertThat(written).isNotEmpty();
        assertThat(found).containsExactlyInAnyOrderElementsOf(written);
    }

    /**
     * The emulator ./cdp runs answers a Query on a table's own key from the partition asked for instead of sorting the
     * whole table (tools/emulator/cdp_moto_server.py): each partition's items, in key order, across pages, both ways,
     * with key conditions, and nothing of the other partitions written between them.
     */
    @Test
    void aQueryReadsItsPartitionInKeyOrderAcrossPagesAndNothingElse() {
        String table = names.table(Table.TRANSACTIONS);
        List<String> cards = List.of("q-a", "q-b", "q-c");
        for (int batch = 0; batch < 6; batch++) {
            int first = batch * 20;
            // partitions interleaved, keys written out of order
            List<WriteRequest> writes = IntStream.range(first, first + 20)
                    .mapToObj(i -> WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(Map.of(
                                            "cardId",
                                            s(cards.get(i % 3)),
                                            "txKey",
                                            s("k%03d".formatted((i * 37) % 120)),
                                            "amount",
                                            AttributeValue.fromN(Integer.toString(i))))
                                    .build())
                            .build())
                    .toList();
            dynamoDb.batchWriteItem(b -> b.requestItems(Map.of(table, writes)));
        }
        List<String> expectedB = IntStream.range(0, 120)
                .filter(i -> i % 3 == 1)
                .mapToObj(i -> "k%03d".formatted((i * 37) % 120))
                .sorted()
                .toList();

        List<String> forward = dynamoDb
                .queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("cardId = :c")
                        .expressionAttributeValues(Map.of(":c", s("q-b")))
                        .limit(7))
                .items()
                .stream()
                .peek(i -> assertThat(i.get("cardId").s()).isEqualTo("q-b"))
                .map(i -> i.get("txKey").s())
                .toList();
        assertThat(forward).hasSize(40).containsExactlyElementsOf(expectedB);

        List<String> backward = dynamoDb
                .queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("cardId = :c AND begins_with(txKey, :p)")
                        .expressionAttributeValues(Map.of(":c", s("q-b"), ":p", s("k1")))
                        .scanIndexForward(false)
                        .limit(3))
                .items()
                .stream()
                .map(i -> i.get("txKey").s())
                .toList();
        assertThat(backward)
                .containsExactlyElementsOf(expectedB.stream()
                        .filter(k -> k.startsWith("k1"))
                        .sorted(java.util.Comparator.reverseOrder())
                        .toList());

        assertThat(dynamoDb.query(b -> b.tableName(table)
                                .keyConditionExpression("cardId = :c")
                                .expressionAttributeValues(Map.of(":c", s("q-none"))))
                        .items())
                .isEmpty();
        // a table with a hash key only: the one item of that key
        String features = names.table(Table.FEATURES);
        put(features, Map.of("entityKey", s("card#q-one")), 1, 7);
        put(features, Map.of("entityKey", s("card#q-two")), 1, 8);
        assertThat(dynamoDb.query(b -> b.tableName(features)
                                .keyConditionExpression("entityKey = :k")
                                .expressionAttributeValues(Map.of(":k", s("card#q-two"))))
                        .items())
                .singleElement()
                .satisfies(i -> assertThat(i.get("count").n()).isEqualTo("8"));
    }

    @Test
    void ttlAttributeIsEnabledOnTheFeatureStore() {
        var ttl = dynamoDb.describeTimeToLive(b -> b.tableName(names.table(Table.FEATURES)))
                .timeToLiveDescription();

        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo(Table.FEATURES.ttlAttribute());
    }

    private void put(String table, Map<String, AttributeValue> key, long seq, long count) {
        var item = new java.util.HashMap<>(key);
        item.put("lastSeq", AttributeValue.fromN(Long.toString(seq)));
        item.put("count", AttributeValue.fromN(Long.toString(count)));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000 + 86_400)));
        dynamoDb.putItem(b -> b.tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(entityKey) OR lastSeq < :seq")
                .expressionAttributeValues(Map.of(":seq", AttributeValue.fromN(Long.toString(seq)))));
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        return dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> txKey(String card, String txKey) {
        return Map.of("cardId", s(card), "txKey", s(txKey));
    }

    private static Map<String, AttributeValue> with(Map<String, AttributeValue> key, String name, String number) {
        var item = new java.util.HashMap<>(key);
        item.put(name, AttributeValue.fromN(number));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
