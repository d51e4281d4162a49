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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Deterministic, keyed, versioned tokens: {@code <kind>_v<version>_<base64url(HMAC-SHA256(key[version], kind ":"
 * value))>}. The same (version, kind, value) always gives the same token, so the CDP zone joins on tokens; without the
 * key a token cannot be reversed or even confirmed by guessing (card numbers and small ids are guessable, which is why
 * an unkeyed hash would not do).
 *
 * <p>New tokens are made under the keyring's current version. Older live versions stay in the keyring so
 * {@link #everyLiveVersion} can give a subject's token under each of them: a lookup (or an erasure) after a rotation
 * still finds what was written under the old version (docs/adr/0010-versioned-token-keys.md). The keys come from
 * {@link TokenKeyStore} (KMS-encrypted data keys, decrypted once per process), so each token is a local HMAC of about a
 * microsecond and no KMS call. Thread-safe.
 */
public final class Tokenizer {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final int current;
    private final NavigableMap<Integer, Prf> prfs;

    public Tokenizer(TokenKeyring keyring) {
        var byVersion = new TreeMap<Integer, Prf>();
        for (int version : keyring.versions()) {
            byVersion.put(version, prf(keyring.key(version)));
        }
        this.current = keyring.current();
        this.prfs = byVersion;
    }

    /** A tokenizer with one key, as version 1 (tests, benchmarks). */
    public Tokenizer(byte[] key) {
        this(TokenKeyring.single(key));
    }

    private static Prf prf(byte[] key) {
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
            return PrfHmacJce.create(prfKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the HMAC-SHA256 PRF", e);
        }
    }

    /** The version new tokens are made under. */
    public int currentVersion() {
        return current;
    }

    /** A token under the current key version. */
    public Token tokenize(TokenKind kind, String value) {
        return tokenize(kind, value, current);
    }

    /** A token under a given live key version; {@link UnknownTokenKeyVersionException} for a retired one. */
    public Token tokenize(TokenKind kind, String value, int version) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot tokenize an empty " + kind.name().toLowerCase() + " identifier");
        }
        Prf prf = prfs.get(version);
        if (prf == null) {
            throw new UnknownTokenKeyVersionException(version);
        }
        String prefix = kind.prefix() + "_v" + version + "_";
        byte[] input = (kind.prefix() + ":" + value).getBytes(StandardCharsets.UTF_8);
        try {
            // A token may hold no twelve-digit run (so a card number can never pass for one). About one MAC in 10^8
            // encodes to such a run; it is re-derived with a counter, which keeps the token deterministic.
            for (int attempt = 0; ; attempt++) {
                byte[] message = attempt == 0 ? input : withCounter(input, attempt);
                String body = BASE64URL.encodeToString(prf.compute(message, TOKEN_BYTES));
                if (!TWELVE_DIGITS.matcher(body).find()) {
                    return new Token(prefix + body);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed for a " + kind + " token", e);
        }
    }

    static byte[] withCounter(byte[] input, int attempt) {
        byte[] suffix = ("\u0000" + attempt).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[input.length + suffix.length];
        System.arraycopy(input, 0, out, 0, input.length);
        System.arraycopy(suffix, 0, out, input.length, suffix.length);
        return out;
    }

    /**
     * The value's token under every live key version, current first: what a join or an erasure must look for, since
     * records written before a rotation carry the older version's token.
     */
    public List<Token> everyLiveVersion(TokenKind kind, String value) {
        List<Token> tokens = new ArrayList<>(prfs.size());
        tokens.add(tokenize(kind, value, current));
        for (int version : prfs.descendingKeySet()) {
            if (version != current) {
                tokens.add(tokenize(kind, value, version));
            }
        }
        return List.copyOf(tokens);
    }

    /**
     * A keyed opaque identifier {@code <prefix>-<32 hex>} for ids that must travel in identifier-shaped fields (e.g. a
     * transaction id derived from a customer id): same input under the same current key, same id; not reversible.
     */
    public String opaqueId(TokenKind kind, String value) {
        try {
            byte[] mac = prfs.get(current).compute((kind.prefix() + ":" + value).getBytes(StandardCharsets.UTF_8), 16);
            return kind.prefix() + "-" + HexFormat.of().formatHex(mac);
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

    @Override
    public String toString() {
        return "Tokenizer[current=v" + current + ", versions=" + prfs.keySet() + "]";
    }
}
