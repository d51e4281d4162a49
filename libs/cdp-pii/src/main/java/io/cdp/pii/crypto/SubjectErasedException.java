package io.cdp.pii.crypto;

/** A write for a customer who has been erased: refusing it keeps an erasure from being undone by new data. */
public final class SubjectErasedException extends RuntimeException {

    public SubjectErasedException(String keyRef) {
        super("subject " + keyRef + " has been erased; no new personal data is encrypted for it");
    }
}
