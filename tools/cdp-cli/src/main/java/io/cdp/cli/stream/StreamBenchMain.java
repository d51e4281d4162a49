package io.cdp.cli.stream;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.aws.test.RepositoryRoot;
import io.cdp.cli.CliAws;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.WireTransactions;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import io.cdp.transformer.StreamTransformerApplication;
import io.cdp.transformer.features.InMemoryFeatureStore;
import io.cdp.transformer.features.StoredEntity;
import io.cdp.transformer.ingest.Retry;
import io.cdp.transformer.ingest.TransactionPipeline;
import io.cdp.transformer.ops.PipelineMetrics;
import io.cdp.transformer.scoring.FraudScorer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * {@code ./cdp bench stream}: (1) the processing rate in process, one thread, no emulator: feature update and scoring
 * per transaction; (2) the whole pipeline in process (decode and schema validation, features, scoring, in-memory
 * effects); (3) the end-to-end rate against the emulator through the binder; (4) freshness: a transaction put on
 * Kinesis to its features readable, measured by a reader polling the feature store, at a paced rate.
 */
public final class StreamBenchMain {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int inProcess = Integer.parseInt(options.getOrDefault("in-process", "200000"));
        int e2e = Integer.parseInt(options.getOrDefault("e2e", "3000"));
        int paced = Integer.parseInt(options.getOrDefault("paced", "300"));
        boolean kcl = "kcl".equalsIgnoreCase(options.getOrDefault("mode", "kcl"));
        // the service's defaults (application.yml); the binder's own consumer clamps to >= 250 / >= 1000 ms, KCL to >=
        // 200
        int idle = Integer.parseInt(options.getOrDefault("idle-between-polls", kcl ? "200" : "250"));
        int backoff = Integer.parseInt(options.getOrDefault("consumer-backoff", "1000"));
        String mode = kcl
                ? "KCL polling consumer (kpl-kcl-enabled, fan-out off, polling-idle-time " + idle + " ms)"
                : "non-KCL polling consumer (idle-between-polls " + idle + " ms, consumer-backoff " + backoff + " ms)";
        System.err.println("training the bench model on generated data ...");
        OnlineCardTrainer.Trained model = SyntheticModels.takeovers(17, 300, Progress.silent());
        TabFormerContext ctx = model.tables().context();
        InProcessScorer scorer = new InProcessScorer(model.artifact());

        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(3));
        List<TransactionRecordedV1> txs =
                SyntheticCardHistory.takeovers(3, Math.max(100, inProcess / 24), start, Duration.ofDays(3), 8, 0.05);
        txs = txs.subList(0, Math.min(inProcess, txs.size()));

        // (1) features + scoring, one thread; state kept in a map as the cache would
        double rate1 = 0;
        for (int round = 0; round < 3; round++) {
            Map<String, CardOnlineState> states = new HashMap<>();
            long t0 = System.nanoTime();
            double sink = 0;
            for (TransactionRecordedV1 tx : txs) {
                CardOnlineState state = states.computeIfAbsent(tx.cardToken().value(), k -> CardOnlineState.empty());
                CardOnlineState.Result r = state.apply(WireTransactions.online(tx), ctx);
                if (r.features() != null) {
                    sink += scorer.score(r.features());
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            rate1 = Math.max(rate1, txs.size() / seconds);
            if (sink < 0) {
                System.out.println(sink);
            }
        }

        // (2) the pipeline class in process: decode + validate + features + state bytes + scoring + effects in memory
        EventCodec codec = new EventCodec();
        List<RawRecord> records = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            TransactionRecordedV1 tx = txs.get(i);
            records.add(new RawRecord(
                    codec.encode(Envelope.of("core-banking", tx.cardToken().value(), tx.transactionTime(), tx)),
                    Integer.toString(i)));
        }
        FraudScorer fraud =
                new FraudScorer(scorer, scorer, model.artifact().metadata().thresholds(), 3);
        TransactionPipeline pipeline = new TransactionPipeline(
                codec,
                new InMemoryFeatureStore(),
                () -> ctx,
                () -> fraud,
                () -> null,
                events -> {},
                (s, shard, rows) -> {},
                alert -> true,
                (stream, shard, poison) -> {},
                (transactionId, stream, shard, sequence) -> true,
                PipelineMetrics.NONE,
                Runnable::run,
                new Retry(1, 10, 3, PipelineMetrics.NONE),
                Clock.systemUTC(),
                "bench");
        long t1 = System.nanoTime();
        for (int from = 0; from < records.size(); from += 500) {
            pipeline.processTransactions(
                    "bench", "shard-0", records.subList(from, Math.min(records.size(), from + 500)));
        }
        double rate2 = records.size() / ((System.nanoTime() - t1) / 1e9);

        // (3) and (4) against the emulator
        AwsClients clients = CliAws.clients();
        if (!clients.settings().isLocal()) {
            throw new IllegalStateException(
                    "the end-to-end part needs the emulator: AWS_ENDPOINT_URL (./cdp bench sets it)");
        }
        CdpResources names = CdpResources.fromValue("bench" + Long.toHexString(System.nanoTime() & 0xffffff));
        new ResourceBootstrap(clients, names).createAll();
        double rate3;
        long[] freshness;
        long[] processing;
        long[] freshnessNew;
        long[] processingNew;
        String stages;
        try (KinesisClient kinesis = clients.kinesis();
                DynamoDbClient dynamoDb = clients.dynamoDb();
                var s3 = clients.s3()) {
            SyntheticModels.publishLive(s3, dynamoDb, names, model);
            String[] appArgs = {
                "--cdp.aws.endpoint=" + clients.settings().endpoint(),
                "--cdp.aws.namespace=" + names.namespace(),
                "--spring.cloud.aws.region.static="
                        + clients.settings().region().id(),
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.structured.format.console=",
                "--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.idle-between-polls=" + idle,
                "--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.consumer-backoff=" + backoff,
                "--spring.cloud.stream.kinesis.binder.kpl-kcl-enabled=" + kcl,
                "--cdp.transformer.kcl-failover=3s",
                "--cdp.transformer.kcl-client-version=" + options.getOrDefault("kcl-client-version", "2x"),
                // KCL mode: polling (no enhanced fan-out), no CloudWatch metrics (the emulator has none to spare)
                "--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.fan-out=false",
                "--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.polling-idle-time=" + idle,
                "--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.polling-max-records=500",
                "--spring.cloud.stream.kinesis.bindings.transactions-in-0.consumer.metrics-level=NONE",
                "--spring.cloud.stream.kinesis.bindings.profiles-in-0.consumer.fan-out=false",
                "--spring.cloud.stream.kinesis.bindings.profiles-in-0.consumer.metrics-level=NONE",
                // the CLI's classpath holds several services' jars, each with an application.yml: the transformer's
                // own configuration, from the source tree, and none of the OpenAPI beans another jar brings along
                "--spring.config.location=file:"
                        + RepositoryRoot.find()
                                .resolve("services/stream-transformer/src/main/resources/application.yml"),
                "--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false"
            };
            SpringApplicationBuilder builder = new SpringApplicationBuilder(StreamTransformerApplication.class)
                    .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String name) {
                            return bean instanceof PipelineMetrics m ? new ProcessingProbe(m) : bean;
                        }
                    }));
            try (ConfigurableApplicationContext app = builder.run(appArgs)) {
                MeterRegistry registry = app.getBean(MeterRegistry.class);
                List<TransactionRecordedV1> live = SyntheticCardHistory.takeovers(
                        5,
                        Math.max(50, e2e / 10),
                        Instant.now().minus(Duration.ofHours(2)),
                        Duration.ofHours(2),
                        120,
                        0.05);
                live = live.subList(0, Math.min(e2e, live.size()));
                // the consumer first has to take its shards (KCL: leases); the rate is measured once it consumes
                long t2 = System.nanoTime();
                List<TransactionRecordedV1> warm = SyntheticCardHistory.takeovers(
                                4, 20, Instant.now().minus(Duration.ofHours(3)), Duration.ofMinutes(30), 1, 0.0)
                        .subList(0, 20);
                put(kinesis, codec, names, warm);
                while (scored(registry) < warm.size()) {
                    Thread.sleep(20);
                    if (System.nanoTime() - t2 > 180e9) {
                        throw new IllegalStateException("the consumer did not start consuming in 3 minutes");
                    }
                }
                System.err.printf(
                        "consumer live %.1f s after the application started%n", (System.nanoTime() - t2) / 1e9);
                double before = scored(registry);
                long t3 = System.nanoTime();
                put(kinesis, codec, names, live);
                while (scored(registry) - before < live.size()) {
                    Thread.sleep(20);
                    if (System.nanoTime() - t3 > 300e9) {
                        throw new IllegalStateException("end-to-end run did not finish in 5 minutes");
                    }
                }
                rate3 = live.size() / ((System.nanoTime() - t3) / 1e9);
                stages = stages(registry);
                // returning cards (their state in the transformer's cache, as for almost every transaction of a
                // running pipeline), then cards never seen (a read of the store first): both reported
                freshness = pacedFreshness(kinesis, dynamoDb, codec, names, returningCards(live, paced));
                processing = ProcessingProbe.SAMPLES.stream()
                        .mapToLong(Long::longValue)
                        .toArray();
                freshnessNew = pacedFreshness(kinesis, dynamoDb, codec, names, firstSeenCards(paced));
                processingNew = ProcessingProbe.SAMPLES.stream()
                        .mapToLong(Long::longValue)
                        .toArray();
            }
        }
        Arrays.sort(freshness);
        Arrays.sort(processing);
        Arrays.sort(freshnessNew);
        Arrays.sort(processingNew);
        long p50 = percentile(freshness, 0.5);
        long p99 = percentile(freshness, 0.99);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("| measure | result | how |");
        System.out.println("|---|---|---|");
        System.out.printf(
                "| features + scoring, in process, 1 thread | %,.0f tx/s | %,d generated transactions, best of 3; card velocity + TabFormer state update, XGBoost %d trees, no emulator |%n",
                rate1, txs.size(), model.trees());
        System.out.printf(
                "| whole pipeline class, in process, 1 thread | %,.0f tx/s | JSON decode + schema validation, features, state serialization, scoring, reason codes, in-memory store and sinks, batches of 500 |%n",
                rate2);
        System.out.printf(
                "| end to end against the emulator | %,.0f tx/s | %,d transactions put with PutRecords once the consumer consumes, 2 shards, %s, at most 500 records a batch; BatchGetItem + conditional UpdateItems, one PutRecords of scored events, Parquet, alerts per batch; %d cores |%n",
                rate3, Math.min(e2e, 1_000_000), mode, cores);
        System.out.printf(
                "| where a batch's time goes (end-to-end run) | %s | mean / max wall ms per batch and stage; effects run in parallel |%n",
                stages);
        String pacedHow = "transactions paced at 20/s, one per card";
        System.out.printf(
                "| freshness (a) processing: record received -> features readable, returning cards | p50 %d ms, p99 %d ms | %d %s, cards with history (state cached); from the handler receiving the batch to every card and customer write acknowledged |%n",
                percentile(processing, 0.5), percentile(processing, 0.99), freshness.length, pacedHow);
        System.out.printf(
                "| freshness (a) processing, first-seen cards | p50 %d ms, p99 %d ms | %d %s, cards never seen (one BatchGetItem before the writes) |%n",
                percentile(processingNew, 0.5), percentile(processingNew, 0.99), freshnessNew.length, pacedHow);
        System.out.printf(
                "| freshness (b) end to end: put -> features readable, returning cards | p50 %d ms, p99 %d ms | from the envelope's occurredAt (taken just before PutRecord) to the acknowledged consistent write of the card and customer state, on one clock (the transformer runs in the bench's JVM); every card item checked afterwards; %s |%n",
                p50, p99, mode);
        System.out.printf(
                "| freshness (b) end to end, first-seen cards | p50 %d ms, p99 %d ms | as above |%n",
                percentile(freshnessNew, 0.5), percentile(freshnessNew, 0.99));
        System.out.printf(
                "settings mode=%s poll_interval_ms=%d processing_p50_ms=%d processing_p99_ms=%d freshness_p50_ms=%d first_seen_processing_p99_ms=%d first_seen_freshness_p99_ms=%d%n",
                kcl ? "kcl-polling" : "binder-polling",
                idle,
                percentile(processing, 0.5),
                percentile(processing, 0.99),
                p50,
                percentile(processingNew, 0.99),
                percentile(freshnessNew, 0.99));
        // the line, last and exactly this form
        System.out.printf("stream tx_per_s_per_core=%.0f e2e_tx_per_s=%.0f freshness_p99_ms=%d%n", rate1, rate3, p99);
        // the SDK's and the binder's pools are not all daemon threads
        System.exit(0);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(sorted.length * p) - 1))];
    }

    private static String stages(MeterRegistry registry) {
        StringBuilder b = new StringBuilder();
        for (String stage : List.of(
                "batch", "decode", "features", "scoring", "effects", "scored-events", "lake", "alerts", "quarantine")) {
            var timer =
                    registry.find("cdp.transformer.stage").tag("stage", stage).timer();
            if (timer == null || timer.count() == 0) {
                continue;
            }
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(String.format(
                    "%s %.0f / %.0f", stage, timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS)));
            if (stage.equals("batch")) {
                b.append(String.format(" (%d batches)", timer.count()));
            }
        }
        return b.toString();
    }

    /** Keeps every processing latency (handler entry to features written), in milliseconds, for the paced run. */
    private record ProcessingProbe(PipelineMetrics delegate) implements PipelineMetrics {
        static final java.util.Queue<Long> SAMPLES = new java.util.concurrent.ConcurrentLinkedQueue<>();
        /** put (the envelope's occurredAt) to the transaction's features acknowledged as written, in milliseconds. */
        static final java.util.Queue<Long> VISIBLE = new java.util.concurrent.ConcurrentLinkedQueue<>();

        @Override
        public void received(String stream, int records) {
            delegate.received(stream, records);
        }

        @Override
        public void processed(int transactions, int duplicates) {
            delegate.processed(transactions, duplicates);
        }

        @Override
        public void featuresVisible(Instant occurredAt, Instant now) {
            VISIBLE.add(Duration.between(occurredAt, now).toMillis());
            delegate.featuresVisible(occurredAt, now);
        }

        @Override
        public void processingLatency(long nanos) {
            SAMPLES.add(nanos / 1_000_000);
            delegate.processingLatency(nanos);
        }

        @Override
        public void quarantined(String reason) {
            delegate.quarantined(reason);
        }

        @Override
        public void producerDuplicates(int count) {
            delegate.producerDuplicates(count);
        }

        @Override
        public void batchFailed(String scope) {
            delegate.batchFailed(scope);
        }

        @Override
        public void alertsSent(int count) {
            delegate.alertsSent(count);
        }

        @Override
        public void retried(String effect) {
            delegate.retried(effect);
        }

        @Override
        public void stageTime(String stage, long nanos) {
            delegate.stageTime(stage, nanos);
        }
    }

    private static double scored(MeterRegistry registry) {
        var counter = registry.find("cdp.transformer.transactions.scored").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void put(
            KinesisClient kinesis, EventCodec codec, CdpResources names, List<TransactionRecordedV1> txs) {
        for (int from = 0; from < txs.size(); from += 500) {
            List<PutRecordsRequestEntry> entries = txs.subList(from, Math.min(txs.size(), from + 500)).stream()
                    .map(tx -> PutRecordsRequestEntry.builder()
                            .partitionKey(tx.cardToken().value())
                            .data(SdkBytes.fromByteArray(codec.encode(
                                    Envelope.of("core-banking", tx.cardToken().value(), Instant.now(), tx))))
                            .build())
                    .toList();
            var response = kinesis.putRecords(
                    b -> b.streamName(names.stream(Stream.CORE_TRANSACTIONS)).records(entries));
            if (response.failedRecordCount() > 0) {
                throw new IllegalStateException(response.failedRecordCount() + " records failed");
            }
        }
    }

    /** One transaction on each of {@code count} cards this run has never seen. */
    private static List<TransactionRecordedV1> firstSeenCards(int count) {
        List<TransactionRecordedV1> txs = SyntheticCardHistory.takeovers(
                99, count, Instant.now().minus(Duration.ofMinutes(30)), Duration.ofMinutes(1), 1, 0.0);
        Map<String, TransactionRecordedV1> lastPerCard = new HashMap<>();
        txs.forEach(tx -> lastPerCard.put(tx.cardToken().value(), tx));
        return new ArrayList<>(lastPerCard.values()).subList(0, Math.min(count, lastPerCard.size()));
    }

    /** A new transaction, now, on each of up to {@code count} cards with history (the card's last merchant again). */
    private static List<TransactionRecordedV1> returningCards(List<TransactionRecordedV1> history, int count) {
        Map<String, TransactionRecordedV1> lastPerCard = new java.util.LinkedHashMap<>();
        history.forEach(tx -> lastPerCard.put(tx.cardToken().value(), tx));
        List<TransactionRecordedV1> out = new ArrayList<>();
        for (TransactionRecordedV1 tx : lastPerCard.values()) {
            if (out.size() == count) {
                break;
            }
            out.add(new TransactionRecordedV1(
                    "again-" + tx.transactionId(),
                    tx.cardToken(),
                    tx.customerToken(),
                    Instant.now(),
                    tx.amount(),
                    tx.currency(),
                    tx.merchantId(),
                    tx.merchantCity(),
                    tx.merchantState(),
                    tx.merchantZip(),
                    tx.mcc(),
                    tx.channel(),
                    tx.errors(),
                    null));
        }
        return out;
    }

    /**
     * One transaction every 50 ms, each on its own card, its envelope's {@code occurredAt} taken just before the
     * {@code PutRecord}. The transformer runs in this JVM, so its own clock says when a transaction's features became
     * readable: the moment the strongly consistent, conditional card and customer writes were acknowledged
     * ({@code featuresVisible}); any consistent read after that sees them. No reader polls the emulator meanwhile (a
     * poller every few milliseconds saturated the single-process emulator and inflated what it measured). At the end
     * one consistent {@code BatchGetItem} pass checks that every card item really holds its transaction.
     */
    private static long[] pacedFreshness(
            KinesisClient kinesis,
            DynamoDbClient dynamoDb,
            EventCodec codec,
            CdpResources names,
            List<TransactionRecordedV1> one)
            throws Exception {
        ProcessingProbe.VISIBLE.clear();
        ProcessingProbe.SAMPLES.clear();
        for (TransactionRecordedV1 tx : one) {
            kinesis.putRecord(b -> b.streamName(names.stream(Stream.CORE_TRANSACTIONS))
                    .partitionKey(tx.cardToken().value())
                    .data(SdkBytes.fromByteArray(codec.encode(
                            Envelope.of("core-banking", tx.cardToken().value(), Instant.now(), tx)))));
            Thread.sleep(50);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (ProcessingProbe.VISIBLE.size() < one.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("features of " + (one.size() - ProcessingProbe.VISIBLE.size())
                        + " transactions never became visible");
            }
            Thread.sleep(20);
        }
        String table = names.table(Table.FEATURES);
        List<String> missing = new ArrayList<>();
        for (int from = 0; from < one.size(); from += 100) {
            List<TransactionRecordedV1> part = one.subList(from, Math.min(one.size(), from + 100));
            List<Map<String, AttributeValue>> ask = part.stream()
                    .map(tx -> Map.of(
                            "entityKey",
                            AttributeValue.fromS(
                                    StoredEntity.cardKey(tx.cardToken().value()))))
                    .toList();
            var response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(
                    table,
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                            .keys(ask)
                            .consistentRead(true)
                            .projectionExpression("entityKey, lastTxId")
                            .build())));
            Map<String, String> stored = new HashMap<>();
            response.responses()
                    .getOrDefault(table, List.of())
                    .forEach(item -> stored.put(
                            item.get("entityKey").s(),
                            item.containsKey("lastTxId") ? item.get("lastTxId").s() : ""));
            for (TransactionRecordedV1 tx : part) {
                if (!tx.transactionId()
                        .equals(stored.get(StoredEntity.cardKey(tx.cardToken().value())))) {
                    missing.add(tx.transactionId());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    missing.size() + " transactions reported visible are not in the feature store");
        }
        return ProcessingProbe.VISIBLE.stream().mapToLong(Long::longValue).toArray();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
