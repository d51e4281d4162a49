package io.cdp.transformer.features;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-process cache in front of the store. A card's events all come to the instance that owns its shard, so after
 * the first read its state is served from memory and only writes go out. The cache is never trusted blindly: writes
 * stay conditional on the version, and a lost race (the shard moved, or a customer's other card wrote first) evicts
 * the entry so the retry reads the winner.
 */
public final class CachingFeatureStore implements FeatureStore {

    private final FeatureStore delegate;
    private final Map<String, StoredEntity> cache;

    public CachingFeatureStore(FeatureStore delegate, int maxEntries) {
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, StoredEntity> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Optional<StoredEntity> get(String entityKey) {
        synchronized (cache) {
            StoredEntity cached = cache.get(entityKey);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<StoredEntity> loaded = delegate.get(entityKey);
        loaded.filter(StoredEntity::hasState).ifPresent(e -> {
            synchronized (cache) {
                cache.put(entityKey, e);
            }
        });
        return loaded;
    }

    /** Cache first; the misses in one batched read of the delegate. */
    @Override
    public Map<String, Optional<StoredEntity>> getAll(Collection<String> entityKeys) {
        Map<String, Optional<StoredEntity>> out = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        synchronized (cache) {
            for (String key : entityKeys) {
                StoredEntity cached = cache.get(key);
                if (cached != null) {
                    out.put(key, Optional.of(cached));
                } else {
                    misses.add(key);
                }
            }
        }
        if (!misses.isEmpty()) {
            Map<String, Optional<StoredEntity>> loaded = delegate.getAll(misses);
            synchronized (cache) {
                loaded.forEach(
                        (key, value) -> value.filter(StoredEntity::hasState).ifPresent(e -> cache.putIfAbsent(key, e)));
            }
            out.putAll(loaded);
        }
        return out;
    }

    @Override
    public boolean putState(StoredEntity next, long expectedVersion) {
        boolean written = delegate.putState(next, expectedVersion);
        synchronized (cache) {
            if (written) {
                // keep the profile attributes the cached copy had: the state write leaves them in the item too
                StoredEntity previous = cache.get(next.entityKey());
                Map<String, Object> attributes =
                        new java.util.HashMap<>(previous == null ? Map.of() : previous.attributes());
                attributes.putAll(next.attributes());
                cache.put(
                        next.entityKey(), new StoredEntity(next.entityKey(), next.version(), next.state(), attributes));
            } else {
                cache.remove(next.entityKey());
            }
        }
        return written;
    }

    @Override
    public void putProfile(String entityKey, Map<String, Object> attributes, long updatedAtMillis) {
        delegate.putProfile(entityKey, attributes, updatedAtMillis);
        synchronized (cache) {
            cache.remove(entityKey);
        }
    }

    @Override
    public void evict(String entityKey) {
        synchronized (cache) {
            cache.remove(entityKey);
        }
    }

    /** Forgets everything: used when this instance may have lost shards it owned. */
    public void clear() {
        synchronized (cache) {
            cache.clear();
        }
    }
}
