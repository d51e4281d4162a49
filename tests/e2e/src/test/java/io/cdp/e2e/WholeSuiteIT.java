package io.cdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.MotoMessages;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.core.extraction.ExtractionOptions;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.extraction.ExtractionStatus;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.lake.ParquetFiles;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.service.security.DevTokens;
import io.cdp.training.synthetic.SyntheticModels;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sns.SnsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite, five executable jars on the emulator in one namespace, from the core zone's extraction to a
 * customer's answer: generated customers (fictional phones) loaded into core banking's tables and extracted (customer
 * upserts on {@code cdp.core.customers}, history to the lake, the live share to {@code cdp.core.transactions}), plus
 * takeover-shaped traffic on those customers' real card tokens. The transformer's jar scores every transaction and
 * requests alerts on SQS; alerting's jar reads consents from customer-360's jar, asks core-banking's jar for the
 * contact ({@code POST /api/pii/contact}) and sends (template composer, the local default; Bedrock's own wire checks
 * are alerting's {@code AlertingEndToEndIT}, WireMock speaking Converse); customer-360's jar builds the profiles; the scoring API's jar scores a
 * card whose history the transformer left in the feature store.
 *
 * <p>Checked end to end: every live transaction scored exactly once; every alert request ends in a final state, with
 * exactly one message per consented channel (defaults: SMS and e-mail) or a recorded reason; the SMS and e-mail reach
 * the customer's real phone and address with their first name and card last four; a YES reply becomes one
 * {@code customer.feedback.received.v1} and the record CONFIRMED; profiles equal a batch recomputation over the scored
 * events; the API's score is not a cold start; and a PII-leak scan over every Kinesis record, lake object, CDP-zone
 * table item, SQS message, SMS and e-mail body (only the first name may appear, in alert texts) and the five services'
 * logs finds no loaded customer's name, e-mail, phone, address or card number.
 */
@AwsEmulatorTest
class WholeSuiteIT {

    /** takeovers() makes 40 cards, two per customer: 20 loaded customers with two cards or more are needed. */
    private static final int USERS = 40;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fiveServicesFromExtractionToAnswerWithBatchEqualProfilesAndNoPlaintextAnywhere(
            AwsClients clients, CdpResources names, AwsEmulator emulator, @TempDir Path dir) throws Exception {
        SecureRandom random = new SecureRandom();
        String secret = DevTokens.randomSecret();
        SecretKey key = DevTokens.key(secret);
        int corePort = ServiceProcess.freePort();
        int c360Port = ServiceProcess.freePort();
        int scoringPort = ServiceProcess.freePort();
        String coreUrl = "http://127.0.0.1:" + corePort;
        String c360Url = "http://127.0.0.1:" + c360Port;
        Map<String, String> core = secured(secret, corePort);
        Map<String, String> c360 = secured(secret, c360Port);
        c360.put("cdp.c360.core-banking-url", coreUrl);
        Map<String, String> scoring = secured(secret, scoringPort);
        Map<String, String> alerting = secured(secret, 0);
        alerting.put("cdp.alerting.customer360", c360Url);
        alerting.put("cdp.alerting.core-banking", coreUrl);

        // the fictional phone range has 100 numbers and other tests' customers share it: only messages recorded after
        // this point are this test's (test classes run one at a time on the shared emulator)
        MotoMessages moto = new MotoMessages(emulator.endpoint());
        MotoMessages.Sent earlier = moto.sent();
        Set<String> earlierIds = new HashSet<>();
        earlier.sms().forEach(m -> earlierIds.add(m.messageId()));
        earlier.emails().forEach(m -> earlierIds.add(m.id()));

        SyntheticModels.publishLiveFixture(clients.s3(), clients.dynamoDb(), names);
        try (PipelineFixture fixture = new PipelineFixture(clients, names);
                ServiceProcess coreBanking =
                        ServiceProcess.start("core-banking", "whole-suite-core", names, emulator, core);
                ServiceProcess transformer = ServiceProcess.start(
                        "stream-transformer", "whole-suite-transformer", names, emulator, CrashRecoveryIT.TRANSFORMER);
                ServiceProcess profiles =
                        ServiceProcess.start("customer-360", "whole-suite-customer-360", names, emulator, c360);
                ServiceProcess api =
                        ServiceProcess.start("scoring-api", "whole-suite-scoring", names, emulator, scoring);
                ServiceProcess alerts =
                        ServiceProcess.start("alerting", "whole-suite-alerting", names, emulator, alerting)) {
            List<ServiceProcess> services = List.of(coreBanking, transformer, profiles, api, alerts);
            // the core zone, meanwhile: generated customers loaded and extracted (tokens indexed, data keys made,
            // upserts and the live share on Kinesis, the history in the lake)
            List<Customer> customers = new ArrayList<>();
            List<Card> cards = new ArrayList<>();
            load(clients, names, dir, customers, cards);
            PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
            try (ExtractionRunner runner = ExtractionRunner.fromAws(clients, names, pii, dir.resolve("work"))) {
                ExtractionStatus status = runner.runNow(new ExtractionOptions(0.05, 0, true, true));
                assertThat(status.state()).as(status.error()).isEqualTo(ExtractionStatus.State.COMPLETED);
            }

            // takeover-shaped traffic, moved onto the loaded customers' real card and customer tokens
            List<TransactionRecordedV1> synthetic = SyntheticCardHistory.takeovers(
                    7,
                    40,
                    Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(20)),
                    Duration.ofHours(20),
                    8,
                    0.4);
            Map<String, Card> cardOf = new HashMap<>();
            List<TransactionRecordedV1> txs = onRealCards(synthetic, customers, cards, pii, cardOf);

            coreBanking.awaitStarted("CoreBankingApplication", Duration.ofSeconds(180));
            transformer.awaitStarted(CrashRecoveryIT.APP, Duration.ofSeconds(180));
            profiles.awaitStarted("Customer360Application", Duration.ofSeconds(180));
            api.awaitStarted("ScoringApiApplication", Duration.ofSeconds(180));
            alerts.awaitStarted("AlertingApplication", Duration.ofSeconds(180));
            fixture.putTransactions(txs);

            // every live transaction (the extraction's live share and the takeovers) scored exactly once
            Set<String> live = new HashSet<>();
            fixture.records(names.stream(CdpResources.Stream.CORE_TRANSACTIONS))
                    .values()
                    .forEach(shard -> shard.forEach(r -> live.add(fixture.codec
                            .decode(r.data().asByteArray(), TransactionRecordedV1.class)
                            .payload()
                            .transactionId())));
            assertThat(live).hasSizeGreaterThan(txs.size());
            PipelineFixture.await(
                    "every live transaction scored",
                    Duration.ofSeconds(240),
                    () -> fixture.scoredEvents().stream()
                            .map(TransactionScoredV1::transactionId)
                            .collect(Collectors.toSet())
                            .containsAll(live));
            List<TransactionScoredV1> scored = fixture.scoredEvents();
            Map<String, Long> timesScored = scored.stream()
                    .collect(Collectors.groupingBy(TransactionScoredV1::transactionId, Collectors.counting()));
            assertThat(timesScored.keySet()).isEqualTo(live);
            assertThat(timesScored)
                    .allSatisfy((tx, n) ->
                            assertThat(n).as("times %s was scored", tx).isEqualTo(1L));

            String table = names.table(CdpResources.Table.ALERTS);
            PipelineFixture.await(
                    "an alert SENT",
                    Duration.ofSeconds(240),
                    () -> !sent(fixture, table).isEmpty());
            String sentTx = sent(fixture, table).getFirst();
            Card card = txs.stream()
                    .filter(t -> t.transactionId().equals(sentTx))
                    .map(t -> cardOf.get(t.cardToken().value()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the first alert sent is not on the takeover traffic"));
            Customer person = customers.stream()
                    .filter(c -> c.customerId().equals(card.customerId()))
                    .findFirst()
                    .orElseThrow();
            String firstName = person.name().split(" ")[0];
            String last4 = card.cardNumber().substring(card.cardNumber().length() - 4);

            // alert.dispatched.v1 for that alert on cdp.feedback, one per channel the (default) consents allow
            PipelineFixture.await(
                    "alert.dispatched on both channels for " + sentTx,
                    Duration.ofSeconds(30),
                    () -> onFeedback(fixture, names, AlertDispatchedV1.class).stream()
                                    .filter(d -> d.transactionId().equals(sentTx))
                                    .count()
                            >= 2);
            Map<AlertDispatchedV1.NotificationChannel, AlertDispatchedV1> byChannel =
                    onFeedback(fixture, names, AlertDispatchedV1.class).stream()
                            .filter(d -> d.transactionId().equals(sentTx))
                            .collect(Collectors.toMap(AlertDispatchedV1::channel, d -> d));
            assertThat(byChannel)
                    .containsOnlyKeys(
                            AlertDispatchedV1.NotificationChannel.SMS, AlertDispatchedV1.NotificationChannel.EMAIL);
            assertThat(byChannel.values()).allSatisfy(d -> {
                assertThat(d.composer()).isEqualTo(AlertDispatchedV1.Composer.TEMPLATE);
                assertThat(d.status()).isEqualTo(AlertDispatchedV1.Status.SENT);
                assertThat(d.customerToken()).isEqualTo(pii.tokenizer().customer(person.customerId()));
            });
            AlertDispatchedV1 dispatched = byChannel.get(AlertDispatchedV1.NotificationChannel.SMS);

            // the customer answers YES to the SMS (a two-way SMS reply names the message it answers)
            try (SnsClient sns = clients.sns()) {
                String topic = sns.createTopic(b -> b.name(names.topic(CdpResources.Topic.SMS_INBOUND)))
                        .topicArn();
                sns.publish(b -> b.topicArn(topic)
                        .message("{\"originationNumber\":\"" + person.phone()
                                + "\",\"destinationNumber\":\"+15550100\","
                                + "\"messageKeyword\":\"KEYWORD\",\"messageBody\":\"Y\",\"inboundMessageId\":\"in-"
                                + random.nextInt(1_000_000) + "\",\"previousPublishedMessageId\":\""
                                + dispatched.providerMessageId()
                                + "\"}"));
            }
            PipelineFixture.await(
                    "the alert CONFIRMED",
                    Duration.ofSeconds(60),
                    () -> items(fixture, table).stream()
                            .anyMatch(i -> i.get("transactionId").s().equals(sentTx)
                                    && i.containsKey("deliveryState")
                                    && i.get("deliveryState").s().equals("CONFIRMED")));
            PipelineFixture.await(
                    "the feedback event",
                    Duration.ofSeconds(60),
                    () -> !onFeedback(fixture, names, CustomerFeedbackReceivedV1.class)
                            .isEmpty());
            List<CustomerFeedbackReceivedV1> feedback = onFeedback(fixture, names, CustomerFeedbackReceivedV1.class);
            assertThat(feedback).hasSize(1);
            assertThat(feedback.getFirst().verdict()).isEqualTo(CustomerFeedbackReceivedV1.Verdict.NOT_FRAUD);
            assertThat(feedback.getFirst().transactionId()).isEqualTo(sentTx);

            // every alert request ends in a final state: sent with exactly one message per consented channel, or a
            // recorded reason why nothing could be sent
            Set<String> requested = scored.stream()
                    .filter(t -> Boolean.TRUE.equals(t.alert()))
                    .map(TransactionScoredV1::transactionId)
                    .collect(Collectors.toSet());
            assertThat(requested).contains(sentTx);
            PipelineFixture.await(
                    "every alert request final",
                    Duration.ofSeconds(120),
                    () -> finalStates(fixture, table).keySet().containsAll(requested));
            Map<String, Map<String, AttributeValue>> finals = finalStates(fixture, table);
            assertThat(finals.keySet()).as("alerts without a request").isEqualTo(requested);
            // alert.dispatched follows the record's SENT (a redelivered request finds it done and publishes nothing)
            Set<String> delivered = finals.entrySet().stream()
                    .filter(e -> !e.getValue().get("deliveryState").s().equals("EXPIRED"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            PipelineFixture.await("alert.dispatched for every alert sent", Duration.ofSeconds(60), () -> {
                Map<String, Long> events = onFeedback(fixture, names, AlertDispatchedV1.class).stream()
                        .collect(Collectors.groupingBy(AlertDispatchedV1::transactionId, Collectors.counting()));
                return delivered.stream().allMatch(tx -> events.getOrDefault(tx, 0L) >= 2);
            });
            List<AlertDispatchedV1> allDispatched = onFeedback(fixture, names, AlertDispatchedV1.class);
            for (String tx : requested) {
                Map<String, AttributeValue> item = finals.get(tx);
                List<AlertDispatchedV1> forTx = allDispatched.stream()
                        .filter(d -> d.transactionId().equals(tx))
                        .toList();
                if (item.get("deliveryState").s().equals("EXPIRED")) {
                    assertThat(item)
                            .as("the reason nothing was sent for %s", tx)
                            .containsKey("reason");
                    assertThat(forTx).noneMatch(d -> d.status() == AlertDispatchedV1.Status.SENT);
                } else {
                    assertThat(forTx.stream().map(AlertDispatchedV1::channel).toList())
                            .as("one message per consented channel for %s", tx)
                            .containsExactlyInAnyOrder(
                                    AlertDispatchedV1.NotificationChannel.SMS,
                                    AlertDispatchedV1.NotificationChannel.EMAIL);
                }
            }
            // what moto recorded as sent, read once (the emulator's state dump grows with the whole run's state)
            MotoMessages.Sent recorded = moto.sent();
            Set<String> phones = customers.stream().map(Customer::phone).collect(Collectors.toSet());
            Set<String> addresses = customers.stream().map(Customer::email).collect(Collectors.toSet());
            List<MotoMessages.Sms> ourSms = recorded.sms().stream()
                    .filter(m -> phones.contains(m.phoneNumber()) && !earlierIds.contains(m.messageId()))
                    .toList();
            List<MotoMessages.Email> ourEmails = recorded.emails().stream()
                    .filter(m -> m.to().stream().anyMatch(addresses::contains) && !earlierIds.contains(m.id()))
                    .toList();
            // the first alert's SMS and e-mail under the ids alert.dispatched names: to the customer's phone and
            // address core banking holds, with the core zone's first name and last four
            MotoMessages.Sms sms = ourSms.stream()
                    .filter(m -> m.messageId().equals(dispatched.providerMessageId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SMS " + dispatched.providerMessageId()));
            assertThat(sms.phoneNumber()).isEqualTo(person.phone());
            assertThat(sms.message()).contains(firstName, "ending " + last4, "YES", "NO", "STOP");
            String emailId =
                    byChannel.get(AlertDispatchedV1.NotificationChannel.EMAIL).providerMessageId();
            MotoMessages.Email email = ourEmails.stream()
                    .filter(m -> m.id().equals(emailId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no e-mail " + emailId));
            assertThat(email.to()).containsExactly(person.email());
            assertThat(email.body()).contains(firstName, last4);
            // ... and no other message reached this test's customers than those alert.dispatched names
            Set<String> sentIds = allDispatched.stream()
                    .filter(d -> d.status() == AlertDispatchedV1.Status.SENT)
                    .map(AlertDispatchedV1::providerMessageId)
                    .collect(Collectors.toSet());
            assertThat(ourSms).allSatisfy(m -> assertThat(sentIds).contains(m.messageId()));
            assertThat(ourEmails).allSatisfy(m -> assertThat(sentIds).contains(m.id()));
            assertThat(ourSms.size() + ourEmails.size())
                    .as("one message per SENT alert.dispatched")
                    .isEqualTo(sentIds.size());

            // profiles equal a batch recomputation over the scored events, and carry the upsert's masked identity
            String reader = DevTokens.mint(key, "e2e", List.of("customers:read"), Duration.ofMinutes(30));
            Map<String, List<TransactionScoredV1>> byCustomer = scored.stream()
                    .collect(Collectors.groupingBy(t -> t.customerToken().value()));
            HttpClient http = HttpClient.newHttpClient();
            PipelineFixture.await(
                    "customer-360 has ingested every scored event",
                    Duration.ofSeconds(180),
                    () -> byCustomer.entrySet().stream().allMatch(e -> {
                        JsonNode p = profile(http, c360Url, e.getKey(), reader);
                        return p != null
                                && p.path("windows")
                                                .path("last365")
                                                .path("count")
                                                .asLong()
                                        == e.getValue().size()
                                && p.path("identity").path("zip3").isString();
                    }));
            for (Map.Entry<String, List<TransactionScoredV1>> e : byCustomer.entrySet()) {
                JsonNode p = profile(http, c360Url, e.getKey(), reader);
                List<TransactionScoredV1> mine = e.getValue();
                LocalDate asOf = mine.stream()
                        .map(WholeSuiteIT::day)
                        .max(LocalDate::compareTo)
                        .orElseThrow();
                assertThat(p.get("asOf").asString()).isEqualTo(asOf.toString());
                for (int days : new int[] {30, 365}) {
                    LocalDate from = asOf.minusDays(days - 1L);
                    List<TransactionScoredV1> in = mine.stream()
                            .filter(s -> !day(s).isBefore(from) && !day(s).isAfter(asOf))
                            .toList();
                    JsonNode w = p.get("windows").get("last" + days);
                    assertThat(w.get("count").asLong())
                            .as("count %d of %s", days, e.getKey())
                            .isEqualTo(in.size());
                    assertThat(new BigDecimal(w.get("sum").toString()))
                            .as("sum %d of %s", days, e.getKey())
                            .isEqualByComparingTo(in.stream()
                                    .map(TransactionScoredV1::amount)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add));
                }
                assertThat(p.get("risk").get("alertsRaised").asInt())
                        .as("alerts raised for %s", e.getKey())
                        .isEqualTo((int) mine.stream()
                                .filter(s -> Boolean.TRUE.equals(s.alert()))
                                .count());
                assertThat(p.has("sealed")).isFalse();
            }

            // the scoring API scores a takeover card whose recent history the transformer left in the feature store
            TransactionRecordedV1 last = txs.stream()
                    .filter(t -> t.cardToken().equals(txs.getLast().cardToken()))
                    .max(java.util.Comparator.comparing(TransactionRecordedV1::transactionTime))
                    .orElseThrow();
            String scorer = DevTokens.mint(key, "e2e", List.of("fraud:score"), Duration.ofMinutes(30));
            HttpResponse<String> score = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + scoringPort + "/v1/fraud-scores"))
                            .header("Authorization", "Bearer " + scorer)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"transactionId\":\"e2e-rest-1\",\"cardToken\":\""
                                            + last.cardToken().value() + "\",\"amount\":42.90,\"currency\":\"USD\","
                                            + "\"merchantId\":\"m-5411-e2e\",\"merchantState\":\"CA\",\"merchantZip\":\"94105\","
                                            + "\"mcc\":5411,\"channel\":\"CHIP\",\"transactionTime\":\""
                                            + last.transactionTime().plus(Duration.ofMinutes(2)) + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(score.statusCode()).as(score.body()).isEqualTo(200);
            JsonNode scoreBody = JSON.readTree(score.body());
            assertThat(scoreBody.get("coldStart").asBoolean()).as(score.body()).isFalse();
            assertThat(scoreBody.get("probability").asDouble()).isBetween(0.0, 1.0);

            // leak scan: no loaded customer's personal values anywhere the CDP zone, the messages or the logs reach
            List<String> personalValues = new ArrayList<>();
            for (Customer c : customers) {
                personalValues.addAll(personal(c, cards));
            }
            Map<String, String> places = new LinkedHashMap<>();
            for (CdpResources.Stream stream : CdpResources.Stream.values()) {
                StringBuilder text = new StringBuilder();
                fixture.records(names.stream(stream))
                        .values()
                        .forEach(shard -> shard.forEach(
                                r -> text.append(new String(r.data().asByteArray(), StandardCharsets.UTF_8))));
                places.put("Kinesis " + stream, text.toString());
            }
            places.putAll(lake(fixture, names));
            for (CdpResources.Table t : CdpResources.Table.values()) {
                if (t.zone() == CdpResources.Zone.CDP) {
                    try {
                        places.put("table " + t, items(fixture, names.table(t)).toString());
                    } catch (ResourceNotFoundException absent) {
                        // a table this run's configuration does not use (the KCL mode's leases are per binding)
                    }
                }
            }
            for (CdpResources.Queue q : CdpResources.Queue.values()) {
                places.put("SQS " + q, fixture.drain(q).toString());
            }
            places.put(
                    "SMS bodies",
                    ourSms.stream().map(MotoMessages.Sms::message).toList().toString());
            places.put(
                    "e-mail bodies",
                    ourEmails.stream()
                            .map(m -> m.subject() + "\n" + m.body())
                            .toList()
                            .toString());
            for (ServiceProcess service : services) {
                places.put("log " + service, service.output());
            }
            assertThat(places.get("Kinesis FEEDBACK")).contains(dispatched.alertId());
            assertThat(places.get("table PROFILES"))
                    .contains(pii.tokenizer().customer(person.customerId()).value());
            for (Map.Entry<String, String> place : places.entrySet()) {
                for (String value : personalValues) {
                    assertThat(place.getValue().contains(value))
                            .as("a personal value (%d characters) in %s", value.length(), place.getKey())
                            .isFalse();
                }
            }
        }
    }

    private static Map<String, String> secured(String secret, int port) {
        Map<String, String> p = new HashMap<>();
        p.put("spring.profiles.active", "local");
        p.put("cdp.security.dev-secret", secret);
        if (port != 0) {
            p.put("server.port", Integer.toString(port));
        }
        return p;
    }

    private static @Nullable JsonNode profile(HttpClient http, String base, String customerToken, String bearer) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/v1/customers/" + customerToken))
                            .header("Authorization", "Bearer " + bearer)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** Every lake object as text: Parquet files decoded row by row (their pages may be compressed), others as bytes. */
    private static Map<String, String> lake(PipelineFixture fixture, CdpResources names) {
        String bucket = names.bucket(CdpResources.Bucket.LAKE);
        Map<String, String> out = new LinkedHashMap<>();
        for (S3Object object :
                fixture.s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            byte[] bytes = fixture.s3
                    .getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                    .asByteArray();
            out.put(
                    "lake " + object.key(),
                    object.key().endsWith(".parquet")
                            ? ParquetFiles.read(bytes).toString()
                            : new String(bytes, StandardCharsets.UTF_8));
        }
        assertThat(out).as("lake objects").isNotEmpty();
        return out;
    }

    private static Map<String, Map<String, AttributeValue>> finalStates(PipelineFixture fixture, String table) {
        Map<String, Map<String, AttributeValue>> out = new HashMap<>();
        for (Map<String, AttributeValue> i : items(fixture, table)) {
            if (i.containsKey("deliveryState")
                    && List.of("SENT", "CONFIRMED", "DENIED", "EXPIRED")
                            .contains(i.get("deliveryState").s())) {
                out.put(i.get("transactionId").s(), i);
            }
        }
        return out;
    }

    private static LocalDate day(TransactionScoredV1 s) {
        return s.transactionTime().atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** A customer's personal values but the first name (the one value an alert text may hold, with a last four). */
    static List<String> personal(Customer c, List<Card> cards) {
        List<String> out = new ArrayList<>(
                List.of(c.name(), c.email(), c.phone(), c.phone().substring(1), c.address()));
        cards.stream()
                .filter(card -> card.customerId().equals(c.customerId()))
                .forEach(card -> out.add(card.cardNumber()));
        return out;
    }

    /**
     * The synthetic transactions with each synthetic customer replaced by a loaded one holding at least two cards,
     * and each synthetic card by a distinct card of that customer: the tokens the core zone really issued.
     */
    static List<TransactionRecordedV1> onRealCards(
            List<TransactionRecordedV1> synthetic,
            List<Customer> customers,
            List<Card> cards,
            PiiProtection pii,
            Map<String, Card> cardOf) {
        Deque<String> eligible = new ArrayDeque<>(customers.stream()
                .map(Customer::customerId)
                .filter(id ->
                        cards.stream().filter(c -> c.customerId().equals(id)).count() >= 2)
                .toList());
        Map<String, String> customerMap = new LinkedHashMap<>();
        Map<String, Deque<Card>> unused = new HashMap<>();
        Map<String, Card> cardMap = new HashMap<>();
        List<TransactionRecordedV1> out = new ArrayList<>();
        for (TransactionRecordedV1 t : synthetic) {
            String customerId = customerMap.computeIfAbsent(t.customerToken().value(), k -> {
                assertThat(eligible).as("loaded customers with two cards").isNotEmpty();
                return eligible.removeFirst();
            });
            Card card = cardMap.computeIfAbsent(
                    t.cardToken().value(),
                    k -> unused.computeIfAbsent(
                                    customerId,
                                    id -> new ArrayDeque<>(cards.stream()
                                            .filter(c -> c.customerId().equals(id))
                                            .toList()))
                            .removeFirst());
            Token cardToken = pii.tokenizer().card(card.cardNumber());
            cardOf.put(cardToken.value(), card);
            out.add(new TransactionRecordedV1(
                    t.transactionId(),
                    cardToken,
                    pii.tokenizer().customer(customerId),
                    t.transactionTime(),
                    t.amount(),
                    t.currency(),
                    t.merchantId(),
                    t.merchantCity(),
                    t.merchantState(),
                    t.merchantZip(),
                    t.mcc(),
                    t.channel(),
                    t.errors(),
                    t.fraudLabel()));
        }
        return out;
    }

    private static void load(
            AwsClients clients, CdpResources names, Path dir, List<Customer> customers, List<Card> cards)
            throws Exception {
        Path data = dir.resolve("data");
        // two whole days ending at least 24 h ago: the takeover traffic (the last 20 h) comes after every generated
        // transaction of a card, or the transformer would rightly dead-letter it as a late event
        new TabFormerGenerator(new TabFormerGenerator.Options(
                        USERS, 14, LocalDate.now(ZoneOffset.UTC).minusDays(3), 2))
                .write(data);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink dynamo = new DynamoDbLoadSink(clients.dynamoDb(), names, 2)) {
            new TabFormerLoader(
                            new KeepingLoadSink(dynamo, customers, cards),
                            rejects,
                            new PrintStream(PrintStream.nullOutputStream()))
                    .load(TabFormerLoader.Files3.find(data));
        }
    }

    static <T extends EventPayload> List<T> onFeedback(PipelineFixture fixture, CdpResources names, Class<T> type) {
        List<T> out = new ArrayList<>();
        fixture.records(names.stream(CdpResources.Stream.FEEDBACK))
                .values()
                .forEach(shard -> shard.forEach(r -> {
                    EventPayload payload =
                            fixture.codec.decode(r.data().asByteArray()).payload();
                    if (type.isInstance(payload)) {
                        out.add(type.cast(payload));
                    }
                }));
        return out;
    }

    static List<Map<String, AttributeValue>> items(PipelineFixture fixture, String table) {
        return fixture.dynamoDb.scan(b -> b.tableName(table)).items();
    }

    static List<String> sent(PipelineFixture fixture, String table) {
        return items(fixture, table).stream()
                .filter(i -> i.containsKey("deliveryState")
                        && List.of("SENT", "CONFIRMED")
                                .contains(i.get("deliveryState").s()))
                .map(i -> i.get("transactionId").s())
                .toList();
    }
}
