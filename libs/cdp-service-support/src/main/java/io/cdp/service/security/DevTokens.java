package io.cdp.service.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Development tokens: HMAC-SHA256 JWTs signed with a key that exists only on the developer's machine (or in a test).
 * They carry the issuer {@value #ISSUER}, which the development decoder requires, so a development token can never
 * pass a production decoder (that one trusts only its configured issuer's keys). They always expire, within
 * {@link #MAX_TTL}: a token copied into a shell history or a ticket is worthless within the hour.
 */
public final class DevTokens {

    public static final String ISSUER = "cdp-dev";

    /** The suite's default audience ({@code cdp.security.audience}); development tokens carry it unless told. */
    public static final String AUDIENCE = "cdp-api";

    /** The longest a development token may live; the development decoder refuses longer-lived ones too. */
    public static final Duration MAX_TTL = Duration.ofHours(1);

    private static final int KEY_BYTES = 32;

    private DevTokens() {}

    /** The key in {@code file}, created with owner-only permissions when missing. */
    public static SecretKey keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                byte[] key = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "dev-jwt", ".tmp");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection has to do
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // another process created it first: use theirs
                    Files.deleteIfExists(tmp);
                }
            }
            return key(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development JWT key " + file, e);
        }
    }

    public static SecretKey key(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length < KEY_BYTES) {
            throw new IllegalArgumentException("a development JWT key needs at least " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A fresh random key, base64, for tests. */
    public static String randomSecret() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A token for the suite's default audience {@value #AUDIENCE}. */
    public static String mint(SecretKey key, String subject, List<String> scopes, Duration ttl) {
        return mint(key, subject, scopes, ttl, AUDIENCE);
    }

    /**
     * A token with exactly {@code scopes} (none is added, so {@code pii:decrypt} only when asked for), expiring after
     * {@code ttl}, at most {@link #MAX_TTL}.
     */
    public static String mint(SecretKey key, String subject, List<String> scopes, Duration ttl, String audience) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("a development token lives more than 0 and at most "
                    + MAX_TTL.toMinutes() + " minutes; asked for " + ttl.toMinutes() + " min");
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("scope", String.join(" ", scopes))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
        return jwt.serialize();
    }
}
