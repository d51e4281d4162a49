package io.cdp.pii.crypto;

import io.cdp.events.pii.Ciphertext;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Format {@code ct1.<keyRef>.<base64url(nonce ‖ sealed ‖ tag)>}. The key reference names the data key
 * (one per customer) held in the core zone; the wrapped data key itself is deliberately NOT embedded, so
 * deleting the core-zone copy of the key (crypto-shredding) leaves nothing anywhere that KMS could unwrap.
 * The version prefix lets a later format coexist with this one.
 */
final class CiphertextFormat {

    static final String VERSION = "ct1";
    private static final Pattern KEY_REF = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CiphertextFormat() {}

    record Parts(String keyRef, byte[] sealed) {}

    static void checkKeyRef(String keyRef) {
        if (!KEY_REF.matcher(keyRef).matches()) {
            throw new IllegalArgumentException("key reference must be 1-100 base64url characters");
        }
    }

    static Ciphertext format(String keyRef, byte[] sealed) {
        return new Ciphertext(VERSION + '.' + keyRef + '.' + ENCODER.encodeToString(sealed));
    }

    static Parts parse(Ciphertext ciphertext) {
        String value = ciphertext.value();
        String[] parts = value.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new UnreadableCiphertextException(
                    "unsupported ciphertext format (expected " + VERSION + ".<keyRef>.<sealed>)");
        }
        checkKeyRef(parts[1]);
        try {
            return new Parts(parts[1], DECODER.decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new UnreadableCiphertextException("ciphertext body is not base64url");
        }
    }
}
