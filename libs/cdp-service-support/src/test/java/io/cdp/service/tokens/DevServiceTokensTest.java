package io.cdp.service.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.nimbusds.jwt.SignedJWT;
import io.cdp.service.security.DevTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DevServiceTokensTest {

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void carriesTheServiceSubjectAndScopesAndIsReusedUntilShortlyBeforeExpiry() throws Exception {
        MovableClock clock = new MovableClock();
        var tokens = new DevServiceTokens(
                DevTokens.key(DevTokens.randomSecret()),
                "alerting",
                List.of("customers:read", "pii:decrypt"),
                Duration.ofMinutes(15),
                DevTokens.AUDIENCE,
                clock);
        String first = tokens.get();
        var claims = SignedJWT.parse(first).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alerting");
        assertThat(claims.getIssuer()).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.getStringClaim("scope")).isEqualTo("customers:read pii:decrypt");
        assertThat(claims.getAudience()).containsExactly(DevTokens.AUDIENCE);
        assertThat(tokens.authorizationHeader()).isEqualTo("Bearer " + first);

        clock.now.set(clock.now.get().plus(Duration.ofMinutes(13)));
        assertThat(tokens.get()).isEqualTo(first);
        clock.now.set(clock.now.get().plus(Duration.ofMinutes(1)).plusSeconds(1));
        assertThat(tokens.get()).isNotEqualTo(first);
    }

    @Test
    void refusesATooShortLifetime() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DevServiceTokens(
                        DevTokens.key(DevTokens.randomSecret()),
                        "alerting",
                        List.of(),
                        Duration.ofSeconds(90),
                        DevTokens.AUDIENCE,
                        Clock.systemUTC()));
    }
}
