package io.cdp.scoringapi.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write-back's contract over a store in a map: ordering, batching, lost races, failures, back-pressure, drain. */
class CardStateWriteBackTest {

    private static final TabFormerContext CTX = MccRiskTables.none().context();
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private final MapStore store = new MapStore();
    private CardStateWriteBack writeBack;

    @AfterEach
    void close() {
        if (writeBack != null) {
            store.release();
            writeBack.close();
        }
    }

    private static OnlineTransaction tx(String card, int i) {
        return new OnlineTransaction(
                card + "-tx-" + i,
                null,
                card,
                T0.plusSeconds(60L * i),
                10 + i,
                UseChip.CHIP,
                "m-" + i % 3,
                null,
                "CA",
                "94105",
                5411,
                List.of(),
                false);
    }

    @Test
    void everyAcceptedTransactionIsStoredByTheTimeCloseReturns() {
        writeBack = new CardStateWriteBack(store, 4, 10_000, Duration.ofSeconds(10));
        for (int i = 0; i < 50; i++) {
            for (int c = 0; c < 20; c++) {
                writeBack.apply(tx("crd_" + c, i), CTX);
            }
        }
        writeBack.close();

        for (int c = 0; c < 20; c++) {
            assertThat(store.stored("crd_" + c).countLastWeek())
                    .as("card %d", c)
                    .isEqualTo(50);
        }
        assertThat(writeBack.unsaved()).isZero();
        assertThat(writeBack.stats().stored()).isEqualTo(1000);
        assertThatThrownBy(() -> writeBack.apply(tx("crd_0", 99), CTX)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRequestDoesNotWaitForTheWriteAndSeesItsOwnEarlierTransactions() throws Exception {
        store.hold();
        writeBack = new CardStateWriteBack(store, 2, 10_000, Duration.ofSeconds(10));

        CardStateWriteBack.Applied first = writeBack.apply(tx("crd_a", 0), CTX);
        assertThat(store.writeStarted.await(5, TimeUnit.SECONDS)).isTrue();
        // the first write is stuck in the store; the next requests still answer, from the state in memory
        CardStateWriteBack.Applied second = writeBack.apply(tx("crd_a", 1), CTX);
        CardStateWriteBack.Applied third = writeBack.apply(tx("crd_a", 2), CTX);

        assertThat(first.coldStart()).isTrue();
        assertThat(second.coldStart()).isFalse();
        assertThat(third.computed().values()).isEqualTo(expectedFeatures(3));
        assertThat(writeBack.unsaved()).isEqualTo(3);

        store.release();
        writeBack.close();
        assertThat(store.stored("crd_a").countLastWeek()).isEqualTo(3);
        // one write for the first transaction, one for the two that arrived while it was in flight
        assertThat(store.writes.get()).isEqualTo(2);
        assertThat(store.maxConcurrentPerCard.get()).isEqualTo(1);
        assertThat(store.versions.get("crd_a")).isEqualTo(2);
    }

    @Test
    void aLostRaceReappliesOurTransactionsOntoWhatTheOtherWriterStored() {
        // another writer (a second instance) stored a transaction of the card after this one read it
        store.read("crd_b");
        writeBack = new CardStateWriteBack(store, 1, 10_000, Duration.ofSeconds(10));
        store.hold();
        writeBack.apply(tx("crd_b", 1), CTX);
        CardOnlineState theirs = OnlineFeatures.compute(CardOnlineState.empty(), tx("crd_b", 0), CTX)
                .next();
        store.putBehindTheCache("crd_b", theirs);
        store.release();
        writeBack.close();

        assertThat(store.stored("crd_b").countLastWeek()).isEqualTo(2);
        assertThat(writeBack.stats().lostRaces()).isEqualTo(1);
    }

    @Test
    void aFailingStoreIsRetriedAndNothingIsDropped() {
        store.failNext(3);
        writeBack = new CardStateWriteBack(store, 1, 10_000, Duration.ofSeconds(20));
        for (int i = 0; i < 5; i++) {
            writeBack.apply(tx("crd_c", i), CTX);
        }
        writeBack.close();

        assertThat(store.stored("crd_c").countLastWeek()).isEqualTo(5);
        assertThat(writeBack.stats().failures()).isEqualTo(3);
    }

    @Test
    void refusesRequestsWhenTooManyTransactionsWaitToBeStored() {
        store.hold();
        writeBack = new CardStateWriteBack(store, 1, 2, Duration.ofSeconds(10));
        writeBack.apply(tx("crd_d", 0), CTX);
        writeBack.apply(tx("crd_e", 0), CTX);

        assertThatThrownBy(() -> writeBack.apply(tx("crd_f", 0), CTX))
                .isInstanceOf(CardStateWriteBack.BackPressureException.class);
        // a repeat changes no state, so it is still answered
        assertThat(writeBack.apply(tx("crd_d", 0), CTX).computed().changedState())
                .isFalse();
    }

    private static double[] expectedFeatures(int n) {
        CardOnlineState state = CardOnlineState.empty();
        double[] last = null;
        for (int i = 0; i < n; i++) {
            OnlineFeatures.Computed c = OnlineFeatures.compute(state, tx("crd_a", i), CTX);
            last = c.values();
            state = c.next();
        }
        return last;
    }

    /** A feature store in a map: version-conditioned writes, a read-through view, holds and failures on demand. */
    static final class MapStore implements CardStateWriteBack.Backend {

        private final Map<String, StoredCard> items = new ConcurrentHashMap<>();
        private final Map<String, StoredCard> cache = new ConcurrentHashMap<>();
        final Map<String, Long> versions = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger maxConcurrentPerCard = new AtomicInteger();
        private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        private final AtomicInteger failures = new AtomicInteger();
        final CountDownLatch writeStarted = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        void failNext(int n) {
            failures.set(n);
        }

        void putBehindTheCache(String card, CardOnlineState state) {
            StoredCard current = items.getOrDefault(card, StoredCard.empty());
            items.put(card, new StoredCard(state, current.version() + 1));
        }

        CardOnlineState stored(String card) {
            return items.get(card).state();
        }

        @Override
        public StoredCard read(String cardToken) {
            return cache.computeIfAbsent(cardToken, c -> items.getOrDefault(c, StoredCard.empty()));
        }

        @Override
        public StoredCard reload(String cardToken) {
            StoredCard card = items.getOrDefault(cardToken, StoredCard.empty());
            cache.put(cardToken, card);
            return card;
        }

        @Override
        public boolean write(String cardToken, long expectedVersion, CardOnlineState state, String lastTxId) {
            AtomicInteger flying = inFlight.computeIfAbsent(cardToken, c -> new AtomicInteger());
            maxConcurrentPerCard.accumulateAndGet(flying.incrementAndGet(), Math::max);
            try {
                writeStarted.countDown();
                gate.await(10, TimeUnit.SECONDS);
                writes.incrementAndGet();
                if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("store unavailable");
                }
                synchronized (items) {
                    long current =
                            items.getOrDefault(cardToken, StoredCard.empty()).version();
                    if (current != expectedVersion) {
                        return false;
                    }
                    items.put(cardToken, new StoredCard(state, expectedVersion + 1));
                    versions.put(cardToken, expectedVersion + 1);
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                flying.decrementAndGet();
            }
        }

        @Override
        public void stored(String cardToken, StoredCard card) {
            cache.put(cardToken, card);
        }
    }
}
