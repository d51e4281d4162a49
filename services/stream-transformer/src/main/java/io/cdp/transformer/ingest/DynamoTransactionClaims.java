package io.cdp.transformer.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Claims in the {@code transaction-claims} table: a put keyed by transaction id, conditional on no claim or a claim
 * by the same position, so the first position wins once and its replays keep winning. Items expire after
 * {@code retention} (DynamoDB TTL on {@code expiresAt}): the horizon within which a producer duplicate is recognised.
 */
public final class DynamoTransactionClaims implements TransactionClaims {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    public DynamoTransactionClaims(DynamoDbClient dynamoDb, String table, Duration retention, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public boolean claim(String transactionId, String stream, String shardId, String sequenceNumber) {
        String position = stream + "/" + shardId + "/" + sequenceNumber;
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "transactionId", AttributeValue.fromS(transactionId),
                            "position", AttributeValue.fromS(position),
                            "expiresAt",
                                    AttributeValue.fromN(Long.toString(
                                            clock.instant().plus(retention).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(transactionId) OR #p = :p")
                    .expressionAttributeNames(Map.of("#p", "position"))
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(position))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
