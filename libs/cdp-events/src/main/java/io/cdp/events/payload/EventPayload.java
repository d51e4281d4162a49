package io.cdp.events.payload;

/**
 * A v1 payload. Sealed so that {@link io.cdp.events.EventType} can map every payload class to exactly one
 * logical event type and schema, and a new payload cannot be added without one.
 */
public sealed interface EventPayload
        permits CustomerUpsertedV1,
                CardUpsertedV1,
                TransactionRecordedV1,
                TransactionScoredV1,
                FraudAlertRequestedV1,
                AlertDispatchedV1,
                CustomerFeedbackReceivedV1,
                CustomerErasedV1 {}
