package io.cdp.service.tokens;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OAuth2 client credentials grant (RFC 6749 section 4.4) against the configured token endpoint, with HTTP Basic client
 * authentication; the token is reused until a minute before {@code expires_in} runs out.
 */
public final class ClientCredentialsServiceTokens implements ServiceTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*\"?(\\d+)");
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final HttpClient http;
    private final URI tokenUri;
    private final String basic;
    private final List<String> scopes;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentialsServiceTokens(
            URI tokenUri, String clientId, String clientSecret, List<String> scopes, Clock clock) {
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.tokenUri = tokenUri;
        this.basic = Base64.getEncoder()
                .encodeToString((enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.scopes = List.copyOf(scopes);
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        String form =
                "grant_type=client_credentials" + (scopes.isEmpty() ? "" : "&scope=" + enc(String.join(" ", scopes)));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + tokenUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a service token", e);
        }
        if (response.statusCode() != 200) {
            // the body may echo the client id; the status is enough to diagnose
            throw new IllegalStateException("token endpoint answered " + response.statusCode());
        }
        Matcher t = ACCESS_TOKEN.matcher(response.body());
        if (!t.find()) {
            throw new IllegalStateException("token endpoint answered without an access_token");
        }
        Matcher e = EXPIRES_IN.matcher(response.body());
        long seconds = e.find() ? Long.parseLong(e.group(1)) : 300;
        token = t.group(1);
        renewAt = now.plusSeconds(seconds).minus(MARGIN);
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
