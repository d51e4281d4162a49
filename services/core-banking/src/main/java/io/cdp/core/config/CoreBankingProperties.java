package io.cdp.core.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param zone              the trust zone this service runs in; only {@code core} may decrypt
 * @param principal         the name this service acts under in audit records
 * @param scopes            scopes this service holds for PII (decrypt needs {@code pii:decrypt})
 * @param resourceNamespace prefix of every AWS resource name (empty in production)
 * @param awsEndpoint       emulator endpoint; set only in the {@code local} profile and tests
 * @param jwtSecret         HMAC secret for locally minted JWTs; production validates the issuer's keys instead
 * @param jwtIssuerUri      the identity provider whose keys sign production tokens
 * @param liveShare         default share of transactions replayed to Kinesis
 * @param replaySpeed       default replay speed (0 = as fast as possible)
 */
@ConfigurationProperties("cdp.core")
public record CoreBankingProperties(String zone, String principal, List<String> scopes, @Nullable String resourceNamespace,
                                    @Nullable String awsEndpoint, @Nullable String jwtSecret, @Nullable String jwtIssuerUri,
                                    double liveShare, double replaySpeed) {
}
