package io.cdp.pii.crypto;

import com.google.crypto.tink.Aead;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Unwrapped data keys kept in memory, bounded three ways: at most {@code maxEntries} keys (least recently
 * used out first), each for at most {@code maxAge} and {@code maxUses} operations. The bounds are the
 * trade between KMS economy (one unwrap serves many fields) and exposure (a key in memory, and how long an
 * erasure done by another process takes to reach this one: at most {@code maxAge}).
 */
public final class DataKeyCache {

    /** Limits; the defaults let one key serve 1,000,000 fields within 5 minutes. */
    public record Limits(int maxEntries, Duration maxAge, long maxUses) {

        public static final Limits DEFAULT = new Limits(10_000, Duration.ofMinutes(5), 1_000_000);

        public Limits {
            if (maxEntries < 1 || maxUses < 1 || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("cache limits must be positive");
            }
        }
    }

    private static final class Slot {
        final Aead aead;
        final long loadedAt;
        long uses;

        Slot(Aead aead, long loadedAt) {
            this.aead = aead;
            this.loadedAt = loadedAt;
        }
    }

    private final Limits limits;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Slot> entries;
    private long hits;
    private long misses;

    public DataKeyCache(Limits limits) {
        this(limits, System::nanoTime);
    }

    DataKeyCache(Limits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
                return size() > limits.maxEntries();
            }
        };
    }

    /** The cached key for one more use, or null when absent or past its age or use limit (then dropped). */
    synchronized Aead acquire(String keyRef) {
        Slot entry = entries.get(keyRef);
        if (entry == null) {
            misses++;
            return null;
        }
        if (entry.uses >= limits.maxUses()
                || nanoClock.getAsLong() - entry.loadedAt >= limits.maxAge().toNanos()) {
            entries.remove(keyRef);
            misses++;
            return null;
        }
        entry.uses++;
        hits++;
        return entry.aead;
    }

    synchronized void put(String keyRef, Aead aead) {
        Slot entry = new Slot(aead, nanoClock.getAsLong());
        entry.uses = 1;
        entries.put(keyRef, entry);
    }

    /** Forgets a key at once (erasure in this process). */
    public synchronized void invalidate(String keyRef) {
        entries.remove(keyRef);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public Limits limits() {
        return limits;
    }
}
