package io.cdp.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production token path of every service (keys from a JWK set, issuer and audience checked) and the other edges
 * of the security auto-configuration: body size, health details, prometheus.
 */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSecurityIT {

    private static final TestIssuer ISSUER = start();
    private static final byte[] SMALL = "{\"a\":1,\"b\":2}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OVERSIZED = ("{\"a\":\"" + "x".repeat(4096) + "\"}").getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    private static TestIssuer start() {
        try {
            return new TestIssuer();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestIssuer.ISSUER);
        registry.add("cdp.security.max-body-size", () -> "1KB");
        registry.add("management.endpoints.web.exposure.include", () -> "health,prometheus");
        // as the services declare their readiness group: without show-details of its own, it follows the endpoint's
        registry.add("management.endpoint.health.probes.enabled", () -> "true");
        registry.add("management.endpoint.health.group.readiness.include", () -> "readinessState,probe");
        registry.add("logging.structured.format.console", () -> "");
    }

    private Http http() {
        return new Http(port);
    }

    @Test
    void acceptsATokenOfTheIssuerForTheSuiteAudience() throws Exception {
        var answer = http().post("/echo", ISSUER.token(SecuredTestApplication.SCOPE), SMALL);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"fields\":2}");
    }

    @Test
    void refusesAMalformedBearerHeaderAndAControlCharacterInIt() throws Exception {
        String token = ISSUER.token(SecuredTestApplication.SCOPE);

        // the bearer resolver's fast path hands anything but a well-formed token to Spring's own: 401 invalid_token
        assertUnauthorized(http().get("/echo", token + "%"));
        // the firewall's header check (fast for ASCII) still refuses a C1 control character: 400 before any filter
        byte[] withControl = ("Bearer " + token + "\u0085").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(http().rawGet("/echo", withControl)).isEqualTo(400);
        assertThat(http().rawGet("/echo", ("Bearer " + token).getBytes(StandardCharsets.ISO_8859_1)))
                .as("the same request without the control character passes the firewall")
                .isNotEqualTo(400);
    }

    @Test
    void refusesAnExpiredTokenWith401Problem() throws Exception {
        String expired = ISSUER.token(
                SecuredTestApplication.SCOPE,
                claims -> claims.issueTime(ago(900))
                        // beyond the validator's 60 s clock skew
                        .expirationTime(ago(120)));

        assertUnauthorized(http().post("/echo", expired, SMALL));
    }

    @Test
    void refusesATokenWithoutExpiryWith401Problem() throws Exception {
        String forever = ISSUER.token(SecuredTestApplication.SCOPE, claims -> claims.expirationTime(null));

        assertUnauthorized(http().post("/echo", forever, SMALL));
    }

    @Test
    void refusesATokenOfAnotherIssuerWith401Problem() throws Exception {
        String foreign = ISSUER.token(SecuredTestApplication.SCOPE, claims -> claims.issuer("https://other.test"));

        assertUnauthorized(http().post("/echo", foreign, SMALL));
    }

    @Test
    void refusesATokenForAnotherAudienceWith401Problem() throws Exception {
        String elsewhere = ISSUER.token(SecuredTestApplication.SCOPE, claims -> claims.audience("crm-portal"));
        String none = ISSUER.token(SecuredTestApplication.SCOPE, claims -> claims.audience((String) null));

        assertUnauthorized(http().post("/echo", elsewhere, SMALL));
        assertUnauthorized(http().post("/echo", none, SMALL));
    }

    @Test
    void refusesAnUnsignedAlgNoneTokenWith401Problem() throws Exception {
        String unsigned = new PlainJWT(claims()).serialize();

        assertUnauthorized(http().post("/echo", unsigned, SMALL));
    }

    @Test
    void refusesAnHmacTokenKeyedWithThePublicKeyWith401Problem() throws Exception {
        // the classic algorithm confusion: a verifier that let the token pick HS256 would check it with the public key
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(ISSUER.key().getKeyID())
                        .build(),
                claims());
        confused.sign(new MACSigner(ISSUER.key().toRSAPublicKey().getEncoded()));

        assertUnauthorized(http().post("/echo", confused.serialize(), SMALL));
    }

    @Test
    void refusesATokenSignedWithAnotherKeyUnderTheSameKeyIdWith401Problem() throws Exception {
        var other = new RSAKeyGenerator(2048).keyID(ISSUER.key().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(other.getKeyID())
                        .build(),
                claims());
        forged.sign(new RSASSASigner(other));

        assertUnauthorized(http().post("/echo", forged.serialize(), SMALL));
    }

    @Test
    void refusesABodyOverTheLimitWith413BeforeParsingIt() throws Exception {
        String token = ISSUER.token(SecuredTestApplication.SCOPE);
        int parsed = SecuredTestApplication.PARSED.get();

        var withLength = http().post("/echo", token, OVERSIZED);
        var chunked = http().postChunked("/echo", token, OVERSIZED);

        for (var answer : java.util.List.of(withLength, chunked)) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(answer.body()).contains("\"status\":413").contains("1024 bytes");
        }
        assertThat(SecuredTestApplication.PARSED.get()).isEqualTo(parsed);
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        var answer = http().postChunked("/echo", ISSUER.token(SecuredTestApplication.SCOPE), SMALL);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"fields\":2}");
    }

    @Test
    void healthShowsOnlyTheStatusToAnonymousCallersAndDetailsToOps() throws Exception {
        var anonymous = http().get("/actuator/health", null);
        var business = http().get("/actuator/health", ISSUER.token(SecuredTestApplication.SCOPE));
        var ops = http().get("/actuator/health", ISSUER.token(ActuatorSecurityDefaults.OPS_SCOPE));

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "cdp-test-stream");
        assertThat(business.statusCode()).isEqualTo(200);
        assertThat(business.body()).doesNotContain("components", "cdp-test-stream");
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"components\"", "cdp-test-stream");

        var anonymousReadiness = http().get("/actuator/health/readiness", null);
        var opsReadiness = http().get("/actuator/health/readiness", ISSUER.token(ActuatorSecurityDefaults.OPS_SCOPE));
        assertThat(anonymousReadiness.statusCode()).isEqualTo(200);
        assertThat(anonymousReadiness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(opsReadiness.body()).contains("\"components\"", "cdp-test-stream", "readinessState");
    }

    @Test
    void prometheusAnswersOnlyTheMetricsScope() throws Exception {
        var scraper = http().get("/actuator/prometheus", ISSUER.token(ActuatorSecurityDefaults.METRICS_SCOPE));
        var anonymous = http().get("/actuator/prometheus", null);
        var business = http().get("/actuator/prometheus", ISSUER.token(SecuredTestApplication.SCOPE));

        assertThat(scraper.statusCode()).as(scraper.body()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(business.statusCode()).isEqualTo(403);
        assertThat(business.body()).contains("\"status\":403");
    }

    private static void assertUnauthorized(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.body()).contains("\"status\":401");
    }

    private static JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder()
                .issuer(TestIssuer.ISSUER)
                .audience(DevTokens.AUDIENCE)
                .subject("intruder")
                .issueTime(ago(0))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("scope", SecuredTestApplication.SCOPE)
                .build();
    }

    private static Date ago(long seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }
}
