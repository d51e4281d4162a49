package io.cdp.transformer.ingest;

import io.cdp.events.Envelope;
import io.cdp.events.EventType;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.codec.EventValidationException;
import io.cdp.events.codec.FieldError;
import io.cdp.events.payload.CardUpsertedV1;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Masked;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.WireTransactions;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerFeatures;
import io.cdp.features.window.ApplyOutcome;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.transformer.alerts.AlertSink;
import io.cdp.transformer.features.CustomerState;
import io.cdp.transformer.features.FeatureStore;
import io.cdp.transformer.features.StoredEntity;
import io.cdp.transformer.lake.LakeSink;
import io.cdp.transformer.lake.ScoredRow;
import io.cdp.transformer.ops.PipelineMetrics;
import io.cdp.transformer.scoring.FraudScorer;
import io.cdp.transformer.scoring.ShadowModel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of one shard in, every effect out, and only then does the caller checkpoint. No Spring here: the binder
 * edge hands over bytes and sequence numbers, the ports take the effects.
 *
 * <p>Exactly once in effect, over at-least-once delivery:
 * <ul>
 *   <li>features: per-card and per-customer windows recognise a transaction they already hold; state writes are
 *       conditional on the version read, and a lost race reloads and re-applies, so a replay or a second writer never
 *       counts a transaction twice;</li>
 *   <li>scored events: the event id is derived from the transaction id, so a replayed event is the same event for
 *       every consumer that deduplicates on it (the envelope contract);</li>
 *   <li>lake: objects are named so that a replay overwrites what the crashed run wrote ({@code LakeObjects});</li>
 *   <li>alerts: a conditional put on the alerts table claims the transaction before anything is sent.</li>
 *   <li>producer duplicates: the same transaction at another stream position (a producer's retry) is claimed by its
 *       first position ({@link TransactionClaims}) and has no effect at all; a replay of the same position redoes
 *       the effects, idempotently as above.</li>
 * </ul>
 * Every effect is retried a bounded number of times ({@link Retry#bounded}), then the batch fails: returning means
 * every effect is stored or its record quarantined, so the batch may be checkpointed; throwing means the caller
 * ({@link BatchRunner}) retries it, isolates the record that fails and quarantines it.
 */
public final class TransactionPipeline {

    private static final Logger log = LoggerFactory.getLogger(TransactionPipeline.class);
    private static final int MAX_STATE_ATTEMPTS = 20;

    /**
     * @param duplicates         transactions the card window already held: replays of their own position, effects redone
     * @param producerDuplicates transactions another stream position carried first: skipped, no effect at all
     * @param quarantined        records quarantined with a reason
     */
    public record Outcome(
            int received, int scored, int duplicates, int producerDuplicates, int quarantined, int alertsSent) {}

    private final EventCodec codec;
    private final FeatureStore store;
    private final Supplier<TabFormerContext> context;
    private final Supplier<FraudScorer> scorer;
    private final Supplier<@Nullable ShadowModel> shadow;
    private final ScoredEventSink scoredSink;
    private final LakeSink lake;
    private final AlertSink alerts;
    private final QuarantineSink quarantine;
    private final TransactionClaims claims;
    private final PipelineMetrics metrics;
    private final Executor io;
    private final Retry retry;
    private final Clock clock;
    private final String consumer;

    /** @param shadow the version in its shadow period, or null when none shadows (read once per batch) */
    public TransactionPipeline(
            EventCodec codec,
            FeatureStore store,
            Supplier<TabFormerContext> context,
            Supplier<FraudScorer> scorer,
            Supplier<@Nullable ShadowModel> shadow,
            ScoredEventSink scoredSink,
            LakeSink lake,
            AlertSink alerts,
            QuarantineSink quarantine,
            TransactionClaims claims,
            PipelineMetrics metrics,
            Executor io,
            Retry retry,
            Clock clock,
            String consumer) {
        this.shadow = shadow;
        this.codec = codec;
        this.store = store;
        this.context = context;
        this.scorer = scorer;
        this.scoredSink = scoredSink;
        this.lake = lake;
        this.alerts = alerts;
        this.quarantine = quarantine;
        this.claims = claims;
        this.metrics = metrics;
        this.io = io;
        this.retry = retry;
        this.clock = clock;
        this.consumer = consumer;
    }

    private record Item(RawRecord raw, Envelope<TransactionRecordedV1> envelope) {
        TransactionRecordedV1 tx() {
            return envelope.payload();
        }
    }

    private record CardOutcome(List<CardOnlineState.Result> results, Map<String, Object> attributes) {}

    public Outcome processTransactions(String stream, String shardId, List<RawRecord> records) {
        long started = System.nanoTime();
        metrics.received(stream, records.size());
        List<Poison> poison = new ArrayList<>();
        List<Item> items = new ArrayList<>(records.size());
        for (RawRecord raw : records) {
            Envelope<?> envelope = decode(stream, shardId, raw, poison);
            if (envelope == null) {
                continue;
            }
            if (envelope.payload() instanceof TransactionRecordedV1) {
                @SuppressWarnings("unchecked")
                Envelope<TransactionRecordedV1> tx = (Envelope<TransactionRecordedV1>) envelope;
                items.add(new Item(raw, tx));
            } else {
                poison.add(new Poison(
                        "unexpected-type",
                        "$.eventType: " + envelope.eventType().wireName()
                                + " does not belong on the transactions stream",
                        raw));
            }
        }
        int producerDuplicates = items.size();
        items = owned(stream, shardId, items);
        producerDuplicates -= items.size();

        long decoded = System.nanoTime();
        metrics.stageTime("decode", decoded - started);

        // features: cards and customers in parallel, each key's events in stream order
        TabFormerContext ctx = context.get();
        Map<String, List<Item>> byCard = new LinkedHashMap<>();
        Map<String, List<Item>> byCustomer = new LinkedHashMap<>();
        for (Item item : items) {
            byCard.computeIfAbsent(item.tx().cardToken().value(), k -> new ArrayList<>())
                    .add(item);
            byCustomer
                    .computeIfAbsent(item.tx().customerToken().value(), k -> new ArrayList<>())
                    .add(item);
        }
        // every state of the batch in one batched read (cache first); each key's first attempt starts from it
        List<String> keys = new ArrayList<>(byCard.size() + byCustomer.size());
        byCard.keySet().forEach(card -> keys.add(StoredEntity.cardKey(card)));
        byCustomer.keySet().forEach(customer -> keys.add(StoredEntity.customerKey(customer)));
        Map<String, Optional<StoredEntity>> prefetched =
                keys.isEmpty() ? Map.of() : retry.bounded("features", () -> store.getAll(keys));
        Map<String, CompletableFuture<CardOutcome>> cardFutures = new HashMap<>();
        byCard.forEach((card, cardItems) -> {
            AtomicReference<Optional<StoredEntity>> first =
                    new AtomicReference<>(prefetched.get(StoredEntity.cardKey(card)));
            cardFutures.put(
                    card,
                    CompletableFuture.supplyAsync(
                            () -> retry.bounded(
                                    "features", () -> applyCard(card, cardItems, ctx, first.getAndSet(null))),
                            io));
        });
        List<CompletableFuture<?>> customerFutures = new ArrayList<>();
        byCustomer.forEach((customer, customerItems) -> {
            AtomicReference<Optional<StoredEntity>> first =
                    new AtomicReference<>(prefetched.get(StoredEntity.customerKey(customer)));
            customerFutures.add(CompletableFuture.runAsync(
                    () -> retry.bounded(
                            "features", () -> applyCustomer(customer, customerItems, first.getAndSet(null))),
                    io));
        });

        // every state write ends (or fails) before the batch may fail: a retry of the batch must not overlap them
        awaitAll(cardFutures.values());
        awaitAll(customerFutures);
        Map<Item, double[]> features = new IdentityHashMap<>();
        Map<Item, Map<String, Object>> cardAttributes = new IdentityHashMap<>();
        int duplicates = 0;
        for (Map.Entry<String, List<Item>> e : byCard.entrySet()) {
            CardOutcome outcome = join(cardFutures.get(e.getKey()));
            for (int i = 0; i < e.getValue().size(); i++) {
                Item item = e.getValue().get(i);
                CardOnlineState.Result r = outcome.results().get(i);
                if (r.features() == null) {
                    poison.add(new Poison(
                            "late-event",
                            "older than the card's newest applied transaction and not held "
                                    + "in its window; features cannot be computed point-in-time",
                            item.raw()));
                    continue;
                }
                if (r.outcome() == ApplyOutcome.DUPLICATE) {
                    duplicates++;
                }
                features.put(item, r.features());
                cardAttributes.put(item, outcome.attributes());
            }
        }
        customerFutures.forEach(TransactionPipeline::join);
        Instant visible = clock.instant();
        long featured = System.nanoTime();
        metrics.processingLatency(featured - started);
        metrics.stageTime("features", featured - decoded);

        // scoring: one batch call, so a remote backend pays one round trip per batch
        List<Item> scoredItems = items.stream().filter(features::containsKey).toList();
        double[][] rows = scoredItems.stream().map(features::get).toArray(double[][]::new);
        FraudScorer model = scorer.get();
        FraudScorer.Score[] scores = rows.length == 0 ? new FraudScorer.Score[0] : model.score(rows);
        // the challenger in its shadow period scores the same rows; its score is only recorded, and its failure never
        // fails the batch
        ShadowModel shadowModel = shadow.get();
        double[] shadowScores = shadowModel == null || rows.length == 0 ? null : shadowScores(shadowModel, rows);
        Instant scoredAt = clock.instant();
        long scoredNanos = System.nanoTime();
        List<Envelope<TransactionScoredV1>> events = new ArrayList<>(scoredItems.size());
        List<ScoredRow> lakeRows = new ArrayList<>(scoredItems.size());
        List<Envelope<FraudAlertRequestedV1>> alertRequests = new ArrayList<>();
        for (int i = 0; i < scoredItems.size(); i++) {
            Item item = scoredItems.get(i);
            metrics.featuresVisible(item.envelope().occurredAt(), visible);
            events.add(scoredEvent(item, rows[i], scores[i], model.modelVersion(), scoredAt));
            lakeRows.add(lakeRow(
                    item,
                    rows[i],
                    scores[i],
                    model.modelVersion(),
                    scoredAt,
                    shadowScores == null ? null : shadowModel.version(),
                    shadowScores == null ? Double.NaN : shadowScores[i]));
            if (scores[i].alert()) {
                alertRequests.add(
                        alertRequest(item, scores[i], model.modelVersion(), cardAttributes.get(item), scoredAt));
            }
        }

        metrics.stageTime("scoring", System.nanoTime() - featured);

        // effects batch-wise: scored events and alerts in parallel, then the lake; each retried a bounded number of
        // times
        CompletableFuture<?> scoredDone = CompletableFuture.runAsync(
                () -> {
                    if (!events.isEmpty()) {
                        long t = System.nanoTime();
                        retry.bounded("scored-events", () -> scoredSink.publish(events));
                        metrics.stageTime("scored-events", System.nanoTime() - t);
                    }
                },
                io);
        CompletableFuture<Integer> alertDone = CompletableFuture.supplyAsync(
                () -> {
                    if (alertRequests.isEmpty()) {
                        return 0;
                    }
                    long t = System.nanoTime();
                    int sent = retry.bounded("alerts", () -> alerts.requestAll(alertRequests, io));
                    metrics.stageTime("alerts", System.nanoTime() - t);
                    return sent;
                },
                io);
        // the lake last: its objects exist only for a batch whose other effects all succeeded, so a batch that fails
        // and is then processed record by record leaves no batch-sized object behind to duplicate the records' rows
        CompletableFuture<?> lakeDone = CompletableFuture.allOf(scoredDone, alertDone)
                .thenRunAsync(
                        () -> {
                            if (!lakeRows.isEmpty()) {
                                long t = System.nanoTime();
                                retry.bounded("lake", () -> lake.write(stream, shardId, lakeRows));
                                metrics.stageTime("lake", System.nanoTime() - t);
                            }
                        },
                        io);
        if (!poison.isEmpty()) {
            long t = System.nanoTime();
            quarantine(stream, shardId, poison);
            metrics.stageTime("quarantine", System.nanoTime() - t);
        }
        awaitAll(List.of(scoredDone, lakeDone, alertDone));
        join(scoredDone);
        join(lakeDone);
        int alertsSent = join(alertDone);
        metrics.stageTime("effects", System.nanoTime() - scoredNanos);
        metrics.stageTime("batch", System.nanoTime() - started);
        metrics.processed(scoredItems.size(), duplicates);
        metrics.producerDuplicates(producerDuplicates);
        metrics.alertsSent(alertsSent);
        if (log.isDebugEnabled()) {
            log.debug(
                    "stream={} shard={} records={} scored={} duplicates={} producerDuplicates={} quarantined={} alerts={}",
                    stream,
                    shardId,
                    records.size(),
                    scoredItems.size(),
                    duplicates,
                    producerDuplicates,
                    poison.size(),
                    alertsSent);
        }
        return new Outcome(
                records.size(), scoredItems.size(), duplicates, producerDuplicates, poison.size(), alertsSent);
    }

    /** Customer and card events: profile attributes on the feature-store items, never touching their state. */
    public Outcome processProfiles(String stream, String shardId, List<RawRecord> records) {
        metrics.received(stream, records.size());
        List<Poison> poison = new ArrayList<>();
        for (RawRecord raw : records) {
            Envelope<?> envelope = decode(stream, shardId, raw, poison);
            if (envelope == null) {
                continue;
            }
            switch (envelope.payload()) {
                case CustomerUpsertedV1 c ->
                    retry.bounded(
                            "profiles",
                            () -> store.putProfile(
                                    StoredEntity.customerKey(c.customerToken().value()),
                                    Map.of(
                                            "homeState",
                                            c.homeState(),
                                            "ageBand",
                                            c.ageBand().value(),
                                            "incomeBand",
                                            c.incomeBand().value(),
                                            "ficoBand",
                                            c.ficoBand().value(),
                                            "zip3",
                                            c.zip3().value(),
                                            "numCards",
                                            c.numCards()),
                                    c.updatedAt().toEpochMilli()));
                case CardUpsertedV1 c ->
                    retry.bounded(
                            "profiles",
                            () -> store.putProfile(
                                    StoredEntity.cardKey(c.cardToken().value()),
                                    Map.of(
                                            "customerToken",
                                            c.customerToken().value(),
                                            "cardLast4",
                                            c.cardLast4().value(),
                                            "brand",
                                            c.brand(),
                                            "cardType",
                                            c.cardType(),
                                            "hasChip",
                                            c.hasChip() ? 1 : 0,
                                            "onDarkWeb",
                                            c.onDarkWeb() ? 1 : 0),
                                    c.updatedAt().toEpochMilli()));
                default ->
                    poison.add(new Poison(
                            "unexpected-type",
                            "$.eventType: " + envelope.eventType().wireName()
                                    + " does not belong on the customers stream",
                            raw));
            }
        }
        if (!poison.isEmpty()) {
            quarantine(stream, shardId, poison);
        }
        return new Outcome(records.size(), 0, 0, 0, poison.size(), 0);
    }

    private @Nullable Envelope<?> decode(String stream, String shardId, RawRecord raw, List<Poison> poison) {
        try {
            return codec.decode(raw.data());
        } catch (EventValidationException e) {
            poison.add(new Poison(reason(e.errors()), describe(e.errors()), raw));
            return null;
        } catch (RuntimeException e) {
            poison.add(new Poison("unreadable", e.getClass().getSimpleName(), raw));
            return null;
        }
    }

    /**
     * Quarantines records the pipeline will not process. Waits while the quarantine's storage is down: it cannot
     * refuse a record, so a failure is an outage, and checkpointing past a record not stored anywhere would lose it.
     */
    public void quarantine(String stream, String shardId, List<Poison> poison) {
        retry.until("quarantine", () -> quarantine.quarantine(stream, shardId, poison));
        poison.forEach(p -> metrics.quarantined(p.reason()));
    }

    /**
     * Drops producer duplicates: the first copy of a transaction in the batch, and only if its position owns the
     * transaction ({@link TransactionClaims}). A copy later in the same batch is a producer duplicate without asking.
     */
    private List<Item> owned(String stream, String shardId, List<Item> items) {
        Map<String, Item> first = new LinkedHashMap<>();
        for (Item item : items) {
            first.putIfAbsent(item.tx().transactionId(), item);
        }
        List<CompletableFuture<Boolean>> claimed = new ArrayList<>(first.size());
        for (Item item : first.values()) {
            claimed.add(CompletableFuture.supplyAsync(
                    () -> retry.bounded(
                            "claims",
                            () -> claims.claim(
                                    item.tx().transactionId(),
                                    stream,
                                    shardId,
                                    item.raw().sequenceNumber())),
                    io));
        }
        awaitAll(claimed);
        List<Item> owned = new ArrayList<>(first.size());
        int i = 0;
        for (Item item : first.values()) {
            if (join(claimed.get(i++))) {
                owned.add(item);
            }
        }
        return owned;
    }

    public static String reason(List<FieldError> errors) {
        for (FieldError error : errors) {
            if ("$".equals(error.path()) && error.message().startsWith("not valid JSON")) {
                return "unparseable";
            }
            if ("$".equals(error.path()) && error.message().startsWith("expected a JSON object")) {
                return "unparseable";
            }
            if ("$.eventType".equals(error.path()) && error.message().startsWith("unknown event type")) {
                return "unknown-type";
            }
        }
        return "schema-invalid";
    }

    public static String describe(List<FieldError> errors) {
        StringBuilder b = new StringBuilder();
        for (FieldError error : errors) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(error.path()).append(": ").append(error.message());
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }

    /** {@code prefetched}: the batch's read of the key, used by the first attempt only (null: read it now). */
    private CardOutcome applyCard(
            String card, List<Item> cardItems, TabFormerContext ctx, @Nullable Optional<StoredEntity> prefetched) {
        String key = StoredEntity.cardKey(card);
        for (int attempt = 1; attempt <= MAX_STATE_ATTEMPTS; attempt++) {
            Optional<StoredEntity> stored = attempt == 1 && prefetched != null ? prefetched : store.get(key);
            long version = stored.map(StoredEntity::version).orElse(0L);
            CardOnlineState state = stored.filter(StoredEntity::hasState)
                    .map(s -> CardOnlineState.fromBytes(s.state()))
                    .orElseGet(CardOnlineState::empty);
            List<CardOnlineState.Result> results = new ArrayList<>(cardItems.size());
            Item newest = null;
            for (Item item : cardItems) {
                CardOnlineState.Result r = state.apply(WireTransactions.online(item.tx()), ctx);
                results.add(r);
                if (r.outcome().changedState()) {
                    newest = item;
                }
            }
            Map<String, Object> attributes =
                    new HashMap<>(stored.map(StoredEntity::attributes).orElse(Map.of()));
            if (newest == null) {
                return new CardOutcome(results, attributes);
            }
            Map<String, Object> written =
                    FeatureStoreItem.cardAttributes(state, newest.tx().transactionId());
            if (store.putState(new StoredEntity(key, version + 1, state.toBytes(), written), version)) {
                attributes.putAll(written);
                return new CardOutcome(results, attributes);
            }
            store.evict(key);
        }
        throw new IllegalStateException(
                "card state " + key + " kept changing under " + MAX_STATE_ATTEMPTS + " attempts");
    }

    private void applyCustomer(String customer, List<Item> customerItems, @Nullable Optional<StoredEntity> prefetched) {
        String key = StoredEntity.customerKey(customer);
        for (int attempt = 1; attempt <= MAX_STATE_ATTEMPTS; attempt++) {
            Optional<StoredEntity> stored = attempt == 1 && prefetched != null ? prefetched : store.get(key);
            long version = stored.map(StoredEntity::version).orElse(0L);
            CustomerState state = stored.filter(StoredEntity::hasState)
                    .map(s -> CustomerState.fromBytes(s.state()))
                    .orElseGet(CustomerState::empty);
            Item newest = null;
            for (Item item : customerItems) {
                ApplyOutcome outcome = state.apply(item.tx());
                if (outcome.changedState()) {
                    newest = item;
                }
                if (outcome == ApplyOutcome.TOO_LATE) {
                    log.warn(
                            "customer window: transaction {} is older than the allowed lateness; not counted",
                            item.tx().transactionId());
                }
            }
            if (newest == null) {
                return;
            }
            Map<String, Object> written = Map.of(
                    FeatureStoreItem.LAST_EVENT_TIME, state.window().lastAppliedTime(),
                    FeatureStoreItem.LAST_TX_ID, newest.tx().transactionId(),
                    FeatureStoreItem.TX_COUNT_1W, state.countLastWeek(),
                    FeatureStoreItem.AMOUNT_1W, state.amountLastWeek(),
                    FeatureStoreItem.STATE_FORMAT, CustomerState.FORMAT_NAME);
            if (store.putState(new StoredEntity(key, version + 1, state.toBytes(), written), version)) {
                return;
            }
            store.evict(key);
        }
        throw new IllegalStateException(
                "customer state " + key + " kept changing under " + MAX_STATE_ATTEMPTS + " attempts");
    }

    /** The scored event's id is a function of the transaction: a replay produces the same event, not a second one. */
    public static UUID scoredEventId(String transactionId) {
        return UUID.nameUUIDFromBytes(
                (EventType.TRANSACTION_SCORED_V1.wireName() + "|" + transactionId).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID alertEventId(String transactionId) {
        return UUID.nameUUIDFromBytes(
                (EventType.FRAUD_ALERT_REQUESTED_V1.wireName() + "|" + transactionId).getBytes(StandardCharsets.UTF_8));
    }

    private Envelope<TransactionScoredV1> scoredEvent(
            Item item, double[] row, FraudScorer.Score score, String version, Instant scoredAt) {
        TransactionRecordedV1 tx = item.tx();
        Map<String, Double> named = new LinkedHashMap<>();
        List<String> names = OnlineFeatures.SCHEMA.names();
        for (int i = 0; i < names.size(); i++) {
            if (Double.isFinite(row[i])) {
                named.put(names.get(i), row[i]);
            }
        }
        TransactionScoredV1 payload = new TransactionScoredV1(
                tx.transactionId(),
                tx.cardToken(),
                tx.customerToken(),
                tx.transactionTime(),
                tx.amount(),
                tx.currency(),
                tx.mcc(),
                tx.channel(),
                score.probability(),
                score.decision(),
                version,
                score.reasonCodes(),
                named,
                scoredAt,
                score.alert(),
                tx.merchantState() != null && TabFormerFeatures.isForeign(tx.merchantState()));
        return new Envelope<>(
                scoredEventId(tx.transactionId()),
                EventType.TRANSACTION_SCORED_V1,
                scoredAt,
                consumer,
                tx.cardToken().value(),
                item.envelope().traceparent(),
                payload);
    }

    private static double @Nullable [] shadowScores(ShadowModel shadowModel, double[][] rows) {
        try {
            return shadowModel.score(rows);
        } catch (RuntimeException e) {
            log.warn(
                    "shadow model {} failed on a batch; its rows carry no shadow score: {}",
                    shadowModel.version(),
                    e.toString());
            return null;
        }
    }

    private static ScoredRow lakeRow(
            Item item,
            double[] row,
            FraudScorer.Score score,
            String version,
            Instant scoredAt,
            @Nullable String shadowVersion,
            double shadowScore) {
        TransactionRecordedV1 tx = item.tx();
        return new ScoredRow(
                tx.transactionId(),
                tx.cardToken().value(),
                tx.customerToken().value(),
                tx.transactionTime(),
                tx.amount().doubleValue(),
                tx.currency(),
                tx.merchantId(),
                tx.mcc(),
                tx.channel().name(),
                tx.merchantCity(),
                tx.merchantState(),
                tx.merchantZip(),
                tx.errors(),
                score.probability(),
                score.decision().name(),
                score.alert(),
                version,
                scoredAt,
                item.raw().sequenceNumber(),
                row,
                shadowVersion,
                shadowScore);
    }

    private Envelope<FraudAlertRequestedV1> alertRequest(
            Item item, FraudScorer.Score score, String version, Map<String, Object> card, Instant now) {
        TransactionRecordedV1 tx = item.tx();
        Object last4 = card.get("cardLast4");
        FraudAlertRequestedV1 payload = new FraudAlertRequestedV1(
                "alert-" + tx.transactionId(),
                tx.transactionId(),
                tx.customerToken(),
                tx.cardToken(),
                last4 == null ? Masked.UNKNOWN : Masked.of(last4.toString()),
                tx.amount(),
                tx.currency(),
                tx.merchantId(),
                tx.merchantCity(),
                tx.mcc(),
                tx.transactionTime(),
                score.probability(),
                version,
                score.reasonCodes(),
                now);
        return new Envelope<>(
                alertEventId(tx.transactionId()),
                EventType.FRAUD_ALERT_REQUESTED_V1,
                now,
                consumer,
                tx.customerToken().value(),
                item.envelope().traceparent(),
                payload);
    }

    /** Waits until every future is done, failed or not, so nothing of a failed batch still runs when it is retried. */
    private static void awaitAll(java.util.Collection<? extends CompletableFuture<?>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // the failure is rethrown by join of the future that failed
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
