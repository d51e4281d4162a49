package io.cdp.pii.crypto;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/** A {@link DataKeyStore} in memory, for unit tests and benchmarks that leave DynamoDB out of the measurement. */
public final class InMemoryDataKeyStore implements DataKeyStore {

    private final ConcurrentMap<String, StoredKey> keys = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredKey> find(String keyRef) {
        return Optional.ofNullable(keys.get(keyRef));
    }

    @Override
    public boolean putIfAbsent(StoredKey key) {
        return keys.putIfAbsent(key.keyRef(), key) == null;
    }

    @Override
    public boolean replaceWrapped(String keyRef, byte[] wrapped, String masterKeyId) {
        boolean[] replaced = {false};
        keys.computeIfPresent(keyRef, (ref, old) -> {
            if (old.erased()) {
                return old;
            }
            replaced[0] = true;
            return new StoredKey(ref, wrapped, masterKeyId, old.createdAt(), Optional.empty());
        });
        return replaced[0];
    }

    @Override
    public void erase(String keyRef, Instant at) {
        keys.put(keyRef, new StoredKey(keyRef, new byte[0], "-", at, Optional.of(at)));
    }

    @Override
    public void forEach(Consumer<StoredKey> action) {
        keys.values().forEach(action);
    }
}
