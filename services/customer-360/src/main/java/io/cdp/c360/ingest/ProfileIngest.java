package io.cdp.c360.ingest;

import io.cdp.c360.profile.Card;
import io.cdp.c360.profile.DayAggregate;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.profile.ProfileUpdates;
import io.cdp.c360.profile.ScoredSpend;
import io.cdp.c360.store.ProfileStore;
import io.cdp.c360.store.ProfileStore.Outcome;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.CustomerErasedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.kinesis.ingest.RawRecord;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one batch of one shard to the profiles, and returns only when every record is applied (or recognised as a
 * duplicate or as belonging to an erased customer) or quarantined: only then may the caller checkpoint. Records are
 * grouped by customer (the payload's customer token: scored events are keyed by card, so one customer's events come
 * on several shards and streams); each customer's records go in stream order, different customers in parallel.
 *
 * <p>One writer per customer in this instance: a lock striped by customer token is held while an event is applied,
 * so the three streams' consumers (and a customer's cards on different shards) never race each other for a profile.
 * The store's optimistic version check stays the guard between instances; within one it would only turn races
 * into retries, and each failed {@code TransactWriteItems} costs a round trip (on the local emulator far worse:
 * moto answers a cancelled transaction by restoring a copy of the whole table taken when it began, erasing every
 * write other requests made meanwhile, which lost a customer's first event in a CI run; STACK.md).
 *
 * <p>Bounded retries, then quarantine: a record whose application fails is tried {@code attempts} times with backoff,
 * then quarantined with the failure's class chain as the reason (the transformer's {@code BatchRunner} rule), so a
 * record the store refuses every time never holds its shard. A record that does not decode or validate is
 * quarantined at once. Quarantining waits out an outage of S3 or SQS (it is the one effect that cannot refuse a
 * record).
 */
public final class ProfileIngest {

    private static final Logger log = LoggerFactory.getLogger(ProfileIngest.class);

    private final EventCodec codec;
    private final ProfileStore store;
    private final ProfileUpdates.Assigner models;
    private final Quarantine quarantine;
    private final ExecutorService executor;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int attempts;
    private final long backoffMillis;
    private final ReentrantLock[] customerLocks = new ReentrantLock[LOCK_STRIPES];

    private static final int LOCK_STRIPES = 1024;

