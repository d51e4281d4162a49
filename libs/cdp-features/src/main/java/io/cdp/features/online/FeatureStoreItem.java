package io.cdp.features.online;

import java.util.Map;

/**
 * The online feature store's item layout (DynamoDB table {@code features}), the one definition its writers and
 * readers use. Each item is one entity:
 * <pre>
 * entityKey      S  "card#" + card token, or "customer#" + customer token
 * state          B  card: {@link CardOnlineState#toBytes()}; customer: the transformer's customer window
 * version        N  count of state writes; every state write is conditioned on the version it read
 *                   ({@code attribute_not_exists(version)} for the first)
 * lastEventTime  N  epoch ms of the newest applied transaction
 * lastTxId       S  its transaction id
 * txCount1w      N  transactions in the week up to it (customer items add amount1w)
 * stateFormat    S  {@link CardOnlineState#FORMAT_NAME} for a card
 * expiresAt      N  epoch seconds, the table's TTL attribute, pushed forward by every state write
 * profile        S/N set by card and customer events (profileUpdatedAt guards their order), never by state writes
 * </pre>
 * A state write sets exactly {@link #STATE}, {@link #VERSION}, {@link #EXPIRES_AT} and {@link #cardAttributes} with
 * an {@code UpdateItem}, so profile attributes on the same item survive it.
 */
public final class FeatureStoreItem {

    public static final String KEY = "entityKey";
    public static final String CARD_PREFIX = "card#";
    public static final String CUSTOMER_PREFIX = "customer#";

    public static final String STATE = "state";
    public static final String VERSION = "version";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String LAST_EVENT_TIME = "lastEventTime";
    public static final String LAST_TX_ID = "lastTxId";
    public static final String TX_COUNT_1W = "txCount1w";
    public static final String AMOUNT_1W = "amount1w";
    public static final String STATE_FORMAT = "stateFormat";
    public static final String PROFILE_UPDATED_AT = "profileUpdatedAt";

    private FeatureStoreItem() {}

    public static String cardKey(String cardToken) {
        return CARD_PREFIX + cardToken;
    }

    public static String customerKey(String customerToken) {
        return CUSTOMER_PREFIX + customerToken;
    }

    /**
     * The readable attributes a card's state write sets beside {@link #STATE} (for readers that do not parse state).
     *
     * @param lastTxId id of the newest transaction applied to {@code state}
     */
    public static Map<String, Object> cardAttributes(CardOnlineState state, String lastTxId) {
        return Map.of(
                LAST_EVENT_TIME,
                state.lastEventTime(),
                LAST_TX_ID,
                lastTxId,
                TX_COUNT_1W,
                state.countLastWeek(),
                STATE_FORMAT,
                CardOnlineState.FORMAT_NAME);
    }
}
