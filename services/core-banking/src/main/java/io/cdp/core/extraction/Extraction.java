package io.cdp.core.extraction;

import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.core.errors.RedactedFailure;
import io.cdp.core.store.CoreStore;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import io.cdp.lake.LakeLayout;
import io.cdp.pii.crypto.SubjectErasedException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One extraction run from the system of record: the history (all but the latest {@code liveShare} of
 * transactions by time) to the lake as Parquet with a manifest, the live share replayed in event-time
 * order to {@code cdp.core.transactions} after every customer and card went to {@code cdp.core.customers}.
 * Event ids are name-based UUIDs of the record, so a repeated extraction produces the same ids and
 * idempotent consumers drop the repeats.
 */
public final class Extraction implements Runnable {

    public static final String PRODUCER = "core-banking";
    private static final Logger log = LoggerFactory.getLogger(Extraction.class);
    private static final long LINGER_NANOS = 100_000_000L;

    private final String id;
    private final ExtractionOptions options;
    private final CoreStore store;
    private final Protector protector;
    private final EventCodec codec;
    private final KinesisPublisher customersStream;
    private final KinesisPublisher transactionsStream;
    private final LakeWriter lake;
    private final Clock clock;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Instant startedAt;
    private final AtomicReference<ExtractionStatus.State> state = new AtomicReference<>(ExtractionStatus.State.RUNNING);
    private final AtomicLong customers = new AtomicLong();
    private final AtomicLong cards = new AtomicLong();
    private final AtomicLong erasedCustomers = new AtomicLong();
    private final AtomicLong history = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong publishedCustomerEvents = new AtomicLong();
    private final AtomicLong publishedTransactions = new AtomicLong();
    private final List<String> lakeObjects = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile String manifestKey;
    private volatile String error;
    private volatile Instant finishedAt;

