package io.cdp.transformer.features;

import io.cdp.features.online.FeatureStoreItem;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The feature store in memory, with the same conditional semantics: for tests and the in-process benchmark. */
public final class InMemoryFeatureStore implements FeatureStore {

    private final Map<String, StoredEntity> items = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredEntity> get(String entityKey) {
        return Optional.ofNullable(items.get(entityKey));
    }

    @Override
    public boolean putState(StoredEntity next, long expectedVersion) {
        boolean[] written = {false};
        items.compute(next.entityKey(), (k, current) -> {
            long version = current == null ? 0 : current.version();
            if (version != expectedVersion) {
                return current;
            }
            written[0] = true;
            Map<String, Object> attributes = new HashMap<>(current == null ? Map.of() : current.attributes());
            attributes.putAll(next.attributes());
            return new StoredEntity(k, next.version(), next.state(), attributes);
        });
        return written[0];
    }

    @Override
    public void putProfile(String entityKey, Map<String, Object> attributes, long updatedAtMillis) {
        items.compute(entityKey, (k, current) -> {
            Map<String, Object> merged = new HashMap<>(current == null ? Map.of() : current.attributes());
            Object previous = merged.get(FeatureStoreItem.PROFILE_UPDATED_AT);
            if (previous instanceof Number n && n.longValue() >= updatedAtMillis) {
                return current;
            }
            merged.putAll(attributes);
            merged.put(FeatureStoreItem.PROFILE_UPDATED_AT, updatedAtMillis);
            return current == null
                    ? new StoredEntity(k, 0, new byte[0], merged)
                    : new StoredEntity(k, current.version(), current.state(), merged);
        });
    }

    public int size() {
        return items.size();
    }
}
