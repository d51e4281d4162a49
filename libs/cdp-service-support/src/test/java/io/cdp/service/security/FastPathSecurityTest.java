package io.cdp.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The fast paths answer exactly what Spring Security's own resolver and firewall check answer. */
class FastPathSecurityTest {

    /** Shaped like a JWT, with every kind of character of the token alphabet somewhere in it. */
    private static final String JWT =
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhYmMiLCJzY29wZSI6InMifQ.sig-_+/~09Z";

    private final BearerTokenResolver fast = new FastPathBearerTokenResolver();
    private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Test
    void resolvesEveryHeaderAsTheDefaultResolverDoes() {
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + JWT,
                "bearer " + JWT,
                "BEARER " + JWT,
                "Bearer " + JWT + "==",
                "Bearer " + JWT + "=x",
                "Bearer =",
                "Bearer ",
                "Bearer",
                "Bearer  " + JWT,
                "Bearer " + JWT + " ",
                "Bearer\t" + JWT,
                "Bearer " + JWT.replace('.', '!'),
                "Bearer a%b",
                "Bearerx " + JWT,
                "Basic dXNlcjpwYXNz",
                "Token " + JWT,
                ""));
        Random random = new Random(11);
        String alphabet = "aZ09-._~+/=! %\t\u00e9";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder token = new StringBuilder();
            for (int j = random.nextInt(12); j >= 0; j--) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add((random.nextBoolean() ? "Bearer " : "bearer ") + token);
        }
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/customers/c1");
            request.addHeader("Authorization", header);
            assertThat(outcome(fast, request)).as(header).isEqualTo(outcome(standard, request));
        }
        assertThat(outcome(fast, new MockHttpServletRequest("GET", "/v1/customers/c1")))
                .isEqualTo("token: null");
    }

    @Test
    void leavesQueryAndFormTokensToTheDefaultResolver() {
        MockHttpServletRequest both = new MockHttpServletRequest("GET", "/v1/customers/c1");
        both.addHeader("Authorization", "Bearer " + JWT);
        both.setQueryString("access_token=" + JWT);
        both.addParameter("access_token", JWT);

        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/v1/scores");
        form.addHeader("Authorization", "Bearer " + JWT);
        form.setContentType("application/x-www-form-urlencoded");
        form.addParameter("access_token", JWT);

        MockHttpServletRequest otherQuery = new MockHttpServletRequest("GET", "/v1/customers");
        otherQuery.addHeader("Authorization", "Bearer " + JWT);
        otherQuery.setQueryString("segment=Champions");
        otherQuery.addParameter("segment", "Champions");

        for (MockHttpServletRequest request : List.of(both, form, otherQuery)) {
            assertThat(outcome(fast, request)).isEqualTo(outcome(standard, request));
        }
        // query and body tokens are off by default: the header's token stands, also when the default resolver decides
        assertThat(outcome(fast, both)).isEqualTo("token: " + JWT);
        assertThat(outcome(fast, form)).isEqualTo("token: " + JWT);
        assertThat(outcome(fast, otherQuery)).isEqualTo("token: " + JWT);
    }

    @Test
    void allowsEveryHeaderValueTheFirewallAllowsAndNoOther() {
        Predicate<String> standardCheck = StrictHttpFirewall.ALLOWED_HEADER_VALUES;
        Predicate<String> fastCheck = new FastPathHeaderValues(standardCheck);
        List<String> values = new ArrayList<>();
        for (int c = 0; c < 0x200; c++) {
            values.add("Bearer abc" + (char) c + "def");
        }
        values.addAll(List.of(
                "",
                "Bearer " + JWT,
                "caf\u00e9",
                "\u0378 unassigned",
                "next line \u0085",
                "emoji \uD83D\uDE00",
                "lone \uD83D surrogate",
                "tab\tinside",
                "line\nbreak",
                "nul\u0000"));
        int refused = 0;
        for (String value : values) {
            boolean expected = standardCheck.test(value);
            assertThat(fastCheck.test(value))
                    .as("%s", value.codePoints().toArray())
                    .isEqualTo(expected);
            refused += expected ? 0 : 1;
        }
        // the comparison covers refusals too: controls, DEL, C1 controls, unassigned code points
        assertThat(refused).isGreaterThan(60);
    }

    private static String outcome(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            return "token: " + resolver.resolve(request);
        } catch (OAuth2AuthenticationException e) {
            return "error: " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }
}
