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
 * {@code ./cdp bench api [--rps 1000] [--seconds 30] [--warmup 40] [--cards 1000] [--sagemaker-rps 50]
 * [--sagemaker-seconds 10] [--connections 16] [--gc parallel|serial|g1|z] [--cache-refresh 5s] [--url http://host:port]
 * [--trace file.csv]}
 * ({@code --cache-refresh}: the service's card-state refresh interval, e.g. 30s to take the emulator out of the measured
 * window; {@code --connections}: keep-alive connections of the load generator, one thread each;
 * {@code --trace}: every measured request's due time and latency, to line up with GC logs; {@code --url}: a service
 * already running in namespace {@code bench-}; {@code CDP_BENCH_SERVICE_OPTS}: more JVM options for the started
 * service, e.g. {@code -Xlog:gc:file=gc.log} or a flight recording).
 * Seeds card states into the feature store (namespace {@code bench-}) as the stream transformer would, starts the
 * service jar (local profile, read-only features; a fixture model published and promoted if none is live), drives
 * {@code POST /v1/fraud-scores} at a fixed arrival rate, then the same requests through a SageMaker-style path
 * (DynamoDB GetItem for the features, then InvokeEndpoint on the emulator) and prints both. The SageMaker-style path
 * runs at its own, lower rate: the emulator is a single Python process, and driven past what it sustains its figure
 * would measure only the queue in front of it.
 */
public final class ApiBenchMain {

    /** Chosen by measurement; see docs/benchmarks/scoring-api.md. */
    private static final String DEFAULT_GC = "parallel";

    /** Long enough for the longest warm-up plus measurement anyone runs; the identity provider's tokens live an hour. */
    private static final Duration BENCH_TTL = Duration.ofHours(1);

    private ApiBenchMain() {}

    public static void main(String[] args) throws Exception {
        int rps = intArg(args, "--rps", 1000);
        int seconds = intArg(args, "--seconds", 30);
        // 40 s: with 20 s the service's C2 compiler still used 1.8 s of CPU inside the measured 30 s, with 40 s 0.7 s
        int warmup = intArg(args, "--warmup", 40);
        int cards = intArg(args, "--cards", 1000);
        int sageMakerSeconds = intArg(args, "--sagemaker-seconds", 10);
        int sageMakerRps = intArg(args, "--sagemaker-rps", 50);
        String gc = Objects.requireNonNullElse(stringArg(args, "--gc"), DEFAULT_GC);
        String cacheRefresh = Objects.requireNonNullElse(stringArg(args, "--cache-refresh"), "5s");
        int connections = intArg(args, "--connections", 16);

        AwsClients aws = CliAws.clients();
        if (!aws.settings().isLocal()) {
            throw new IllegalStateException(
                    "bench api runs against the local emulator: set AWS_ENDPOINT_URL (./cdp does)");
        }
        CdpResources names = CdpResources.fromValue("bench");
        new ResourceBootstrap(aws, names).createAll();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        List<String> tokens = seedCards(dynamoDb, names, cards);
        System.err.printf("bench: %d cards seeded in %s%n", cards, names.table(CdpResources.Table.FEATURES));

        int total = rps * (warmup + seconds) + sageMakerRps * sageMakerSeconds;
        Instant now = Instant.now();
        List<byte[]> bodies = new ArrayList<>(total);
        List<OnlineTransaction> inputs = new ArrayList<>(total);
        SplittableRandom random = new SplittableRandom(11);
        String run = Long.toHexString(System.nanoTime());
        for (int i = 0; i < total; i++) {
            String card = tokens.get(i % cards);
            double amount = 5 + random.nextInt(9500) / 100.0;
            OnlineTransaction tx = new OnlineTransaction(
                    "bench-" + run + "-" + i,
                    null,
                    card,
                    now,
                    amount,
                    UseChip.CHIP,
                    "m-bench-" + (i % 50),
                    null,
                    "CA",
                    "94105",
                    5411,
                    List.of(),
                    false);
            inputs.add(tx);
            bodies.add(String.format(
                            Locale.ROOT,
                            "{\"transactionId\":\"%s\",\"cardToken\":\"%s\",\"amount\":%.2f,"
                                    + "\"currency\":\"EUR\",\"merchantId\":\"%s\",\"merchantState\":\"CA\",\"merchantZip\":\"94105\","
                                    + "\"mcc\":5411,\"channel\":\"CHIP\",\"transactionTime\":\"%s\"}",
                            tx.transactionId(),
                            card,
                            amount,
                            tx.merchantId(),
                            now)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        LoadGenerator.Result api;
        String url = stringArg(args, "--url");
        // the production token path: RS256 keys from a JWK set over HTTP, issuer, audience and expiry checked, and a
        // token of its own per client connection (each verified once, then from the decoder's cache, as in production)
        try (BenchIssuer issuer = new BenchIssuer();
                ServiceProcess service = url != null
                        ? null
                        : ServiceProcess.start(
                                "bench",
                                Map.of(
                                        "CDP_RESOURCE_NAMESPACE",
                                        names.namespace(),
                                        "SCORING_UPDATE_ON_SCORE",
                                        "false",
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
                                issuer.serviceArguments(DevTokens.AUDIENCE))) {
            String base = service != null ? service.baseUrl() : url;
            URI uri = URI.create(base + "/v1/fraud-scores");
            List<ScoreCaller> callers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                // a service given with --url runs the local profile: it trusts the development key, not this issuer
                String token = service != null
                        ? issuer.mint("bench-client-" + c, List.of("fraud:score"), DevTokens.AUDIENCE, BENCH_TTL)
                        : DevTokens.mint(
                                DevTokens.keyFromFile(TokenMain.keyFile()),
                                "bench-client-" + c,
                                List.of("fraud:score"),
                                DevTokens.MAX_TTL);
                callers.add(new ScoreCaller(uri, token, bodies));
            }
            try {
                System.err.printf(
                        "bench: service at %s; warming up %d s at %d rps over %d connections%n",
                        base, warmup, rps, connections);
                LoadGenerator.run(rps, Duration.ofSeconds(warmup), 0, callers);
                System.err.printf("bench: measuring %d s at %d rps%n", seconds, rps);
                api = LoadGenerator.run(rps, Duration.ofSeconds(seconds), rps * warmup, callers);
            } finally {
                for (ScoreCaller caller : callers) {
                    caller.close();
                }
            }
        }

        String trace = stringArg(args, "--trace");
        if (trace != null) {
            writeTrace(Path.of(trace), api, rps);
        }
        System.err.printf(
                "bench: SageMaker-style path for %d s at %d rps (GetItem + InvokeEndpoint on the emulator)%n",
                sageMakerSeconds, sageMakerRps);
        LoadGenerator.Result sageMaker = sageMakerStyle(
                aws, names, inputs, sageMakerRps, sageMakerSeconds, rps * (warmup + seconds), connections);

        System.out.printf(
                Locale.ROOT,
                "%nbench api: fixed arrival rate, latency from each request's due time "
                        + "(coordinated-omission aware), %d keep-alive connections; %d cards seeded, card-state cache "
                        + "refresh %s; tokens %s; service JVM %s; load generator, service and emulator share this %d-core "
                        + "machine%n",
                connections,
                cards,
                cacheRefresh,
                url == null
                        ? "RS256 from a JWK set over HTTP, issuer, audience and expiry checked, one per connection"
                        : "development HS256 (--url)",
                String.join(" ", serviceJvmOptions(gc)),
                Runtime.getRuntime().availableProcessors());
        System.out.println(
                "| path | offered rps | seconds | achieved rps | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms "
                        + "| errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        row("scoring-api POST /v1/fraud-scores (in-process model, cached features)", rps, api);
        row(
                "SageMaker-style: DynamoDB GetItem + InvokeEndpoint (emulator; lower rate, see above)",
                sageMakerRps,
                sageMaker);
        System.out.printf(
                Locale.ROOT,
                "api rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d sagemaker_style_p99_ms=%.2f%n",
                api.achievedRps(),
                api.ms(50),
                api.ms(99),
                api.errors(),
                sageMaker.ms(99));
        // the HTTP and SDK clients leave non-daemon threads behind
        System.exit(0);
    }

    /**
     * The service's JVM: a fixed heap as in a container, the collector by {@code --gc}, then
     * {@code CDP_BENCH_SERVICE_OPTS} (diagnostics: GC log, flight recording).
     */
    private static List<String> serviceJvmOptions(String gc) {
        List<String> options = new ArrayList<>(List.of(
                "-Xms512m",
                "-Xmx512m",
                switch (gc) {
                    case "serial" -> "-XX:+UseSerialGC";
                    case "parallel" -> "-XX:+UseParallelGC";
                    case "g1" -> "-XX:+UseG1GC";
                    case "z" -> "-XX:+UseZGC";
                    default -> throw new IllegalArgumentException("--gc is one of serial, parallel, g1, z; got " + gc);
                }));
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

    private static void row(String name, int offeredRps, LoadGenerator.Result r) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.1f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d |%n",
                name,
                offeredRps,
                r.seconds(),
                r.achievedRps(),
                r.ms(50),
                r.ms(90),
                r.ms(99),
                r.ms(99.9),
                r.latencyMicros().getMaxValue() / 1000.0,
                r.errors());
    }

    /** A week of ordinary use per card, ending an hour ago, written in the feature store's item layout. */
    static List<String> seedCards(DynamoDbClient dynamoDb, CdpResources names, int cards) {
        SplittableRandom random = new SplittableRandom(5);
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
    private static final class ScoreCaller implements LoadGenerator.Caller, AutoCloseable {
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
