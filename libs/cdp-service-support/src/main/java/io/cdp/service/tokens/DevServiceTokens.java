package io.cdp.service.tokens;

import io.cdp.service.security.DevTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;

/**
 * Development tokens signed with the local development key (only the {@code local} profile configures one), carrying
 * the service's subject and scopes; a token is reused until a minute before it expires.
 */
public final class DevServiceTokens implements ServiceTokens {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final SecretKey key;
    private final String subject;
    private final List<String> scopes;
    private final Duration ttl;
    private final String audience;
    private final Clock clock;
    private Cached cached;

    private record Cached(String token, Instant renewAt) {}

    public DevServiceTokens(
            SecretKey key, String subject, List<String> scopes, Duration ttl, String audience, Clock clock) {
        if (ttl.compareTo(MARGIN.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a service token must live at least " + MARGIN.multipliedBy(2));
        }
        this.key = key;
        this.subject = subject;
        this.scopes = List.copyOf(scopes);
        this.ttl = ttl.compareTo(DevTokens.MAX_TTL) > 0 ? DevTokens.MAX_TTL : ttl;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (cached == null || !now.isBefore(cached.renewAt())) {
            cached = new Cached(
                    DevTokens.mint(key, subject, scopes, ttl, audience),
                    now.plus(ttl).minus(MARGIN));
        }
        return cached.token();
    }
}
