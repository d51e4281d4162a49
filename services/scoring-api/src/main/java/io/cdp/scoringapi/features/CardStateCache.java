package io.cdp.scoringapi.features;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Card states in memory with coalesced background refresh; no AWS in here, reads go through a {@link CardLoader}.
 *
 * <p>A state read less than the refresh interval ago is served as is. From {@code refresh - window} on, a lookup also
 * queues the card for a reload, once; the reload starts at the latest {@code window} after the card was queued, or as
 * soon as {@link #MAX_BATCH} cards are waiting, in one bulk read for all of them. Until it lands the cached state is
 * still served, so a card looked up steadily is reloaded about every refresh interval and its requests never wait for
 * the store. A state older than the maximum staleness is never served: that lookup reads the store itself, as does the
 * first lookup of a card (cold start; a card the store has no state for is cached like any other).
 *
 * <p>Why not Caffeine's {@code refreshAfterWrite}: it reloads each card with its own read, on the common pool. With a
 * thousand hot cards that is hundreds of reads a second, each paying the SDK's request cost in this process and the
 * store's in its own, for states that mostly did not change; one bulk read of a hundred cards costs little more than
 * one single read.
 *
 * <p>Age is counted from when the read was sent, not from when it answered, and a reload replaces a cached state only
 * if it was sent after that state was read (or written by {@link #put}): a slow reload never rolls a card back.
 * {@link #refreshDue} is the refresher's step, run by one background thread (see {@link FeatureStore}); tests call it
 * themselves, with their own clock.
 */
final class CardStateCache {

    /** DynamoDB's BatchGetItem limit. */
    static final int MAX_BATCH = 100;

    /** Where card states come from. */
    interface CardLoader {

        StoredCard load(String cardToken);

        /**
         * @return the states of the cards that were read; a card missing from the answer was not read (throttled,
         *         unprocessed) and keeps its cached state until its next reload
         */
        Map<String, StoredCard> loadAll(List<String> cardTokens);
    }

    private record Entry(StoredCard card, long readAtNanos) {}

    private record Queued(String cardToken, long deadlineNanos) {}

    private final CardLoader loader;
    private final LongSupplier nanoTime;
    private final long refreshNanos;
    private final long windowNanos;
    private final long maxStaleNanos;
    private final Cache<String, Entry> entries;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Store reads under way on the request path, by card: the lookups of a card that arrive meanwhile wait for it. */
    private final ConcurrentHashMap<String, CompletableFuture<StoredCard>> loading = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Runnable wakeRefresher;
    private final LongAdder hits = new LongAdder();
    private final LongAdder loads = new LongAdder();
    private final LongAdder bulkReads = new LongAdder();
    private final LongAdder reloaded = new LongAdder();

    /**
     * @param wakeRefresher called when the queue goes from empty to non-empty or fills a batch, so a parked refresher
     *                      re-checks {@link #nanosUntilNextBatch}
     */
    CardStateCache(
            CardLoader loader,
            Duration refresh,
            Duration maxStale,
            long maxCards,
            LongSupplier nanoTime,
            Runnable wakeRefresher) {
        if (refresh.isNegative() || refresh.isZero() || maxStale.compareTo(refresh) <= 0) {
            throw new IllegalArgumentException(
                    "need 0 < cache-refresh < cache-max-stale, got " + refresh + " and " + maxStale);
        }
        this.loader = loader;
        this.nanoTime = nanoTime;
        this.refreshNanos = refresh.toNanos();
        this.windowNanos = batchWindow(refresh).toNanos();
        this.maxStaleNanos = maxStale.toNanos();
        this.wakeRefresher = wakeRefresher;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxCards)
                .executor(Runnable::run)
                .build();
    }

    /**
     * How long a queued card may wait for others to share its bulk read: a quarter of the refresh interval, at most
     * one second. The card is queued that long before it is due, so the reload still starts about when it is due.
     */
    static Duration batchWindow(Duration refresh) {
        Duration quarter = refresh.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter;
    }

    StoredCard get(String cardToken) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.getIfPresent(cardToken);
        if (entry != null) {
            long age = now - entry.readAtNanos();
            if (age < maxStaleNanos) {
                hits.increment();
                if (age >= refreshNanos - windowNanos) {
                    enqueue(cardToken, now);
                }
                return entry.card();
            }
        }
        return readThrough(cardToken);
    }

    /**
     * The miss path: exactly one store read for the card, shared by the lookups of the card that arrive while it is
     * under way. The read runs outside the cache's map locks (a {@code compute} would hold the lock of the map bin
     * during the remote call, so lookups of other cards in the same bin would wait for it).
     */
    private StoredCard readThrough(String cardToken) {
        CompletableFuture<StoredCard> mine = new CompletableFuture<>();
        CompletableFuture<StoredCard> running = loading.putIfAbsent(cardToken, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            long readAt = nanoTime.getAsLong();
            Entry current = entries.getIfPresent(cardToken);
            if (current != null && readAt - current.readAtNanos() < maxStaleNanos) {
                // another lookup's read landed between our check and our claim
                mine.complete(current.card());
                return current.card();
            }
            StoredCard card = loader.load(cardToken);
            loads.increment();
            apply(cardToken, card, readAt, true);
            mine.complete(card);
            return card;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(cardToken, mine);
        }
    }

    /** The card's state as stored now, read past the cache and cached. */
    StoredCard reload(String cardToken) {
        long readAt = nanoTime.getAsLong();
        StoredCard card = loader.load(cardToken);
        loads.increment();
        apply(cardToken, card, readAt, true);
        return card;
    }

    /** A state this process has just written (so it is current now). */
    void put(String cardToken, StoredCard card) {
        entries.put(cardToken, new Entry(card, nanoTime.getAsLong()));
    }

    void invalidate(String cardToken) {
        entries.invalidate(cardToken);
    }

    /**
     * Sends the bulk reads that are due: while the oldest queued card's window has passed or a full batch waits, up to
     * {@link #MAX_BATCH} queued cards per read.
     *
     * @return cards whose reload was sent (read or not)
     * @throws RuntimeException from the loader; the batch's cards are released, so lookups queue them again
     */
    int refreshDue() {
        int sent = 0;
        while (true) {
            Queued head = queue.peek();
            if (head == null || (queued.get() < MAX_BATCH && head.deadlineNanos() - nanoTime.getAsLong() > 0)) {
                return sent;
            }
            List<String> batch = new ArrayList<>(MAX_BATCH);
            for (Queued q; batch.size() < MAX_BATCH && (q = queue.poll()) != null; ) {
                queued.decrementAndGet();
                batch.add(q.cardToken());
            }
            sent += batch.size();
            try {
                long readAt = nanoTime.getAsLong();
                Map<String, StoredCard> read = loader.loadAll(batch);
                bulkReads.increment();
                reloaded.add(read.size());
                read.forEach((token, card) -> apply(token, card, readAt, false));
            } finally {
                batch.forEach(pending::remove);
            }
        }
    }

    /** Nanoseconds until {@link #refreshDue} has work: 0 now, {@link Long#MAX_VALUE} with nothing queued. */
    long nanosUntilNextBatch() {
        Queued head = queue.peek();
        if (head == null) {
            return Long.MAX_VALUE;
        }
        return queued.get() >= MAX_BATCH ? 0 : Math.max(0, head.deadlineNanos() - nanoTime.getAsLong());
    }

    /** The batch window in nanoseconds (the refresher's back-off after a failed bulk read). */
    long windowNanos() {
        return windowNanos;
    }

    Stats stats() {
        return new Stats(hits.sum(), loads.sum(), bulkReads.sum(), reloaded.sum());
    }

    /**
     * @param hits      lookups answered from memory
     * @param loads     reads of one card on a lookup's path (cold, too stale) or after a lost write
     * @param bulkReads bulk reads sent by the refresher
     * @param reloaded  cards those bulk reads returned
     */
    record Stats(long hits, long loads, long bulkReads, long reloaded) {

        double hitRate() {
            long lookups = hits + loads;
            return lookups == 0 ? 1 : (double) hits / lookups;
        }
    }

    private void enqueue(String cardToken, long now) {
        if (!pending.add(cardToken)) {
            return;
        }
        queue.add(new Queued(cardToken, now + windowNanos));
        int size = queued.incrementAndGet();
        if (size == 1 || size == MAX_BATCH) {
            wakeRefresher.run();
        }
    }

    /** Replaces the cached state unless it was read (or written) after {@code readAt}; a reload of an evicted card adds it. */
    private void apply(String cardToken, StoredCard card, long readAt, boolean addIfAbsent) {
        Entry fresh = new Entry(card, readAt);
        if (addIfAbsent) {
            entries.asMap()
                    .merge(
                            cardToken,
                            fresh,
                            (current, loaded) -> loaded.readAtNanos() - current.readAtNanos() >= 0 ? loaded : current);
        } else {
            entries.asMap()
                    .computeIfPresent(
                            cardToken, (token, current) -> readAt - current.readAtNanos() >= 0 ? fresh : current);
        }
    }

    /** For tests: the cached state without counting a lookup or queueing a reload. */
    @Nullable
    StoredCard peek(String cardToken) {
        Entry entry = entries.getIfPresent(cardToken);
        return entry == null ? null : entry.card();
    }
}
