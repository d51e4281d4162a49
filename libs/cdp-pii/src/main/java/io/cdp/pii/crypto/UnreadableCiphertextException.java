package io.cdp.pii.crypto;

/**
 * A ciphertext that cannot be turned back into plaintext: unknown format, tampered, moved to another
 * record or field, or its customer's key was erased. The message never contains key or plaintext bytes.
 */
public class UnreadableCiphertextException extends RuntimeException {

    public UnreadableCiphertextException(String message) {
        super(message);
    }
}
