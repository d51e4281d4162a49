package io.cdp.scoringapi.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.payload.Channel;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import io.cdp.scoringapi.api.ScoreRequest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The feature-store contract between the stream transformer (writer) and this service (reader), against the emulator
 * and with nothing but libs/cdp-features in common: a card's item written the way the transformer's
 * {@code DynamoFeatureStore} writes it (state bytes, version-conditioned {@code UpdateItem}, the readable attributes of
 * {@link FeatureStoreItem}, profile attributes set by card events) is read by the real {@link FeatureStore}, and the
 * vector it yields for the card's next transaction, as an authorization request carries it, is exactly the vector the
 * transformer computes for that transaction from its own state, and the one training computes over the history.
 * The transformer's side of the same contract is its {@code FeatureStoreItemIT}.
 */
@AwsEmulatorTest
class FeatureStoreContractIT {

    private static final String CARD = "crd_v1_Q29udHJhY3RUZXN0Q2FyZDAxLi4uLi4uLi4uLi4uLi4";
    private static final String CUSTOMER = "cus_v1_Q29udHJhY3RUZXN0Q3VzdDAxLi4uLi4uLi4uLi4uLi4";
    private static final FeatureStoreProperties PROPERTIES = new FeatureStoreProperties(
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            1000,
            true,
            2,
            1000,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            16);

    private static CdpResources names;
    private static AwsClients clients;
    private static String table;

    @BeforeAll
    static void emulator(CdpResources resources, AwsClients awsClients) {
        names = resources;
        clients = awsClients;
        table = names.table(CdpResources.Table.FEATURES);
    }

    /** The card's transactions as the stream has them: customer token, merchant city and label included. */
    private static List<OnlineTransaction> history(Instant end) {
        Random random = new Random(17);
        List<OnlineTransaction> txs = new ArrayList<>();
        Instant t = end.minus(6, ChronoUnit.DAYS);
        for (int i = 0; i < 40; i++) {
            boolean burst = i >= 30;
            t = t.plusSeconds(burst ? 20 + random.nextInt(40) : 3_600 + random.nextInt(8 * 3_600));
            UseChip channel = burst ? UseChip.ONLINE : i % 5 == 0 ? UseChip.SWIPE : UseChip.CHIP;
            boolean online = channel == UseChip.ONLINE;
            String state = online ? null : i % 11 == 0 ? "Italy" : "CA";
            txs.add(new OnlineTransaction(
                    "tx-contract-" + i,
                    CUSTOMER,
                    CARD,
                    t,
                    burst ? 1 + random.nextInt(300) / 100.0 : 15 + random.nextInt(9_000) / 100.0,
                    channel,
                    burst ? "fm-" + i : "m-home-" + i % 4,
                    online ? null : "Town",
                    state,
                    online ? null : "94105",
                    burst ? 5999 : new int[] {5411, 5812, 5541}[i % 3],
                    i % 13 == 0 ? List.of("Bad PIN") : List.of(),
                    burst));
        }
        return txs;
    }

