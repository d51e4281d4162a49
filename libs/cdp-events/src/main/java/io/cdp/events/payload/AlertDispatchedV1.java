package io.cdp.events.payload;

import io.cdp.events.pii.Token;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** {@code alert.dispatched.v1}: what the alerting service did with an alert. */
public record AlertDispatchedV1(
        String alertId,
        String transactionId,
        Token customerToken,
        NotificationChannel channel,
        Composer composer,
        Status status,
        @Nullable String providerMessageId,
        @Nullable String failureReason,
        Instant dispatchedAt)
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
