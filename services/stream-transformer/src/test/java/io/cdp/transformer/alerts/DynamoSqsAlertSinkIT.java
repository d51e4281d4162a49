package io.cdp.transformer.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Masked;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Table;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The alert sink against the emulator's DynamoDB and SQS, with the real clients; the DynamoDB client is wrapped only
 * to make "mark SENT" fail the way a throttled or timed-out call does, after the SQS send succeeded.
 */
@AwsEmulatorTest
class DynamoSqsAlertSinkIT {

    private static final EventCodec CODEC = new EventCodec();

    /** The real client, with its first {@code failures} UpdateItem calls failing before they reach DynamoDB. */
    private static DynamoDbClient failingMarks(DynamoDbClient real, int failures) {
        AtomicInteger left = new AtomicInteger(failures);
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && left.getAndDecrement() > 0) {
                        throw DynamoDbException.builder()
                                .message("ProvisionedThroughputExceeded (injected)")
                                .statusCode(400)
                                .build();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Envelope<FraudAlertRequestedV1> alert(TransactionRecordedV1 tx) {
        FraudAlertRequestedV1 payload = new FraudAlertRequestedV1(
                "alert-" + tx.transactionId(),
                tx.transactionId(),
                tx.customerToken(),
                tx.cardToken(),
                Masked.UNKNOWN,
                tx.amount(),
                tx.currency(),
                tx.merchantId(),
                tx.merchantCity(),
                tx.mcc(),
                tx.transactionTime(),
                0.97,
                "v1",
                List.of(),
                Instant.now());
        return Envelope.of("stream-transformer", tx.customerToken().value(), Instant.now(), payload);
    }

    private static List<TransactionRecordedV1> transactions(int n) {
        return SyntheticCardHistory.takeovers(3, 5, Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(1), 2, 0.3)
                .subList(0, n);
    }

    @Test
    void aMarkSentThatFailsTransientlyNeverSendsTheAlertTwice(AwsClients clients, CdpResources names) {
        try (PipelineFixture fixture = new PipelineFixture(clients, names)) {
            DynamoSqsAlertSink sink = new DynamoSqsAlertSink(
                    failingMarks(clients.dynamoDb(), 2),
                    clients.sqs(),
                    CODEC,
                    names.table(Table.ALERTS),
                    names.queue(Queue.FRAUD_ALERTS),
                    Duration.ofDays(1),
                    Clock.systemUTC());
            TransactionRecordedV1 tx = transactions(1).getFirst();

            assertThat(sink.request(alert(tx))).isTrue();
            assertThat(sink.request(alert(tx))).as("a redelivery finds it SENT").isFalse();

            assertThat(fixture.drain(Queue.FRAUD_ALERTS)).hasSize(1);
            assertThat(status(fixture, names, tx)).isEqualTo("SENT");
        }
    }

    @Test
    void aMarkSentThatKeepsFailingFailsTheCallAndItsRetryOnlyMarks(AwsClients clients, CdpResources names) {
        try (PipelineFixture fixture = new PipelineFixture(clients, names)) {
            DynamoSqsAlertSink sink = new DynamoSqsAlertSink(
                    failingMarks(clients.dynamoDb(), 4),
                    clients.sqs(),
                    CODEC,
                    names.table(Table.ALERTS),
                    names.queue(Queue.FRAUD_ALERTS),
                    Duration.ofDays(1),
                    Clock.systemUTC());
            TransactionRecordedV1 tx = transactions(2).getLast();

            assertThatThrownBy(() -> sink.request(alert(tx))).isInstanceOf(DynamoDbException.class);
            assertThat(status(fixture, names, tx)).isEqualTo("PENDING");
            // the batch is retried: the claim is PENDING, but this process sent it, so only the mark is retried
            sink.request(alert(tx));

            var messages = fixture.drain(Queue.FRAUD_ALERTS);
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().messageAttributes().get("alertId").stringValue())
                    .isEqualTo("alert-" + tx.transactionId());
            assertThat(status(fixture, names, tx)).isEqualTo("SENT");
        }
    }

    private static String status(PipelineFixture fixture, CdpResources names, TransactionRecordedV1 tx) {
        return fixture.dynamoDb
                .getItem(b -> b.tableName(names.table(Table.ALERTS))
                        .consistentRead(true)
                        .key(Map.of("transactionId", AttributeValue.fromS(tx.transactionId()))))
                .item()
                .get("status")
                .s();
    }
}
