package io.cdp.features.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import io.cdp.features.window.ApplyOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The online vector computed over a history (training) and one transaction at a time from stored state (stream and
 * API) must be identical, also when the state goes through its bytes between every transaction, as it does in the
 * feature store.
 */
class OnlineFeaturesParityTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    /** Several cards, bursts seconds apart, equal timestamps, gaps longer than a week, online and foreign merchants. */
    static List<OnlineTransaction> generate(long seed, int n) {
        Random rnd = new Random(seed);
        List<OnlineTransaction> txs = new ArrayList<>();
        long seconds = 0;
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(100);
            if (r < 2) {
                seconds += 9L * 86_400;
            } else if (r < 10) {
                seconds += 0; // same timestamp as the previous transaction
            } else if (r < 40) {
                seconds += rnd.nextInt(120);
            } else {
                seconds += rnd.nextInt(4 * 3600);
            }
            UseChip channel = UseChip.values()[rnd.nextInt(3)];
            boolean online = channel == UseChip.ONLINE;
            String state = online ? null : rnd.nextInt(10) == 0 ? "Italy" : "CA";
            List<String> errors = rnd.nextInt(15) == 0 ? List.of("Bad PIN") : List.of();
            int card = rnd.nextInt(5);
            txs.add(new OnlineTransaction(
                    "tx-" + seed + "-" + i,
                    "cus_" + card / 2,
                    "crd_" + card,
                    START.plusSeconds(seconds),
                    Math.round(rnd.nextDouble() * 30_000) / 100.0,
                    channel,
                    "m-" + rnd.nextInt(40),
                    online ? null : "Town",
                    state,
                    online ? null : "94105",
                    new int[] {5411, 5812, 5999, 4829}[rnd.nextInt(4)],
                    errors,
                    rnd.nextInt(20) == 0));
        }
        return txs;
    }

    private static TabFormerContext context(List<OnlineTransaction> txs) {
        LocalDate from = LocalDate.ofInstant(txs.getFirst().time(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(txs.getLast().time(), ZoneOffset.UTC);
        return MccRiskTables.fromTransactions(txs, from, to).context();
    }

    @Test
    void storedStateGivesExactlyTheBatchValuesForEveryTransactionInOrder() {
        for (long seed = 1; seed <= 4; seed++) {
            List<OnlineTransaction> txs = generate(seed, 2_000);
            TabFormerContext ctx = context(txs);
            double[][] batch = OnlineFeatures.batch(txs, ctx);
            Map<String, byte[]> store = new HashMap<>();
            for (int i = 0; i < txs.size(); i++) {
                OnlineTransaction tx = txs.get(i);
                byte[] stored = store.get(tx.cardToken());
                CardOnlineState state = stored == null ? CardOnlineState.empty() : CardOnlineState.fromBytes(stored);
                OnlineFeatures.Computed c = OnlineFeatures.compute(state, tx, ctx);
                assertThat(c.outcome()).isEqualTo(ApplyOutcome.APPLIED);
                assertThat(c.values()).as("seed %d tx %d", seed, i).containsExactly(batch[i]);
                store.put(tx.cardToken(), c.next().toBytes());
            }
        }
    }

    @Test
    void computeLeavesTheGivenStateAsItWas() {
        List<OnlineTransaction> txs = generate(11, 300).stream()
                .filter(t -> t.cardToken().equals("crd_1"))
                .toList();
        CardOnlineState state = CardOnlineState.empty();
        for (OnlineTransaction tx : txs.subList(0, txs.size() - 1)) {
            state = OnlineFeatures.compute(state, tx, TabFormerContext.withoutLabelsOrGeography())
                    .next();
        }
        byte[] before = state.toBytes();
        OnlineFeatures.Computed c =
                OnlineFeatures.compute(state, txs.getLast(), TabFormerContext.withoutLabelsOrGeography());
        assertThat(state.toBytes()).isEqualTo(before);
        assertThat(c.next()).isNotSameAs(state);
        assertThat(c.next().velocityWindow().size())
                .isEqualTo(state.velocityWindow().size() + 1);
    }

    @Test
    void aRedeliveryAfterTheBytesRoundTripReturnsTheFeaturesOfTheFirstDelivery() {
        List<OnlineTransaction> txs = generate(5, 400).stream()
                .filter(t -> t.cardToken().equals("crd_2"))
                .toList();
        TabFormerContext ctx = TabFormerContext.withoutLabelsOrGeography();
        double[][] batch = OnlineFeatures.batch(txs, ctx);
        CardOnlineState state = CardOnlineState.empty();
        for (OnlineTransaction tx : txs) {
            state = CardOnlineState.fromBytes(
                    OnlineFeatures.compute(state, tx, ctx).next().toBytes());
        }
        // a replay re-reads one uncheckpointed batch: the card's transactions of the last hours, still in its window
        Instant newest = txs.getLast().time();
        int replayFrom = txs.size() - 1;
        while (replayFrom > 0
                && txs.size() - replayFrom < 10
                && txs.get(replayFrom - 1).time().isAfter(newest.minusSeconds(6 * 3600))) {
            replayFrom--;
        }
        for (int i = replayFrom; i < txs.size(); i++) {
            OnlineFeatures.Computed again = OnlineFeatures.compute(state, txs.get(i), ctx);
            assertThat(again.outcome()).isEqualTo(ApplyOutcome.DUPLICATE);
            assertThat(again.next()).isSameAs(state);
            assertThat(again.values()).as("replay of tx %d", i).containsExactly(batch[i]);
        }
    }

    @Test
    void theItemAttributesDescribeTheStateTheyAreWrittenWith() {
        List<OnlineTransaction> txs = generate(3, 200).stream()
                .filter(t -> t.cardToken().equals("crd_0"))
                .toList();
        CardOnlineState state = CardOnlineState.empty();
        for (OnlineTransaction tx : txs) {
            state = OnlineFeatures.compute(state, tx, TabFormerContext.withoutLabelsOrGeography())
                    .next();
        }
        Map<String, Object> attributes =
                FeatureStoreItem.cardAttributes(state, txs.getLast().transactionId());
        assertThat(attributes)
                .containsEntry(
                        FeatureStoreItem.LAST_EVENT_TIME, txs.getLast().time().toEpochMilli())
                .containsEntry(FeatureStoreItem.LAST_TX_ID, txs.getLast().transactionId())
                .containsEntry(FeatureStoreItem.STATE_FORMAT, "card-state/1");
        assertThat(FeatureStoreItem.cardKey("crd_0")).isEqualTo("card#crd_0");
        assertThat(CardOnlineState.fromBytes(state.toBytes()).toBytes()).isEqualTo(state.toBytes());
    }
}
