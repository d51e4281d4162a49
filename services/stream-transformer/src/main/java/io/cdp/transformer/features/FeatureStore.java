package io.cdp.transformer.features;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The online feature store as the pipeline needs it. State writes are conditional on the version read, so two
 * writers of one key (a shard moving between instances, a customer's cards on two shards) never overwrite each
 * other: the loser reloads and re-applies, and the windows recognise what is already in.
 */
public interface FeatureStore {

    Optional<StoredEntity> get(String entityKey);

    /**
     * Reads many keys at once (strongly consistent, like {@link #get}); a key with no item maps to empty. Stores
     * that can, do it in few round trips.
     */
    default Map<String, Optional<StoredEntity>> getAll(Collection<String> entityKeys) {
        Map<String, Optional<StoredEntity>> out = new LinkedHashMap<>();
        for (String key : entityKeys) {
            out.put(key, get(key));
        }
        return out;
    }

    /**
     * Writes state and attributes if the stored version is still {@code expectedVersion} (0: no state yet); leaves
     * other attributes of the item (profile values) untouched.
     *
     * @return false when someone else wrote first
     */
    boolean putState(StoredEntity next, long expectedVersion);

    /**
     * Sets profile attributes (from customer and card events) if {@code updatedAt} is newer than the item's
     * profile, without touching its state: the state has its own writers and version.
     */
    void putProfile(String entityKey, Map<String, Object> attributes, long updatedAtMillis);

    /** Forgets a cached copy after a lost race, so the next read sees the winner. */
    default void evict(String entityKey) {}
}
