package io.cdp.events.pii;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A field encrypted in the core-banking zone, in the CDP ciphertext envelope ({@link CiphertextEnvelope}:
 * {@code ct1.<keyRef>.<base64url nonce+sealed+tag>}). Only the core-banking zone can decrypt it; to anyone else it is
 * opaque bytes. The constructor parses the envelope (known version, key reference, base64url body at least as long as
 * nonce and tag), so plaintext that merely looks dotted cannot pass as ciphertext.
 */
public record Ciphertext(String value) {

    /**
     * The shape, as in {@code common.v1.json}'s {@code ciphertext} definition (a test keeps the two equal); a constant so
     * request validation ({@code @Pattern(regexp = Ciphertext.PATTERN)}) uses this very text. Built from the envelope's
     * own constants so the format has one definition.
     */
    public static final String PATTERN = "^" + CiphertextEnvelope.VERSION + "\\." + CiphertextEnvelope.KEY_REF_PATTERN
            + "\\.[A-Za-z0-9_-]{" + CiphertextEnvelope.MIN_SEALED_CHARS + ",}$";

    public Ciphertext {
        if (value == null) {
            throw new IllegalArgumentException("not a CDP ciphertext: was null");
        }
        CiphertextEnvelope.parse(value);
    }

    @JsonCreator
    public static Ciphertext of(String value) {
        return new Ciphertext(value);
    }

    /** The format version, so readers can refuse formats they do not know. */
    public int formatVersion() {
        return Integer.parseInt(value.substring(2, value.indexOf('.')));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        // ciphertext is safe to log, but long; the prefix is enough to correlate
        return value.substring(0, Math.min(16, value.length())) + "...";
    }
}
