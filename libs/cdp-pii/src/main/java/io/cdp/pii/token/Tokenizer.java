package io.cdp.pii.token;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.prf.HmacPrfKey;
import com.google.crypto.tink.prf.HmacPrfParameters;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.subtle.PrfHmacJce;
import com.google.crypto.tink.util.SecretBytes;
import io.cdp.events.pii.Token;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;

/**
 * Deterministic, keyed tokens: {@code <kind>_<base64url(HMAC-SHA256(key, kind ":" value))>}. The same
 * value always gives the same token under one key, so the CDP zone joins on tokens; without the key a
 * token cannot be reversed or even confirmed by guessing (card numbers and small ids are guessable, which
 * is why an unkeyed hash would not do).
 *
 * <p>The key never exists outside the process and KMS: {@link #fromKms} derives it once per process with
 * KMS {@code GenerateMac} under the registry's HMAC key (a PRF of a fixed label), then every token is a
 * local HMAC (about a microsecond) instead of a KMS round trip per value. Thread-safe.
 */
public final class Tokenizer {

    /** The label whose MAC under the KMS HMAC key is the local tokenization key; a new label is a new key. */
    static final String KEY_LABEL = "cdp-token-key/v1";

    private static final int TOKEN_BYTES = 32;

    private final Prf prf;

    public Tokenizer(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("tokenization key must have at least 32 bytes, had " + key.length);
        }
        try {
            HmacPrfKey prfKey = HmacPrfKey.builder()
                    .setParameters(HmacPrfParameters.builder()
                            .setKeySizeBytes(key.length)
                            .setHashType(HmacPrfParameters.HashType.SHA256)
                            .build())
                    .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
                    .build();
            this.prf = PrfHmacJce.create(prfKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the HMAC-SHA256 PRF", e);
        }
    }

    /** Derives the tokenization key from the KMS HMAC key (one KMS call) and builds the tokenizer. */
    public static Tokenizer fromKms(KmsClient kms, String hmacKeyIdOrAlias) {
        byte[] key = kms.generateMac(b -> b.keyId(hmacKeyIdOrAlias)
                        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(SdkBytes.fromString(KEY_LABEL, StandardCharsets.UTF_8)))
                .mac()
                .asByteArray();
        return new Tokenizer(key);
    }

    public Token tokenize(TokenKind kind, String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot tokenize an empty " + kind.name().toLowerCase() + " identifier");
        }
        byte[] input = (kind.prefix() + ":" + value).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] mac = prf.compute(input, TOKEN_BYTES);
            return new Token(kind.prefix() + "_"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed for a " + kind + " token", e);
        }
    }

    /**
     * A keyed opaque identifier {@code <prefix>-<32 hex>} for ids that must travel in identifier-shaped
     * fields (e.g. a transaction id derived from a customer id): same input, same id; not reversible.
     */
    public String opaqueId(TokenKind kind, String value) {
        try {
            byte[] mac = prf.compute((kind.prefix() + ":" + value).getBytes(StandardCharsets.UTF_8), 16);
            return kind.prefix() + "-" + java.util.HexFormat.of().formatHex(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed for a " + kind + " id", e);
        }
    }

    public Token customer(String customerId) {
        return tokenize(TokenKind.CUSTOMER, customerId);
    }

    public Token card(String cardNumber) {
        return tokenize(TokenKind.CARD, cardNumber);
    }
}
