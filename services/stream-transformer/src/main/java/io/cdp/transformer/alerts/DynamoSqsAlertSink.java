package io.cdp.transformer.alerts;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Claims the transaction in the {@code alerts} table (conditional put keyed by transactionId), then sends to SQS
 * {@code cdp-fraud-alerts}, then marks the claim SENT. A redelivery finds the claim: SENT means nothing to do;
 * PENDING means the process died between claim and send, so it sends now. The only window for a second message
 * is a crash after the SQS send and before the mark; that message carries the same {@code alertId} and event id,
 * the dedup key of the alerting service.
 */
public final class DynamoSqsAlertSink implements AlertSink {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final EventCodec codec;
    private final String table;
    private final String queueUrl;
    private final Duration retention;
    private final Clock clock;

    public DynamoSqsAlertSink(
            DynamoDbClient dynamoDb,
            SqsClient sqs,
            EventCodec codec,
            String table,
            String queueName,
            Duration retention,
            Clock clock) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.codec = codec;
        this.table = table;
        this.queueUrl = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public boolean request(Envelope<FraudAlertRequestedV1> alert) {
        FraudAlertRequestedV1 p = alert.payload();
        Map<String, AttributeValue> key = Map.of("transactionId", AttributeValue.fromS(p.transactionId()));
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            "transactionId",
                            AttributeValue.fromS(p.transactionId()),
                            "alertId",
                            AttributeValue.fromS(p.alertId()),
                            "status",
                            AttributeValue.fromS(PENDING),
                            "score",
                            AttributeValue.fromN(Double.toString(p.score())),
                            "modelVersion",
                            AttributeValue.fromS(p.modelVersion()),
                            "requestedAt",
                            AttributeValue.fromS(p.requestedAt().toString()),
                            "expiresAt",
                            AttributeValue.fromN(Long.toString(
                                    clock.instant().plus(retention).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(transactionId)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            AttributeValue status = e.hasItem() ? e.item().get("status") : null;
            if (status == null) {
                status = dynamoDb.getItem(b -> b.tableName(table).key(key).consistentRead(true))
                        .item()
                        .get("status");
            }
            if (status != null && SENT.equals(status.s())) {
                return false;
            }
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl)
                .messageBody(new String(codec.encode(alert), StandardCharsets.UTF_8))
                .messageAttributes(Map.of(
                        "eventType",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(alert.eventType().wireName())
                                .build())));
        dynamoDb.updateItem(b -> b.tableName(table)
                .key(key)
                .updateExpression("SET #s = :sent")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(SENT))));
        return true;
    }
}
