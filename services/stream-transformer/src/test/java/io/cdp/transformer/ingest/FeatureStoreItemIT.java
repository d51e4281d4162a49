package io.cdp.transformer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.WireTransactions;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.transformer.features.DynamoFeatureStore;
import io.cdp.transformer.lake.ScoredRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The transformer's side of the feature-store contract (the scoring API's side is its {@code FeatureStoreContractIT}),
 * against the emulator: the real pipeline and {@link DynamoFeatureStore} write a card's item exactly as
 * {@link FeatureStoreItem} of libs/cdp-features defines it, and what a reader computes from that item alone for the
 * card's next transaction, as an authorization request carries it (no customer token, no merchant city), is the
 * vector the transformer then scores that transaction with.
 */
@AwsEmulatorTest
class FeatureStoreItemIT {

    private static final EventCodec CODEC = new EventCodec();

    private static List<RawRecord> records(List<TransactionRecordedV1> txs, int firstSequence) {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < txs.size(); i++) {
            TransactionRecordedV1 tx = txs.get(i);
            out.add(new RawRecord(
                    CODEC.encode(Envelope.of("core-banking", tx.cardToken().value(), tx.transactionTime(), tx)),
                    String.format("%020d", firstSequence + i)));
        }
        return out;
    }

    private static OnlineTransaction asRequest(TransactionRecordedV1 tx) {
        OnlineTransaction wire = WireTransactions.online(tx);
        return new OnlineTransaction(
                wire.transactionId(),
                null,
                wire.cardToken(),
                wire.time(),
                wire.amount(),
                wire.channel(),
                wire.merchantId(),
                null,
                wire.merchantState(),
                wire.merchantZip(),
                wire.mcc(),
                wire.errors(),
                false);
    }

    @Test
    void theStoredItemIsTheSharedLayoutAndYieldsTheVectorTheTransformerScoresTheNextTransactionWith(
            CdpResources names, AwsClients clients) {
        String table = names.table(CdpResources.Table.FEATURES);
        InMemoryEffects effects = new InMemoryEffects();
        TransactionPipeline pipeline =
                effects.pipeline(new DynamoFeatureStore(clients.dynamoDb(), table, Clock.systemUTC()));
        List<TransactionRecordedV1> txs = SyntheticCardHistory.takeovers(
                23,
                30,
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3)),
                Duration.ofDays(3),
                8,
                0.3);
        String card = txs.stream()
                .collect(Collectors.groupingBy(t -> t.cardToken().value(), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        List<TransactionRecordedV1> cardTxs =
                txs.stream().filter(t -> t.cardToken().value().equals(card)).toList();
        TransactionRecordedV1 next = cardTxs.getLast();
        List<TransactionRecordedV1> before = txs.stream().filter(t -> t != next).toList();
        for (int from = 0; from < before.size(); from += 25) {
            pipeline.processTransactions(
                    "s", "shard-0", records(before.subList(from, Math.min(before.size(), from + 25)), from));
        }

        Map<String, AttributeValue> item = clients.dynamoDb()
                .getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(card)))))
                .item();
        CardOnlineState stored =
                CardOnlineState.fromBytes(item.get(FeatureStoreItem.STATE).b().asByteArray());
        TransactionRecordedV1 lastWritten = cardTxs.get(cardTxs.size() - 2);
        assertThat(stored.velocityWindow().size()).isEqualTo(cardTxs.size() - 1);
        FeatureStoreItem.cardAttributes(stored, lastWritten.transactionId())
                .forEach((name, value) -> assertThat(
                                value instanceof Number
                                        ? item.get(name).n()
                                        : item.get(name).s())
                        .as(name)
                        .isEqualTo(value.toString()));
        assertThat(item).containsKeys(FeatureStoreItem.VERSION, FeatureStoreItem.EXPIRES_AT);

        TabFormerContext ctx = InMemoryEffects.MODEL.tables().context();
        double[] reader = OnlineFeatures.compute(stored, asRequest(next), ctx).values();
        pipeline.processTransactions("s", "shard-0", records(List.of(next), before.size()));
        ScoredRow scored = effects.lakeRows().stream()
                .filter(r -> r.transactionId().equals(next.transactionId()))
                .max(Comparator.comparing(ScoredRow::scoredAt))
                .orElseThrow();

        assertThat(OnlineFeatures.SCHEMA.asMap(reader))
                .as("a reader's vector from the item alone")
                .isEqualTo(OnlineFeatures.SCHEMA.asMap(scored.features()))
                .isEqualTo(OnlineFeatures.SCHEMA.asMap(WireTransactions.batch(cardTxs, ctx)[cardTxs.size() - 1]));
    }
}
