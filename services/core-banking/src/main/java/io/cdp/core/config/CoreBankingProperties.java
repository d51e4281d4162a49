package io.cdp.core.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cdp.core.*}: the core zone's own settings; AWS, resource names and JWTs are {@code cdp.aws.*},
 * {@code cdp.security.*} and Spring's resource-server settings (cdp-service-support).
 *
 * @param zone              the trust zone this service runs in; only {@code core} may decrypt
 * @param principal         the name this service acts under in audit records
 * @param scopes            scopes this service holds for PII (decrypt needs {@code pii:decrypt})
 * @param liveShare         default share of transactions replayed to Kinesis
 * @param replaySpeed       default replay speed (0 = as fast as possible)
 */
@ConfigurationProperties("cdp.core")
public record CoreBankingProperties(
        String zone, String principal, List<String> scopes, double liveShare, double replaySpeed) {}