    /** What the transformer's {@code DynamoFeatureStore.putProfile} sets when a card event arrives. */
    private static void cardEvent(String key) {
        clients.dynamoDb()
                .updateItem(b -> b.tableName(table)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(key)))
                        .updateExpression("SET #p = :p, brand = :brand, cardLast4 = :last4")
                        .expressionAttributeNames(Map.of("#p", FeatureStoreItem.PROFILE_UPDATED_AT))
                        .expressionAttributeValues(Map.of(
                                ":p",
                                AttributeValue.fromN("1"),
                                ":brand",
                                AttributeValue.fromS("Visa"),
                                ":last4",
                                AttributeValue.fromS("****1234"))));
    }

    /** The transformer's state write: the shared conditional write with the pipeline's card attributes. */
    private static void transformerWrite(String key, CardOnlineState state, long expectedVersion, String lastTxId) {
        clients.dynamoDb()
                .updateItem(FeatureStoreDynamo.stateUpdate(
                        table,
                        key,
                        expectedVersion,
                        expectedVersion + 1,
                        state.toBytes(),
                        FeatureStoreItem.cardAttributes(state, lastTxId),
                        Instant.now()));
    }

    /** The next transaction as an authorization request carries it: no customer token, no merchant city. */
    private static OnlineTransaction asRequest(OnlineTransaction tx) {
        return new ScoreRequest(
                        tx.transactionId(),
                        tx.cardToken(),
                        BigDecimal.valueOf(tx.amount()),
                        "USD",
                        tx.merchantId(),
                        tx.merchantState(),
                        tx.merchantZip(),
                        tx.mcc(),
                        Channel.valueOf(tx.channel().name()),
                        tx.time(),
                        tx.errors())
                .toInput();
    }

    @Test
    void theApiReadsWhatTheTransformerWritesAndComputesTheTransformersVectorForTheNextTransaction() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
        List<OnlineTransaction> all = history(end);
        List<OnlineTransaction> written = all.subList(0, all.size() - 1);
        OnlineTransaction next = all.getLast();
        // the MCC risk tables published with the model, as the API loads them
        List<OnlineTransaction> labelled = new ArrayList<>();
        for (int d = 40; d > 8; d--) {
            for (int mcc : new int[] {5999, 5411, 5812, 5541}) {
                labelled.add(new OnlineTransaction(
                        "tx-labelled-" + d + "-" + mcc,
                        "cus_other",
                        "crd_other",
                        end.minus(d, ChronoUnit.DAYS).plusSeconds(mcc),
                        10,
                        UseChip.CHIP,
                        "m-other",
                        null,
                        "CA",
                        "94105",
                        mcc,
                        List.of(),
                        mcc == 5999 && d % 3 == 0));
            }
        }
        labelled.addAll(all);
        labelled.sort(java.util.Comparator.comparing(OnlineTransaction::time));
        LocalDate firstDay = LocalDate.ofInstant(labelled.getFirst().time(), ZoneOffset.UTC);
        MccRiskTableStore.publish(
                clients.s3(),
                names.bucket(CdpResources.Bucket.MODELS),
                MccRiskTables.fromTransactions(
                        labelled, firstDay, LocalDate.now(ZoneOffset.UTC).plusDays(1)));
        OnlineContext context = new OnlineContext(clients.s3(), names.bucket(CdpResources.Bucket.MODELS));
        context.refresh();
        TabFormerContext ctx = context.current();

        // the transformer: a card event, then the card's transactions in batches of 7, one conditional write each
        String key = FeatureStoreItem.cardKey(CARD);
        cardEvent(key);
        CardOnlineState transformerState = CardOnlineState.empty();
        long version = 0;
        for (int from = 0; from < written.size(); from += 7) {
            List<OnlineTransaction> batch = written.subList(from, Math.min(written.size(), from + 7));
            batch.forEach(tx -> transformerState.apply(tx, ctx));
            transformerWrite(key, transformerState, version, batch.getLast().transactionId());
            version++;
        }

        // the API: its real reader against the emulator
        FeatureStore store = new FeatureStore(clients.dynamoDb(), table, PROPERTIES, Clock.systemUTC());
        StoredCard read = store.get(CARD);
        OnlineTransaction request = asRequest(next);
        OnlineFeatures.Computed api = OnlineFeatures.compute(read.state(), request, ctx);

        double[] transformer = transformerState.copy().apply(next, ctx).features();
        double[][] training = OnlineFeatures.batch(all, ctx);
        assertThat(read.version()).isEqualTo(version);
        assertThat(read.coldStart()).isFalse();
        assertThat(read.state().toBytes()).isEqualTo(transformerState.toBytes());
        assertThat(api.outcome().changedState()).isTrue();
        assertThat(OnlineFeatures.SCHEMA.asMap(api.values()))
                .as("the API's vector for the next transaction")
                .isEqualTo(OnlineFeatures.SCHEMA.asMap(transformer))
                .isEqualTo(OnlineFeatures.SCHEMA.asMap(training[training.length - 1]));
        assertThat(api.values()[OnlineFeatures.SCHEMA.indexOf("count_10m")])
                .as("the burst is visible")
                .isPositive();
        assertThat(api.values()[OnlineFeatures.SCHEMA.indexOf("mcc_risk_unknown")])
                .as("MCC risk is known")
                .isZero();

        // the API's own write (local profile) leaves the item as the transformer would have: same attributes, profile
        // kept
        assertThat(store.save(CARD, read, api.next(), request.transactionId())).isTrue();
        transformerState.apply(next, ctx);
        Map<String, AttributeValue> item = clients.dynamoDb()
                .getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(FeatureStoreItem.KEY, AttributeValue.fromS(key))))
                .item();
        assertThat(item.get(FeatureStoreItem.STATE).b().asByteArray()).isEqualTo(transformerState.toBytes());
        assertThat(item.get(FeatureStoreItem.VERSION).n()).isEqualTo(Long.toString(version + 1));
        FeatureStoreItem.cardAttributes(transformerState, next.transactionId())
                .forEach((name, value) -> assertThat(
                                value instanceof Number
                                        ? item.get(name).n()
                                        : item.get(name).s())
                        .as(name)
                        .isEqualTo(value.toString()));
        assertThat(item.get("brand").s()).isEqualTo("Visa");
        assertThat(item).containsKeys(FeatureStoreItem.EXPIRES_AT, FeatureStoreItem.PROFILE_UPDATED_AT);
    }

    @Test
    void aCardWithOnlyProfileAttributesIsAColdStart() {
        String card = "crd_v1_UHJvZmlsZU9ubHlDYXJkMDAwMQLi4uLi4uLi4uLi4uL";
        cardEvent(FeatureStoreItem.cardKey(card));

        StoredCard read = new FeatureStore(clients.dynamoDb(), table, PROPERTIES, Clock.systemUTC()).get(card);

        assertThat(read.coldStart()).isTrue();
        assertThat(read.version()).isZero();
    }

    @Test
    void aHotCardPicksUpTheTransformersWriteThroughTheBulkReloadWithoutReadingOnTheRequest() throws Exception {
        String[] cards = {
            "crd_v1_QnVsa1JlbG9hZENhcmQwMDAxLi4uLi4uLi4uLi4uLi4",
            "crd_v1_QnVsa1JlbG9hZENhcmQwMDAyLi4uLi4uLi4uLi4uLi4",
            "crd_v1_QnVsa1JlbG9hZENhcmQwMDAzLi4uLi4uLi4uLi4uLi4"
        };
        TabFormerContext ctx = MccRiskTables.none().context();
        CardOnlineState state = CardOnlineState.empty();
        for (OnlineTransaction tx :
                history(Instant.now().minus(1, ChronoUnit.HOURS)).subList(0, 5)) {
            state.apply(tx, ctx);
        }
        for (String card : cards) {
            transformerWrite(FeatureStoreItem.cardKey(card), state, 0, "tx-contract-4");
        }
        FeatureStoreProperties fast = new FeatureStoreProperties(
                Duration.ofMillis(400),
                Duration.ofSeconds(30),
                1000,
                false,
                2,
                1000,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1),
                16);
        try (FeatureStore store = new FeatureStore(clients.dynamoDb(), table, fast, Clock.systemUTC())) {
            for (String card : cards) {
                assertThat(store.get(card).version()).isEqualTo(1);
            }
            transformerWrite(FeatureStoreItem.cardKey(cards[1]), state, 1, "tx-contract-4");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.get(cards[1]).version() != 2 && System.nanoTime() < deadline) {
                store.get(cards[0]);
                store.get(cards[2]);
                Thread.sleep(20);
            }

            assertThat(store.get(cards[1]).version()).isEqualTo(2);
            assertThat(store.get(cards[0]).version()).isEqualTo(1);
            assertThat(store.get(cards[1]).state().toBytes()).isEqualTo(state.toBytes());
            assertThat(store.hitRate())
                    .as("after the three cold starts, every lookup came from memory")
                    .isGreaterThan(0.9);
        }
    }
}
