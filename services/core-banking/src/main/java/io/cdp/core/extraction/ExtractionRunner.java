package io.cdp.core.extraction;

import io.cdp.aws.AwsClients;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.core.store.CoreStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Starts extractions in the background, one at a time, and keeps their status for watching and stopping. */
public final class ExtractionRunner implements AutoCloseable {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final CoreStore store;
    private final Protector protector;
    private final EventCodec codec;
    private final KinesisPublisher customers;
    private final KinesisPublisher transactions;
    private final LakeWriter lake;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "extraction");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Extraction> runs = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> futures = new ConcurrentHashMap<>();

    public ExtractionRunner(
            CoreStore store,
            Protector protector,
            EventCodec codec,
            KinesisPublisher customers,
            KinesisPublisher transactions,
            LakeWriter lake,
            Clock clock) {
        this.store = store;
        this.protector = protector;
        this.codec = codec;
        this.customers = customers;
        this.transactions = transactions;
        this.lake = lake;
        this.clock = clock;
    }

    public static ExtractionRunner fromAws(AwsClients clients, CdpResources names, PiiProtection pii, Path workDir) {
        return new ExtractionRunner(
                new CoreStore(clients.dynamoDb(), names),
                new Protector(pii.tokenizer(), pii.encryptor()),
                new EventCodec(),
                new KinesisPublisher(clients.kinesis(), names.stream(CdpResources.Stream.CORE_CUSTOMERS)),
                new KinesisPublisher(clients.kinesis(), names.stream(CdpResources.Stream.CORE_TRANSACTIONS)),
                new LakeWriter(clients.s3(), names.bucket(CdpResources.Bucket.LAKE), workDir),
                Clock.systemUTC());
    }

    public synchronized ExtractionStatus start(ExtractionOptions options) {
        runs.values().stream()
                .filter(r -> r.status().state() == ExtractionStatus.State.RUNNING)
                .findFirst()
                .ifPresent(r -> {
                    throw new IllegalStateException("extraction " + r.id() + " is still running");
                });
        String id = "ext-" + ID_TIME.format(clock.instant()) + "-"
                + Integer.toHexString((int) (System.nanoTime() & 0xffff));
        Extraction run = new Extraction(id, options, store, protector, codec, customers, transactions, lake, clock);
        runs.put(id, run);
        futures.put(id, executor.submit(run));
        return run.status();
    }

    /** Runs one extraction in the caller's thread. */
    public ExtractionStatus runNow(ExtractionOptions options) {
        ExtractionStatus started = start(options);
        await(started.extractionId());
        return status(started.extractionId()).orElseThrow();
    }

    public void await(String id) {
        Future<?> f = futures.get(id);
        if (f == null) {
            return;
        }
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public Optional<ExtractionStatus> stop(String id) {
        Extraction run = runs.get(id);
        if (run == null) {
            return Optional.empty();
        }
        run.stop();
        return Optional.of(run.status());
    }

    public Optional<ExtractionStatus> status(String id) {
        return Optional.ofNullable(runs.get(id)).map(Extraction::status);
    }

    public Collection<ExtractionStatus> all() {
        return runs.values().stream().map(Extraction::status).toList();
    }

    @Override
    public void close() {
        runs.values().forEach(Extraction::stop);
        executor.shutdown();
    }
}
