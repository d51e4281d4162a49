package io.cdp.c360;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.kinesis.KinesisPublisher;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.c360.GeneratedCustomers.Customer;
import io.cdp.c360.ingest.ProfileIngest;
import io.cdp.c360.store.DynamoProfileStore;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.kinesis.ingest.RawRecord;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.audit.DynamoDbAuditLog;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.service.security.DevTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * customer-360 in this JVM and core-banking as its own process, against the emulator: generated customers (encrypted
 * with the namespace's real keys), their cards, scored transactions and feedback go onto the three streams, and come
 * out as profiles whose windows equal a batch recomputation over the same events; producer duplicates and a replayed
 * batch change nothing; unmask goes through core-banking's audited decrypt (and is refused without the scopes); an
 * erasure in core-banking propagates to a 410; and no plaintext name, e-mail, address or card number of the generated
 * data is in any profiles-table item or in the service's log output.
 */
@AwsEmulatorTest
@ExtendWith(OutputCaptureExtension.class)
class Customer360IT {

    private static final String SECRET = DevTokens.randomSecret();
    private static final SecretKey KEY = DevTokens.key(SECRET);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    static String[] arguments(CdpResources names, AwsEmulator emulator, String coreBankingUrl) {
        Map<String, Object> p = new HashMap<>(emulator.springProperties());
        p.put("spring.profiles.active", "local");
        p.put("cdp.aws.endpoint", emulator.endpoint().toString());
        p.put("cdp.aws.namespace", names.namespace());
        p.put("cdp.security.dev-secret", SECRET);
        p.put("cdp.c360.core-banking-url", coreBankingUrl);
        p.put("server.port", "0");
        p.put("logging.structured.format.console", "");
        p.put("spring.cloud.stream.kinesis.binder.locks.lease-duration", "5s");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.io.cdp.c360", "DEBUG");
        return p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @Test
    void eventsBecomeBatchEqualProfilesExactlyOnceWithAuditedUnmaskErasureAndNoPlaintextAnywhere(
            AwsClients clients, CdpResources names, AwsEmulator emulator, CapturedOutput output) throws Exception {
        PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
        EventCodec codec = new EventCodec();
        GeneratedCustomers data = new GeneratedCustomers(pii, codec, 5, 30, 13);
        KinesisPublisher customersStream = new KinesisPublisher(clients.kinesis(), names.stream(Stream.CORE_CUSTOMERS));
        KinesisPublisher scoredStream =
                new KinesisPublisher(clients.kinesis(), names.stream(Stream.SCORED_TRANSACTIONS));
        KinesisPublisher feedbackStream = new KinesisPublisher(clients.kinesis(), names.stream(Stream.FEEDBACK));

        try (CoreBankingProcess core = CoreBankingProcess.start(names, emulator, SECRET);
                ConfigurableApplicationContext app = new SpringApplicationBuilder(Customer360Application.class)
                        .run(arguments(names, emulator, core.url()))) {
            String base = "http://127.0.0.1" + ":" + app.getEnvironment().getProperty("local.server.port");
            String read = token("reader", "customers:read");

            GeneratedCustomers.put(customersStream, data.customerEvents);
            GeneratedCustomers.put(scoredStream, data.scoredEvents);
            GeneratedCustomers.put(feedbackStream, data.feedbackEvents);
            for (Customer c : data.customers) {
                PipelineFixture.await(
                        "profile of customer " + c.id() + " at version " + c.expectedVersion(),
                        Duration.ofSeconds(180),
                        () -> {
                            var r = get(base + "/v1/customers/" + c.token().value(), read);
                            return r.statusCode() == 200
                                    && JSON.readTree(r.body()).get("version").asLong() >= c.expectedVersion();
                        });
            }

            // KCL mode checkpoints each binding's batches (the shared edge; before it, customer-360 never checkpointed
            // under KCL and replayed everything at each restart)
            for (String binding : List.of("customers-in-0", "scored-in-0", "feedback-in-0")) {
                String leases = names.table(Table.BINDER_CHECKPOINTS) + "-c360-kcl-" + binding;
                PipelineFixture.await(
                        binding + " checkpointed at a sequence number in " + leases,
                        Duration.ofSeconds(60),
                        () -> clients.dynamoDb().scan(b -> b.tableName(leases)).items().stream()
                                .map(item -> item.get("checkpoint"))
                                .anyMatch(c -> c != null && c.s() != null && c.s().matches("\\d+")));
            }

            // windows, mixes and risk equal a batch recomputation over the same events
            for (Customer c : data.customers) {
                JsonNode profile = JSON.readTree(
                        get(base + "/v1/customers/" + c.token().value(), read).body());
                assertThat(profile.get("version").asLong()).isEqualTo(c.expectedVersion());
                LocalDate asOf = c.scored().stream()
                        .map(s -> day(s))
                        .max(LocalDate::compareTo)
                        .orElseThrow();
                assertThat(profile.get("asOf").asString()).isEqualTo(asOf.toString());
                for (int days : new int[] {30, 90, 365}) {
                    LocalDate from = asOf.minusDays(days - 1L);
                    List<TransactionScoredV1> in = c.scored().stream()
                            .filter(s -> !day(s).isBefore(from) && !day(s).isAfter(asOf))
                            .toList();
                    BigDecimal sum =
                            in.stream().map(TransactionScoredV1::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                    JsonNode w = profile.get("windows").get("last" + days);
                    assertThat(w.get("count").asLong())
                            .as("count %d of %s", days, c.id())
                            .isEqualTo(in.size());
                    assertThat(new BigDecimal(w.get("sum").toString()))
                            .as("sum %d of %s", days, c.id())
                            .isEqualByComparingTo(sum);
                    BigDecimal mean = in.isEmpty()
                            ? BigDecimal.ZERO
                            : sum.divide(BigDecimal.valueOf(in.size()), 2, RoundingMode.HALF_EVEN);
                    assertThat(new BigDecimal(w.get("mean").toString())).isEqualByComparingTo(mean);
                }
                List<TransactionScoredV1> year = c.scored().stream()
                        .filter(s -> !day(s).isBefore(asOf.minusDays(364)))
                        .toList();
                Map<String, Long> channels = year.stream()
                        .collect(Collectors.groupingBy(s -> s.channel().name(), TreeMap::new, Collectors.counting()));
                channels.forEach((channel, n) -> assertThat(
                                profile.get("channelMix").get(channel).asDouble())
                        .isCloseTo(n / (double) year.size(), org.assertj.core.data.Offset.offset(1e-4)));
                long abroad = year.stream()
                        .filter(s -> Boolean.TRUE.equals(s.merchantAbroad()))
                        .count();
                assertThat(profile.get("shareAbroad").asDouble())
                        .isCloseTo(abroad / (double) year.size(), org.assertj.core.data.Offset.offset(1e-9));
                JsonNode risk = profile.get("risk");
                assertThat(risk.get("alertsRaised").asInt()).isEqualTo((int) c.scored().stream()
                        .filter(s -> Boolean.TRUE.equals(s.alert()))
                        .count());
                double recentMax = c.scored().stream()
                        .filter(s -> !day(s).isBefore(asOf.minusDays(29)))
                        .mapToDouble(TransactionScoredV1::score)
                        .max()
                        .orElse(0.0);
                assertThat(risk.get("highestRecentScore").asDouble()).isEqualTo(recentMax);
                assertThat(risk.get("confirmedFrauds").asInt()).isEqualTo((int) c.feedback().stream()
                        .filter(f -> f.verdict() == CustomerFeedbackReceivedV1.Verdict.CONFIRMED_FRAUD)
                        .count());
                assertThat(profile.get("cards")).hasSize(c.cards().size());
                assertThat(profile.get("identity").get("zip3").asString()).isEqualTo("917**");
                assertThat(profile.get("consents")
                                .get("fraudAlertsEmail")
                                .get("granted")
                                .asBoolean())
                        .isTrue();
                assertThat(profile.get("consents")
                                .get("marketingEmail")
                                .get("granted")
                                .asBoolean())
                        .isFalse();
                assertThat(profile.get("nextBestAction").get("action").asString())
                        .isEqualTo("NONE");
                assertThat(profile.has("sealed")).isFalse();
                assertThat(profile.toString()).doesNotContain("ct1.");
            }

            // producer duplicates (the same events at new positions) and a replayed batch change nothing
            Map<String, String> before = profileDocs(clients, names);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            double duplicatesBefore = duplicates(meters);
            GeneratedCustomers.put(customersStream, data.customerEvents);
            GeneratedCustomers.put(scoredStream, data.scoredEvents);
            GeneratedCustomers.put(feedbackStream, data.feedbackEvents);
            int republished = data.customerEvents.size() + data.scoredEvents.size() + data.feedbackEvents.size();
            PipelineFixture.await(
                    "every duplicate recognised",
                    Duration.ofSeconds(180),
                    () -> duplicates(meters) - duplicatesBefore >= republished);
            List<RawRecord> replay = new ArrayList<>();
            for (int i = 0; i < data.scoredEvents.size(); i++) {
                replay.add(new RawRecord(data.scoredEvents.get(i).bytes(), Integer.toString(i)));
            }
            app.getBean(ProfileIngest.class)
                    .process(names.stream(Stream.SCORED_TRANSACTIONS), "shardId-000000000000", replay);
            assertThat(profileDocs(clients, names)).isEqualTo(before);

            // consents: customers:write, partial update, stamped
            Customer first = data.customers.getFirst();
            String consentsPath = base + "/v1/customers/" + first.token().value() + "/consents";
            String body = "{\"marketingEmail\":{\"granted\":true}}";
            assertThat(put(consentsPath, read, body).statusCode()).isEqualTo(403);
            HttpResponse<String> updated = put(consentsPath, token("crm", "customers:write"), body);
            assertThat(updated.statusCode()).isEqualTo(200);
            JsonNode consents = JSON.readTree(updated.body()).get("consents");
            assertThat(consents.get("marketingEmail").get("granted").asBoolean())
                    .isTrue();
            assertThat(consents.get("marketingSms").get("granted").asBoolean()).isFalse();
            assertThat(put(consentsPath, token("crm", "customers:write"), "{\"marketingFax\":{\"granted\":true}}")
                            .statusCode())
                    .isEqualTo(400);

            // listing with a cursor reaches every profile once
            Set<String> listed = new HashSet<>();
            String cursor = null;
            int pages = 0;
            do {
                String url = base + "/v1/customers?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
                JsonNode page = JSON.readTree(get(url, read).body());
                page.get("items")
                        .forEach(i -> assertThat(
                                        listed.add(i.get("customerToken").asString()))
                                .isTrue());
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asString();
                pages++;
            } while (cursor != null && pages < 20);
            assertThat(listed)
                    .containsExactlyInAnyOrderElementsOf(
                            data.customers.stream().map(c -> c.token().value()).toList());
            assertThat(get(base + "/v1/segments", read).statusCode()).isEqualTo(200);

            // unmask: through core-banking's audited decrypt, with the caller's own token
            String unmaskPath = base + "/v1/customers/" + first.token().value() + "/unmask";
            String investigation = "{\"purpose\":\"FRAUD_INVESTIGATION\",\"fields\":[\"name\",\"address\"]}";
            assertThat(post(unmaskPath, read, investigation).statusCode()).isEqualTo(403);
            assertThat(post(unmaskPath, token("analyst-7", "customers:unmask"), investigation)
                            .statusCode())
                    .as("core-banking refuses a caller without pii:decrypt")
                    .isEqualTo(403);
            String analyst = token("analyst-7", "customers:unmask", "pii:decrypt");
            assertThat(post(unmaskPath, analyst, "{\"purpose\":\"CURIOSITY\"}").statusCode())
                    .isEqualTo(400);
            HttpResponse<String> unmasked = post(unmaskPath, analyst, investigation);
            assertThat(unmasked.statusCode()).isEqualTo(200);
            JsonNode plain = JSON.readTree(unmasked.body());
            assertThat(plain.get("name").asString()).isEqualTo(first.name());
            assertThat(plain.get("address").asString()).isEqualTo(first.address());
            assertThat(plain.get("email").isNull()).isTrue();
            assertThat(unmasked.headers().firstValue("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            DynamoDbAuditLog audit = new DynamoDbAuditLog(clients.dynamoDb(), names.table(Table.AUDIT));
            assertThat(audit.history(first.token().value()))
                    .extracting(r -> r.get("onBehalfOf").s() + ":"
                            + r.get("field").s() + ":" + r.get("purpose").s() + ":"
                            + r.get("outcome").s())
                    .contains("analyst-7:name:FRAUD_INVESTIGATION:ok", "analyst-7:address:FRAUD_INVESTIGATION:ok");

            // erasure in core-banking reaches the profile: 410, nothing but the tombstone, later events ignored
            Customer erased = data.customers.get(1);
            HttpResponse<String> erase = http.send(
                    HttpRequest.newBuilder(URI.create(
                                    core.url() + "/api/customers/" + erased.id() + "/pii?purpose=ERASURE_REQUEST"))
                            .header("Authorization", "Bearer " + token("dpo", "pii:erase"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(erase.statusCode()).isEqualTo(204);
            String erasedPath = base + "/v1/customers/" + erased.token().value();
            PipelineFixture.await(
                    "erasure propagated",
                    Duration.ofSeconds(120),
                    () -> get(erasedPath, read).statusCode() == 410);
            assertThat(post(erasedPath + "/unmask", analyst, investigation).statusCode())
                    .isEqualTo(410);
            // the read cache's revalidation reads only the profile item's version: it is the version of the profile
            // the full query reads, and gone with the erasure (so the cache loads the tombstone)
            DynamoProfileStore profiles = new DynamoProfileStore(
                    clients.dynamoDb(),
                    names.table(Table.PROFILES),
                    Duration.ofDays(1),
                    Clock.systemUTC(),
                    codec.mapper());
            Customer kept = data.customers.getFirst();
            assertThat(profiles.version(kept.token().value()))
                    .hasValue(profiles.find(kept.token().value())
                            .orElseThrow()
                            .profile()
                            .version());
            assertThat(profiles.version(erased.token().value())).isEmpty();
            assertThat(profiles.version("cus_v1_never-seen")).isEmpty();
            // and the same three in one batch read, as the cache's revalidation asks for them
            assertThat(profiles.versions(
                            List.of(kept.token().value(), erased.token().value(), "cus_v1_never-seen")))
                    .containsEntry(
                            kept.token().value(), profiles.version(kept.token().value()))
                    .containsEntry(erased.token().value(), OptionalLong.empty())
                    .containsEntry("cus_v1_never-seen", OptionalLong.empty())
                    .hasSize(3);
            double ignoredBefore = outcome(meters, "ERASED");
            TransactionScoredV1 late = erased.scored().getFirst();
            TransactionScoredV1 after = new TransactionScoredV1(
                    late.transactionId() + "-late",
                    late.cardToken(),
                    late.customerToken(),
                    late.transactionTime(),
                    late.amount(),
                    late.currency(),
                    late.mcc(),
                    late.channel(),
                    late.score(),
                    late.decision(),
                    late.modelVersion(),
                    late.reasonCodes(),
                    late.features(),
                    late.scoredAt(),
                    late.alert(),
                    late.merchantAbroad());
            GeneratedCustomers.put(
                    scoredStream,
                    List.of(GeneratedCustomers.publish(codec, late.cardToken().value(), late.scoredAt(), after)));
            PipelineFixture.await(
                    "the late event ignored", Duration.ofSeconds(120), () -> outcome(meters, "ERASED") > ignoredBefore);
            assertThat(items(clients, names, erased.token().value()))
                    .singleElement()
                    .satisfies(item -> assertThat(item).containsKey("erasedAt").doesNotContainKey("doc"));
            assertThat(get(erasedPath, read).statusCode()).isEqualTo(410);
            assertThat(get(base + "/v1/customers/cus_v1_" + "A".repeat(43), read)
                            .statusCode())
                    .isEqualTo(404);

            // no plaintext of the generated data in any profiles item or in the service's output
            String table = allItems(clients, names).toString();
            String logs = output.getAll();
            assertThat(logs).contains("unmask customer=" + first.token().value());
            for (String secret : data.plaintexts()) {
                assertThat(table.contains(secret))
                        .as("plaintext in the profiles table")
                        .isFalse();
                assertThat(logs.contains(secret))
                        .as("plaintext in the log output")
                        .isFalse();
            }
        }
    }

    private static LocalDate day(TransactionScoredV1 s) {
        return s.transactionTime().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static double duplicates(MeterRegistry meters) {
        return outcome(meters, "DUPLICATE");
    }

    private static double outcome(MeterRegistry meters, String outcome) {
        return meters.find("c360.events").tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static Map<String, String> profileDocs(AwsClients clients, CdpResources names) {
        Map<String, String> docs = new TreeMap<>();
        for (var item : allItems(clients, names)) {
            String sk = item.get("sk").s();
            if (!sk.startsWith("E#")) {
                docs.put(item.get("customerToken").s() + "|" + sk, item.toString());
            }
        }
        return docs;
    }

    private static List<Map<String, AttributeValue>> allItems(AwsClients clients, CdpResources names) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = clients.dynamoDb()
                    .scan(b -> b.tableName(names.table(Table.PROFILES)).exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static List<Map<String, AttributeValue>> items(AwsClients clients, CdpResources names, String token) {
        return clients.dynamoDb()
                .query(b -> b.tableName(names.table(Table.PROFILES))
                        .keyConditionExpression("customerToken = :c")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(token)))
                        .consistentRead(true))
                .items();
    }

    private static String token(String subject, String... scopes) {
        return DevTokens.mint(KEY, subject, List.of(scopes), Duration.ofMinutes(30));
    }

    private HttpResponse<String> get(String url, @Nullable String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String url, String token, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
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
