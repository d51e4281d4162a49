package io.cdp.transformer.features;

import io.cdp.features.online.FeatureStoreItem;
import java.util.Map;

/**
 * One feature-store item as the pipeline sees it, free of any storage API; the layout is {@link FeatureStoreItem}.
 *
 * @param entityKey  {@code card#<token>} or {@code customer#<token>}
 * @param version    how many state writes the item has had; 0 for an item without state yet
 * @param state      the serialized {@code CardOnlineState} or {@link CustomerState}; empty when there is none yet
 * @param attributes readable values beside the state (strings and numbers), for readers that do not parse state
 */
public record StoredEntity(String entityKey, long version, byte[] state, Map<String, Object> attributes) {

    public StoredEntity {
        attributes = Map.copyOf(attributes);
    }

    public boolean hasState() {
        return state.length > 0;
    }

    public static String cardKey(String cardToken) {
        return FeatureStoreItem.cardKey(cardToken);
    }

    public static String customerKey(String customerToken) {
        return FeatureStoreItem.customerKey(customerToken);
    }
}
