package io.cdp.alerting.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.alerting.compose.Composition;
import io.cdp.alerting.compose.MessageChannel;
import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.resources.CdpResources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The delivery record's conditional writes against the emulator: one claim per alert, a duplicate of a sent alert is
 * DONE, a live lease keeps a second consumer out, an expired or released one lets it in; the transformer's own claim
 * attributes are left as they were; answers are recorded once.
 */
@AwsEmulatorTest
class AlertStoreIT {

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    static Composition composition() {
        return new Composition(MessageChannel.SMS, null, "text", "template", null, 0, 0, 3, null);
    }

    @Test
    void claimLeaseSentAndAnswerAreEachConditional(AwsClients clients, CdpResources names) {
        DynamoDbClient dynamo = clients.dynamoDb();
        String table = names.table(CdpResources.Table.ALERTS);
        MovableClock clock = new MovableClock();
        AlertStore store = new AlertStore(dynamo, table, Duration.ofSeconds(30), Duration.ofDays(1), clock);
        String tx = "tx-" + UUID.randomUUID();
        String alertId = "alert-" + tx;
        // the transformer's claim, as DynamoSqsAlertSink writes it
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        "transactionId", AttributeValue.fromS(tx),
                        "alertId", AttributeValue.fromS(alertId),
                        "status", AttributeValue.fromS("SENT"))));

        assertThat(store.claim(alertId, tx, "cus_v1_x")).isEqualTo(AlertStore.Claim.CLAIMED);
        assertThat(store.claim(alertId, tx, "cus_v1_x")).isEqualTo(AlertStore.Claim.IN_PROGRESS);
        clock.now.set(clock.now.get().plusSeconds(31));
        assertThat(store.claim(alertId, tx, "cus_v1_x")).as("lease ran out").isEqualTo(AlertStore.Claim.CLAIMED);
        store.release(tx);
        assertThat(store.claim(alertId, tx, "cus_v1_x")).as("released").isEqualTo(AlertStore.Claim.CLAIMED);

        store.composed(tx, List.of(composition()));
        store.sent(alertId, tx, Map.of("SMS", "msg-" + tx));
        assertThat(store.claim(alertId, tx, "cus_v1_x")).isEqualTo(AlertStore.Claim.DONE);
        clock.now.set(clock.now.get().plusSeconds(3600));
        assertThat(store.claim(alertId, tx, "cus_v1_x")).as("sent stays sent").isEqualTo(AlertStore.Claim.DONE);

        AlertRecord byAlert = store.byAlertId(alertId).orElseThrow();
        assertThat(byAlert.state()).isEqualTo(AlertState.SENT);
        assertThat(store.byMessageId("msg-" + tx).orElseThrow().transactionId()).isEqualTo(tx);
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                        .key(Map.of("transactionId", AttributeValue.fromS(tx)))
                        .consistentRead(true))
                .item();
        assertThat(item.get("status").s()).as("the transformer's mark").isEqualTo("SENT");
        assertThat(item.get("deliveryCompositions").l())
                .singleElement()
                .satisfies(c -> assertThat(c.m().get("text").s())
                        .as("the text as composed, for the console's examples")
                        .isEqualTo("text"));

        assertThat(store.answer(tx, AlertState.DENIED, "SMS")).isEqualTo(AlertStore.AnswerOutcome.RECORDED);
        assertThat(store.answer(tx, AlertState.DENIED, "SMS")).isEqualTo(AlertStore.AnswerOutcome.ALREADY_RECORDED);
        assertThat(store.answer(tx, AlertState.CONFIRMED, "PUSH")).isEqualTo(AlertStore.AnswerOutcome.CONFLICT);
        assertThat(store.byTransaction(tx).orElseThrow().state()).isEqualTo(AlertState.DENIED);
    }
}
