package io.cdp.cli.profiles;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.aws.test.RepositoryRoot;
import io.cdp.c360.ingest.ProfileIngest;
import io.cdp.c360.profile.ProfileUpdates;
import io.cdp.cli.CliAws;
import io.cdp.cli.ServiceJars;
import io.cdp.cli.scoring.ApiBenchMain;
import io.cdp.cli.scoring.BenchIssuer;
import io.cdp.cli.scoring.LoadGenerator;
import io.cdp.cli.scoring.TokenMain;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.Decision;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Ciphertext;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.kinesis.ingest.RawRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./cdp bench profiles [--rps 1000] [--seconds 20] [--warmup 10] [--connections 16] [--customers 300]
 * [--ingest-events 20000] [--freshness-samples 60] [--gc parallel|serial|g1|z]}: customer-360's three figures,
 * printed as a table ending with {@code profiles read_p99_ms=R rps=Q ingest_events_per_s=I freshness_p99_ms=F}.
 *
 * <ul>
 *   <li>ingest: the consumer's own processing (decode and validate the event, update the day aggregate, recompute
 *       windows, mixes and risk, next profile version) of {@code --ingest-events} scored events in batches of 500, on
 *       ONE worker thread over an in-memory store with the service store's semantics: events per second per core,
 *       without the emulator's latency;</li>
 *   <li>freshness: the service jar (namespace {@code bench-c360-}) consuming the emulator's streams; one scored event
 *       put at a time, and the time until the profile's version in the table moved (put to profile updated), after
 *       20 warm-up events that are not counted (the consumer's leases are handed out over its first seconds);</li>
 *   <li>reads: {@code GET /v1/customers/{token}} at a fixed arrival rate (the scoring API bench's coordinated-omission
 *       aware load generator), with RS256 JWTs from the bench's own issuer (JWK set), as in production.</li>
 * </ul>
 * The service's JVM gets {@code -Xmx512m} and, by default, the parallel collector, as {@code bench api} gives the
 * scoring API: on this 2-core machine, beside the load generator and the emulator, G1's concurrent work showed in the
 * read tail (p99 9.15 ms with G1, 6.22 ms with the parallel collector, consecutive quiet runs; see
 * docs/benchmarks/customer-360.md). The figures are indicative when the machine is shared.
 */
public final class ProfilesBenchMain {

    private static final String AUDIENCE = "cdp-api";

    private ProfilesBenchMain() {}

    public static void main(String[] args) throws Exception {
        int rps = intArg(args, "--rps", 1000);
        int seconds = intArg(args, "--seconds", 20);
        int warmup = intArg(args, "--warmup", 10);
        int connections = intArg(args, "--connections", 16);
        int customers = intArg(args, "--customers", 300);
        int ingestEvents = intArg(args, "--ingest-events", 20_000);
        int samples = intArg(args, "--freshness-samples", 60);
        String gc = stringArg(args, "--gc", "parallel");
        List<String> jvmOptions = List.of("-Xmx512m", ApiBenchMain.collectorOption(gc));
        EventCodec codec = new EventCodec();
        Random random = new Random(7);

        double ingestRate = ingest(codec, ingestEvents, random);
        System.out.printf("bench: ingest %d events on one thread: %.0f events/s%n", ingestEvents, ingestRate);

        CdpResources names = CdpResources.fromValue("bench-c360-");
        AwsClients aws = CliAws.clients();
        new ResourceBootstrap(aws, names).createAll();
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            tokens.add(token("cus", random));
        }
        try (DynamoDbClient dynamoDb = aws.dynamoDb();
                BenchIssuer issuer = new BenchIssuer();
                Service service = Service.start(names, issuer.serviceArguments(AUDIENCE), jvmOptions)) {
            KinesisPublisher customersStream = new KinesisPublisher(aws.kinesis(), names.stream(Stream.CORE_CUSTOMERS));
            KinesisPublisher scoredStream =
                    new KinesisPublisher(aws.kinesis(), names.stream(Stream.SCORED_TRANSACTIONS));
            List<KinesisPublisher.Record> seed = new ArrayList<>();
            for (Token t : tokens) {
                seed.add(record(codec, t.value(), upsert(t)));
            }
            for (int from = 0; from < seed.size(); from += KinesisPublisher.MAX_RECORDS) {
                customersStream.putAll(seed.subList(from, Math.min(seed.size(), from + KinesisPublisher.MAX_RECORDS)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (version(dynamoDb, names, tokens.getLast().value()) < 1) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the seeded profiles did not appear within 180 s; see " + service.log);
                }
                Thread.sleep(200);
            }
            System.out.printf("bench: %d profiles seeded through the customers stream%n", customers);

            // warm-up, not counted: scored events for a few customers, each waited for, so the scored stream's
            // consumer has taken its shards' leases (KCL hands them out over the first seconds after a start; a
            // sample sent to a shard nobody holds yet measures the lease hand-out, not the path)
            long warmStart = System.nanoTime();
            for (int w = 0; w < 20; w++) {
                Token customer = tokens.get(random.nextInt(tokens.size()));
                long before = version(dynamoDb, names, customer.value());
                TransactionScoredV1 event = scored(customer, random, Instant.now());
                scoredStream.putAll(List.of(record(codec, event.cardToken().value(), event)));
                long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                if (!awaitVersionAbove(dynamoDb, names, customer.value(), before, until)) {
                    throw new IllegalStateException(
                            "a scored event did not reach its profile within 120 s; see " + service.log);
                }
            }
            System.out.printf(
                    "bench: scored stream warmed (20 events, each seen; %d ms in all)%n",
                    Duration.ofNanos(System.nanoTime() - warmStart).toMillis());

            Histogram freshness = new Histogram(Duration.ofMinutes(1).toMillis(), 3);
            long freshnessTimeouts = 0;
            for (int s = 0; s < samples; s++) {
                Token customer = tokens.get(random.nextInt(tokens.size()));
                long before = version(dynamoDb, names, customer.value());
                TransactionScoredV1 event = scored(customer, random, Instant.now());
                long put = System.nanoTime();
                scoredStream.putAll(List.of(record(codec, event.cardToken().value(), event)));
                long until = put + Duration.ofSeconds(30).toNanos();
                if (awaitVersionAbove(dynamoDb, names, customer.value(), before, until)) {
                    freshness.recordValue((System.nanoTime() - put) / 1_000_000);
                } else {
                    freshnessTimeouts++;
                }
            }
            System.out.printf(
                    "bench: freshness over %d puts: p50 %d ms, p99 %d ms, %d not seen within 30 s%n",
                    samples, freshness.getValueAtPercentile(50), freshness.getValueAtPercentile(99), freshnessTimeouts);

            String bearer = issuer.mint("bench", List.of("customers:read"), AUDIENCE, Duration.ofMinutes(30));
            List<ReadCaller> callers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                callers.add(new ReadCaller(service.baseUrl(), bearer, tokens));
            }
            try {
                LoadGenerator.run(Math.min(rps, 500), Duration.ofSeconds(warmup), 0, callers);
                Duration cpuBefore = service.cpu();
                LoadGenerator.Result reads = LoadGenerator.run(rps, Duration.ofSeconds(seconds), 1_000_000, callers);
                Duration cpuAfter = service.cpu();
                // the service's own CPU per answered read (all its threads, the stream consumer's polling included):
                // on 2 shared cores, what decides the read tail
                double cpuMsPerRead = cpuBefore == null || cpuAfter == null || reads.completed() == 0
                        ? Double.NaN
                        : cpuAfter.minus(cpuBefore).toNanos() / 1e6 / reads.completed();
                System.out.println();
                System.out.println("| figure | value |");
                System.out.println("|---|---|");
                System.out.printf("| reads: target rate | %d rps, %d connections, %d s |%n", rps, connections, seconds);
                System.out.printf("| service JVM | %s |%n", String.join(" ", jvmOptions));
                System.out.printf("| reads: achieved | %.0f rps, %d errors |%n", reads.achievedRps(), reads.errors());
                System.out.printf(
                        "| reads: p50 / p99 / max | %.2f / %.2f / %.2f ms |%n",
                        reads.ms(50), reads.ms(99), reads.ms(100));
                System.out.printf(
                        "| reads: service CPU per read (all its threads) | %s |%n",
                        Double.isNaN(cpuMsPerRead) ? "n/a" : String.format(Locale.ROOT, "%.3f ms", cpuMsPerRead));
                System.out.printf("| ingest (one thread, in-memory store) | %.0f events/s |%n", ingestRate);
                System.out.printf(
                        "| freshness put -> profile updated: p50 / p99 | %d / %d ms (%d samples, %d timeouts) |%n",
                        freshness.getValueAtPercentile(50),
                        freshness.getValueAtPercentile(99),
                        samples,
                        freshnessTimeouts);
                System.out.println();
                System.out.println("The load generator, the service and the emulator share this machine's "
                        + Runtime.getRuntime().availableProcessors() + " cores.");
                System.out.printf(
                        "profiles read_p99_ms=%.2f rps=%.0f ingest_events_per_s=%.0f freshness_p99_ms=%d%n",
                        reads.ms(99), reads.achievedRps(), ingestRate, freshness.getValueAtPercentile(99));
            } finally {
                for (ReadCaller c : callers) {
                    c.close();
                }
            }
        }
    }

    /** The consumer's processing on one thread over the in-memory store; events per second. */
    static double ingest(EventCodec codec, int events, Random random) {
        List<Token> customers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            customers.add(token("cus", random));
        }
        List<RawRecord> records = new ArrayList<>(events);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < events; i++) {
            Token customer = customers.get(random.nextInt(customers.size()));
            TransactionScoredV1 s = scored(customer, random, start.plusSeconds(random.nextInt(300 * 86_400)));
            records.add(new RawRecord(
                    codec.encode(Envelope.of("bench", s.cardToken().value(), s.scoredAt(), s)), "" + i));
        }
        try (ExecutorService one = Executors.newSingleThreadExecutor()) {
            ProfileIngest ingest = new ProfileIngest(
                    codec,
                    new InMemoryProfileStore(Clock.systemUTC()),
                    (h, a, f) -> ProfileUpdates.Assignment.NONE,
                    (stream, shard, record, reason, detail) -> {
                        throw new IllegalStateException("bench record quarantined: " + reason + " " + detail);
                    },
                    one,
                    new SimpleMeterRegistry(),
                    Clock.systemUTC(),
                    1,
                    1);
            // warm-up: the JIT compiles the path before it is measured
            ingest.process(
                    "bench",
                    "warmup",
                    records.subList(0, Math.min(records.size(), 2_000)).stream()
                            .map(r -> new RawRecord(r.data(), "w" + r.sequenceNumber()))
                            .toList());
            long t0 = System.nanoTime();
            for (int from = 0; from < records.size(); from += 500) {
                ingest.process("bench", "shard", records.subList(from, Math.min(records.size(), from + 500)));
            }
            return records.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    static final class ReadCaller implements LoadGenerator.Caller, AutoCloseable {
        private final CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(new BasicHttpClientConnectionManager())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
        private final String base;
        private final String authorization;
        private final List<Token> tokens;

        ReadCaller(String base, String token, List<Token> tokens) {
            this.base = base;
            this.authorization = "Bearer " + token;
            this.tokens = tokens;
        }

        @Override
        public boolean call(int index) throws IOException {
            HttpGet get = new HttpGet(base + "/v1/customers/"
                    + tokens.get(Math.floorMod(index * 31, tokens.size())).value());
            get.setHeader("Authorization", authorization);
            return client.execute(get, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    /** The service jar started with the local profile in the bench namespace, trusting only the bench's issuer. */
    public record Service(Process process, int port, Path log) implements AutoCloseable {

        /** CPU time the service's process has used so far (all its threads), or null where the OS does not say. */
        @Nullable
        Duration cpu() {
            return process.toHandle().info().totalCpuDuration().orElse(null);
        }

        public static Service start(CdpResources names, List<String> arguments)
                throws IOException, InterruptedException {
            return start(names, arguments, List.of("-Xmx512m"));
        }

        /** @param jvmOptions heap and collector of the service's JVM */
        public static Service start(CdpResources names, List<String> arguments, List<String> jvmOptions)
                throws IOException, InterruptedException {
            Path root = RepositoryRoot.find();
            Path jar = ServiceJars.executable("customer-360");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = root.resolve(".cdp/customer-360-bench.log");
            Files.createDirectories(log.getParent());
            Path copy = root.resolve(".cdp/customer-360-bench.jar");
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-Daws.cborEnabled=false",
                    "-jar",
                    copy.toString(),
                    "--spring.profiles.active=local",
                    "--server.port=" + port,
                    "--cdp.aws.namespace=" + names.namespace(),
                    "--logging.level.root=WARN"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // trusting the bench's issuer (arguments) switches the local profile's development key off: one or the
            // other
            builder.environment()
                    .put(
                            "CDP_DEV_KEY_FILE",
                            arguments.isEmpty() ? TokenMain.keyFile().toString() : "");
            Service service = new Service(builder.start(), port, log);
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            try (HttpClient http = HttpClient.newHttpClient()) {
                while (true) {
                    if (!service.process.isAlive()) {
                        throw new IllegalStateException("customer-360 exited while starting; see " + log);
                    }
                    try {
                        HttpResponse<String> r = http.send(
                                HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health/readiness"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            return service;
                        }
                    } catch (IOException e) {
                        // not listening yet
                    }
                    if (System.nanoTime() > deadline) {
                        service.close();
                        throw new IllegalStateException("customer-360 not ready within 180 s; see " + log);
                    }
                    Thread.sleep(500);
                }
            }
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Polls the profile's version every 10 ms until it is above {@code before}; false once the deadline passed. */
    private static boolean awaitVersionAbove(
            DynamoDbClient dynamoDb, CdpResources names, String customerToken, long before, long deadlineNanos)
            throws InterruptedException {
        while (version(dynamoDb, names, customerToken) <= before) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private static long version(DynamoDbClient dynamoDb, CdpResources names, String customerToken) {
        var item = dynamoDb.getItem(b -> b.tableName(names.table(Table.PROFILES))
                        .consistentRead(true)
                        .key(Map.of(
                                "customerToken", AttributeValue.fromS(customerToken),
                                "sk", AttributeValue.fromS("A#PROFILE"))))
                .item();
        return item == null || !item.containsKey("version")
                ? 0
                : Long.parseLong(item.get("version").n());
    }

    private static KinesisPublisher.Record record(EventCodec codec, String partitionKey, EventPayload payload) {
        return new KinesisPublisher.Record(
                partitionKey, codec.encode(Envelope.of("bench", partitionKey, Instant.now(), payload)));
    }

    private static CustomerUpsertedV1 upsert(Token t) {
        Ciphertext sealed = Ciphertext.of("ct1.YmVuY2gta2V5LXJlZg.bm9uY2UtYW5kLXNlYWxlZC1ieXRlcy1hbmQtdGFn");
        return new CustomerUpsertedV1(
                t,
                Masked.of("B.N."),
                Masked.of("30-39"),
                Masked.of("50000-74999"),
                Masked.of("700+"),
                Masked.of("917**"),
                "CA",
                1,
                sealed,
                sealed,
                sealed,
                Instant.now());
    }

    private static TransactionScoredV1 scored(Token customer, Random random, Instant when) {
        double score = random.nextDouble();
        return new TransactionScoredV1(
                "tx-bench-" + Long.toUnsignedString(random.nextLong(), 36),
                token("crd", random),
                customer,
                when,
                BigDecimal.valueOf(100 + random.nextInt(30_000), 2),
                "USD",
                5411 + random.nextInt(3),
                Channel.values()[random.nextInt(3)],
                score,
                score > 0.9 ? Decision.DECLINE : Decision.APPROVE,
                "fraud-xgb-bench.1",
                List.of(),
                Map.of("amount", 1.0),
                when.plusMillis(40),
                score > 0.9,
                random.nextInt(10) == 0);
    }

    static Token token(String kind, Random random) {
        while (true) {
            byte[] mac = new byte[32];
            random.nextBytes(mac);
            String value =
                    kind + "_v1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
            if (!value.matches(".*[0-9]{12}.*")) {
                return Token.of(value);
            }
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
