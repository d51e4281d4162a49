package io.cdp.alerting.compose;

import org.jspecify.annotations.Nullable;

/**
 * A composed message with placeholders, and how it was composed (recorded on the alert).
 *
 * @param subject        e-mail subject (null for SMS)
 * @param composer       {@code bedrock} or {@code template}
 * @param modelId        the Bedrock model id, or null for a template
 * @param fallbackReason why the model's text was not used (timeout, circuit-open, guardrail, validation:..., error:...)
 */
public record Composition(
        MessageChannel channel,
        @Nullable String subject,
        String body,
        String composer,
        @Nullable String modelId,
        int tokensIn,
        int tokensOut,
        long latencyMillis,
        @Nullable String fallbackReason) {

    public Composition withFallback(String reason, long latencyMillis) {
        return new Composition(channel, subject, body, composer, modelId, tokensIn, tokensOut, latencyMillis, reason);
    }
}
