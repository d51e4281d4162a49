package io.cdp.pii.crypto;

/**
 * A ciphertext names a key reference for which no data key was ever created: not a customer of this bank (or a
 * forged value). Distinct from {@link KeyShreddedException}, where the key existed and was erased.
 */
public final class UnknownSubjectException extends UnreadableCiphertextException {

    public UnknownSubjectException(String keyRef) {
        super("no data key exists for " + keyRef + "; the ciphertext names no known customer");
    }
}
