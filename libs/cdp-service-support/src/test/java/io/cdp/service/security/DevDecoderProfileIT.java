package io.cdp.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The development decoder exists under the {@code local} profile only, and never beside a production issuer. */
class DevDecoderProfileIT {

    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    private static SpringApplicationBuilder app(String secret, String... profiles) {
        return new SpringApplicationBuilder(SecuredTestApplication.class)
                .profiles(profiles)
                .properties(
                        "server.port=0",
                        "cdp.security.dev-secret=" + secret,
                        "logging.structured.format.console=",
                        "spring.main.banner-mode=off");
    }

    @Test
    void refusesToStartWithADevelopmentKeyOutsideTheLocalProfile() {
        assertThatThrownBy(() -> app(DevTokens.randomSecret()).run().close())
                .rootCause()
                .hasMessageContaining("outside the 'local' profile");
        assertThatThrownBy(() -> app(DevTokens.randomSecret(), "prod").run().close())
                .rootCause()
                .hasMessageContaining("outside the 'local' profile")
                .hasMessageContaining("active: prod");
    }

    @Test
    void refusesToStartWithADevelopmentKeyBesideAnIdentityProvider() {
        assertThatThrownBy(() -> app(DevTokens.randomSecret(), "local")
                        .properties("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test/cdp")
                        .run()
                        .close())
                .rootCause()
                .hasMessageContaining("both a development JWT key");
    }

    @Test
    void acceptsShortLivedDevelopmentTokensUnderTheLocalProfileOnly() throws Exception {
        String secret = DevTokens.randomSecret();
        var key = DevTokens.key(secret);
        try (ConfigurableApplicationContext context = app(secret, "local").run()) {
            Http http = new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

            String token = DevTokens.mint(key, "dev", List.of(SecuredTestApplication.SCOPE), Duration.ofMinutes(5));
            assertThat(http.post("/echo", token, BODY).statusCode()).isEqualTo(200);

            // minted by hand, as an old ./cdp token did: eight hours
            Instant now = Instant.now();
            SignedJWT eightHours = new SignedJWT(
                    new JWSHeader(JWSAlgorithm.HS256),
                    new JWTClaimsSet.Builder()
                            .issuer(DevTokens.ISSUER)
                            .audience(DevTokens.AUDIENCE)
                            .subject("dev")
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(Duration.ofHours(8))))
                            .claim("scope", SecuredTestApplication.SCOPE)
                            .build());
            eightHours.sign(new MACSigner(key));
            var refused = http.post("/echo", eightHours.serialize(), BODY);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"status\":401");

            String otherAudience = DevTokens.mint(
                    key, "dev", List.of(SecuredTestApplication.SCOPE), Duration.ofMinutes(5), "crm-portal");
            assertThat(http.post("/echo", otherAudience, BODY).statusCode()).isEqualTo(401);
        }
    }
}
