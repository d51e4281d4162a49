package io.cdp.events;

import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.CustomerErasedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every logical event type of the suite, with its payload record and its JSON Schema. The wire carries
 * {@link #wireName()}, never a class name; a breaking change is a new {@code .vN} constant.
 */
public enum EventType {
    CUSTOMER_UPSERTED_V1("customer.upserted.v1", CustomerUpsertedV1.class),
    CARD_UPSERTED_V1("card.upserted.v1", CardUpsertedV1.class),
    TRANSACTION_RECORDED_V1("transaction.recorded.v1", TransactionRecordedV1.class),
    TRANSACTION_SCORED_V1("transaction.scored.v1", TransactionScoredV1.class),
    FRAUD_ALERT_REQUESTED_V1("fraud.alert.requested.v1", FraudAlertRequestedV1.class),
    ALERT_DISPATCHED_V1("alert.dispatched.v1", AlertDispatchedV1.class),
    CUSTOMER_FEEDBACK_RECEIVED_V1("customer.feedback.received.v1", CustomerFeedbackReceivedV1.class),
    CUSTOMER_ERASED_V1("customer.erased.v1", CustomerErasedV1.class);

    private static final Map<String, EventType> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::payloadType, Function.identity()));

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "schemas/" + wireName + ".json";
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    public static EventType of(EventPayload payload) {
        return forPayloadType(payload.getClass());
    }

    public static EventType forPayloadType(Class<? extends EventPayload> payloadType) {
        EventType type = BY_PAYLOAD.get(payloadType);
        if (type == null) {
            throw new IllegalArgumentException("no event type for " + payloadType.getName());
        }
        return type;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
