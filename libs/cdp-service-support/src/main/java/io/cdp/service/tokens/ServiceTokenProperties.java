package io.cdp.service.tokens;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cdp.service-tokens.*}: this service's identity when it calls others.
 *
 * @param subject      the service's subject ({@code sub} of development tokens; audit trails record it)
 * @param scopes       the scopes asked for
 * @param tokenUri     the issuer's OAuth2 token endpoint (production: client credentials grant)
 * @param clientId     the OAuth2 client id (production)
 * @param clientSecret the OAuth2 client secret (production; from the environment or a secret store, never a file in
 *                     the repository)
 * @param ttl          lifetime of development tokens (at most one hour)
 */
@ConfigurationProperties("cdp.service-tokens")
public record ServiceTokenProperties(
        @Nullable String subject,
        @DefaultValue({}) List<String> scopes,
        @Nullable URI tokenUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue("15m") Duration ttl) {}
