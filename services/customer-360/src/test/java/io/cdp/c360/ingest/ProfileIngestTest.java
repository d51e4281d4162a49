package io.cdp.c360.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.profile.ProfileUpdates;
import io.cdp.c360.store.ProfileStore;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.FeedbackChannel;
import io.cdp.events.payload.CustomerFeedbackReceivedV1.Verdict;
import io.cdp.events.pii.Token;
import io.cdp.kinesis.ingest.RawRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * One writer per customer: batches of two streams handled at once, with one customer's events under different
 * partition keys (as scored events are keyed by card), never apply two events of the same customer at the same time,
 * while different customers still go in parallel; and every event is applied once, in stream order per customer.
 */
class ProfileIngestTest {

    private static final String A = "cus_v1_" + "A".repeat(Token.MAC_CHARS);
    private static final String B = "cus_v1_" + "B".repeat(Token.MAC_CHARS);

    private final EventCodec codec = new EventCodec();
    private final Map<UUID, Integer> numbers = new ConcurrentHashMap<>();

    @Test
    void aCustomersEventsAreNeverAppliedConcurrentlyAcrossBatchesAndPartitionKeys() throws Exception {
        RecordingStore store = new RecordingStore(numbers);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            ProfileIngest ingest = new ProfileIngest(
                    codec,
                    store,
                    (history, asOf, firstSeen) -> ProfileUpdates.Assignment.NONE,
                    (stream, shard, record, reason, detail) -> {
                        throw new AssertionError("nothing should be quarantined: " + reason + " " + detail);
                    },
                    executor,
                    new SimpleMeterRegistry(),
                    Clock.systemUTC(),
                    3,
                    1);
            List<RawRecord> scored = new ArrayList<>();
            List<RawRecord> feedback = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // two partition keys per customer in one batch, as two cards of one customer on one shard
                scored.add(record(A, "card-a" + (i % 2), i));
                scored.add(record(B, "card-b" + (i % 2), i));
                feedback.add(record(A, A, 100 + i));
            }
            try (ExecutorService streams = Executors.newFixedThreadPool(2)) {
                Future<?> one = streams.submit(() -> ingest.process("scored", "shard-0", scored));
                Future<?> two = streams.submit(() -> ingest.process("feedback", "shard-0", feedback));
                one.get();
                two.get();
            }
        }
        assertThat(store.maxConcurrentPerCustomer.get())
                .as("two events of one customer applied at once")
                .isEqualTo(1);
        assertThat(store.maxConcurrentOverall.get())
                .as("different customers still apply in parallel")
                .isGreaterThan(1);
        assertThat(store.applied.get(A)).hasSize(40);
        assertThat(store.applied.get(B)).hasSize(20);
        // stream order per customer within a stream: the scored events of A came in ascending alert order
        List<Integer> scoredOfA =
                store.applied.get(A).stream().filter(n -> n < 100).toList();
        assertThat(scoredOfA).isSorted();
    }

    private RawRecord record(String customer, String partitionKey, int n) {
        CustomerFeedbackReceivedV1 f = new CustomerFeedbackReceivedV1(
                "alert-" + n,
                "tx-" + n,
                Token.of(customer),
                Verdict.NOT_FRAUD,
                FeedbackChannel.SMS,
                Instant.parse("2026-01-01T00:00:00Z"));
        Envelope<?> envelope = Envelope.of("test", partitionKey, f.receivedAt(), f);
        numbers.put(envelope.eventId(), n);
        byte[] bytes = codec.encode(envelope);
        return new RawRecord(bytes, String.valueOf(n));
    }

    /** Records who is inside {@link #apply} at once; sleeps there so overlaps would show. */
    private static final class RecordingStore implements ProfileStore {
        final Map<String, AtomicInteger> inside = new ConcurrentHashMap<>();
        final AtomicInteger insideOverall = new AtomicInteger();
        final AtomicInteger maxConcurrentPerCustomer = new AtomicInteger();
        final AtomicInteger maxConcurrentOverall = new AtomicInteger();
        final Map<String, List<Integer>> applied = new ConcurrentHashMap<>();
        final Set<UUID> seen = ConcurrentHashMap.newKeySet();
        final Map<UUID, Integer> numbers;

        RecordingStore(Map<UUID, Integer> numbers) {
            this.numbers = numbers;
        }

        @Override
        public Outcome apply(String customerToken, UUID eventId, Change change) {
            int mine = inside.computeIfAbsent(customerToken, k -> new AtomicInteger())
                    .incrementAndGet();
            int all = insideOverall.incrementAndGet();
            maxConcurrentPerCustomer.accumulateAndGet(mine, Math::max);
            maxConcurrentOverall.accumulateAndGet(all, Math::max);
            try {
                Thread.sleep(3);
                assertThat(change.apply(Profile.create(customerToken, Instant.EPOCH), List.<DayAggregate>of()))
                        .isNotNull();
                assertThat(seen.add(eventId)).as("applied twice").isTrue();
                applied.computeIfAbsent(customerToken, k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(numbers.get(eventId));
                return Outcome.APPLIED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                insideOverall.decrementAndGet();
                inside.get(customerToken).decrementAndGet();
            }
        }

        @Override
        public Optional<Stored> find(String customerToken) {
            return Optional.empty();
        }

        @Override
        public Optional<Profile> update(String customerToken, UnaryOperator<Profile> change) {
            return Optional.empty();
        }

        @Override
        public void erase(String customerToken, Instant erasedAt) {}

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
