package io.cdp.scoringapi.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The card-state cache's contract, on a hand-driven clock and a store in a map: no thread, no AWS. */
class CardStateCacheTest {

    private static final Duration REFRESH = Duration.ofSeconds(4);
    private static final Duration WINDOW = CardStateCache.batchWindow(REFRESH);
    private static final Duration MAX_STALE = Duration.ofSeconds(20);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FakeStore store = new FakeStore();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final CardStateCache cache =
            new CardStateCache(store, REFRESH, MAX_STALE, 10_000, now::get, wakeUps::incrementAndGet);

    @Test
    void aCardWithoutStateIsAColdStartReadOnceAndCached() {
        StoredCard first = cache.get("crd_new");
        StoredCard second = cache.get("crd_new");

        assertThat(first.coldStart()).isTrue();
        assertThat(first.version()).isZero();
        assertThat(second).isSameAs(first);
        assertThat(store.singleReads).hasValue(1);
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void servesTheCachedStateWithoutReadingBeforeTheRefreshIsDue() {
        store.write("crd_a", 1);
        cache.get("crd_a");

        advance(REFRESH.minus(WINDOW).minusMillis(1));
        assertThat(cache.get("crd_a").version()).isEqualTo(1);
        advance(WINDOW);

        assertThat(cache.refreshDue()).isZero();
        assertThat(store.bulkReads).isEmpty();
        assertThat(store.singleReads).hasValue(1);
    }

    @Test
    void coalescesDueCardsIntoBulkReadsOfAtMostOneHundred() {
        for (int c = 0; c < 250; c++) {
            store.write("crd_" + c, 1);
            cache.get("crd_" + c);
        }
        advance(REFRESH.minus(WINDOW));
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < 250; c++) {
                cache.get("crd_" + c);
            }
        }
        assertThat(cache.nanosUntilNextBatch())
                .as("two full batches wait: no need to wait for the window")
                .isZero();
        cache.refreshDue();
        assertThat(store.bulkReads)
                .as("full batches go at once, the rest waits for its window")
                .extracting(List::size)
                .containsExactly(100, 100);

        advance(WINDOW);
        cache.refreshDue();

