package io.cdp.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    private final javax.crypto.SecretKey key = DevTokens.key(DevTokens.randomSecret());

    @Test
    void tokensCarryExpiryAudienceAndExactlyTheScopesAskedFor() throws Exception {
        var claims = SignedJWT.parse(DevTokens.mint(key, "dev", List.of("fraud:score"), Duration.ofMinutes(30)))
                .getJWTClaimsSet();

        assertThat(claims.getExpirationTime()).isNotNull();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(claims.getAudience()).containsExactly(DevTokens.AUDIENCE);
        assertThat(claims.getIssuer()).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.getStringClaim("scope")).isEqualTo("fraud:score");
    }

    @Test
    void refusesALifetimeOverOneHour() {
        assertThatThrownBy(() -> DevTokens.mint(key, "dev", List.of("fraud:score"), Duration.ofMinutes(61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 60 minutes");
        assertThatThrownBy(() -> DevTokens.mint(key, "dev", List.of("fraud:score"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DevTokens.mint(key, "dev", List.of("fraud:score"), DevTokens.MAX_TTL))
                .isNotBlank();
    }
}
