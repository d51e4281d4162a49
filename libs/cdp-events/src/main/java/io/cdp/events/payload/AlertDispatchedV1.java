package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * {@code alert.dispatched.v1}: what the alerting service did with an alert, per channel, on {@code cdp.feedback}
 * beside the customer's answer to it. No personal data.
 *
 * @param model          the Bedrock model id, or the template's name (optional, added in place)
 * @param fallbackReason why the model's text was not used; null when it was (optional, added in place)
 */
public record AlertDispatchedV1(
        String alertId,
        String transactionId,
        Token customerToken,
        NotificationChannel channel,
        Composer composer,
        Status status,
        @Nullable String providerMessageId,
        @Nullable String failureReason,
        Instant dispatchedAt,
        @Nullable String model,
        @Nullable String fallbackReason)
        implements EventPayload {

    public enum NotificationChannel {
        EMAIL,
        SMS,
        PUSH
    }

    /** Which composer wrote the message: Claude on Bedrock, or the template fallback. */
    public enum Composer {
        BEDROCK,
        TEMPLATE
    }

    public enum Status {
        SENT,
        FAILED,
        SUPPRESSED
    }
}
