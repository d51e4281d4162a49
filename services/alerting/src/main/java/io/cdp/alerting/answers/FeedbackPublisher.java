package io.cdp.alerting.answers;

import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.events.Envelope;
import io.cdp.events.EventType;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Publishes {@code customer.feedback.received.v1} on {@code cdp.feedback}, partitioned by customer token. The event id
 * is derived from the alert id, so a retried answer publishes the same event and consumers drop the duplicate.
 */
public class FeedbackPublisher {

    private final KinesisPublisher kinesis;
    private final EventCodec codec;

    public FeedbackPublisher(KinesisPublisher kinesis, EventCodec codec) {
        this.kinesis = kinesis;
        this.codec = codec;
    }

    public Envelope<CustomerFeedbackReceivedV1> publish(CustomerFeedbackReceivedV1 feedback) {
        Envelope<CustomerFeedbackReceivedV1> envelope = new Envelope<>(
                UUID.nameUUIDFromBytes(("feedback:" + feedback.alertId()).getBytes(StandardCharsets.UTF_8)),
                EventType.CUSTOMER_FEEDBACK_RECEIVED_V1,
                feedback.receivedAt(),
                "alerting",
                feedback.customerToken().value(),
                null,
                feedback);
        kinesis.putAll(
                List.of(new KinesisPublisher.Record(feedback.customerToken().value(), codec.encode(envelope))));
        return envelope;
    }
}
