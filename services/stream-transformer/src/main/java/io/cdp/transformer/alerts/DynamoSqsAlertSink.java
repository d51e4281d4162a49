package io.cdp.transformer.alerts;

import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Claims the transaction in the {@code alerts} table (conditional put keyed by transactionId), then sends to SQS
 * {@code cdp-fraud-alerts}, then marks the claim SENT. A redelivery finds the claim: SENT means nothing to do;
 * PENDING means the process died between claim and send, so it sends now.
 *
 * <p>A failure to mark SENT after the send succeeded never sends again: the mark is retried on its own (a few
 * attempts with backoff), and if it still fails the alert id stays in this process's memory as sent-not-marked, so the
 * retried batch only retries the mark. The one window left for a second message is a process killed after the send
 * and before the mark; that message carries the same {@code alertId} and event id (both derived from the transaction
 * id), the alerting service's dedup key, and the message attribute {@code alertId} says so without parsing the body.
 */
public final class DynamoSqsAlertSink implements AlertSink {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    private static final int MARK_ATTEMPTS = 4;
    private static final long MARK_BACKOFF_MILLIS = 50;

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final EventCodec codec;
    private final String table;
    private final String queueUrl;
    private final Duration retention;
    private final Clock clock;
    /** Alert ids sent whose SENT mark has not been stored yet: a retry must mark them, never send again. */
    private final Set<String> sentNotMarked = ConcurrentHashMap.newKeySet();

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
            if (sentNotMarked.contains(p.alertId())) {
                markSent(key, p.alertId());
                return true;
            }
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
                                .build(),
                        "alertId",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(p.alertId())
                                .build())));
        sentNotMarked.add(p.alertId());
        markSent(key, p.alertId());
        return true;
    }

    private void markSent(Map<String, AttributeValue> key, String alertId) {
        long wait = MARK_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.updateItem(b -> b.tableName(table)
                        .key(key)
                        .updateExpression("SET #s = :sent")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(SENT))));
                sentNotMarked.remove(alertId);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MARK_ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait *= 2;
            }
        }
    }
}
