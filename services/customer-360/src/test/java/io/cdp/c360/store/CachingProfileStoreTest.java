package io.cdp.c360.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
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
            table, Duration.ofSeconds(10), Duration.ofSeconds(60), 1_000, nanos::get, Runnable::run, Duration.ZERO);

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
    void aRefreshReadsOnlyTheVersionAndTheWholeProfileOnlyWhenItMoved() {
        table.profiles.put("c1", Profile.create("c1", Instant.EPOCH).withVersion(3));
        assertThat(cache.find("c1").orElseThrow().profile().version()).isEqualTo(3);
        assertThat(table.loads).hasValue(1);

        // refresh due, nothing changed: one version read, no second load, the same copy served
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.find("c1");
        assertThat(table.versionReads).hasValue(1);
        assertThat(table.loads).hasValue(1);

        // another instance writes (version 4): the next refresh sees the version move and loads the profile
        table.profiles.put("c1", Profile.create("c1", Instant.EPOCH).withVersion(4));
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.find("c1");
        assertThat(table.versionReads).hasValue(2);
        assertThat(table.loads).hasValue(2);
        assertThat(cache.find("c1").orElseThrow().profile().version()).isEqualTo(4);

        // and an erasure by another instance (the profile's version gone) is loaded, then final
        table.profiles.remove("c1");
        table.erasedAt.put("c1", Instant.EPOCH);
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.find("c1");
        assertThat(cache.find("c1").orElseThrow().erased()).isTrue();
        assertThat(table.loads).hasValue(3);
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.find("c1");
        assertThat(table.loads).hasValue(3);
        assertThat(table.versionReads).hasValue(3);
    }

    @Test
    void anUnchangedVersionRenewsTheEntrySoASteadilyReadProfileNeverExpires() {
        table.profiles.put("c1", Profile.create("c1", Instant.EPOCH).withVersion(3));
        cache.find("c1");
        // read every 11 s for 3 minutes, far past the 60 s maximum staleness: each refresh only reads the version
        for (int i = 0; i < 16; i++) {
            nanos.addAndGet(Duration.ofSeconds(11).toNanos());
            assertThat(cache.find("c1").orElseThrow().profile().version()).isEqualTo(3);
        }
        assertThat(table.loads).hasValue(1);
        assertThat(table.versionReads).hasValue(16);
    }

    @Test
    void dueRevalidationsShareOneVersionRead() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        CachingProfileStore batching = new CachingProfileStore(
                table, Duration.ofSeconds(10), Duration.ofSeconds(60), 1_000, nanos::get, tasks::add, Duration.ZERO);
        for (int c = 0; c < 150; c++) {
            table.profiles.put("c" + c, Profile.create("c" + c, Instant.EPOCH).withVersion(1));
            batching.find("c" + c);
        }
        table.profiles.put("c7", Profile.create("c7", Instant.EPOCH).withVersion(2)); // changed by another instance
        drain(tasks);
        int loadsBefore = table.loads.get();

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        for (int c = 0; c < 150; c++) {
            batching.find("c" + c); // served from memory; each queues its revalidation
        }
        drain(tasks);

        // 150 due: one full batch of 100 and one of 50, instead of 150 reads; only the changed one is loaded whole
        assertThat(table.batches).containsExactly(100, 50);
        assertThat(table.loads.get() - loadsBefore).isEqualTo(1);
        assertThat(batching.find("c7").orElseThrow().profile().version()).isEqualTo(2);
        assertThat(batching.find("c8").orElseThrow().profile().version()).isEqualTo(1);
    }

    @Test
    void aFailedVersionReadKeepsServingTheCachedCopy() {
        table.profiles.put("c1", Profile.create("c1", Instant.EPOCH).withVersion(1));
        cache.find("c1");
        table.failVersions = true;
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());

        assertThat(cache.find("c1").orElseThrow().profile().version()).isEqualTo(1);
        assertThat(cache.find("c1").orElseThrow().profile().version()).isEqualTo(1);
        assertThat(table.loads).hasValue(1);
    }

    private static void drain(Queue<Runnable> tasks) {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
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

    /**
     * Knows whether a customer is erased, or a profile with its version: enough to tell one stored state from
     * another. Counts whole loads and version reads apart.
     */
    private static final class FakeTable implements ProfileStore {
        final Map<String, @Nullable Instant> erasedAt = new HashMap<>();
        final Map<String, Profile> profiles = new HashMap<>();
        final AtomicInteger loads = new AtomicInteger();
        final AtomicInteger versionReads = new AtomicInteger();

        @Override
        public Optional<Stored> find(String customerToken) {
            loads.incrementAndGet();
            Profile profile = profiles.get(customerToken);
            if (profile != null) {
                return Optional.of(new Stored(profile, List.of(), null));
            }
            if (!erasedAt.containsKey(customerToken)) {
                return Optional.empty();
            }
            return Optional.of(new Stored(null, List.of(), erasedAt.get(customerToken)));
        }

        final List<Integer> batches = new ArrayList<>();
        boolean failVersions;

        @Override
        public OptionalLong version(String customerToken) {
            if (failVersions) {
                throw new IllegalStateException("the store does not answer");
            }
            versionReads.incrementAndGet();
            Profile profile = profiles.get(customerToken);
            return profile == null ? OptionalLong.empty() : OptionalLong.of(profile.version());
        }

        @Override
        public Map<String, OptionalLong> versions(List<String> customerTokens) {
            batches.add(customerTokens.size());
            return ProfileStore.super.versions(customerTokens);
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
