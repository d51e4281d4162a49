package io.cdp.service.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What a token must prove besides its signature. Spring's defaults check the issuer and, only when present, the
 * timestamps: a token without {@code exp} would be valid forever, so {@code exp} is required here, and so is the
 * audience, so a token the identity provider issued to another application is refused.
 */
final class TokenValidators {

    private TokenValidators() {}

    static OAuth2TokenValidator<Jwt> production(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                List.of(JwtValidators.createDefaultWithIssuer(issuer), expiryRequired(), audience(audience)));
    }

    /** As in production, and the token may not have been issued for longer than {@link DevTokens#MAX_TTL}. */
    static OAuth2TokenValidator<Jwt> development(String audience) {
        OAuth2TokenValidator<Jwt> shortLived = token -> {
            Instant issuedAt = token.getIssuedAt();
            Instant expiresAt = token.getExpiresAt();
            return issuedAt != null
                            && expiresAt != null
                            && Duration.between(issuedAt, expiresAt).compareTo(DevTokens.MAX_TTL) <= 0
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                            OAuth2ErrorCodes.INVALID_TOKEN, "a development token lives at most one hour", null));
        };
        return new DelegatingOAuth2TokenValidator<>(List.of(production(DevTokens.ISSUER, audience), shortLived));
    }

    private static OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, (List<String> aud) -> aud != null && aud.contains(audience));
    }
}
