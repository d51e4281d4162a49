package io.cdp.alerting.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cdp.alerting.*}.
 *
 * @param composer     {@code template} (the local default: the reviewed templates) or {@code bedrock}
 * @param customer360  customer-360's base URL (masked profiles)
 * @param coreBanking  core-banking's base URL (audited contact details)
 * @param recordLease  how long a consumer owns an alert it claimed before another may take it over
 * @param retention    how long alert records and their pointers are kept (TTL)
 * @param campaignRatePerSecond at most this many campaign messages per second (SES and SNS account limits)
 */
@ConfigurationProperties("cdp.alerting")
public record AlertingProperties(
        @DefaultValue("template") String composer,
        @DefaultValue Bedrock bedrock,
        @DefaultValue Bank bank,
        @DefaultValue("http://127.0.0.1:8083") URI customer360,
        @DefaultValue("http://127.0.0.1:8081") URI coreBanking,
        @DefaultValue("2s") Duration httpTimeout,
        @DefaultValue("30s") Duration recordLease,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("20") double campaignRatePerSecond) {

    /**
     * @param endpoint       a Bedrock Runtime endpoint override (a WireMock server in tests); unset means AWS's
     * @param attemptTimeout one Converse call longer than this is abandoned
     * @param maxAttempts    attempts per message (retries with exponential backoff from {@code backoff})
     * @param failureRate    percentage of failed calls in the window that opens the circuit
     * @param openFor        how long an open circuit sends everything to the templates
     */
    public record Bedrock(
            @DefaultValue("us.anthropic.claude-haiku-4-5-20251001-v1:0")
            String modelId,

            @DefaultValue("0.2") float temperature,
            @DefaultValue("400") int maxTokens,
            @Nullable String guardrailId,
            @Nullable String guardrailVersion,
            @Nullable URI endpoint,
            @DefaultValue("2200ms") Duration attemptTimeout,
            @DefaultValue("2") int maxAttempts,
            @DefaultValue("150ms") Duration backoff,
            @DefaultValue("50") float failureRate,
            @DefaultValue("30s") Duration openFor) {}

    /**
     * @param name       the bank's name as messages say it
     * @param sender     the verified SES sender
     * @param smsSenderId the SMS sender id
     * @param domains    domains a message may name; anything else is a link the validator refuses
     * @param emails     addresses a message may name
     * @param phones     numbers a message may name
     */
    public record Bank(
            @DefaultValue("CDP Bank") String name,
            @DefaultValue("alerts@bank.example") String sender,
            @DefaultValue("CDPBank") String smsSenderId,
            @DefaultValue("bank.example") List<String> domains,
            @DefaultValue("alerts@bank.example") List<String> emails,
            @DefaultValue({}) List<String> phones) {}
}