    public Extraction(
            String id,
            ExtractionOptions options,
            CoreStore store,
            Protector protector,
            EventCodec codec,
            KinesisPublisher customersStream,
            KinesisPublisher transactionsStream,
            LakeWriter lake,
            Clock clock) {
        this.id = id;
        this.options = options;
        this.store = store;
        this.protector = protector;
        this.codec = codec;
        this.customersStream = customersStream;
        this.transactionsStream = transactionsStream;
        this.lake = lake;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public void stop() {
        stopRequested.set(true);
    }

    public ExtractionStatus status() {
        return new ExtractionStatus(
                id,
                state.get(),
                options,
                startedAt,
                finishedAt,
                customers.get(),
                cards.get(),
                erasedCustomers.get(),
                history.get(),
                live.get(),
                publishedCustomerEvents.get(),
                publishedTransactions.get(),
                List.copyOf(lakeObjects),
                manifestKey,
                error);
    }

    @Override
    public void run() {
        try {
            execute();
            state.set(stopRequested.get() ? ExtractionStatus.State.STOPPED : ExtractionStatus.State.COMPLETED);
        } catch (RuntimeException e) {
            // the status is served by the API and the log leaves the process: classes and frames only, no message
            error = RedactedFailure.describe(e) + " (details withheld; see the service log for where it failed)";
            state.set(ExtractionStatus.State.FAILED);
            log.error("extraction {} failed", id, RedactedFailure.of(e));
        } finally {
            finishedAt = clock.instant();
            log.info(
                    "extraction {} {}: customers={} cards={} erased_skipped={} history={} live={} published={}",
                    id,
                    state.get(),
                    customers.get(),
                    cards.get(),
                    erasedCustomers.get(),
                    history.get(),
                    live.get(),
                    publishedTransactions.get());
        }
    }

    private void execute() {
        Instant now = clock.instant();
        CoreStore.Customers scanned = store.allCustomers();
        List<Customer> allCustomers = scanned.active().stream()
                .sorted(Comparator.comparing(c -> Long.parseLong(c.customerId())))
                .toList();
        List<Card> allCards = store.allCards().stream()
                .sorted(Comparator.comparing(Card::customerId).thenComparing(Card::cardIndex))
                .toList();
        List<Transaction> all = new ArrayList<>(store.allTransactions());
        all.sort(Comparator.comparing(Transaction::time)
                .thenComparing(Transaction::cardId)
                .thenComparing(Transaction::sequence));

        // erased customers (core record tombstoned, or only their data key shredded) are left out, with their cards
        // and transactions, and counted: one erasure must not fail the whole extraction
        Set<String> erased = new HashSet<>(scanned.erased());
        Map<String, Token> customerTokens = new HashMap<>();
        Map<String, Protector.ProtectedCustomer> protectedCustomers = new LinkedHashMap<>();
        for (Customer c : allCustomers) {
            try {
                Protector.ProtectedCustomer pc = protector.customer(c, now);
                customerTokens.put(c.customerId(), pc.event().customerToken());
                protectedCustomers.put(c.customerId(), pc);
            } catch (SubjectErasedException e) {
                erased.add(c.customerId());
            }
        }
        Map<String, Token> cardTokens = new HashMap<>();
        List<Protector.ProtectedCard> protectedCards = new ArrayList<>();
        Set<Token> erasedMeanwhile = new HashSet<>();
        for (Card card : allCards) {
            if (erased.contains(card.customerId())) {
                continue;
            }
            Token customer = customerTokens.get(card.customerId());
            if (customer == null) {
                log.warn("card {} of an unknown customer skipped", card.cardIndex());
                continue;
            }
            try {
                Protector.ProtectedCard pc = protector.card(card, customer, now);
                cardTokens.put(card.cardId(), pc.event().cardToken());
                protectedCards.add(pc);
            } catch (SubjectErasedException e) {
                // erased while this extraction ran: drop what was already protected for them too
                erased.add(card.customerId());
                erasedMeanwhile.add(customer);
                customerTokens.remove(card.customerId());
                protectedCustomers.remove(card.customerId());
            }
        }
        protectedCards.removeIf(pc -> erasedMeanwhile.contains(pc.event().customerToken()));
        customers.set(protectedCustomers.size());
        cards.set(protectedCards.size());
        erasedCustomers.set(erased.size());
        if (!erased.isEmpty()) {
            log.info("extraction {}: {} erased customers skipped", id, erased.size());
        }

        // before any token leaves: whoever receives one (alerting) can then reach the customer's contact data
        Map<String, String> customerIdByToken = new HashMap<>();
        customerTokens.forEach((customerId, token) -> customerIdByToken.put(token.value(), customerId));
        store.rememberCustomerTokens(customerIdByToken);

        int cutoff = (int) Math.floor(all.size() * (1 - options.liveShare()));
        List<TransactionRecordedV1> historyEvents = new ArrayList<>(cutoff);
        List<TransactionRecordedV1> liveEvents = new ArrayList<>(all.size() - cutoff);
        for (int i = 0; i < all.size(); i++) {
            Transaction t = all.get(i);
            Token card = cardTokens.get(t.cardId());
            Token customer = customerTokens.get(t.customerId());
            if (card == null || customer == null) {
                if (!erased.contains(t.customerId())) {
                    log.warn("transaction of unknown card skipped (card index {})", t.cardIndex());
                }
                continue;
            }
            (i < cutoff ? historyEvents : liveEvents).add(protector.transaction(t, card, customer));
        }
        history.set(historyEvents.size());
        live.set(liveEvents.size());

        if (options.toLake() && !stopRequested.get()) {
            writeLake(
                    List.copyOf(protectedCustomers.values()),
                    protectedCards,
                    historyEvents,
                    liveEvents.isEmpty() ? null : liveEvents.getFirst().transactionTime());
        }
        if (options.toStream() && !stopRequested.get()) {
            publishCustomers(List.copyOf(protectedCustomers.values()), protectedCards);
            replay(liveEvents);
        }
    }

    private void writeLake(
            List<Protector.ProtectedCustomer> pcs,
            List<Protector.ProtectedCard> pcards,
            List<TransactionRecordedV1> historyEvents,
            Instant liveFrom) {
        List<LakeWriter.LakeObject> objects = new ArrayList<>();
        objects.add(lake.customers(id, pcs));
        objects.add(lake.cards(id, pcards));
        objects.addAll(lake.transactions(id, historyEvents));
        objects.forEach(o -> lakeObjects.add(o.key()));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("extractionId", id);
        manifest.put("producer", PRODUCER);
        manifest.put("createdAt", clock.instant().toString());
        manifest.put("format", "parquet");
        manifest.put("liveShare", options.liveShare());
        manifest.put("historyTransactions", historyEvents.size());
        manifest.put("historyUntilExclusive", liveFrom == null ? null : liveFrom.toString());
        manifest.put("objects", objects);
        String key = LakeLayout.manifestKey(id);
        lake.putManifest(key, codec.mapper().writeValueAsBytes(manifest));
        manifestKey = key;
    }

    private void publishCustomers(List<Protector.ProtectedCustomer> pcs, List<Protector.ProtectedCard> pcards) {
        List<KinesisPublisher.Record> records = new ArrayList<>();
        for (Protector.ProtectedCustomer pc : pcs) {
            Token customer = pc.event().customerToken();
            records.add(record(customer.value(), pc.event().updatedAt(), pc.event(), "customer:" + customer.value()));
        }
        for (Protector.ProtectedCard pc : pcards) {
            // keyed by the customer token, so a customer's card events stay in order behind the customer's own
            records.add(record(
                    pc.event().customerToken().value(),
                    pc.event().updatedAt(),
                    pc.event(),
                    "card:" + pc.event().cardToken().value()));
        }
        for (int i = 0; i < records.size() && !stopRequested.get(); i += KinesisPublisher.MAX_RECORDS) {
            List<KinesisPublisher.Record> batch =
                    records.subList(i, Math.min(records.size(), i + KinesisPublisher.MAX_RECORDS));
            customersStream.putAll(batch);
            publishedCustomerEvents.addAndGet(batch.size());
        }
    }

    /** Event-time order; at speed s an event is sent once (eventTime - firstEventTime) / s has passed. */
    private void replay(List<TransactionRecordedV1> events) {
        if (events.isEmpty()) {
            return;
        }
        long startNanos = System.nanoTime();
        Instant first = events.getFirst().transactionTime();
        List<KinesisPublisher.Record> batch = new ArrayList<>(KinesisPublisher.MAX_RECORDS);
        long batchOpened = System.nanoTime();
        for (TransactionRecordedV1 e : events) {
            if (stopRequested.get()) {
                break;
            }
            if (options.speed() > 0) {
                long dueNanos = startNanos
                        + (long) ((e.transactionTime().toEpochMilli() - first.toEpochMilli())
                                * 1_000_000L
                                / options.speed());
                if (dueNanos - System.nanoTime() > 0) {
                    flush(batch);
                    // short naps, so a stop request is honoured within a fraction of a second even at slow speeds
                    long wait;
                    while ((wait = dueNanos - System.nanoTime()) > 0 && !stopRequested.get()) {
                        sleepNanos(Math.min(wait, 200_000_000L));
                    }
                    if (stopRequested.get()) {
                        break;
                    }
                }
            }
            if (batch.isEmpty()) {
                batchOpened = System.nanoTime();
            }
            batch.add(record(e.cardToken().value(), e.transactionTime(), e, "tx:" + e.transactionId()));
            if (batch.size() == KinesisPublisher.MAX_RECORDS
                    || (options.speed() > 0 && System.nanoTime() - batchOpened > LINGER_NANOS)) {
                flush(batch);
            }
        }
        flush(batch);
    }

    private void flush(List<KinesisPublisher.Record> batch) {
        if (batch.isEmpty()) {
            return;
        }
        transactionsStream.putAll(batch);
        publishedTransactions.addAndGet(batch.size());
        batch.clear();
    }

    private KinesisPublisher.Record record(
            String partitionKey, Instant occurredAt, EventPayload payload, String identity) {
        UUID eventId = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        Envelope<EventPayload> envelope = new Envelope<>(
                eventId, io.cdp.events.EventType.of(payload), occurredAt, PRODUCER, partitionKey, null, payload);
        return new KinesisPublisher.Record(partitionKey, codec.encode(envelope));
    }

    private static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        }
    }
}
