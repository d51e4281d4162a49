package io.cdp.cli.scoring;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.cli.CliAws;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreDynamo;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import io.cdp.service.security.DevTokens;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * {@code ./cdp bench api [--workloads warm,sparse,write-back] [--rates 200,500,1000 | --rps N] [--seconds 20]
 * [--warmup 40] [--cards 1000] [--store-probe-rps 100] [--sagemaker-rps 50] [--sagemaker-seconds 10 (0: skip)]
 * [--connections 16] [--gc parallel|serial|g1|z] [--cache-refresh 5s] [--url http://host:port] [--trace file.csv]
 * [--store moto|dynalite]}
 * ({@code --store dynalite}: the {@code cdp} script starts dynalite and points DynamoDB, only DynamoDB, at it for the
 * bench and the service, because moto serves too few reads per second for the sparse workload;
 * {@code --cache-refresh}: the service's card-state refresh interval, e.g. 30s to take the emulator out of the measured
 * window; {@code --connections}: keep-alive connections of the load generator, one thread each;
 * {@code --trace}: every request of the warm run at the top rate, its due time and latency, to line up with GC logs;
 * {@code --url}: a service already running in namespace {@code bench-} (warm and sparse only);
 * {@code CDP_BENCH_SERVICE_OPTS}: more JVM options for the started service, e.g. {@code -Xlog:gc:file=gc.log}).
 * Seeds card states into the feature store (namespace {@code bench-}) as the stream transformer would, starts the
 * service jar (local profile; read-only features for warm and sparse, a second start with write-back; a fixture model
 * published and promoted if none is live), drives {@code POST /v1/fraud-scores} at fixed arrival rates through the
 * workloads of {@link ApiWorkloads}, then the same requests through a SageMaker-style path (DynamoDB GetItem for the
 * features, then InvokeEndpoint on the emulator) and prints one table. The SageMaker-style path runs at its own, lower
 * rate: the emulator is a single Python process, and driven past what it sustains its figure would measure only the
 * queue in front of it.
 */
public final class ApiBenchMain {

    /** Chosen by measurement; see docs/benchmarks/scoring-api.md. */
    private static final String DEFAULT_GC = "parallel";
    /** Seconds of cache misses (a card of its own per request) at the top rate before the rows, when sparse runs. */
    private static final int MISS_WARMUP_SECONDS = 10;

    /** Long enough for the longest warm-up plus measurement anyone runs; the identity provider's tokens live an hour. */
    private static final Duration BENCH_TTL = Duration.ofHours(1);

    private ApiBenchMain() {}

    public static void main(String[] args) throws Exception {
        List<Integer> rates = rates(args);
        List<String> workloads = workloads(args);
        int seconds = intArg(args, "--seconds", 20);
        // 40 s: with 20 s the service's C2 compiler still used 1.8 s of CPU inside the measured 30 s, with 40 s 0.7 s
        int warmup = intArg(args, "--warmup", 40);
        int cards = intArg(args, "--cards", 1000);
        int sageMakerSeconds = intArg(args, "--sagemaker-seconds", 10);
        int sageMakerRps = intArg(args, "--sagemaker-rps", 50);
        int probeRps = intArg(args, "--store-probe-rps", 100);
        String gc = Objects.requireNonNullElse(stringArg(args, "--gc"), DEFAULT_GC);
        String cacheRefresh = Objects.requireNonNullElse(stringArg(args, "--cache-refresh"), "5s");
        int connections = intArg(args, "--connections", 16);
        int top = rates.stream().mapToInt(Integer::intValue).max().orElseThrow();

        AwsClients aws = CliAws.clients();
        if (!aws.settings().isLocal()) {
            throw new IllegalStateException(
                    "bench api runs against the local emulator: set AWS_ENDPOINT_URL (./cdp does)");
        }
        String store = Objects.requireNonNullElse(stringArg(args, "--store"), "moto");
        if (!List.of("moto", "dynalite").contains(store)) {
            throw new IllegalArgumentException("--store is moto or dynalite; got " + store);
        }
        if (store.equals("dynalite")
                && aws.settings().endpointFor("dynamodb").equals(aws.settings().endpointFor("kinesis"))) {
            throw new IllegalStateException(
                    "--store dynalite: run it as './cdp bench api --store dynalite', which starts dynalite and sets"
                            + " AWS_ENDPOINT_URL_DYNAMODB");
        }
        CdpResources names = CdpResources.fromValue("bench");
        new ResourceBootstrap(aws, names).createAll();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        List<String> tokens = seedCards(dynamoDb, names, cards, 5);
        System.err.printf("bench: %d cards seeded in %s%n", cards, names.table(CdpResources.Table.FEATURES));
        Map<Integer, List<String>> sparseCards = new java.util.TreeMap<>();
        List<String> probeCards = List.of();
        List<String> missWarmupCards = List.of();
        if (workloads.contains("sparse")) {
            // each sparse request a card of its own: none is seen twice within the run, let alone within a minute
            for (int rate : rates) {
                sparseCards.put(rate, seedCards(dynamoDb, names, rate * seconds, 100 + rate));
            }
            probeCards = seedCards(dynamoDb, names, 2_000, 99);
            missWarmupCards = seedCards(dynamoDb, names, top * MISS_WARMUP_SECONDS, 98);
            System.err.printf(
                    "bench: %d more cards seeded for the sparse workload%n",
                    sparseCards.values().stream().mapToInt(List::size).sum()
                            + probeCards.size()
                            + missWarmupCards.size());
        }

        Instant now = Instant.now();
        String run = Long.toHexString(System.nanoTime());
        String url = stringArg(args, "--url");
        // the production token path: RS256 keys from a JWK set over HTTP, issuer, audience and expiry checked, and a
        // token of its own per client connection (each verified once, then from the decoder's cache, as in production)
        BenchIssuer issuer = new BenchIssuer();
        List<String> clientTokens = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clientTokens.add(token(issuer, url, "bench-client-" + c, List.of("fraud:score")));
        }
        String metricsToken = token(issuer, url, "bench-metrics", List.of("metrics:read"));
        List<ApiWorkloads.Row> rows = new ArrayList<>();
        LoadGenerator.Result traced = null;

        if (workloads.contains("warm") || workloads.contains("sparse")) {
            try (ServiceProcess service = url != null ? null : startService(names, false, cacheRefresh, gc, issuer)) {
                String base = service != null ? service.baseUrl() : url;
                Supplier<@org.jspecify.annotations.Nullable Duration> cpu = service != null ? service::cpu : () -> null;
                warmUp(
                        base,
                        clientTokens,
                        ApiWorkloads.bodies(run + "-warmup", tokens, top * warmup, now, 11),
                        top,
                        warmup,
                        connections);
                if (!missWarmupCards.isEmpty()) {
                    // the warm-up above reads each of its cards once, then serves them from memory: without this, a
                    // sparse row run on its own measured a miss path still being compiled (p99 0.7-1.3 s at
                    // 1,000 rps, against 6.9 ms after the warm rows)
                    warmUp(
                            base,
                            clientTokens,
                            ApiWorkloads.bodies(run + "-miss-warmup", missWarmupCards, missWarmupCards.size(), now, 13),
                            top,
                            MISS_WARMUP_SECONDS,
                            connections);
                }
                for (int rate : workloads.contains("warm") ? rates : List.<Integer>of()) {
                    System.err.printf("bench: warm, measuring %d s at %d rps%n", seconds, rate);
                    ApiWorkloads.Row row = ApiWorkloads.measure(
                            "warm",
                            base,
                            clientTokens,
                            metricsToken,
                            ApiWorkloads.bodies(run + "-warm-" + rate, tokens, rate * seconds, now, rate),
                            rate,
                            seconds,
                            connections,
                            null,
                            cpu);
                    rows.add(row);
                    if (rate == top) {
                        traced = row.api();
                    }
                }
                for (int rate : workloads.contains("sparse") ? rates : List.<Integer>of()) {
                    System.err.printf(
                            "bench: sparse, measuring %d s at %d rps beside %d store reads/s%n",
                            seconds, rate, probeRps);
                    List<String> fresh = sparseCards.get(rate);
                    rows.add(ApiWorkloads.measure(
                            "sparse",
                            base,
                            clientTokens,
                            metricsToken,
                            ApiWorkloads.bodies(run + "-sparse-" + rate, fresh, fresh.size(), now, rate),
                            rate,
                            seconds,
                            connections,
                            new ApiWorkloads.StoreProbe(dynamoDb, names, probeCards, probeRps),
                            cpu));
                }
            }
        }
        if (workloads.contains("write-back") && url == null) {
            try (ServiceProcess service = startService(names, true, cacheRefresh, gc, issuer)) {
                String base = service.baseUrl();
                int wbWarmup = Math.min(warmup, 20);
                warmUp(
                        base,
                        clientTokens,
                        ApiWorkloads.bodies(run + "-wb-warmup", tokens, top * wbWarmup, now, 12),
                        top,
                        wbWarmup,
                        connections);
                for (int rate : rates) {
                    System.err.printf("bench: write-back, measuring %d s at %d rps%n", seconds, rate);
                    rows.add(ApiWorkloads.measure(
                            "write-back",
                            base,
                            clientTokens,
                            metricsToken,
                            ApiWorkloads.bodies(run + "-wb-" + rate, tokens, rate * seconds, now, rate),
                            rate,
                            seconds,
                            connections,
                            null,
                            service::cpu));
                }
            }
        }

        String trace = stringArg(args, "--trace");
        if (trace != null && traced != null) {
            writeTrace(Path.of(trace), traced, top);
        }
        LoadGenerator.Result sageMaker = null;
        if (sageMakerSeconds > 0) {
            System.err.printf(
                    "bench: SageMaker-style path for %d s at %d rps (GetItem + InvokeEndpoint on the emulator)%n",
                    sageMakerSeconds, sageMakerRps);
            sageMaker = sageMakerStyle(
                    aws,
                    names,
                    inputs(tokens, sageMakerRps * sageMakerSeconds, now),
                    sageMakerRps,
                    sageMakerSeconds,
                    0,
                    connections);
        }

        System.out.printf(
                Locale.ROOT,
                "%nbench api: fixed arrival rate, latency from each request's due time "
                        + "(coordinated-omission aware), %d keep-alive connections, %d s measured per row; tokens %s; %d cards "
                        + "(warm, write-back), a card of its own per request (sparse); card-state cache refresh %s, "
                        + "max staleness 60 s; service JVM %s; feature store (DynamoDB) at %s; load generator, service "
                        + "and emulator share this %d-core machine%n",
                connections,
                seconds,
                url == null
                        ? "RS256 from a JWK set over HTTP, issuer, audience and expiry checked, one per connection"
                        : "development HS256 (--url)",
                cards,
                cacheRefresh,
                String.join(" ", serviceJvmOptions(gc)),
                aws.settings().endpointFor("dynamodb").map(Object::toString).orElse("AWS"),
                Runtime.getRuntime().availableProcessors());
        System.out.println("| workload | offered rps | achieved rps | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                + "| errors | cache hits | service CPU ms per request | store GetItem p50 / p99 ms (same seconds) "
                + "| store GetItem alone at the row's rate p50 / p99 ms | write-back's store writes/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (ApiWorkloads.Row r : rows) {
            LoadGenerator.Result a = r.api();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %s | %s | %s | %s | %s |%n",
                    r.workload(),
                    r.offeredRps(),
                    a.achievedRps(),
                    a.ms(50),
                    a.ms(90),
                    a.ms(99),
                    a.ms(99.9),
                    a.latencyMicros().getMaxValue() / 1000.0,
                    a.errors(),
                    Double.isNaN(r.hitRatio()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * r.hitRatio()),
                    Double.isNaN(r.cpuMsPerRequest()) ? "n/a" : String.format(Locale.ROOT, "%.3f", r.cpuMsPerRequest()),
                    r.storeRead() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f / %.2f (%d reads/s, %d errors)",
                                    r.storeRead().ms(50),
                                    r.storeRead().ms(99),
                                    probeRps,
                                    r.storeRead().errors()),
                    r.storeAlone() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f / %.2f (%.0f reads/s, %d errors)",
                                    r.storeAlone().ms(50),
                                    r.storeAlone().ms(99),
                                    r.storeAlone().achievedRps(),
                                    r.storeAlone().errors()),
                    Double.isNaN(r.storeWritesPerSecond())
                            ? ""
                            : String.format(Locale.ROOT, "%.0f", r.storeWritesPerSecond()));
        }
        if (sageMaker != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%nSageMaker-style path (DynamoDB GetItem + InvokeEndpoint on the emulator, %d rps, %d s): p50 %.2f ms, "
                            + "p99 %.2f ms, %d errors%n",
                    sageMakerRps,
                    sageMakerSeconds,
                    sageMaker.ms(50),
                    sageMaker.ms(99),
                    sageMaker.errors());
        }
        for (ApiWorkloads.Row r : rows) {
            System.out.printf(
                    Locale.ROOT,
                    "api workload=%s rps=%d p50_ms=%.2f p99_ms=%.2f errors=%d hit_ratio=%.3f cpu_ms_per_request=%.3f%s%n",
                    r.workload(),
                    r.offeredRps(),
                    r.api().ms(50),
                    r.api().ms(99),
                    r.api().errors(),
                    r.hitRatio(),
                    r.cpuMsPerRequest(),
                    r.storeRead() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    " store_p99_ms=%.2f store_alone_p99_ms=%.2f",
                                    r.storeRead().ms(99),
                                    r.storeAlone() == null
                                            ? Double.NaN
                                            : r.storeAlone().ms(99)));
        }
        issuer.close();
        // the HTTP and SDK clients leave non-daemon threads behind
        System.exit(0);
    }

    /** A service given with {@code --url} runs the local profile: it trusts the development key, not the issuer. */
    private static String token(
            BenchIssuer issuer, @org.jspecify.annotations.Nullable String url, String subject, List<String> scopes)
            throws IOException {
        return url == null
                ? issuer.mint(subject, scopes, DevTokens.AUDIENCE, BENCH_TTL)
                : DevTokens.mint(DevTokens.keyFromFile(TokenMain.keyFile()), subject, scopes, DevTokens.MAX_TTL);
    }

    private static ServiceProcess startService(
            CdpResources names, boolean writeBack, String cacheRefresh, String gc, BenchIssuer issuer)
            throws Exception {
        return ServiceProcess.start(
                writeBack ? "bench-write-back" : "bench",
                Map.of(
                        "CDP_RESOURCE_NAMESPACE",
                        names.namespace(),
                        "SCORING_UPDATE_ON_SCORE",
                        Boolean.toString(writeBack),
                        "SCORING_CACHE_REFRESH",
                        cacheRefresh,
                        "SCORING_CACHE_MAX_STALE",
                        "60s",
                        "LOG_FORMAT",
                        "",
                        // no development key beside the issuer: the service refuses both at once
                        "CDP_DEV_KEY_FILE",
                        ""),
                serviceJvmOptions(gc),
                issuer.serviceArguments(DevTokens.AUDIENCE));
    }

    private static void warmUp(
            String base, List<String> tokens, List<byte[]> bodies, int rps, int seconds, int connections)
            throws Exception {
        System.err.printf(
                "bench: service at %s; warming up %d s at %d rps over %d connections%n",
                base, seconds, rps, connections);
        List<ScoreCaller> callers = new ArrayList<>();
        URI uri = URI.create(base + "/v1/fraud-scores");
        for (int c = 0; c < connections; c++) {
            callers.add(new ScoreCaller(uri, tokens.get(c), bodies));
        }
        try {
            LoadGenerator.run(rps, Duration.ofSeconds(seconds), 0, callers);
        } finally {
            for (ScoreCaller caller : callers) {
                caller.close();
            }
        }
    }

    /** The SageMaker-style path's inputs: transactions of the warm cards in turn. */
    private static List<OnlineTransaction> inputs(List<String> cards, int n, Instant time) {
        SplittableRandom random = new SplittableRandom(13);
        List<OnlineTransaction> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inputs.add(new OnlineTransaction(
                    "bench-sm-" + i,
                    null,
                    cards.get(i % cards.size()),
                    time,
                    5 + random.nextInt(9500) / 100.0,
                    UseChip.CHIP,
                    "m-bench-" + (i % 50),
                    null,
                    "CA",
                    "94105",
                    5411,
                    List.of(),
                    false));
        }
        return inputs;
    }

    /** {@code --rates 200,500,1000} (the default), or one rate with {@code --rps N}. */
    static List<Integer> rates(String[] args) {
        String single = stringArg(args, "--rps");
        String list = single != null ? single : Objects.requireNonNullElse(stringArg(args, "--rates"), "200,500,1000");
        List<Integer> rates = new ArrayList<>();
        for (String r : list.split(",")) {
            int rate = Integer.parseInt(r.strip());
            if (rate < 1) {
                throw new IllegalArgumentException("rates are requests per second, at least 1; got " + r);
            }
            rates.add(rate);
        }
        return rates;
    }

    /** {@code --workloads warm,sparse,write-back} (the default: all three). */
    static List<String> workloads(String[] args) {
        String list = Objects.requireNonNullElse(stringArg(args, "--workloads"), String.join(",", ApiWorkloads.ALL));
        List<String> chosen = new ArrayList<>();
        for (String w : list.split(",")) {
            String workload = w.strip();
            if (!ApiWorkloads.ALL.contains(workload)) {
                throw new IllegalArgumentException(
                        "--workloads takes " + String.join(", ", ApiWorkloads.ALL) + "; got " + workload);
            }
            chosen.add(workload);
        }
        return chosen;
    }

    /** The JVM option for a bench's {@code --gc} value (serial, parallel, g1, z); shared with {@code bench profiles}. */
    public static String collectorOption(String gc) {
        return switch (gc) {
            case "serial" -> "-XX:+UseSerialGC";
            case "parallel" -> "-XX:+UseParallelGC";
            case "g1" -> "-XX:+UseG1GC";
            case "z" -> "-XX:+UseZGC";
            default -> throw new IllegalArgumentException("--gc is one of serial, parallel, g1, z; got " + gc);
        };
    }

    /**
     * The service's JVM: a fixed heap as in a container, the collector by {@code --gc}, then
     * {@code CDP_BENCH_SERVICE_OPTS} (diagnostics: GC log, flight recording).
     */
    private static List<String> serviceJvmOptions(String gc) {
        List<String> options = new ArrayList<>(List.of("-Xms512m", "-Xmx512m", collectorOption(gc)));
        String extra = System.getenv("CDP_BENCH_SERVICE_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.strip().split("\\s+")));
        }
        return options;
    }

    /**
     * One line per measured request: when it was due (epoch ms, to line up with GC logs) and its latency (empty for a
     * failed request).
     */
    private static void writeTrace(Path file, LoadGenerator.Result result, int rps) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("due_epoch_ms,latency_ms");
            long[] latencies = result.latencyByRequestMicros();
            for (int i = 0; i < latencies.length; i++) {
                out.printf(
                        Locale.ROOT,
                        "%.3f,%s%n",
                        result.startEpochMillis() + i * 1000.0 / rps,
                        latencies[i] < 0 ? "" : String.format(Locale.ROOT, "%.3f", latencies[i] / 1000.0));
            }
        }
        System.err.printf("bench: per-request trace in %s%n", file);
    }

    /** A week of ordinary use per card, ending an hour ago, written in the feature store's item layout. */
    static List<String> seedCards(DynamoDbClient dynamoDb, CdpResources names, int cards, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant end = Instant.now().minus(1, ChronoUnit.HOURS);
        List<String> tokens = new ArrayList<>(cards);
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int c = 0; c < cards; c++) {
            String token = SyntheticCardHistory.cardToken(random);
            tokens.add(token);
            CardOnlineState state = CardOnlineState.empty();
            int n = 5 + random.nextInt(10);
            for (int k = 0; k < n; k++) {
                Instant t = end.minus(Duration.ofHours(7L * 24 * (n - k) / (n + 1)));
                state = OnlineFeatures.compute(
                                state,
                                new OnlineTransaction(
                                        "seed-" + k,
                                        null,
                                        token,
                                        t,
                                        10 + random.nextInt(9000) / 100.0,
                                        UseChip.CHIP,
                                        "m-bench-" + random.nextInt(50),
                                        null,
                                        "CA",
                                        "94105",
                                        5411,
                                        List.of(),
                                        false),
                                MccRiskTables.none().context())
                        .next();
            }
            Map<String, AttributeValue> item =
                    FeatureStoreDynamo.cardItem(token, state, 1, "seed-" + (n - 1), Instant.now());
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            if (batch.size() == 25 || c == cards - 1) {
                var unprocessed = Map.of(names.table(CdpResources.Table.FEATURES), List.copyOf(batch));
                while (!unprocessed.isEmpty()) {
                    unprocessed = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder()
                                    .requestItems(unprocessed)
                                    .build())
                            .unprocessedItems();
                }
                batch.clear();
            }
        }
        return tokens;
    }

    /**
     * One keep-alive connection of the load generator: {@code POST /v1/fraud-scores} with body {@code index}, the
     * answer read to the end so the connection can carry the next request.
     */
    static final class ScoreCaller implements LoadGenerator.Caller, AutoCloseable {
        private final CloseableHttpClient client;
        private final URI uri;
        private final String authorization;
        private final List<byte[]> bodies;

        ScoreCaller(URI uri, String token, List<byte[]> bodies) {
            this.client = HttpClients.custom()
                    .setConnectionManager(new BasicHttpClientConnectionManager())
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableContentCompression()
                    .build();
            this.uri = uri;
            this.authorization = "Bearer " + token;
            this.bodies = bodies;
        }

        @Override
        public boolean call(int index) throws IOException {
            var post = new HttpPost(uri);
            post.setHeader("Authorization", authorization);
            post.setEntity(new ByteArrayEntity(bodies.get(index), ContentType.APPLICATION_JSON));
            return client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode() == 200;
            });
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    private static LoadGenerator.Result sageMakerStyle(
            AwsClients aws,
            CdpResources names,
            List<OnlineTransaction> inputs,
            int rps,
            int seconds,
            int firstIndex,
            int connections)
            throws Exception {
        String endpoint = "cdp-fraud-bench";
        try (HttpClient http = HttpClient.newHttpClient()) {
            http.send(
                    HttpRequest.newBuilder(URI.create(
                                    aws.settings().endpoint() + "/moto-api/static/sagemaker/endpoint-results"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"results\": [{\"Body\": \"0.0123\", \"ContentType\": \"text/csv\"}]}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        String table = names.table(CdpResources.Table.FEATURES);
        try (DynamoDbClient dynamoDb = aws.dynamoDb();
                SageMakerRuntimeClient runtime = aws.sageMakerRuntime()) {
            LoadGenerator.Caller call = i -> {
                OnlineTransaction tx = inputs.get(i);
                var item = dynamoDb.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                FeatureStoreItem.KEY, AttributeValue.fromS(FeatureStoreItem.cardKey(tx.cardToken()))))
                        .build());
                CardOnlineState state = item.hasItem()
                        ? FeatureStoreDynamo.cardState(item.item()).orElse(CardOnlineState.empty())
                        : CardOnlineState.empty();
                double[] features = OnlineFeatures.compute(
                                state, tx, MccRiskTables.none().context())
                        .values();
                StringBuilder csv = new StringBuilder();
                for (int f = 0; f < features.length; f++) {
                    csv.append(f == 0 ? "" : ",").append((float) features[f]);
                }
                runtime.invokeEndpoint(b ->
                        b.endpointName(endpoint).contentType("text/csv").body(SdkBytes.fromUtf8String(csv.toString())));
                return true;
            };
            // the SDK clients are thread-safe: every connection of the generator shares them
            return LoadGenerator.run(
                    rps, Duration.ofSeconds(seconds), firstIndex, java.util.Collections.nCopies(connections, call));
        }
    }

    private static @org.jspecify.annotations.Nullable String stringArg(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
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
