package io.cdp.service.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers decoded tokens until they expire. A card-authorization client sends the same access token with
 * thousands of requests; verifying its signature once instead of on every request takes the JWT work off the hot
 * path. Expiry is still checked on every use, and only successfully validated tokens are remembered.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private static final int MAX_TOKENS = 10_000;

    private final JwtDecoder delegate;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> decoded = new ConcurrentHashMap<>();

    public CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, Clock.systemUTC());
    }

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = decoded.get(token);
        Instant now = clock.instant();
        if (jwt != null) {
            if (jwt.getExpiresAt() != null && !now.isBefore(jwt.getExpiresAt())) {
                decoded.remove(token);
                throw new BadJwtException("token expired");
            }
            return jwt;
        }
        jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (decoded.size() >= MAX_TOKENS) {
                // bounded without an eviction order: dropping all costs one re-verification per live token
                decoded.clear();
            }
            decoded.put(token, jwt);
        }
        return jwt;
    }
}
