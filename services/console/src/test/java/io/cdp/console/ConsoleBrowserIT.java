package io.cdp.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.CustomerUpsertedV1;
import io.cdp.events.payload.Decision;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.ReasonCode;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.RawTransactions;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.pii.crypto.FieldContext;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.service.security.DevTokens;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import java.math.BigDecimal;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The console in a browser (Playwright driving Debian's Chromium, {@code frontend/e2e/console.e2e.mjs}) against the
 * real core-banking, customer-360 and scoring API jars and the console itself, on the emulator in this class's
 * namespace, with data this test generates: customers encrypted with the namespace's keys (on the customers stream),
 * scored transactions (on the scored stream: customer-360 and the feed both read them), a month of history in the
 * lake, alerts in every delivery state. Not the whole {@code ./cdp up} stack: no stream transformer, trainer or
 * alerting process; their outputs are generated instead. Screenshots under {@code target/screenshots/}.
 */
@AwsEmulatorTest
class ConsoleBrowserIT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void everyViewLoadsUnmaskIsAuditedAndAViewRefusesWithoutItsScope(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").exists();
        EventCodec codec = new EventCodec();
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        Token customer = seedCustomer(clients, names, codec, pii);
        seedScored(clients, names, codec, customer);
        seedLake(clients, names);
        seedAlerts(clients, names);
        String liveModel = SyntheticModels.publish(
                        clients.s3(), clients.dynamoDb(), names, SyntheticModels.cardTesting(42, Progress.silent()))
                .version();
        ModelRegistry registry =
                new ModelRegistry(clients.dynamoDb(), names.table(Table.MODELS), OnlineFeatures.MODEL_NAME);
        registry.promote(liveModel, Instant.now());
        // what a retraining run records about the champion it challenged (RetrainRun's note and decision format)
        registry.setNote(
                liveModel,
                "drift",
                Map.of(
                        "status", "MODERATE",
                        "checkedAt", Instant.now().toString(),
                        "psiMax", "0.140000",
                        "psiMaxFeature", "amount_log",
                        "scorePsi", "0.030000",
                        "psi.amount_log", "0.140000",
                        "psi.count_1d", "0.010000"));
        registry.recordDecision(
                liveModel,
                Map.of(
                        "at", Instant.now().toString(),
                        "champion", liveModel,
                        "challenger", "20260101T000000Z-challenger",
                        "verdict", "KEEP_CHAMPION",
                        "promoted", "false",
                        "reason", "average precision +0.002 is below the margin 0.010"));

        Map<String, Object> common = new LinkedHashMap<>(emulator.springProperties());
        common.put("spring.profiles.active", "local");
        common.put("cdp.aws.endpoint", emulator.endpoint().toString());
        common.put("cdp.aws.namespace", names.namespace());
        common.put("cdp.security.dev-secret", SECRET);

        try (ServiceJar core = ServiceJar.start("core-banking", "Started CoreBankingApplication", common);
                ServiceJar c360 = ServiceJar.start(
                        "customer-360",
                        "Started Customer360Application",
                        with(common, Map.of("cdp.c360.core-banking-url", core.url())));
                ServiceJar scoring = ServiceJar.start("scoring-api", "Started ScoringApiApplication", common);
                ConfigurableApplicationContext console = new SpringApplicationBuilder(ConsoleApplication.class)
                        .run(arguments(with(
                                common,
                                Map.of(
                                        "cdp.console.customer360", c360.url(),
                                        "cdp.console.scoring-api", scoring.url(),
                                        "server.port", "0"))))) {
            String base = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port");
            String all = DevTokens.mint(
                    KEY,
                    "analyst-1",
                    List.of(
                            "fraud:monitor",
                            "alerts:read",
                            "lake:read",
                            "customers:read",
                            "customers:unmask",
                            "pii:decrypt",
                            "fraud:score"),
                    Duration.ofMinutes(30));
            String narrow = DevTokens.mint(KEY, "analyst-2", List.of("customers:read"), Duration.ofMinutes(30));
            HttpClient http = HttpClient.newHttpClient();
            // the scored stream alone makes a profile; unmask needs the customers stream's upsert (its ciphertexts),
            // and the two streams are read independently: wait for the upsert's masked initials
            PipelineFixture.await("customer-360 has the seeded customer's details", Duration.ofSeconds(180), () -> {
                try {
                    HttpResponse<String> profile = http.send(
                            HttpRequest.newBuilder(URI.create(c360.url() + "/v1/customers/" + customer.value()))
                                    .header("Authorization", "Bearer " + all)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return profile.statusCode() == 200 && profile.body().contains("\"Q.V.\"");
                } catch (Exception e) {
                    return false;
                }
            });

            Path out = Path.of("target", "screenshots");
            Path log = Path.of("target", "console-e2e.log");
            ProcessBuilder node = new ProcessBuilder("node", "e2e/console.e2e.mjs")
                    .directory(Path.of("frontend").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            node.environment()
                    .putAll(Map.of(
                            "CONSOLE_URL",
                            base,
                            "TOKEN",
                            all,
                            "TOKEN_NARROW",
                            narrow,
                            "CUSTOMER_TOKEN",
                            customer.value(),
                            "LIVE_MODEL",
                            liveModel,
                            "OUT",
                            out.toAbsolutePath().toString(),
                            "CHROMIUM",
                            CHROMIUM.toString(),
                            "DRIFT",
                            "1"));
            Process browser = node.start();
            assertThat(browser.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String report = Files.readString(log);
            System.out.println(report);
            assertThat(browser.exitValue()).as(report).isZero();
            assertThat(report).contains("0 failed");

            // the unmask in the browser left its record in core-banking's audit, with the purpose chosen there
            List<Map<String, AttributeValue>> audit =
                    clients.dynamoDb().scan(b -> b.tableName(names.table(Table.AUDIT))).items().stream()
                            .filter(i -> i.containsKey("recordId")
                                    && customer.value().equals(i.get("recordId").s()))
                            .toList();
            assertThat(audit).isNotEmpty().allSatisfy(i -> {
                assertThat(i.get("purpose").s()).isEqualTo("FRAUD_INVESTIGATION");
                assertThat(i.get("onBehalfOf").s()).isEqualTo("analyst-1");
            });
            for (String view : List.of("feed", "alerts", "customer", "models", "charts")) {
                assertThat(out.resolve(view + "-desktop.png")).exists();
                assertThat(out.resolve(view + "-phone.png")).exists();
            }
            assertThat(out.resolve("unmask-desktop.png")).exists();
            assertThat(out.resolve("refused-desktop.png")).exists();
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Map<String, Object> more) {
        Map<String, Object> p = new LinkedHashMap<>(base);
        p.putAll(more);
        return p;
    }

    private static String[] arguments(Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--logging.structured.format.console=");
        return args.toArray(String[]::new);
    }

    /** One customer with name, e-mail and address encrypted under the namespace's keys, as core-banking publishes. */
    private static Token seedCustomer(AwsClients clients, CdpResources names, EventCodec codec, PiiProtection pii) {
        Token token = pii.tokenizer().customer("console-it-1");
        FieldContext name = new FieldContext("customer", token.value(), "name");
        FieldContext email = new FieldContext("customer", token.value(), "email");
        FieldContext address = new FieldContext("customer", token.value(), "address");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CustomerUpsertedV1 upsert = new CustomerUpsertedV1(
                token,
                Masked.of("Q.V."),
                Masked.of("30-39"),
                Masked.of("50000-74999"),
                Masked.of("700+"),
                Masked.of("917**"),
                "CA",
                1,
                pii.encryptor().encrypt(token.value(), name, "Quorval Bethson"),
                pii.encryptor().encrypt(token.value(), email, "quorval.bethson@mail.example"),
                pii.encryptor().encrypt(token.value(), address, "123 Zanwood Lane, Springfield"),
                now);
        new KinesisPublisher(clients.kinesis(), names.stream(Stream.CORE_CUSTOMERS))
                .putAll(List.of(record(codec, token.value(), now, upsert)));
        return token;
    }

    /** Sixty scored transactions of the last hour, some declined with an alert, for the feed and the profile. */
    private static void seedScored(AwsClients clients, CdpResources names, EventCodec codec, Token customer) {
        Random random = new Random(5);
        Instant start = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        List<KinesisPublisher.Record> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant when = start.plusSeconds(i * 50L);
            double score = i % 10 == 0 ? 0.95 : random.nextDouble() * 0.6;
            Decision decision = score > 0.9 ? Decision.DECLINE : score > 0.5 ? Decision.REVIEW : Decision.APPROVE;
            TransactionScoredV1 scored = new TransactionScoredV1(
                    "console-it-tx-" + i,
                    new Token("crd_v1_AAAAAAAAAAAAAAAAAAAAAALi4uLi4uLi4uLi4uLi4uL"),
                    customer,
                    when,
                    BigDecimal.valueOf(500 + random.nextInt(20_000), 2),
                    "USD",
                    new int[] {5411, 5812, 4121, 5999}[i % 4],
                    Channel.values()[i % Channel.values().length],
                    score,
                    decision,
                    "fraud-xgb-console-it",
                    List.of(new ReasonCode("amount", 120.0, 0.4)),
                    Map.of("amount", 1.0),
                    when.plusMillis(40),
                    decision == Decision.DECLINE,
                    false);
            records.add(record(codec, customer.value(), scored.scoredAt(), scored));
        }
        new KinesisPublisher(clients.kinesis(), names.stream(Stream.SCORED_TRANSACTIONS)).putAll(records);
    }

    /** A month of history in the lake, about 5 % labelled fraud, for the fraud-by-day chart. */
    private static void seedLake(AwsClients clients, CdpResources names) {
        Random random = new Random(9);
        Instant start = Instant.parse("2026-10-01T00:00:00Z");
        Map<String, List<TransactionRecordedV1>> byPartition = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            Instant when = start.plus(random.nextInt(30 * 24 * 60), ChronoUnit.MINUTES);
            byPartition
                    .computeIfAbsent(LakeLayout.rawTransactionsPartition(when), k -> new ArrayList<>())
                    .add(new TransactionRecordedV1(
                            "console-it-raw-" + i,
                            new Token("crd_v1_AAAAAAAAAAAAAAAAAAAAAALi4uLi4uLi4uLi4uLi4uL"),
                            new Token("cus_v1_BBBBBBBBBBBBBBBBBBBBBBLi4uLi4uLi4uLi4uLi4uL"),
                            when,
                            new BigDecimal("42.00"),
                            "USD",
                            "m-" + (i % 7),
                            null,
                            null,
                            null,
                            new int[] {5411, 5812, 4121, 3000}[i % 4],
                            Channel.values()[0],
                            List.of(),
                            random.nextInt(20) == 0));
        }
        byPartition.forEach((partition, rows) -> clients.s3()
                .putObject(
                        b -> b.bucket(names.bucket(Bucket.LAKE)).key(partition + "console-it.parquet"),
                        RequestBody.fromBytes(RawTransactions.toParquet(rows))));
    }

    /** Alerts in every final delivery state, one with the template fallback, as alerting leaves them. */
    private static void seedAlerts(AwsClients clients, CdpResources names) {
        String[] states = {"SENT", "CONFIRMED", "CONFIRMED", "DENIED", "EXPIRED"};
        for (int i = 0; i < states.length; i++) {
            Map<String, AttributeValue> composition = new HashMap<>(Map.of(
                    "channel",
                    AttributeValue.fromS("SMS"),
                    "text",
                    AttributeValue.fromS("CDP Bank: Hi {{FIRST_NAME}}, did you pay USD 12.00 with your card ending"
                            + " {{CARD_LAST4}}? Reply YES or NO.")));
            if (i == 1) {
                composition.put("fallbackReason", AttributeValue.fromS("model-timeout"));
            }
            Map<String, AttributeValue> item = Map.of(
                    "transactionId", AttributeValue.fromS("console-it-tx-" + (i * 10)),
                    "deliveryState", AttributeValue.fromS(states[i]),
                    "deliveryUpdatedAt", AttributeValue.fromS(Instant.now().toString()),
                    "deliveryCompositions", AttributeValue.fromL(List.of(AttributeValue.fromM(composition))));
            clients.dynamoDb()
                    .putItem(b -> b.tableName(names.table(Table.ALERTS)).item(item));
        }
    }

    private static KinesisPublisher.Record record(EventCodec codec, String key, Instant at, EventPayload payload) {
        return new KinesisPublisher.Record(key, codec.encode(Envelope.of("console-it", key, at, payload)));
    }
}
