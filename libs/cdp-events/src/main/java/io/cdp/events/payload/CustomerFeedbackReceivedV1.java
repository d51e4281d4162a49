package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.time.Instant;

/** {@code customer.feedback.received.v1}: the customer's verdict on an alert, a label for training. */
public record CustomerFeedbackReceivedV1(
        String alertId,
        String transactionId,
        Token customerToken,
        Verdict verdict,
        FeedbackChannel channel,
        Instant receivedAt)
        implements EventPayload {

    public enum Verdict {
        CONFIRMED_FRAUD,
        NOT_FRAUD
    }

    public enum FeedbackChannel {
        EMAIL,
        SMS,
        PUSH,
        BRANCH,
        PHONE
    }
}
