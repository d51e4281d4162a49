package io.cdp.events.pii;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The one definition of the field-ciphertext envelope, {@code ct1.<keyRef>.<base64url(nonce ‖ sealed ‖ tag)>}:
 * {@link Ciphertext} checks values against it and {@code libs/cdp-pii} writes and reads values with it. It lives here,
 * not in cdp-pii, because the contract module cannot depend on the crypto library yet must refuse anything that is not a
 * real envelope (plaintext with dots in it used to pass as "ciphertext").
 *
 * <p>The key reference names the subject's data key held in the core zone; the wrapped data key itself is deliberately
 * NOT embedded, so deleting the core-zone copy (crypto-shredding) leaves nothing that KMS could unwrap.
 */
public final class CiphertextEnvelope {

    /** The only format version written and read today; a later one gets its own constant beside this one. */
    public static final String VERSION = "ct1";

    /** AES-GCM nonce (12 bytes) plus tag (16 bytes): the sealed part of even an empty plaintext is this long. */
    public static final int MIN_SEALED_BYTES = 12 + 16;

    /** Key references: 1-100 base64url characters (a customer token's value in practice). */
    public static final String KEY_REF_PATTERN = "[A-Za-z0-9_-]{1,100}";

    /** Base64url of at least {@link #MIN_SEALED_BYTES} bytes is at least this many characters (unpadded). */
    static final int MIN_SEALED_CHARS = (MIN_SEALED_BYTES * 4 + 2) / 3;

    private static final Pattern KEY_REF = Pattern.compile("^" + KEY_REF_PATTERN + "$");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private CiphertextEnvelope() {}

    /** The envelope's parts; {@code sealed} is nonce, sealed bytes and tag as one array. */
    public record Parts(String keyRef, byte[] sealed) {}

    public static boolean isKeyRef(String keyRef) {
        return KEY_REF.matcher(keyRef).matches();
    }

    /** Formats an envelope; the key reference and the sealed bytes are checked like {@link #parse} would. */
    public static String format(String keyRef, byte[] sealed) {
        if (!isKeyRef(keyRef)) {
            throw new IllegalArgumentException("key reference must be 1-100 base64url characters");
        }
        if (sealed.length < MIN_SEALED_BYTES) {
            throw new IllegalArgumentException("sealed part shorter than nonce and tag");
        }
        return VERSION + '.' + keyRef + '.' + ENCODER.encodeToString(sealed);
    }

    /**
     * Parses an envelope, or throws {@link IllegalArgumentException} with a message that never echoes the value (it may
     * be plaintext that landed in the wrong field).
     */
    public static Parts parse(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException(
                    "not a CDP ciphertext: expected " + VERSION + ".<keyRef>.<base64url sealed> (value withheld)");
        }
        if (!isKeyRef(parts[1])) {
            throw new IllegalArgumentException(
                    "not a CDP ciphertext: key reference is not 1-100 base64url characters (value withheld)");
        }
        byte[] sealed;
        try {
            sealed = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a CDP ciphertext: sealed part is not base64url (value withheld)");
        }
        if (sealed.length < MIN_SEALED_BYTES) {
            throw new IllegalArgumentException("not a CDP ciphertext: sealed part shorter than the " + MIN_SEALED_BYTES
                    + " bytes of nonce and tag (value withheld)");
        }
        return new Parts(parts[1], sealed);
    }
}