    public ProfileIngest(
            EventCodec codec,
            ProfileStore store,
            ProfileUpdates.Assigner models,
            Quarantine quarantine,
            ExecutorService executor,
            MeterRegistry meters,
            Clock clock,
            int attempts,
            long backoffMillis) {
        this.codec = codec;
        this.store = store;
        this.models = models;
        this.quarantine = quarantine;
        this.executor = executor;
        this.meters = meters;
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
        this.backoffMillis = backoffMillis;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            customerLocks[i] = new ReentrantLock();
        }
    }

    public void process(String stream, String shard, List<RawRecord> records) {
        Map<String, List<Decoded>> byCustomer = new LinkedHashMap<>();
        for (RawRecord record : records) {
            Envelope<?> envelope;
            try {
                envelope = codec.decode(record.data());
            } catch (RuntimeException e) {
                quarantine(stream, shard, record, "invalid", describe(e));
                continue;
            }
            byCustomer
                    .computeIfAbsent(customerOf(envelope), k -> new ArrayList<>())
                    .add(new Decoded(record, envelope));
        }
        List<Future<?>> running = new ArrayList<>(byCustomer.size());
        for (Map.Entry<String, List<Decoded>> customer : byCustomer.entrySet()) {
            ReentrantLock lock = lockOf(customer.getKey());
            running.add(executor.submit(() -> {
                for (Decoded d : customer.getValue()) {
                    lock.lock();
                    try {
                        applyWithRetries(stream, shard, d);
                    } finally {
                        lock.unlock();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while applying a batch", e);
            } catch (java.util.concurrent.ExecutionException e) {
                // applyWithRetries never throws for a failed record (it quarantines): this is a quarantine outage
                throw new IllegalStateException("batch not applied", e.getCause());
            }
        }
    }

    private record Decoded(RawRecord record, Envelope<?> envelope) {}

    /** The customer whose profile the event changes; the partition key for a type that names none. */
    static String customerOf(Envelope<?> envelope) {
        return switch (envelope.payload()) {
            case CustomerUpsertedV1 c -> c.customerToken().value();
            case CardUpsertedV1 c -> c.customerToken().value();
            case TransactionScoredV1 s -> s.customerToken().value();
            case CustomerFeedbackReceivedV1 f -> f.customerToken().value();
            case CustomerErasedV1 e -> e.customerToken().value();
            default -> envelope.partitionKey();
        };
    }

    ReentrantLock lockOf(String customerToken) {
        return customerLocks[Math.floorMod(customerToken.hashCode(), LOCK_STRIPES)];
    }

    private void applyWithRetries(String stream, String shard, Decoded d) {
        long wait = backoffMillis;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Outcome outcome = apply(d.envelope());
                meters.counter("c360.events", "type", d.envelope().eventType().wireName(), "outcome", outcome.name())
                        .increment();
                return;
            } catch (RuntimeException e) {
                last = e;
                log.warn(
                        "stream={} shard={} sequence={} event={}: attempt {}/{} failed ({})",
                        stream,
                        shard,
                        d.record().sequenceNumber(),
                        d.envelope().eventId(),
                        attempt,
                        attempts,
                        describe(e));
                if (attempt < attempts) {
                    sleep(wait);
                    wait = Math.min(wait * 2, 5_000);
                }
            }
        }
        quarantine(stream, shard, d.record(), "processing-failed", describe(last));
    }

    /** One event's change to its customer's profile, through the store (exactly once per event id). */
    Outcome apply(Envelope<?> envelope) {
        EventPayload payload = envelope.payload();
        return switch (payload) {
            case CustomerUpsertedV1 c ->
                store.apply(c.customerToken().value(), envelope.eventId(), (ProfileStore.Change)
                        (p, days) -> ProfileUpdates.customerUpserted(p, c, clock.instant()));
            case CardUpsertedV1 c -> store.apply(c.customerToken().value(), envelope.eventId(), new CardChange(c));
            case TransactionScoredV1 s ->
                store.apply(
                        s.customerToken().value(),
                        envelope.eventId(),
                        new SpendChange(ScoredSpend.of(s), models, clock));
            case CustomerFeedbackReceivedV1 f ->
                store.apply(f.customerToken().value(), envelope.eventId(), (ProfileStore.Change)
                        (p, days) -> ProfileUpdates.feedback(p, f, clock.instant()));
            case CustomerErasedV1 e -> {
                store.erase(e.customerToken().value(), e.erasedAt());
                yield Outcome.APPLIED;
            }
            default -> {
                // other event types on these streams (none today) are not the profile's business
                yield Outcome.DUPLICATE;
            }
        };
    }

    private record CardChange(CardUpsertedV1 event) implements ProfileStore.Change {
        @Override
        public Card card() {
            return Card.of(event);
        }

        @Override
        public Profile apply(Profile current, Collection<DayAggregate> days) {
            return current;
        }
    }

    private record SpendChange(ScoredSpend spend, ProfileUpdates.Assigner models, Clock clock)
            implements ProfileStore.Change {
        @Override
        public LocalDate day() {
            return spend.day();
        }

        @Override
        public DayAggregate updateDay(DayAggregate current) {
            return current.plus(spend);
        }

        @Override
        public Profile apply(Profile current, Collection<DayAggregate> days) {
            return ProfileUpdates.spent(current, days, spend, models, clock.instant());
        }
    }

    private void quarantine(String stream, String shard, RawRecord record, String reason, String detail) {
        meters.counter("c360.quarantined", "reason", reason).increment();
        log.warn(
                "stream={} shard={} sequence={}: quarantined ({}: {})",
                stream,
                shard,
                record.sequenceNumber(),
                reason,
                detail);
        long wait = backoffMillis;
        while (true) {
            try {
                quarantine.quarantine(stream, shard, record, reason, detail);
                return;
            } catch (RuntimeException e) {
                log.warn("quarantine unavailable ({}); retrying", e.getClass().getSimpleName());
                sleep(wait);
                wait = Math.min(wait * 2, 30_000);
            }
        }
    }

    /**
     * Exception classes, and for validation failures the field paths, never messages that could quote a value: this
     * text goes to the log and the dead letter.
     */
    static String describe(@Nullable Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 500; t = t.getCause()) {
            if (!b.isEmpty()) {
                b.append(" <- ");
            }
            b.append(t.getClass().getSimpleName());
            if (t instanceof io.cdp.events.codec.EventValidationException v) {
                b.append(v.errors().stream().map(fe -> fe.path()).toList());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return b.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
