package io.cdp.cli.scoring;

import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.FeatureStoreItem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * The workloads of {@code ./cdp bench api}, each a way real callers use the scoring API:
 * <ul>
 *   <li>{@code warm}: a thousand cards in turn, each back every second at 1,000 rps: their states stay in the
 *       service's memory (the in-process cache's best case);
 *   <li>{@code sparse}: every request a card not seen for over a minute (more than the cache's maximum staleness),
 *       as most cards are in production: nearly every request reads the feature store on its path. Measured beside
 *       it, in the same seconds, the store's own read latency: the same strongly consistent {@code GetItem} of a
 *       card item, sent from this process by the SDK, so the API's cost above the store is the difference. That probe
 *       reads at a low rate beside the API, so right after the row the store is also read alone at the row's own rate
 *       and connections: the store's latency under the load the service's miss path puts on it;
 *   <li>{@code write-back}: the service keeps card states itself ({@code update-on-score}, the local profile without
 *       a stream transformer), every request a new transaction that changes its card's state.
 * </ul>
 * Each row also gives the share of card-state lookups the service answered from memory during that run, read from
 * its metrics before and after.
 */
final class ApiWorkloads {

    static final List<String> ALL = List.of("warm", "sparse", "write-back");

    /**
     * One measured run. {@code storeRead}: the store probe beside the sparse workload, else null; {@code storeAlone}:
     * the store read alone at the row's rate right after it, else null; {@code cpuMsPerRequest}: the service process's
     * CPU time over the row divided by the requests it answered (NaN for a service the bench did not start), which says
     * how much of this machine's two cores the service itself needs at that rate; {@code storeWritesPerSecond}: the
     * write-back's card-state writes a second over the row (NaN when the service runs read-only), which adapt to what the store
     * sustains, since a card scored again while its write waits is written once with both.
     */
    record Row(
            String workload,
            int offeredRps,
            LoadGenerator.Result api,
            double hitRatio,
            LoadGenerator.@Nullable Result storeRead,
            LoadGenerator.@Nullable Result storeAlone,
            double cpuMsPerRequest,
            double storeWritesPerSecond) {}

    private ApiWorkloads() {}

    /** {@code n} score requests for {@code cards} in turn, each a new transaction at {@code time}. */
    static List<byte[]> bodies(String run, List<String> cards, int n, Instant time, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String card = cards.get(i % cards.size());
            double amount = 5 + random.nextInt(9500) / 100.0;
            bodies.add(String.format(
                            Locale.ROOT,
                            "{\"transactionId\":\"%s-%d\",\"cardToken\":\"%s\",\"amount\":%.2f,"
                                    + "\"currency\":\"EUR\",\"merchantId\":\"m-bench-%d\",\"merchantState\":\"CA\","
                                    + "\"merchantZip\":\"94105\",\"mcc\":5411,\"channel\":\"CHIP\","
                                    + "\"transactionTime\":\"%s\"}",
                            run,
                            i,
                            card,
                            amount,
                            i % 50,
                            time)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /**
     * Drives {@code bodies} at {@code rps} for {@code seconds}; with {@code probe}, the store's own reads run at the
     * same time at their own, lower rate.
     */
    static Row measure(
            String workload,
            String baseUrl,
            List<String> clientTokens,
            String metricsToken,
            List<byte[]> bodies,
            int rps,
            int seconds,
            int connections,
            @Nullable StoreProbe probe,
            Supplier<@Nullable Duration> serviceCpu)
            throws Exception {
        Lookups before = Lookups.scrape(baseUrl, metricsToken);
        Duration cpuBefore = serviceCpu.get();
        List<ApiBenchMain.ScoreCaller> callers = new ArrayList<>();
        URI uri = URI.create(baseUrl + "/v1/fraud-scores");
        for (int c = 0; c < connections; c++) {
            callers.add(new ApiBenchMain.ScoreCaller(uri, clientTokens.get(c), bodies));
        }
        CompletableFuture<LoadGenerator.@Nullable Result> probed = probe == null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> probe.run(seconds));
        LoadGenerator.Result api;
        try {
            api = LoadGenerator.run(rps, Duration.ofSeconds(seconds), 0, callers);
        } finally {
            for (ApiBenchMain.ScoreCaller caller : callers) {
                caller.close();
            }
        }
        Duration cpuAfter = serviceCpu.get();
        LoadGenerator.Result store = probed.join();
        Lookups after = Lookups.scrape(baseUrl, metricsToken);
        long answered = api.latencyMicros().getTotalCount();
        double cpuMsPerRequest = cpuBefore == null || cpuAfter == null || answered == 0
                ? Double.NaN
                : cpuAfter.minus(cpuBefore).toNanos() / 1e6 / answered;
        LoadGenerator.Result alone = probe == null ? null : probe.run(rps, seconds, connections);
        Lookups during = after.minus(before);
        return new Row(
                workload, rps, api, during.hitRatio(), store, alone, cpuMsPerRequest, during.writes() / api.seconds());
    }

    /** Strongly consistent {@code GetItem}s of card items, as the service's miss path sends them. */
    static final class StoreProbe {
        private final DynamoDbClient dynamoDb;
        private final String table;
        private final List<String> cards;
        private final int rps;

        StoreProbe(DynamoDbClient dynamoDb, CdpResources names, List<String> cards, int rps) {
            this.dynamoDb = dynamoDb;
            this.table = names.table(CdpResources.Table.FEATURES);
            this.cards = cards;
            this.rps = rps;
        }

        /** At the probe's own low rate, two connections (beside a measured row). */
        LoadGenerator.Result run(int seconds) {
            return run(rps, seconds, 2);
        }

        /** At {@code rate} reads/s over {@code connections} threads sharing the (thread-safe) SDK client. */
        LoadGenerator.Result run(int rate, int seconds, int connections) {
            LoadGenerator.Caller read = i -> dynamoDb.getItem(GetItemRequest.builder()
                            .tableName(table)
                            .consistentRead(true)
                            .key(Map.of(
                                    FeatureStoreItem.KEY,
                                    AttributeValue.fromS(FeatureStoreItem.cardKey(cards.get(i % cards.size())))))
                            .build())
                    .hasItem();
            try {
                return LoadGenerator.run(rate, Duration.ofSeconds(seconds), 0, Collections.nCopies(connections, read));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The service's card-state lookups by source and its write-back's writes, from {@code /actuator/prometheus}; NaN
     * when not readable.
     */
    record Lookups(double memory, double store, double writes) {

        private static final Pattern LINE = Pattern.compile(
                "^cdp_scoring_card_state_lookups_total\\{[^}]*source=\"(memory|store)\"[^}]*}\\s+(\\S+)$");
        private static final Pattern WRITES =
                Pattern.compile("^cdp_scoring_card_state_writes_total(?:\\{[^}]*})?\\s+(\\S+)$");

        static Lookups scrape(String baseUrl, String token) throws IOException, InterruptedException {
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    System.err.printf(
                            "bench: /actuator/prometheus answered %d; cache hit ratio not measured%n",
                            response.statusCode());
                    return new Lookups(Double.NaN, Double.NaN, Double.NaN);
                }
                return parse(response.body());
            }
        }

        static Lookups parse(String exposition) {
            double memory = Double.NaN;
            double store = Double.NaN;
            double writes = Double.NaN;
            for (String line : exposition.split("\n")) {
                Matcher w = WRITES.matcher(line.strip());
                if (w.matches()) {
                    writes = Double.parseDouble(w.group(1));
                }
                Matcher m = LINE.matcher(line.strip());
                if (m.matches()) {
                    double value = Double.parseDouble(m.group(2));
                    if (m.group(1).equals("memory")) {
                        memory = value;
                    } else {
                        store = value;
                    }
                }
            }
            return new Lookups(memory, store, writes);
        }

        Lookups minus(Lookups earlier) {
            return new Lookups(memory - earlier.memory, store - earlier.store, writes - earlier.writes);
        }

        double hitRatio() {
            double lookups = memory + store;
            return lookups > 0 ? memory / lookups : Double.NaN;
        }
    }
}
