package io.cdp.c360;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.c360.GeneratedCustomers.Customer;
import io.cdp.c360.models.CustomerModels;
import io.cdp.c360.profile.NextBestActions;
import io.cdp.c360.profile.Profile;
import io.cdp.c360.store.ProfileStore;
import io.cdp.customers.analytics.ClvModel;
import io.cdp.customers.analytics.CustomerBehaviour;
import io.cdp.customers.analytics.DailySpend;
import io.cdp.customers.analytics.SegmentModel;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.service.security.DevTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.crypto.SecretKey;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.sync.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Online assignment from LIVE models (issue items 3 and 4): a segment model (RFM + k-means++) and a CLV model
 * (XGBoost trees on windows of generated histories, evaluated by the service without XGBoost) are trained here on
 * generated data, published to the models bucket, registered and promoted LIVE; then customers and their scored
 * transactions go through the streams, and each profile carries the segment and lifetime value those models give for
 * its own daily history, with their model versions, and the next best action the rules draw from them once the
 * customer consents to marketing.
 */
@AwsEmulatorTest
class LiveModelsIT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TRAINED_AS_OF = LocalDate.of(2026, 7, 20);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void profilesCarryTheLiveSegmentAndLifetimeValueAndTheNextBestActionDrawnFromThem(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        SegmentModel segments = SegmentModel.fit(trainingPopulation(TRAINED_AS_OF), 4, 42, "customer-segments-it-1");
        ClvModel clv = trainClv("customer-clv-it-1");
        publishLive(clients, names, CustomerModels.SEGMENTS, segments.version(), segments.toJson());
        publishLive(clients, names, CustomerModels.CLV, clv.version(), clv.write());

        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        EventCodec codec = new EventCodec();
        GeneratedCustomers data = new GeneratedCustomers(pii, codec, 6, 40, 29);
        // Customer360IT's arguments with this class's own development secret (a repeated option would be joined)
        String[] args = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(Customer360IT.arguments(names, emulator, "http://127.0.0.1:9"))
                                .filter(a -> !a.startsWith("--cdp.security.dev-secret=")),
                        java.util.stream.Stream.of(
                                "--cdp.security.dev-secret=" + SECRET, "--cdp.c360.model-refresh=1s"))
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(Customer360Application.class).run(args)) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            String read = token("reader", "customers:read");
            GeneratedCustomers.put(
                    new KinesisPublisher(clients.kinesis(), names.stream(Stream.CORE_CUSTOMERS)), data.customerEvents);
            GeneratedCustomers.put(
                    new KinesisPublisher(clients.kinesis(), names.stream(Stream.SCORED_TRANSACTIONS)),
                    data.scoredEvents);
            GeneratedCustomers.put(
                    new KinesisPublisher(clients.kinesis(), names.stream(Stream.FEEDBACK)), data.feedbackEvents);
            for (Customer c : data.customers) {
                String[] last = {"none"};
                try {
                    PipelineFixture.await(
                            "profile of " + c.id() + " at version " + (c.expectedVersion()),
                            Duration.ofSeconds(180),
                            () -> {
                                var r = get(base + "/v1/customers/" + c.token().value(), read);
                                last[0] = r.statusCode() + " "
                                        + r.body()
                                                .substring(
                                                        0,
                                                        Math.min(400, r.body().length()));
                                return r.statusCode() == 200
                                        && JSON.readTree(r.body())
                                                        .get("version")
                                                        .asLong()
                                                >= c.expectedVersion();
                            });
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "; the last answer: " + last[0], e);
                }
            }

            ProfileStore store = app.getBean(ProfileStore.class);
            Map<String, List<String>> bySegment = new TreeMap<>();
            for (Customer c : data.customers) {
                CustomerBehaviour behaviour = behaviour(c);
                JsonNode profile = JSON.readTree(
                        get(base + "/v1/customers/" + c.token().value(), read).body());

                JsonNode segment = profile.get("segment");
                assertThat(segment.get("modelVersion").asString()).isEqualTo("customer-segments-it-1");
                assertThat(segment.get("name").asString())
                        .as("segment of %s", c.id())
                        .isEqualTo(segments.assign(behaviour).name());
                assertThat(segment.get("cluster").asInt()).isEqualTo(segments.nearestCluster(behaviour));
                bySegment
                        .computeIfAbsent(segment.get("name").asString(), k -> new ArrayList<>())
                        .add(c.token().value());

                JsonNode value = profile.get("lifetimeValue");
                assertThat(value.get("modelVersion").asString()).isEqualTo("customer-clv-it-1");
                assertThat(value.get("horizonDays").asInt()).isEqualTo(90);
                BigDecimal expected = BigDecimal.valueOf(Math.max(0.0, clv.predictSpend(behaviour)))
                        .setScale(2, RoundingMode.HALF_EVEN);
                assertThat(new BigDecimal(value.get("predictedSpend").toString()))
                        .as("CLV of %s", c.id())
                        .isEqualByComparingTo(expected);

                // without a marketing consent the rules offer nothing, whatever the models say
                assertThat(profile.get("nextBestAction").get("reason").asString())
                        .isEqualTo("no marketing consent");
                JsonNode consented = JSON.readTree(put(
                                base + "/v1/customers/" + c.token().value() + "/consents",
                                token("crm", "customers:write"),
                                "{\"marketingEmail\":{\"granted\":true}}")
                        .body());
                Profile stored = store.find(c.token().value()).orElseThrow().profile();
                assertThat(stored).isNotNull();
                var decided = NextBestActions.decide(stored, Instant.now());
                assertThat(consented.get("nextBestAction").get("action").asString())
                        .as("next best action of %s (segment %s, CLV %s)", c.id(), segment, value)
                        .isEqualTo(decided.action().name());
                assertThat(consented.get("nextBestAction").get("reason").asString())
                        .isNotEqualTo("no marketing consent");
            }
            // one segment's customers through the segment index, a page of one at a time, each exactly once
            for (Map.Entry<String, List<String>> e : bySegment.entrySet()) {
                List<String> listed = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    String url = base + "/v1/customers?limit=1&segment="
                            + java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                            + (cursor == null ? "" : "&cursor=" + cursor);
                    JsonNode page = JSON.readTree(get(url, read).body());
                    page.get("items")
                            .forEach(i -> listed.add(i.get("customerToken").asString()));
                    cursor = page.get("nextCursor").isNull()
                            ? null
                            : page.get("nextCursor").asString();
                    pages++;
                } while (cursor != null && pages < 20);
                assertThat(listed).as("segment %s", e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
            }
            JsonNode none = JSON.readTree(
                    get(base + "/v1/customers?segment=NoSuchSegment", read).body());
            assertThat(none.get("items")).isEmpty();

            JsonNode listed = JSON.readTree(get(base + "/v1/segments", read).body());
            assertThat(listed.toString()).contains("customer-segments-it-1");
        }
    }

    /** The profile's own view of the customer: daily count and sum, as of the last purchase day. */
    private static CustomerBehaviour behaviour(Customer c) {
        Map<LocalDate, double[]> days = new TreeMap<>();
        for (TransactionScoredV1 s : c.scored()) {
            double[] d = days.computeIfAbsent(
                    s.transactionTime().atZone(ZoneOffset.UTC).toLocalDate(), k -> new double[2]);
            d[0]++;
            d[1] += s.amount().doubleValue();
        }
        List<DailySpend> daily = new ArrayList<>();
        days.forEach((day, d) -> daily.add(new DailySpend(
                day,
                (int) d[0],
                BigDecimal.valueOf(d[1]).setScale(2, RoundingMode.HALF_EVEN).doubleValue())));
        LocalDate asOf = daily.getLast().day();
        return CustomerBehaviour.of(daily, asOf, daily.getFirst().day());
    }

    /** Generated purchase histories of customers of every kind: frequent, occasional, lapsed, big and small. */
    private static List<List<DailySpend>> histories(LocalDate end, int customers, long seed) {
        Random random = new Random(seed);
        List<List<DailySpend>> all = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            double rate = Math.exp(random.nextGaussian() * 1.2 - 3); // purchases per day
            double basket = Math.exp(random.nextGaussian() * 0.6 + 4);
            int lapsedDaysBeforeEnd = random.nextInt(4) == 0 ? random.nextInt(300) : 0;
            List<DailySpend> days = new ArrayList<>();
            for (LocalDate d = end.minusDays(480); !d.isAfter(end.minusDays(lapsedDaysBeforeEnd)); d = d.plusDays(1)) {
                if (random.nextDouble() < rate) {
                    days.add(new DailySpend(d, 1, Math.round(basket * (0.5 + random.nextDouble()) * 100) / 100.0));
                }
            }
            if (days.isEmpty()) {
                days.add(new DailySpend(end.minusDays(400 + random.nextInt(80)), 1, basket));
            }
            all.add(days);
        }
        return all;
    }

    private static List<CustomerBehaviour> trainingPopulation(LocalDate asOf) {
        return histories(asOf, 400, 7).stream()
                .map(h -> CustomerBehaviour.of(h, asOf, h.getFirst().day()))
                .toList();
    }

    /**
     * A CLV model as the trainer makes one, small: behaviour as of a cut-off, the spend of the next 90 days as the
     * target, on generated histories that run 90 days past the cut-off.
     */
    private static ClvModel trainClv(String version) throws Exception {
        LocalDate cutoff = TRAINED_AS_OF.minusDays(90);
        List<List<DailySpend>> histories = histories(TRAINED_AS_OF, 400, 11);
        int f = CustomerBehaviour.FEATURE_NAMES.size();
        List<double[]> rows = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (List<DailySpend> h : histories) {
            List<DailySpend> before =
                    h.stream().filter(d -> !d.day().isAfter(cutoff)).toList();
            if (before.isEmpty()) {
                continue;
            }
            rows.add(CustomerBehaviour.of(before, cutoff, before.getFirst().day())
                    .features());
            labels.add((float) h.stream()
                    .filter(d -> d.day().isAfter(cutoff))
                    .mapToDouble(DailySpend::amount)
                    .sum());
        }
        float[] data = new float[rows.size() * f];
        float[] label = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < f; j++) {
                data[i * f + j] = (float) rows.get(i)[j];
            }
            label[i] = labels.get(i);
        }
        DMatrix matrix = new DMatrix(data, rows.size(), f, Float.NaN);
        matrix.setLabel(label);
        Booster booster = XGBoost.train(
                matrix,
                Map.of("objective", "reg:squarederror", "max_depth", 3, "eta", 0.1, "nthread", 1, "seed", 7),
                60,
                Map.of(),
                null,
                null);
        byte[] json = booster.toByteArray("json");
        booster.dispose();
        matrix.dispose();
        return ClvModel.xgboost(version, 90, ClvModel.Target.SPEND, 1.0, json);
    }

    /** As the model-trainer publishes a customer model: the artifact first, the registry item last, then LIVE. */
    private static void publishLive(
            AwsClients clients, CdpResources names, String modelName, String version, byte[] artifact) {
        String bucket = names.bucket(Bucket.MODELS);
        String key = modelName + "/" + version + "/model.json";
        clients.s3()
                .putObject(
                        b -> b.bucket(bucket).key(key).contentType("application/json"),
                        RequestBody.fromBytes(artifact));
        String uri = "s3://" + bucket + "/" + key;
        ModelRegistry registry = new ModelRegistry(clients.dynamoDb(), names.table(Table.MODELS), modelName);
        registry.register(
                new ArtifactMetadata(
                        version,
                        modelName,
                        CustomerBehaviour.FEATURE_NAMES,
                        TRAINED_AS_OF.minusDays(480),
                        TRAINED_AS_OF,
                        Map.of(),
                        new Thresholds(0, 0, 0, "none: not a classifier"),
                        sha256(artifact),
                        "n/a",
                        Map.of(),
                        Instant.now()),
                uri,
                uri);
        registry.promote(version, Instant.now());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String subject, String... scopes) {
        return DevTokens.mint(KEY, subject, List.of(scopes), Duration.ofMinutes(30));
    }

    private HttpResponse<String> get(String url, String token) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> put(String url, String token, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
