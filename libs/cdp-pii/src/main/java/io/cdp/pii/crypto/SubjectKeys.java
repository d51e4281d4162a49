package io.cdp.pii.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of per-subject (per-customer) data keys: created on first use with KMS GenerateDataKey, stored
 * wrapped in the core zone, unwrapped once and then served from the {@link DataKeyCache}, re-wrapped on
 * master-key rotation, erased to crypto-shred a customer. Cached keys are re-checked against the store's
 * erasure tombstone every {@link DataKeyCache.Limits#revalidateAfter()}. Thread-safe.
 */
public final class SubjectKeys {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeys.class);
    private static final AesGcmParameters AES_256_GCM;

    static {
        try {
            AES_256_GCM = AesGcmParameters.builder()
                    .setKeySizeBytes(32)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeyWrapper wrapper;
    private final DataKeyStore store;
    private final DataKeyCache cache;
    private final Clock clock;

    public SubjectKeys(KeyWrapper wrapper, DataKeyStore store, DataKeyCache cache, Clock clock) {
        this.wrapper = wrapper;
        this.store = store;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The key to encrypt under: cached, else stored, else newly created. Refuses an erased subject: at once when the
     * erasure happened in this process, within the cache's {@code revalidateAfter} when it happened in another.
     */
    Aead forEncryption(String keyRef) {
        Aead cached = cached(keyRef, SubjectErasedException::new);
        if (cached != null) {
            return cached;
        }
        long readAt = cache.now();
        Optional<DataKeyStore.StoredKey> stored = store.find(keyRef);
        if (stored.isEmpty()) {
            KeyWrapper.NewDataKey created = wrapper.generate(keyRef);
            try {
                // conditional on no item at all: a tombstone written by a concurrent erasure wins over a new key
                if (store.putIfAbsent(new DataKeyStore.StoredKey(
                        keyRef, created.wrapped(), created.masterKeyId(), clock.instant(), Optional.empty()))) {
                    return remember(keyRef, created.plaintext(), readAt);
                }
            } finally {
                Arrays.fill(created.plaintext(), (byte) 0);
            }
            // another writer created it (or erased the subject) first: use theirs, so one subject never has two keys
            readAt = cache.now();
            stored = store.find(keyRef);
        }
        DataKeyStore.StoredKey key = stored.orElseThrow(() -> new IllegalStateException("key " + keyRef + " vanished"));
        if (key.erased()) {
            cache.invalidate(keyRef);
            throw new SubjectErasedException(keyRef);
        }
        return unwrapAndRemember(key, readAt);
    }

    /**
     * The key to decrypt with; {@link KeyShreddedException} when it was erased, {@link UnknownSubjectException} when
     * it never existed.
     */
    Aead forDecryption(String keyRef) {
        Aead cached = cached(keyRef, KeyShreddedException::new);
        if (cached != null) {
            return cached;
        }
        long readAt = cache.now();
        DataKeyStore.StoredKey key = store.find(keyRef).orElseThrow(() -> new UnknownSubjectException(keyRef));
        if (key.erased()) {
            cache.invalidate(keyRef);
            throw new KeyShreddedException(keyRef);
        }
        return unwrapAndRemember(key, readAt);
    }

    /**
     * A cached key, re-checked against the store once its validation period is over (a consistent read, no KMS
     * call); null when not cached.
     */
    private Aead cached(String keyRef, java.util.function.Function<String, RuntimeException> erased) {
        DataKeyCache.Lease lease = cache.acquire(keyRef);
        if (lease == null) {
            return null;
        }
        if (lease.revalidate()) {
            long readAt = cache.now();
            Optional<DataKeyStore.StoredKey> stored = store.find(keyRef);
            if (stored.isEmpty() || stored.get().erased()) {
                cache.invalidate(keyRef);
                log.info("data key {} was erased elsewhere; dropped from this process's cache", keyRef);
                throw erased.apply(keyRef);
            }
            cache.revalidated(keyRef, readAt);
        }
        return lease.aead();
    }

    /**
     * Crypto-shreds a subject: the wrapped key is replaced by a tombstone and dropped from this process's
     * cache. Every ciphertext under it, in any stream record or lake object, is unreadable from now on. The
     * tombstone is an unconditional write, and every other write to the key item is conditional on its state
     * (creation on no item, rotation on an active key), so erasure wins against any concurrent writer; other
     * processes' caches drop the key within {@link DataKeyCache.Limits#revalidateAfter()}.
     */
    public void erase(String keyRef) {
        CiphertextFormat.checkKeyRef(keyRef);
        store.erase(keyRef, clock.instant());
        // after the tombstone: a load in another thread that read the key before it can no longer cache it
        cache.invalidate(keyRef);
        log.info("data key {} erased (crypto-shredded)", keyRef);
    }

    /**
     * Key rotation: every active data key is re-wrapped under {@code newMasterKeyId} (KMS ReEncrypt, the
     * plaintext key never leaves KMS); no field ciphertext changes. Returns how many keys were re-wrapped.
     */
    public int rewrapAll(String newMasterKeyId) {
        AtomicInteger count = new AtomicInteger();
        store.forEach(key -> {
            // a key erased between the scan and the write is left erased: replaceWrapped is conditional
            if (!key.erased()
                    && store.replaceWrapped(
                            key.keyRef(),
                            wrapper.rewrap(key.keyRef(), key.wrapped(), newMasterKeyId),
                            newMasterKeyId)) {
                count.incrementAndGet();
            }
        });
        log.info("re-wrapped {} data keys under a new master key", count.get());
        return count.get();
    }

    public DataKeyCache cache() {
        return cache;
    }

    private Aead unwrapAndRemember(DataKeyStore.StoredKey key, long readAt) {
        byte[] plaintext = wrapper.unwrap(key.keyRef(), key.wrapped());
        try {
            return remember(key.keyRef(), plaintext, readAt);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private Aead remember(String keyRef, byte[] plaintext, long validatedAt) {
        try {
            Aead aead = AesGcmJce.create(AesGcmKey.builder()
                    .setParameters(AES_256_GCM)
                    .setKeyBytes(SecretBytes.copyFrom(plaintext, InsecureSecretKeyAccess.get()))
                    .build());
            cache.put(keyRef, aead, validatedAt);
            return aead;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build AES-256-GCM for key " + keyRef, e);
        }
    }
}
