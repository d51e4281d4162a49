package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
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

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
