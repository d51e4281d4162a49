package io.cdp.c360.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The read cache's two freshness rules, with a fake table (pure logic): this instance reads its own writes at once;
 * another instance's change shows after the refresh interval, never later than the maximum staleness; and hot reads
 * cost one load per refresh interval, not one per read.
 */
class CachingProfileStoreTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FakeTable table = new FakeTable();
    private final CachingProfileStore cache = new CachingProfileStore(
            table, Duration.ofSeconds(10), Duration.ofSeconds(60), 1_000, nanos::get, Runnable::run);

    @Test
    void thisInstancesErasureIsReadAtOnce() {
        table.erasedAt.put("c1", null);
        assertThat(cache.find("c1"))
                .hasValueSatisfying(s -> assertThat(s.erased()).isFalse());

        cache.erase("c1", Instant.EPOCH);

        assertThat(cache.find("c1"))
                .hasValueSatisfying(s -> assertThat(s.erased()).isTrue());
    }

    @Test
    void anotherInstancesChangeShowsAfterTheRefreshIntervalAndHotReadsLoadOncePerInterval() {
        table.erasedAt.put("c1", null);
        cache.find("c1");
        table.erasedAt.put("c1", Instant.EPOCH); // written by another instance: this cache is not told

        for (int i = 0; i < 1_000; i++) {
            assertThat(cache.find("c1").orElseThrow().erased()).isFalse();
        }
        assertThat(table.loads).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.find("c1"); // answered from memory, triggers the reload
        assertThat(cache.find("c1").orElseThrow().erased()).isTrue();
        assertThat(table.loads).hasValue(2);
    }

    @Test
    void anEntryOlderThanTheMaximumStalenessIsNeverServed() {
        table.erasedAt.put("c1", null);
        cache.find("c1");
        table.erasedAt.put("c1", Instant.EPOCH);

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(cache.find("c1").orElseThrow().erased()).isTrue();
    }

    @Test
    void aRefreshNotShorterThanTheStalenessIsRefused() {
        assertThatThrownBy(() -> new CachingProfileStore(table, Duration.ofSeconds(5), Duration.ofSeconds(5), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Knows only whether a customer is erased: enough to tell one stored state from another. */
    private static final class FakeTable implements ProfileStore {
        final Map<String, @Nullable Instant> erasedAt = new HashMap<>();
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public Optional<Stored> find(String customerToken) {
            loads.incrementAndGet();
            if (!erasedAt.containsKey(customerToken)) {
                return Optional.empty();
            }
            return Optional.of(new Stored(null, List.of(), erasedAt.get(customerToken)));
        }

        @Override
        public Outcome apply(String customerToken, UUID eventId, Change change) {
            return Outcome.APPLIED;
        }

        @Override
        public Optional<Profile> update(String customerToken, UnaryOperator<Profile> change) {
            return Optional.empty();
        }

        @Override
        public void erase(String customerToken, Instant at) {
            erasedAt.put(customerToken, at);
        }

        @Override
        public List<DayAggregate> days(String customerToken) {
            return List.of();
        }

        @Override
        public Page list(Filter filter, int limit, @Nullable String cursor) {
            return new Page(List.of(), null);
        }

        @Override
        public Map<String, Long> segmentSizes() {
            return Map.of();
        }
    }
}
