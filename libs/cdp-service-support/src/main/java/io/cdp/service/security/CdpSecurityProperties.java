package io.cdp.service.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cdp.security.*}. Production sets {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and none of
 * the dev keys; the {@code local} profile and tests set a development HMAC key, either inline ({@code dev-secret},
 * base64) or as a file that is created on first use ({@code dev-key-file}, e.g. {@code .cdp/dev-jwt.key}, never
 * committed), and {@code ./cdp token} signs with the same file.
 *
 * @param devSecret   base64 HMAC-SHA256 key of development tokens
 * @param devKeyFile  file holding that key, generated when missing
 * @param publicPaths paths open without a token besides health/info and the API docs
 */
@ConfigurationProperties("cdp.security")
public record CdpSecurityProperties(
        @Nullable String devSecret,
        @Nullable String devKeyFile,
        @DefaultValue({}) List<String> publicPaths) {

    public boolean devKeyConfigured() {
        return (devSecret != null && !devSecret.isBlank()) || (devKeyFile != null && !devKeyFile.isBlank());
    }
}
