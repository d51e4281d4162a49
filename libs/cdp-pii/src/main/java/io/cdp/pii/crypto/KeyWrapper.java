package io.cdp.pii.crypto;

/**
 * Creates and unwraps data keys under a master key that never leaves its keeper (KMS in production).
 * The key reference is bound into each wrapping (the KMS encryption context), so a wrapped key stored
 * under one customer cannot be swapped in for another's.
 */
public interface KeyWrapper {

    record NewDataKey(byte[] plaintext, byte[] wrapped, String masterKeyId) {}

    NewDataKey generate(String keyRef);

    byte[] unwrap(String keyRef, byte[] wrapped);

    /** The same data key wrapped under another master key: key rotation without touching any ciphertext. */
    byte[] rewrap(String keyRef, byte[] wrapped, String newMasterKeyId);
}
