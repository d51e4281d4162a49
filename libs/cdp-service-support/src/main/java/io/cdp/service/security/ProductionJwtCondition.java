package io.cdp.service.security;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * True when the identity provider is configured: an issuer, a JWK set, or both. Empty values count as unset, because
 * the services map them from environment variables that default to empty.
 */
final class ProductionJwtCondition extends SpringBootCondition {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        boolean configured =
                StringUtils.hasText(env.getProperty(ISSUER_URI)) || StringUtils.hasText(env.getProperty(JWK_SET_URI));
        return configured
                ? ConditionOutcome.match("an issuer or JWK set is configured")
                : ConditionOutcome.noMatch("no issuer and no JWK set");
    }
}
