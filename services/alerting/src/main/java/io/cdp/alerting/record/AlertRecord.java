package io.cdp.alerting.record;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One alert as stored (no personal data: tokens, ids, states, composition facts). */
public record AlertRecord(
        String alertId,
        String transactionId,
        String customerToken,
        AlertState state,
        Map<String, String> messageIds,
        @Nullable String answerChannel) {}