        assertThat(store.bulkReads).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(store.bulkReads.stream().flatMap(List::stream).distinct().count())
                .as("each card once")
                .isEqualTo(250);
        assertThat(store.singleReads).as("only the 250 cold starts").hasValue(250);
    }

    @Test
    void keepsServingTheCachedStateWhileTheReloadWaitsAndThenServesTheReloadedOne() {
        store.write("crd_a", 1);
        cache.get("crd_a");
        store.write("crd_a", 2);

        advance(REFRESH);
        assertThat(cache.get("crd_a").version())
                .as("due, queued, still served from memory")
                .isEqualTo(1);
        advance(WINDOW);
        assertThat(cache.get("crd_a").version()).isEqualTo(1);
        assertThat(cache.refreshDue()).isEqualTo(1);

        assertThat(cache.get("crd_a").version()).isEqualTo(2);
        assertThat(store.singleReads).hasValue(1);
    }

    @Test
    void neverServesAStatePastTheMaximumStaleness() {
        store.write("crd_a", 1);
        cache.get("crd_a");
        store.write("crd_a", 2);

        advance(MAX_STALE);
        StoredCard served = cache.get("crd_a");

        assertThat(served.version())
                .as("read on the request, not the 20 s old state")
                .isEqualTo(2);
        assertThat(store.singleReads).hasValue(2);
    }

    @Test
    void aFailingBulkReadReleasesItsCardsSoTheyAreQueuedAgainAndStaysWithinTheStalenessBound() {
        store.write("crd_a", 1);
        cache.get("crd_a");
        advance(REFRESH);
        cache.get("crd_a");
        advance(WINDOW);
        store.failBulk = true;

        assertThatThrownBy(cache::refreshDue).isInstanceOf(IllegalStateException.class);
        assertThat(cache.nanosUntilNextBatch()).isEqualTo(Long.MAX_VALUE);
        assertThat(cache.get("crd_a").version())
                .as("still within max staleness")
                .isEqualTo(1);
        assertThat(cache.nanosUntilNextBatch()).as("queued again").isLessThan(Long.MAX_VALUE);

        store.failBulk = false;
        store.write("crd_a", 3);
        advance(WINDOW);
        cache.refreshDue();
        assertThat(cache.get("crd_a").version()).isEqualTo(3);
    }

    @Test
    void aReloadSentBeforeAWriteDoesNotRollTheCardBack() {
        store.write("crd_a", 1);
        cache.get("crd_a");
        advance(REFRESH);
        cache.get("crd_a");
        advance(WINDOW);
        // the bulk read is sent and answers version 1; meanwhile this process writes version 2 and caches it
        store.beforeBulkAnswer = () -> {
            advance(Duration.ofMillis(1));
            cache.put("crd_a", new StoredCard(stateWithOneTransaction(), 2));
        };

        cache.refreshDue();

        assertThat(cache.get("crd_a").version()).isEqualTo(2);
    }

    @Test
    void aCardTheStoreDidNotProcessKeepsItsStateAndIsQueuedOnItsNextLookup() {
        store.write("crd_a", 1);
        store.write("crd_b", 1);
        cache.get("crd_a");
        cache.get("crd_b");
        advance(REFRESH);
        cache.get("crd_a");
        cache.get("crd_b");
        store.write("crd_a", 2);
        store.write("crd_b", 2);
        store.unprocessed = Set.of("crd_b");
        advance(WINDOW);

        cache.refreshDue();

        assertThat(cache.get("crd_a").version()).isEqualTo(2);
        assertThat(cache.get("crd_b").version()).isEqualTo(1);
        assertThat(cache.nanosUntilNextBatch())
                .as("crd_b waits for the next bulk read")
                .isLessThan(Long.MAX_VALUE);
    }

    @Test
    void wakesTheRefresherWhenTheQueueStartsAndWhenABatchIsFull() {
        for (int c = 0; c < 150; c++) {
            cache.get("crd_" + c);
        }
        advance(REFRESH);
        for (int c = 0; c < 150; c++) {
            cache.get("crd_" + c);
        }

        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void refusesARefreshIntervalNotShorterThanTheMaximumStaleness() {
        assertThatThrownBy(() -> new CardStateCache(store, MAX_STALE, MAX_STALE, 10, now::get, () -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBatchWindowIsAQuarterOfTheRefreshIntervalAtMostOneSecond() {
        assertThat(CardStateCache.batchWindow(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(250));
        assertThat(CardStateCache.batchWindow(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void lookupsOfAColdCardShareOneReadAndOtherCardsDoNotWaitForIt() throws Exception {
        CountDownLatch readStarted = new CountDownLatch(1);
        CountDownLatch finishRead = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        CardStateCache slow = new CardStateCache(
                new CardStateCache.CardLoader() {
                    @Override
                    public StoredCard load(String cardToken) {
                        reads.incrementAndGet();
                        if (cardToken.equals("crd_slow")) {
                            readStarted.countDown();
                            await(finishRead);
                        }
                        return new StoredCard(CardOnlineState.empty(), 7);
                    }

                    @Override
                    public Map<String, StoredCard> loadAll(List<String> cardTokens) {
                        throw new AssertionError("no bulk read expected");
                    }
                },
                REFRESH,
                MAX_STALE,
                10_000,
                now::get,
                () -> {});
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<StoredCard> first = pool.submit(() -> slow.get("crd_slow"));
            assertThat(readStarted.await(5, TimeUnit.SECONDS)).isTrue();
            Future<StoredCard> second = pool.submit(() -> slow.get("crd_slow"));
            // while crd_slow's read is under way, every other card is read and answered
            for (int i = 0; i < 200; i++) {
                assertThat(pool.submit(() -> slow.get("crd_other"))
                                .get(5, TimeUnit.SECONDS)
                                .version())
                        .isEqualTo(7);
                slow.get("crd_" + i);
            }
            assertThat(second.isDone()).isFalse();
            finishRead.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).version()).isEqualTo(7);
            assertThat(second.get(5, TimeUnit.SECONDS).version()).isEqualTo(7);
            // one read for crd_slow, shared by both lookups; one for crd_other; one per crd_i
            assertThat(reads).hasValue(1 + 1 + 200);
        } finally {
            finishRead.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static CardOnlineState stateWithOneTransaction() {
        return OnlineFeatures.compute(
                        CardOnlineState.empty(),
                        new OnlineTransaction(
                                "t-1",
                                null,
                                "crd_a",
                                Instant.parse("2026-01-23T14:05:00Z"),
                                12.5,
                                UseChip.CHIP,
                                "m-1",
                                null,
                                "CA",
                                "94105",
                                5411,
                                List.of(),
                                false),
                        MccRiskTables.none().context())
                .next();
    }

    /** Versions by card; a state's content does not matter here, only which version a read returns. */
    private static final class FakeStore implements CardStateCache.CardLoader {

        final Map<String, Long> versions = new HashMap<>();
        final AtomicInteger singleReads = new AtomicInteger();
        final List<List<String>> bulkReads = new ArrayList<>();
        boolean failBulk;
        Set<String> unprocessed = Set.of();
        Runnable beforeBulkAnswer = () -> {};

        void write(String card, long version) {
            versions.put(card, version);
        }

        @Override
        public StoredCard load(String cardToken) {
            singleReads.incrementAndGet();
            return stored(cardToken);
        }

        @Override
        public Map<String, StoredCard> loadAll(List<String> cardTokens) {
            if (failBulk) {
                throw new IllegalStateException("store unavailable");
            }
            bulkReads.add(List.copyOf(cardTokens));
            Map<String, StoredCard> read = new HashMap<>();
            for (String card : cardTokens) {
                if (!unprocessed.contains(card)) {
                    read.put(card, stored(card));
                }
            }
            beforeBulkAnswer.run();
            return read;
        }

        private StoredCard stored(String card) {
            Long version = versions.get(card);
            return version == null ? StoredCard.empty() : new StoredCard(stateWithOneTransaction(), version);
        }
    }
}
