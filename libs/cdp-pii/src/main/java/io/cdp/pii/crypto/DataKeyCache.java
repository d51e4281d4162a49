package io.cdp.pii.crypto;

import com.google.crypto.tink.Aead;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Unwrapped data keys kept in memory, bounded three ways: at most {@code maxEntries} keys (least recently
 * used out first), each for at most {@code maxAge} and {@code maxUses} operations. The bounds are the
 * trade between KMS economy (one unwrap serves many fields) and exposure (a key in memory).
 *
 * <p>Erasure is not left to those bounds: an entry is served without a look at the key store only for
 * {@code revalidateAfter} after the store last said the key is active. After that {@link SubjectKeys}
 * re-reads the key item (one strongly consistent DynamoDB read, no KMS call) and drops the entry if the
 * subject was erased, so an erasure done by another process reaches this one within {@code revalidateAfter}.
 * An erasure done in this process is remembered ({@link #invalidate}), so a load that read the key just before
 * the erasure cannot put it back.
 */
public final class DataKeyCache {

    /**
     * Limits; the defaults let one key serve 1,000,000 fields within 5 minutes, and an erasure anywhere reach
     * every cache within 5 seconds.
     */
    public record Limits(int maxEntries, Duration maxAge, long maxUses, Duration revalidateAfter) {

        public static final Duration DEFAULT_REVALIDATE_AFTER = Duration.ofSeconds(5);
        public static final Limits DEFAULT =
                new Limits(10_000, Duration.ofMinutes(5), 1_000_000, DEFAULT_REVALIDATE_AFTER);

        public Limits {
            if (maxEntries < 1
                    || maxUses < 1
                    || maxAge.isNegative()
                    || maxAge.isZero()
                    || revalidateAfter.isNegative()
                    || revalidateAfter.isZero()) {
                throw new IllegalArgumentException("cache limits must be positive");
            }
        }

        public Limits(int maxEntries, Duration maxAge, long maxUses) {
            this(maxEntries, maxAge, maxUses, DEFAULT_REVALIDATE_AFTER);
        }
    }

    /** A cached key handed out for one use; {@code revalidate} says the key store must be asked first. */
    record Lease(Aead aead, boolean revalidate) {}

    private static final class Slot {
        final Aead aead;
        final long loadedAt;
        long validatedAt;
        long uses;

        Slot(Aead aead, long loadedAt) {
            this.aead = aead;
            this.loadedAt = loadedAt;
            this.validatedAt = loadedAt;
        }
    }

    private final Limits limits;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<String, Slot> entries;
    private final LinkedHashMap<String, Boolean> erasedHere;
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
        this.erasedHere = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > limits.maxEntries();
            }
        };
    }

    long now() {
        return nanoClock.getAsLong();
    }

    /** The cached key for one more use, or null when absent or past its age or use limit (then dropped). */
    synchronized @Nullable Lease acquire(String keyRef) {
        Slot entry = entries.get(keyRef);
        if (entry == null) {
            misses++;
            return null;
        }
        long now = nanoClock.getAsLong();
        if (entry.uses >= limits.maxUses()
                || now - entry.loadedAt >= limits.maxAge().toNanos()) {
            entries.remove(keyRef);
            misses++;
            return null;
        }
        entry.uses++;
        hits++;
        return new Lease(
                entry.aead, now - entry.validatedAt >= limits.revalidateAfter().toNanos());
    }

    /**
     * Caches a key the store showed active at {@code validatedAt} (a {@link #now()} taken before the read), unless
     * this process erased the subject since.
     */
    synchronized void put(String keyRef, Aead aead, long validatedAt) {
        if (erasedHere.containsKey(keyRef)) {
            return;
        }
        Slot entry = new Slot(aead, validatedAt);
        entry.uses = 1;
        entries.put(keyRef, entry);
    }

    /** The store showed the key active again at {@code validatedAt}: serve it without asking for another period. */
    synchronized void revalidated(String keyRef, long validatedAt) {
        Slot entry = entries.get(keyRef);
        if (entry != null && validatedAt - entry.validatedAt > 0) {
            entry.validatedAt = validatedAt;
        }
    }

    /** Forgets a key at once and refuses to cache it again (erasure in this process, or seen in the store). */
    public synchronized void invalidate(String keyRef) {
        entries.remove(keyRef);
        erasedHere.put(keyRef, Boolean.TRUE);
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
