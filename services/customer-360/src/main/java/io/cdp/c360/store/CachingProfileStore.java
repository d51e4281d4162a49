package io.cdp.c360.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Profile reads ({@link #find}) served from memory: a read is one DynamoDB query otherwise, and the API's reads come
 * in bursts for the same customers (a campaign paging a segment, an analyst's screen). An entry older than
 * {@code refresh} is reloaded in the background on its next read (the read is answered from memory meanwhile, so the
 * table's latency stays off the request path), and one older than {@code maxStale} is not served at all. Every change
 * this instance makes (an event, consents, an erasure) drops the customer's entry at once, so this instance reads its
 * own writes and answers 410 right after it applied an erasure; another instance's change shows within
 * {@code maxStale}. Only masked profiles are cached; unmask reads the ciphertexts through it, but its plaintext answer
 * is never cached.
 */
public final class CachingProfileStore implements ProfileStore {

    private final ProfileStore delegate;
    private final LoadingCache<String, Optional<Stored>> cache;

    public CachingProfileStore(ProfileStore delegate, Duration refresh, Duration maxStale, long maxProfiles) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder()
                .refreshAfterWrite(refresh)
                .expireAfterWrite(maxStale)
                .maximumSize(maxProfiles)
                .recordStats()
                .build(delegate::find);
    }

    @Override
    public Optional<Stored> find(String customerToken) {
        return cache.get(customerToken);
    }

    @Override
    public Outcome apply(String customerToken, UUID eventId, Change change) {
        try {
            return delegate.apply(customerToken, eventId, change);
        } finally {
            cache.invalidate(customerToken);
        }
    }

    @Override
    public Optional<io.cdp.c360.profile.Profile> update(
            String customerToken, UnaryOperator<io.cdp.c360.profile.Profile> change) {
        try {
            return delegate.update(customerToken, change);
        } finally {
            cache.invalidate(customerToken);
        }
    }

    @Override
    public void erase(String customerToken, Instant erasedAt) {
        try {
            delegate.erase(customerToken, erasedAt);
        } finally {
            cache.invalidate(customerToken);
        }
    }

    @Override
    public List<io.cdp.c360.profile.DayAggregate> days(String customerToken) {
        return delegate.days(customerToken);
    }

    @Override
    public Page list(Filter filter, int limit, @Nullable String cursor) {
        return delegate.list(filter, limit, cursor);
    }

    @Override
    public Map<String, Long> segmentSizes() {
        return delegate.segmentSizes();
    }

    /** Share of reads served from memory since start. */
    public double hitRate() {
        return cache.stats().hitRate();
    }
}
