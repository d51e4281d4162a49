package io.cdp.pii.crypto;

import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.CiphertextEnvelope;

/**
 * The crypto side of the envelope {@code ct1.<keyRef>.<base64url(nonce ‖ sealed ‖ tag)>}, whose one definition is
 * {@link CiphertextEnvelope} in the contract module (so {@link Ciphertext} refuses anything that does not parse). The
 * key reference names the data key (one per customer) held in the core zone; the wrapped data key itself is
 * deliberately NOT embedded, so deleting the core-zone copy (crypto-shredding) leaves nothing KMS could unwrap.
 */
final class CiphertextFormat {

    static final String VERSION = CiphertextEnvelope.VERSION;

    private CiphertextFormat() {}

    record Parts(String keyRef, byte[] sealed) {}

    static void checkKeyRef(String keyRef) {
        if (!CiphertextEnvelope.isKeyRef(keyRef)) {
            throw new IllegalArgumentException("key reference must be 1-100 base64url characters");
        }
    }

    static Ciphertext format(String keyRef, byte[] sealed) {
        return new Ciphertext(CiphertextEnvelope.format(keyRef, sealed));
    }

    static Parts parse(Ciphertext ciphertext) {
        try {
            CiphertextEnvelope.Parts parts = CiphertextEnvelope.parse(ciphertext.value());
            return new Parts(parts.keyRef(), parts.sealed());
        } catch (IllegalArgumentException e) {
            // unreachable for a constructed Ciphertext, which parsed already; kept so a reader never trusts that alone
            throw new UnreadableCiphertextException(
                    "unsupported ciphertext format (expected " + VERSION + ".<keyRef>.<sealed>)");
        }
    }
}
