package io.cdp.trainer.online;

import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Seeds the feature store with every card's state at the end of the lake's history, so the live share that follows
 * is scored with the card windows the model was trained with, not as a run of cold starts (the skew a model trained
 * on continuous history would otherwise meet on its first day). Written with the stream's own conditional write as
 * version 1 of an item that has no state yet: a card the transformer already wrote is left alone, so running it
 * twice, or after the stream started, changes nothing.
 */
public final class FeatureBackfill {

    /** What a run did: cards written, and cards left alone because the store already had their state. */
    public record Result(int written, int alreadyThere) {}

    private FeatureBackfill() {}

    public static Result run(
            DynamoDbClient dynamoDb, String featuresTable, List<OnlineTransaction> history, Clock clock) {
        MccRiskTables tables = history.isEmpty()
                ? MccRiskTables.none()
                : MccRiskTables.fromTransactions(
                        history,
                        TemporalSplit.day(history.getFirst()),
                        TemporalSplit.day(history.getLast()).plusDays(1));
        Map<String, CardOnlineState> states = new LinkedHashMap<>();
        Map<String, String> lastTx = new LinkedHashMap<>();
        for (OnlineTransaction tx : history) {
            CardOnlineState state = states.getOrDefault(tx.cardToken(), CardOnlineState.empty());
            states.put(
                    tx.cardToken(),
                    OnlineFeatures.compute(state, tx, tables.context()).next());
            lastTx.put(tx.cardToken(), tx.transactionId());
        }
        int written = 0;
        int alreadyThere = 0;
        for (Map.Entry<String, CardOnlineState> card : states.entrySet()) {
            CardOnlineState state = card.getValue();
            try {
                dynamoDb.updateItem(FeatureStoreDynamo.stateUpdate(
                        featuresTable,
                        FeatureStoreItem.cardKey(card.getKey()),
                        0,
                        1,
                        state.toBytes(),
                        FeatureStoreItem.cardAttributes(state, lastTx.get(card.getKey())),
                        clock.instant()));
                written++;
            } catch (ConditionalCheckFailedException e) {
                alreadyThere++;
            }
        }
        return new Result(written, alreadyThere);
    }
}
