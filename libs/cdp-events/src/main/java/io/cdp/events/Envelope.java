package io.cdp.events;

import io.cdp.events.payload.EventPayload;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every record on a CDP stream or queue. Type and version travel inside the envelope because the Kinesis
 * binder drops headers; {@link #traceparent()} carries the W3C trace context across hops.
 */
public record Envelope<P extends EventPayload>(
        UUID eventId,
        EventType eventType,
        Instant occurredAt,
        String producer,
        String partitionKey,
        @Nullable String traceparent,
        P payload) {

    public Envelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(payload, "payload");
        if (!eventType.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException("payload " + payload.getClass().getSimpleName()
                    + " does not belong to event type " + eventType.wireName());
        }
    }

    /** A new envelope with a random event id, the type derived from the payload. */
    public static <P extends EventPayload> Envelope<P> of(
            String producer, String partitionKey, Instant occurredAt, P payload) {
        return new Envelope<>(
                UUID.randomUUID(), EventType.of(payload), occurredAt, producer, partitionKey, null, payload);
    }

    public Envelope<P> withTraceparent(@Nullable String traceparent) {
        return new Envelope<>(eventId, eventType, occurredAt, producer, partitionKey, traceparent, payload);
    }

    /** The payload as the given type, or an error naming both types. */
    public <T extends EventPayload> T payloadAs(Class<T> type) {
        if (!type.isInstance(payload)) {
            throw new IllegalStateException(
                    "event " + eventId + " is " + eventType.wireName() + ", not " + type.getSimpleName());
        }
        return type.cast(payload);
    }
}
