package io.cdp.pii.crypto;

/** The data key of a subject no longer exists (the customer was erased): their ciphertexts are gone for good. */
public final class KeyShreddedException extends UnreadableCiphertextException {

    public KeyShreddedException(String keyRef) {
        super("data key " + keyRef + " has been erased (crypto-shredded); its ciphertexts cannot be decrypted");
    }
}
