package io.cdp.scoringapi.features;

import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-back of the card states this instance scores ({@code update-on-score}): a request applies its transaction to
 * the card's state in memory and answers; background writers store the state, so a request never waits for a write.
 *
 * <p>Why: with the write on the request path, every request paid a conditional {@code UpdateItem} under its card's
 * lock, and the API sustained about 127 requests/s with timeouts behind the slowest writes. Here the request costs at
 * most the one read of a card not yet in memory.
 *
 * <p>What holds:
 * <ul>
 *   <li>ordered per card: a card has at most one write in flight; what arrives meanwhile is written by the next one,
 *       conditioned on the version the previous one stored, so a card's writes land in the order they were applied;
 *   <li>batched: a card scored several times while its write waits or flies is written once, with all of them (the
 *       write rate adapts to what the store sustains instead of queueing without bound);
 *   <li>conditional: every write expects the version this instance last read or wrote; a lost race (another writer)
 *       reloads the stored state and re-applies the transactions not yet stored onto it (applying is idempotent on the
 *       transaction id), then writes again;
 *   <li>never lost: a failed write is retried with back-off, never dropped; {@link #close} (the application context
 *       closes it after the web server's graceful shutdown has drained requests) waits until every accepted
 *       transaction is stored, up to the drain timeout, and logs the cards it could not store if that passes;
 *   <li>bounded: past {@code maxUnsaved} transactions waiting to be stored, requests are refused
 *       ({@link BackPressureException}) rather than holding memory for a store that does not keep up.
 * </ul>
 * Plain Java: the store is behind {@link Backend}, so tests drive it with their own.
 */
public final class CardStateWriteBack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CardStateWriteBack.class);
    private static final long MAX_BACKOFF_MILLIS = 2_000;

    /** Where states are read and written. */
    public interface Backend {

        /** The card's state as served by the read path (the cache; the store on a miss). */
        StoredCard read(String cardToken);

        /** The card's state as stored now, past any cache. */
        StoredCard reload(String cardToken);

        /**
         * Stores {@code state} if the stored version is still {@code expectedVersion}; the new version is one more.
         *
         * @return false when another writer got there first
         */
        boolean write(String cardToken, long expectedVersion, CardOnlineState state, String lastTxId);

        /** Tells the read path the state now stored (so it serves it without reading). */
        void stored(String cardToken, StoredCard card);
    }

    /** The features of the transaction, and whether the state they came from was empty. */
    public record Applied(OnlineFeatures.Computed computed, boolean coldStart) {}

    /** Too many transactions wait to be stored: the store does not keep up with the request rate. */
    public static final class BackPressureException extends RuntimeException {

        BackPressureException(int unsaved) {
            super(unsaved + " transactions wait to be stored in the feature store");
        }
    }

    private record Pending(OnlineTransaction tx, TabFormerContext ctx) {}

    /** A card with transactions applied in memory and not yet stored. Guarded by its stripe's lock. */
    private static final class Dirty {
        CardOnlineState state;
        long storedVersion;
        final List<Pending> unsaved = new ArrayList<>();

        @Nullable
        String lastTxId;

        boolean queued;
        boolean inFlight;

        Dirty(CardOnlineState state, long storedVersion) {
            this.state = state;
            this.storedVersion = storedVersion;
        }
    }

    private final Backend backend;
    private final int maxUnsaved;
    private final Duration drainTimeout;
    private final ReentrantLock[] stripes = new ReentrantLock[1024];
    private final Map<String, Dirty> dirty = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<String> due = new LinkedBlockingQueue<>();
    private final AtomicInteger unsaved = new AtomicInteger();
    private final List<Thread> writers = new ArrayList<>();
    private final LongAdder writes = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder lostRaces = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean closing;

    /**
     * @param writerThreads concurrent writes to the store (each card has at most one in flight)
     * @param maxUnsaved    transactions applied in memory and not yet stored, above which requests are refused
     * @param drainTimeout  how long {@link #close} waits for the last writes
     */
    public CardStateWriteBack(Backend backend, int writerThreads, int maxUnsaved, Duration drainTimeout) {
        if (writerThreads < 1 || maxUnsaved < 1) {
            throw new IllegalArgumentException("need at least one writer thread and maxUnsaved >= 1");
        }
        this.backend = backend;
        this.maxUnsaved = maxUnsaved;
        this.drainTimeout = drainTimeout;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
        for (int i = 0; i < writerThreads; i++) {
            Thread writer =
                    Thread.ofPlatform().name("card-state-writer-" + i).daemon().unstarted(this::writeLoop);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Applies {@code tx} to the card's newest state (in memory if this instance holds unstored transactions of the
     * card, else as read) and queues the result for storing.
     *
     * @throws BackPressureException when {@code maxUnsaved} transactions already wait to be stored
     * @throws IllegalStateException after {@link #close}
     */
    public Applied apply(OnlineTransaction tx, TabFormerContext ctx) {
        if (closing) {
            throw new IllegalStateException("the card-state write-back is shut down");
        }
        String card = tx.cardToken();
        ReentrantLock lock = stripe(card);
        lock.lock();
        try {
            Dirty d = dirty.get(card);
            CardOnlineState base;
            long version;
            if (d != null) {
                base = d.state;
                version = d.storedVersion;
            } else {
                StoredCard read = backend.read(card);
                base = read.state();
                version = read.version();
            }
            OnlineFeatures.Computed computed = OnlineFeatures.compute(base, tx, ctx);
            if (computed.changedState()) {
                int waiting = unsaved.get();
                if (waiting >= maxUnsaved) {
                    throw new BackPressureException(waiting);
                }
                if (d == null) {
                    d = new Dirty(base, version);
                    dirty.put(card, d);
                }
                d.state = computed.next();
                d.unsaved.add(new Pending(tx, ctx));
                d.lastTxId = tx.transactionId();
                unsaved.incrementAndGet();
                if (!d.queued && !d.inFlight) {
                    d.queued = true;
                    due.add(card);
                }
            }
            return new Applied(computed, base.isEmpty());
        } finally {
            lock.unlock();
        }
    }

    /** Transactions applied in memory and not yet stored. */
    public int unsaved() {
        return unsaved.get();
    }

    public Stats stats() {
        return new Stats(writes.sum(), stored.sum(), lostRaces.sum(), failures.sum(), unsaved.get());
    }

    /**
     * @param writes    writes sent
     * @param stored    transactions those writes stored (more than writes when a write carried several)
     * @param lostRaces writes refused because another writer changed the card first
     * @param failures  writes that failed and were retried
     * @param unsaved   transactions waiting now
     */
    public record Stats(long writes, long stored, long lostRaces, long failures, int unsaved) {}

    /**
     * Refuses new transactions, then waits until every accepted one is stored or the drain timeout passes; then stops
     * the writers. Idempotent.
     */
    @Override
    public void close() {
        if (closing && writers.stream().noneMatch(Thread::isAlive)) {
            return;
        }
        closing = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        while (unsaved.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = unsaved.get();
        writers.forEach(Thread::interrupt);
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Stats s = stats();
        if (left > 0) {
            log.error(
                    "card-state write-back: {} transactions of {} cards NOT stored within the drain timeout {}; their "
                            + "features are missing from the feature store",
                    left,
                    dirty.size(),
                    drainTimeout);
        } else {
            log.info(
                    "card-state write-back drained: {} writes stored {} transactions ({} lost races, {} retried "
                            + "failures)",
                    s.writes(),
                    s.stored(),
                    s.lostRaces(),
                    s.failures());
        }
    }

    private ReentrantLock stripe(String card) {
        return stripes[(card.hashCode() & 0x7fffffff) % stripes.length];
    }

    private void writeLoop() {
        long backoff = 0;
        while (true) {
            String card;
            try {
                card = due.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (card == null) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                continue;
            }
            if (flush(card)) {
                backoff = 0;
            } else {
                // the store failed: wait before the next write, doubling while it keeps failing
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff == 0 ? 50 : backoff * 2);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * Writes the card's newest state once.
     *
     * @return false when the store failed (the card is queued again)
     */
    boolean flush(String card) {
        ReentrantLock lock = stripe(card);
        CardOnlineState state;
        long version;
        int count;
        String lastTxId;
        lock.lock();
        try {
            Dirty d = dirty.get(card);
            if (d == null || d.inFlight) {
                return true;
            }
            d.queued = false;
            d.inFlight = true;
            state = d.state;
            version = d.storedVersion;
            count = d.unsaved.size();
            lastTxId = d.lastTxId;
        } finally {
            lock.unlock();
        }
        boolean written;
        StoredCard reloaded = null;
        try {
            writes.increment();
            written = backend.write(card, version, state, lastTxId);
            if (!written) {
                lostRaces.increment();
                reloaded = backend.reload(card);
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn(
                    "card-state write failed ({}); retrying with back-off, nothing is dropped",
                    e.getClass().getSimpleName());
            finishFlight(card, d -> {});
            return false;
        }
        if (written) {
            finishFlight(card, d -> {
                d.storedVersion = version + 1;
                d.unsaved.subList(0, count).clear();
                unsaved.addAndGet(-count);
                stored.add(count);
                if (d.unsaved.isEmpty()) {
                    dirty.remove(card);
                    backend.stored(card, new StoredCard(d.state, d.storedVersion));
                }
            });
        } else {
            StoredCard fresh = reloaded;
            finishFlight(card, d -> {
                // another writer changed the card: our unstored transactions go onto what it stored
                CardOnlineState rebuilt = fresh.state();
                for (Pending p : d.unsaved) {
                    rebuilt = OnlineFeatures.compute(rebuilt, p.tx(), p.ctx()).next();
                }
                d.state = rebuilt;
                d.storedVersion = fresh.version();
            });
        }
        return true;
    }

    /** Ends the card's flight under its lock and queues it again if transactions still wait. */
    private void finishFlight(String card, java.util.function.Consumer<Dirty> update) {
        ReentrantLock lock = stripe(card);
        lock.lock();
        try {
            Dirty d = dirty.get(card);
            if (d == null) {
                return;
            }
            d.inFlight = false;
            update.accept(d);
            if (dirty.get(card) == d && !d.unsaved.isEmpty() && !d.queued) {
                d.queued = true;
                due.add(card);
            }
        } finally {
            lock.unlock();
        }
    }
}
