package io.cdp.service.tokens;

import io.cdp.service.security.CdpSecurityAutoConfiguration;
import io.cdp.service.security.CdpSecurityProperties;
import io.cdp.service.security.DevTokens;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * A {@link ServiceTokens} bean when {@code cdp.service-tokens.subject} is set: under the {@code local} profile with a
 * development key, development tokens; otherwise client credentials from {@code cdp.service-tokens.token-uri}. A
 * service that calls nobody configures nothing and gets no bean.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "cdp.service-tokens", name = "subject")
@EnableConfigurationProperties({ServiceTokenProperties.class, CdpSecurityProperties.class})
public class ServiceTokensAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(ServiceTokenProperties tokens, CdpSecurityProperties security, Environment env) {
        String subject = tokens.subject();
        boolean local = env.acceptsProfiles(Profiles.of(CdpSecurityAutoConfiguration.LOCAL_PROFILE));
        if (local && security.devKeyConfigured()) {
            var key = security.devSecret() != null && !security.devSecret().isBlank()
                    ? DevTokens.key(security.devSecret())
                    : DevTokens.keyFromFile(Path.of(security.devKeyFile()));
            return new DevServiceTokens(
                    key, subject, tokens.scopes(), tokens.ttl(), security.audience(), Clock.systemUTC());
        }
        if (tokens.tokenUri() == null || tokens.clientId() == null || tokens.clientSecret() == null) {
            throw new IllegalStateException("cdp.service-tokens: outside the local profile set token-uri, client-id "
                    + "and client-secret (OAuth2 client credentials)");
        }
        return new ClientCredentialsServiceTokens(
                tokens.tokenUri(), tokens.clientId(), tokens.clientSecret(), tokens.scopes(), Clock.systemUTC());
    }
}
