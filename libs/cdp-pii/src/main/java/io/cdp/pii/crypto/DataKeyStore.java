package io.cdp.pii.crypto;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where wrapped data keys live in the core zone (DynamoDB in production). An erased key leaves a
 * tombstone, so a later write for the same customer cannot silently mint a fresh key and resurrect them.
 */
public interface DataKeyStore {

    /** One stored key: active (wrapped bytes present) or erased (tombstone). */
    record StoredKey(String keyRef, byte[] wrapped, String masterKeyId, Instant createdAt, Optional<Instant> erasedAt) {

        public boolean erased() {
            return erasedAt.isPresent();
        }
    }

    Optional<StoredKey> find(String keyRef);

    /** Stores the key unless one (or a tombstone) exists; returns false when it lost that race. */
    boolean putIfAbsent(StoredKey key);

    /**
     * Replaces the wrapped bytes of an active key (rotation); false, changing nothing, when the key was erased
     * meanwhile (the write is conditional on an active key, so rotation never brings an erased key back).
     */
    boolean replaceWrapped(String keyRef, byte[] wrapped, String masterKeyId);

    /** Deletes the wrapped key and leaves a tombstone; unconditional, so no concurrent write can undo it. */
    void erase(String keyRef, Instant at);

    void forEach(Consumer<StoredKey> action);
}
