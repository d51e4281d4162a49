package io.cdp.service.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cdp.security.*}. Production sets {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (and, where the
 * identity provider publishes no discovery document, {@code jwk-set-uri}) and none of the dev keys; only the
 * {@code local} profile may set a development HMAC key, either inline ({@code dev-secret}, base64) or as a file that is
 * created on first use ({@code dev-key-file}, e.g. {@code .cdp/dev-jwt.key}, never committed), and {@code ./cdp token}
 * signs with the same file.
 *
 * @param devSecret   base64 HMAC-SHA256 key of development tokens ({@code local} profile only)
 * @param devKeyFile  file holding that key, generated when missing ({@code local} profile only)
 * @param publicPaths paths open without a token besides health/info and the API docs
 * @param audience    the {@code aud} every token must carry: one audience for the whole suite, so one token of the
 *                    identity provider serves the CLI and the services; scopes say what it may do
 * @param maxBodySize larger request bodies are refused with 413 before anything reads them
 */
@ConfigurationProperties("cdp.security")
public record CdpSecurityProperties(
        @Nullable String devSecret,
        @Nullable String devKeyFile,
        @DefaultValue({}) List<String> publicPaths,
        @DefaultValue(DevTokens.AUDIENCE) String audience,
        @DefaultValue("128KB") DataSize maxBodySize) {

    public boolean devKeyConfigured() {
        return (devSecret != null && !devSecret.isBlank()) || (devKeyFile != null && !devKeyFile.isBlank());
    }
}
