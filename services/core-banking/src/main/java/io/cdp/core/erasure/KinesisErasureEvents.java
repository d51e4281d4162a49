package io.cdp.core.erasure;

import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.events.Envelope;
import io.cdp.events.EventType;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CustomerErasedV1;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * {@code customer.erased.v1} on {@code cdp.core.customers}, keyed by the customer token like the customer's other
 * events (so it follows them on their shard). One event id per token: a retried erasure publishes a duplicate that
 * consumers recognise.
 */
public final class KinesisErasureEvents implements CustomerErasure.ErasureEvents {

    static final String PRODUCER = "core-banking";

    private final KinesisPublisher customers;
    private final EventCodec codec;

    public KinesisErasureEvents(KinesisClient kinesis, CdpResources names, EventCodec codec) {
        this.customers = new KinesisPublisher(kinesis, names.stream(Stream.CORE_CUSTOMERS));
        this.codec = codec;
    }

    @Override
    public void erased(Token customerToken, Instant erasedAt) {
        UUID eventId = UUID.nameUUIDFromBytes((EventType.CUSTOMER_ERASED_V1.wireName() + "|" + customerToken.value())
                .getBytes(StandardCharsets.UTF_8));
        Envelope<CustomerErasedV1> envelope = new Envelope<>(
                eventId,
                EventType.CUSTOMER_ERASED_V1,
                erasedAt,
                PRODUCER,
                customerToken.value(),
                null,
                new CustomerErasedV1(customerToken, erasedAt));
        customers.putAll(List.of(new KinesisPublisher.Record(customerToken.value(), codec.encode(envelope))));
    }
}
