package io.cdp.scoringapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.FeatureStoreItem;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.service.security.DevTokens;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import tools.jackson.databind.JsonNode;

/**
 * The scoring API end to end against the emulator, with a model trained in {@link #trainModel} by the model
 * trainer's code on generated data that contains card-testing bursts; nothing here is a hard-coded rule.
 */
@AwsEmulatorTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// development tokens are accepted under the local profile only
@ActiveProfiles("local")
class ScoringApiIT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static CdpResources names;
    private static AwsClients clients;
    private static String firstVersion;

    @LocalServerPort
    int port;

    @BeforeAll
    static void trainModel(CdpResources resources, AwsClients awsClients) {
        names = resources;
        clients = awsClients;
        firstVersion = SyntheticModels.publish(
                        clients.s3(), clients.dynamoDb(), names, SyntheticModels.cardTesting(42, Progress.silent()))
                .version();
        new ModelRegistry(clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME)
                .promote(firstVersion, Instant.now());
    }

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("cdp.aws.endpoint", () -> AwsEmulator.shared().endpoint().toString());
        registry.add("cdp.aws.namespace", () -> names.namespace());
        registry.add("cdp.security.dev-secret", () -> SECRET);
        // no stream transformer in this test: the API records what it scores, as in the local profile
        registry.add("scoring.features.update-on-score", () -> "true");
        registry.add("logging.structured.format.console", () -> "");
        // the emulator shares the machine with the build: not the production read budget
        registry.add("scoring.features.read-timeout", () -> "3s");
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private static String token(String... scopes) {
        return DevTokens.mint(KEY, "scoring-api-it", List.of(scopes), Duration.ofMinutes(10));
    }

    @Test
    void approvesAnOrdinaryPurchaseOnANewCardAndSaysItIsAColdStart() {
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(1));
        var answer = api().post(
                        "/v1/fraud-scores",
                        token("fraud:score"),
                        purchase("ord-1", card, "42.90", "m-grocer-1", "CHIP", 5411, daytime(1, 14)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(body.get("coldStart").asBoolean()).isTrue();
        assertThat(body.get("probability").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("modelVersion").asString()).isNotBlank();
        assertThat(body.get("requestId").asString()).hasSize(36);
        assertThat(body.get("features").get("count_1w").asDouble()).isZero();
        assertThat(body.get("features").get("cold_start_1w").asDouble()).isEqualTo(1.0);
        assertThat(body.get("features").size()).isEqualTo(OnlineFeatures.SCHEMA.size());
    }

    @Test
    void declinesACardTestingBurstBeforeItEnds() {
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(2));
        for (int day = 0; day < 3; day++) {
            var ordinary = api().post(
                            "/v1/fraud-scores",
                            token("fraud:score"),
                            purchase(
                                    "hist-" + day,
                                    card,
                                    "35.20",
                                    "m-home-" + day % 2,
                                    "CHIP",
                                    5411,
                                    daytime(4 - day, 10)));
            assertThat(ordinary.json().get("decision").asString())
                    .as(ordinary.body())
                    .isEqualTo("APPROVE");
        }
        Instant burst = daytime(1, 16);
        int burstLength = 15;
        List<String> decisions = new ArrayList<>();
        List<JsonNode> declines = new ArrayList<>();
        for (int i = 0; i < burstLength; i++) {
            var answer = api().post(
                            "/v1/fraud-scores",
                            token("fraud:score"),
                            purchase(
                                    "burst-" + i,
                                    card,
                                    String.format(java.util.Locale.ROOT, "%.2f", 1.0 + (i % 4) * 0.75),
                                    "fm-unknown-" + i,
                                    "ONLINE",
                                    5999,
                                    burst.plusSeconds(20L * i)));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            decisions.add(answer.json().get("decision").asString());
            if ("DECLINE".equals(decisions.getLast()) && i < burstLength - 1) {
                declines.add(answer.json());
            }
        }

        assertThat(decisions.subList(0, burstLength - 1))
                .as("decisions during the burst")
                .contains("DECLINE");
        assertThat(declines)
                .as("declines seeing the burst's velocity")
                .anySatisfy(d -> assertThat(d.get("features").get("count_10m").asDouble())
                        .isPositive());
        assertThat(declines).allSatisfy(d -> {
            assertThat(d.get("coldStart").asBoolean()).isFalse();
            assertThat(d.get("reasonCodes").size()).isBetween(1, 3);
        });
    }

    @Test
    void answers401WithAProblemWithoutAToken() {
        var answer = api().post(
                        "/v1/fraud-scores",
                        null,
                        purchase(
                                "no-token",
                                SyntheticCardHistory.cardToken(new SplittableRandom(3)),
                                "10.00",
                                "m-1",
                                "CHIP",
                                5411,
                                Instant.now()));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.raw().headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void answers403WhenTheTokenLacksTheScope() {
        var scoring = api().post(
                        "/v1/fraud-scores",
                        token("models:admin"),
                        purchase(
                                "wrong-scope",
                                SyntheticCardHistory.cardToken(new SplittableRandom(4)),
                                "10.00",
                                "m-1",
                                "CHIP",
                                5411,
                                Instant.now()));
        var promotion = api().post("/v1/models/" + firstVersion + "/promotion", token("fraud:score"), "");

        assertThat(scoring.status()).isEqualTo(403);
        assertThat(scoring.json().get("title").asString()).isEqualTo("Forbidden");
        assertThat(promotion.status()).isEqualTo(403);
    }

    @Test
    void answers401ForATokenSignedWithAnotherKey() {
        String forged = DevTokens.mint(
                DevTokens.key(DevTokens.randomSecret()), "intruder", List.of("fraud:score"), Duration.ofMinutes(5));

        assertThat(api().get("/v1/models", forged).status()).isEqualTo(401);
    }

    @Test
    void answers400NamingTheMissingFieldWithoutEchoingValues() {
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(5));
        String withoutAmount = purchase("missing-amount", card, "1.00", "m-1", "CHIP", 5411, Instant.now())
                .replace("\"amount\": 1.00,", "");

        var answer = api().post("/v1/fraud-scores", token("fraud:score"), withoutAmount);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("amount");
        assertThat(errors.get(0).get("message").asString()).isNotBlank();
        assertThat(answer.body())
                .doesNotContain(card)
                .doesNotContain("Exception")
                .doesNotContain("at io.");
    }

    @Test
    void answers400ForAMalformedValueWithoutEchoingIt() {
        String body = purchase(
                        "bad-time",
                        SyntheticCardHistory.cardToken(new SplittableRandom(6)),
                        "1.00",
                        "m-1",
                        "CHIP",
                        5411,
                        Instant.now())
                .replaceFirst("\"transactionTime\": \"[^\"]+\"", "\"transactionTime\": \"secret-value-77\"");

        var answer = api().post("/v1/fraud-scores", token("fraud:score"), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("transactionTime");
        assertThat(answer.body()).doesNotContain("secret-value-77");
    }

    @Test
    void refusesABatchOverTheLimitWith413() {
        StringJoiner items = new StringJoiner(",", "{\"transactions\": [", "]}");
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(7));
        for (int i = 0; i < 101; i++) {
            items.add(purchase(
                    "b-" + i, card, "5.00", "m-1", "CHIP", 5411, Instant.now().minusSeconds(3600 - i)));
        }

        var answer = api().post("/v1/fraud-scores:batch", token("fraud:score"), items.toString());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asString()).endsWith("/batch-too-large");
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413BeforeParsingIt() {
        // a batch padded past cdp.security.max-body-size: refused by its length, so nothing reads or parses it
        StringJoiner items = new StringJoiner(",", "{\"transactions\": [", "]}");
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(8));
        String merchant = "m-" + "x".repeat(2000);
        for (int i = 0; i < 80; i++) {
            items.add(purchase(
                    "p-" + i,
                    card,
                    "5.00",
                    merchant,
                    "CHIP",
                    5411,
                    Instant.now().minusSeconds(60)));
        }

        var answer = api().post("/v1/fraud-scores:batch", token("fraud:score"), items.toString());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.json().get("type").asString()).endsWith("/payload-too-large");
    }

    @Test
    void scoresABatchInOrder() {
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(8));
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS);
        String batch = "{\"transactions\": [" + purchase("o-1", card, "12.00", "m-1", "CHIP", 5411, t) + ","
                + purchase("o-2", card, "14.00", "m-1", "CHIP", 5411, t.plusSeconds(60)) + "]}";

        var answer = api().post("/v1/fraud-scores:batch", token("fraud:score"), batch);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().get("results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).get("coldStart").asBoolean()).isTrue();
        assertThat(results.get(1).get("features").get("count_10m").asDouble()).isEqualTo(1.0);
    }

    @Test
    void readsCardStateWrittenInTheDocumentedItemLayout() {
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(9));
        CardOnlineState state = CardOnlineState.empty();
        Instant t = Instant.now().minus(2, ChronoUnit.DAYS);
        for (int i = 0; i < 5; i++) {
            state = OnlineFeatures.compute(
                            state,
                            new OnlineTransaction(
                                    "pre-" + i,
                                    "cus_x",
                                    card,
                                    t.plus(i, ChronoUnit.HOURS),
                                    20.0,
                                    UseChip.CHIP,
                                    "m-1",
                                    "Town",
                                    "CA",
                                    "94105",
                                    5411,
                                    List.of(),
                                    false),
                            TabFormerContext.withoutLabelsOrGeography())
                    .next();
        }
        clients.dynamoDb()
                .putItem(PutItemRequest.builder()
                        .tableName(names.table(CdpResources.Table.FEATURES))
                        .item(Map.of(
                                FeatureStoreItem.KEY,
                                AttributeValue.fromS(FeatureStoreItem.cardKey(card)),
                                FeatureStoreItem.STATE,
                                AttributeValue.fromB(SdkBytes.fromByteArray(state.toBytes())),
                                FeatureStoreItem.VERSION,
                                AttributeValue.fromN("5"),
                                FeatureStoreItem.STATE_FORMAT,
                                AttributeValue.fromS(CardOnlineState.FORMAT_NAME),
                                FeatureStoreItem.EXPIRES_AT,
                                AttributeValue.fromN(Long.toString(
                                        Instant.now().plus(1, ChronoUnit.DAYS).getEpochSecond()))))
                        .build());

        var answer = api().post(
                        "/v1/fraud-scores",
                        token("fraud:score"),
                        purchase("after-transformer", card, "21.00", "m-1", "CHIP", 5411, Instant.now()));

        assertThat(answer.json().get("coldStart").asBoolean()).isFalse();
        assertThat(answer.json().get("features").get("count_1w").asDouble()).isEqualTo(5.0);
    }

    @Test
    void promotesANewVersionWithoutARestart() {
        String second = SyntheticModels.publish(
                        clients.s3(), clients.dynamoDb(), names, SyntheticModels.cardTesting(7, Progress.silent()))
                .version();
        // first in its shadow period, as a retraining leaves a passing challenger: listed, never served
        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        String before = registry.serving().orElseThrow().version();
        registry.shadow(second, before, Instant.now());
        var shadowing = api().get("/v1/models/" + second, token("models:admin"));
        var whileShadowing = api().post(
                        "/v1/fraud-scores",
                        token("fraud:score"),
                        purchase(
                                "while-shadowing",
                                SyntheticCardHistory.cardToken(new SplittableRandom(11)),
                                "9.99",
                                "m-2",
                                "SWIPE",
                                5812,
                                Instant.now()));
        assertThat(shadowing.json().get("status").asString()).isEqualTo("SHADOW");
        assertThat(shadowing.json().get("live").asBoolean()).isFalse();
        assertThat(whileShadowing.json().get("modelVersion").asString()).isEqualTo(before);

        // a person's override: the promotion endpoint ends the shadow at once
        var promotion = api().post("/v1/models/" + second + "/promotion", token("models:admin"), "");
        var score = api().post(
                        "/v1/fraud-scores",
                        token("fraud:score"),
                        purchase(
                                "after-promotion",
                                SyntheticCardHistory.cardToken(new SplittableRandom(10)),
                                "9.99",
                                "m-2",
                                "SWIPE",
                                5812,
                                Instant.now()));
        var models = api().get("/v1/models", token("fraud:score"));
        var one = api().get("/v1/models/" + second, token("models:admin"));

        assertThat(promotion.status()).as(promotion.body()).isEqualTo(200);
        assertThat(promotion.json().get("version").asString()).isEqualTo(second);
        assertThat(score.json().get("modelVersion").asString()).isEqualTo(second);
        assertThat(models.json().get("liveVersion").asString()).isEqualTo(second);
        assertThat(models.json().get("models").size()).isGreaterThanOrEqualTo(2);
        assertThat(one.json().get("status").asString()).isEqualTo("LIVE");
        assertThat(registry.shadowing()).isEmpty();
        assertThat(one.json().get("metrics").get("validation.auc").asDouble()).isGreaterThan(0.8);
        assertThat(one.json().get("featureNames").size()).isEqualTo(OnlineFeatures.SCHEMA.size());
        assertThat(one.json().get("trainingFrom").asString()).isEqualTo("2026-01-05");
        assertThat(api().get("/v1/models/no-such-version", token("fraud:score")).status())
                .isEqualTo(404);
    }

    @Test
    void evaluationGivesTheTrainersCurvesAndWhatRetrainingRecordedAboutTheVersion() {
        ModelRegistry registry = new ModelRegistry(
                clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        String version = SyntheticModels.publish(
                        clients.s3(), clients.dynamoDb(), names, SyntheticModels.cardTesting(9, Progress.silent()))
                .version();
        var fresh = api().get("/v1/models/" + version + "/evaluation", token("fraud:score"));
        registry.setNote(
                version,
                "drift",
                Map.of(
                        "status", "MODERATE",
                        "psiMax", "0.180000",
                        "psiMaxFeature", "amount_log",
                        "scorePsi", "NaN",
                        "psi.amount_log", "0.180000",
                        "psi.count_1d", "0.020000"));
        registry.recordDecision(version, Map.of("verdict", "KEEP_CHAMPION", "reason", "AP +0.001 < margin 0.01"));
        var noted = api().get("/v1/models/" + version + "/evaluation", token("models:admin"));

        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        JsonNode roc = fresh.json().get("roc");
        assertThat(roc.size()).isBetween(3, 120);
        assertThat(roc.get(0).get("x").asDouble()).isZero();
        assertThat(roc.get(roc.size() - 1).get("y").asDouble()).isEqualTo(1.0);
        assertThat(fresh.json().get("pr").size()).isGreaterThan(2);
        assertThat(fresh.json().get("validationFrauds").asLong()).isPositive();
        assertThat(fresh.json().get("validationRows").asLong())
                .isGreaterThan(fresh.json().get("validationFrauds").asLong());
        assertThat(fresh.json().get("decisions").size()).isZero();
        assertThat(absent(fresh.json().path("drift"))).as("no drift check yet").isTrue();

        assertThat(noted.status()).as(noted.body()).isEqualTo(200);
        JsonNode drift = noted.json().get("drift");
        assertThat(drift.get("status").asString()).isEqualTo("MODERATE");
        assertThat(drift.get("psiMax").asDouble()).isEqualTo(0.18);
        assertThat(absent(drift.path("scorePsi"))).as("NaN reads as absent").isTrue();
        assertThat(drift.get("features").get(0).get("feature").asString()).isEqualTo("amount_log");
        assertThat(drift.get("features").size()).isEqualTo(2);
        assertThat(noted.json().get("decisions").get(0).get("verdict").asString())
                .isEqualTo("KEEP_CHAMPION");
        assertThat(api().get("/v1/models/no-such-version/evaluation", token("fraud:score"))
                        .status())
                .isEqualTo(404);
        assertThat(api().get("/v1/models/" + version + "/evaluation", token("alerts:read"))
                        .status())
                .isEqualTo(403);
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    /** {@code hour}:00 UTC {@code daysAgo} days ago: ordinary card use happens in the day, as in the training data. */
    private static Instant daytime(int daysAgo, int hour) {
        return Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .minus(daysAgo, ChronoUnit.DAYS)
                .plus(hour, ChronoUnit.HOURS);
    }

    private static String purchase(
            String id, String card, String amount, String merchant, String channel, int mcc, Instant time) {
        boolean online = "ONLINE".equals(channel);
        return """
                {"transactionId": "%s", "cardToken": "%s", "amount": %s, "currency": "EUR", "merchantId": "%s",
                 %s "mcc": %d, "channel": "%s", "transactionTime": "%s"}""".formatted(
                        id,
                        card,
                        amount,
                        merchant,
                        online ? "" : "\"merchantState\": \"CA\", \"merchantZip\": \"94105\",",
                        mcc,
                        channel,
                        time);
    }
}
