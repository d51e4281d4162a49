package io.cdp.alerting.delivery;

import io.cdp.alerting.compose.Composition;
import io.cdp.alerting.compose.TemplateComposer;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.events.Envelope;
import io.cdp.events.EventType;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.pii.Token;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Publishes {@code alert.dispatched.v1} on {@code cdp.feedback}, one per message handed to SES or SNS, partitioned by
 * customer token so it stays in order with the customer's answer to the same alert (the learning loop needs to know an
 * alert reached the customer to read a missing answer). The event id is derived from the alert id and the channel: a
 * repeated publication (a retry) carries the same id, and consumers drop it. Holds no personal data: ids, the token,
 * how the text was composed.
 */
public class DispatchEvents {

    public static final String PRODUCER = "alerting";

    private final KinesisPublisher kinesis;
    private final EventCodec codec;

    public DispatchEvents(KinesisPublisher kinesis, EventCodec codec) {
        this.kinesis = kinesis;
        this.codec = codec;
    }

    /** The event for one message handed over. */
    public static AlertDispatchedV1 sent(
            String alertId,
            String transactionId,
            Token customer,
            Composition composition,
            String providerMessageId,
            Instant sentAt) {
        boolean template = TemplateComposer.NAME.equals(composition.composer());
        return new AlertDispatchedV1(
                alertId,
                transactionId,
                customer,
                AlertDispatchedV1.NotificationChannel.valueOf(
                        composition.channel().name()),
                template ? AlertDispatchedV1.Composer.TEMPLATE : AlertDispatchedV1.Composer.BEDROCK,
                AlertDispatchedV1.Status.SENT,
                providerMessageId,
                null,
                sentAt,
                template ? TemplateComposer.NAME : composition.modelId(),
                composition.fallbackReason());
    }

    public static UUID eventId(AlertDispatchedV1 event) {
        return UUID.nameUUIDFromBytes(
                ("dispatched:" + event.alertId() + ":" + event.channel().name()).getBytes(StandardCharsets.UTF_8));
    }

    public void publish(List<AlertDispatchedV1> events) {
        if (events.isEmpty()) {
            return;
        }
        kinesis.putAll(events.stream()
                .map(e -> new KinesisPublisher.Record(
                        e.customerToken().value(),
                        codec.encode(new Envelope<>(
                                eventId(e),
                                EventType.ALERT_DISPATCHED_V1,
                                e.dispatchedAt(),
                                PRODUCER,
                                e.customerToken().value(),
                                null,
                                e))))
                .toList());
    }
}
