package io.cdp.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.MotoMessages;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.core.extraction.ExtractionOptions;
import io.cdp.core.extraction.ExtractionRunner;
import io.cdp.core.extraction.ExtractionStatus;
import io.cdp.core.loading.DynamoDbLoadSink;
import io.cdp.core.loading.LoadSink;
import io.cdp.core.loading.RejectReport;
import io.cdp.core.loading.TabFormerLoader;
import io.cdp.core.tabformer.Card;
import io.cdp.core.tabformer.Customer;
import io.cdp.core.tabformer.Transaction;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.datagen.TabFormerGenerator;
import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.pii.PiiProtection;
import io.cdp.pii.crypto.DataKeyCache;
import io.cdp.service.security.DevTokens;
import io.cdp.training.synthetic.SyntheticModels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Suspicious transactions in, one alert message out, with the core zone real: generated customers (fictional phones)
 * loaded into core banking's tables and extracted (which indexes the tokens handed out), takeover-shaped transactions
 * on those customers' card tokens on Kinesis, the transformer's executable jar scores them and requests alerts on
 * SQS, alerting's executable jar (template composer, the local default) asks core-banking's executable jar for the
 * contact over {@code POST /api/pii/contact} and sends. customer-360 is still stood in by WireMock (SMS consent only).
 * The SMS moto recorded goes to the customer's real phone with their real first name and card last four and nothing
 * else personal; the record is SENT; {@code alert.dispatched.v1} says so on {@code cdp.feedback}; a YES reply by
 * two-way SMS becomes the feedback event and the record CONFIRMED. No loaded customer's personal values appear on
 * {@code cdp.feedback} or in the services' logs.
 */
@AwsEmulatorTest
class TransactionToAlertIT {

    /** takeovers() makes 40 cards, two per customer: 20 loaded customers with two cards or more are needed. */
    private static final int USERS = 40;

    @Test
    void aSuspiciousTransactionBecomesOneSmsWithCoreZoneValuesAndTheReplyALabel(
            AwsClients clients, CdpResources names, AwsEmulator emulator, @TempDir Path dir) throws Exception {
        SecureRandom random = new SecureRandom();
        WireMockServer customer360 = new WireMockServer(options().dynamicPort());
        customer360.start();
        customer360.stubFor(get(urlPathMatching("/v1/customers/.+"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"segment\":null,\"preferredLanguage\":\"en\",\"consents\":{"
                                + "\"fraudAlertsEmail\":{\"granted\":false},\"fraudAlertsSms\":{\"granted\":true}}}")));

        String secret = DevTokens.randomSecret();
        int corePort = ServiceProcess.freePort();
        Map<String, String> core = new HashMap<>();
        core.put("spring.profiles.active", "local");
        core.put("cdp.security.dev-secret", secret);
        core.put("server.port", Integer.toString(corePort));
        Map<String, String> alerting = new HashMap<>();
        alerting.put("spring.profiles.active", "local");
        alerting.put("cdp.security.dev-secret", secret);
        alerting.put("cdp.alerting.customer360", customer360.baseUrl());
        alerting.put("cdp.alerting.core-banking", "http://127.0.0.1:" + corePort);

        SyntheticModels.publishLiveFixture(clients.s3(), clients.dynamoDb(), names);
        try (PipelineFixture fixture = new PipelineFixture(clients, names);
                ServiceProcess coreBanking =
                        ServiceProcess.start("core-banking", "transaction-to-alert-core", names, emulator, core);
                ServiceProcess transformer = ServiceProcess.start(
                        "stream-transformer", "transaction-to-alert", names, emulator, CrashRecoveryIT.TRANSFORMER);
                ServiceProcess alerts =
                        ServiceProcess.start("alerting", "transaction-to-alert-alerting", names, emulator, alerting)) {
            // the core zone, meanwhile: generated customers loaded and extracted (tokens indexed, data keys made)
            List<Customer> customers = new ArrayList<>();
            List<Card> cards = new ArrayList<>();
            load(clients, names, dir, customers, cards);
            PiiProtection pii = PiiProtection.fromAws(clients, names, DataKeyCache.Limits.DEFAULT, null);
            try (ExtractionRunner runner = ExtractionRunner.fromAws(clients, names, pii, dir.resolve("work"))) {
                ExtractionStatus status = runner.runNow(new ExtractionOptions(0.05, 0, false, false));
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
            alerts.awaitStarted("AlertingApplication", Duration.ofSeconds(180));
            fixture.putTransactions(txs);

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
                    .orElseThrow();
            Customer person = customers.stream()
                    .filter(c -> c.customerId().equals(card.customerId()))
                    .findFirst()
                    .orElseThrow();
            String firstName = person.name().split(" ")[0];
            String last4 = card.cardNumber().substring(card.cardNumber().length() - 4);

            // alert.dispatched.v1 for that alert on cdp.feedback names the provider's message id of its SMS
            PipelineFixture.await(
                    "alert.dispatched for " + sentTx,
                    Duration.ofSeconds(30),
                    () -> onFeedback(fixture, names, AlertDispatchedV1.class).stream()
                            .anyMatch(d -> d.transactionId().equals(sentTx)));
            List<AlertDispatchedV1> forSentTx = onFeedback(fixture, names, AlertDispatchedV1.class).stream()
                    .filter(d -> d.transactionId().equals(sentTx))
                    .toList();
            assertThat(forSentTx)
                    .as("one message, one event (SMS consent only)")
                    .hasSize(1);
            AlertDispatchedV1 dispatched = forSentTx.getFirst();
            assertThat(dispatched.channel()).isEqualTo(AlertDispatchedV1.NotificationChannel.SMS);
            assertThat(dispatched.composer()).isEqualTo(AlertDispatchedV1.Composer.TEMPLATE);
            assertThat(dispatched.status()).isEqualTo(AlertDispatchedV1.Status.SENT);
            assertThat(dispatched.customerToken()).isEqualTo(pii.tokenizer().customer(person.customerId()));

            // the SMS moto recorded under that id: to the customer's phone, with the core zone's first name and last 4
            MotoMessages moto = new MotoMessages(emulator.endpoint());
            List<MotoMessages.Sms> toPerson = moto.smsTo(person.phone());
            MotoMessages.Sms sms = toPerson.stream()
                    .filter(m -> m.messageId().equals(dispatched.providerMessageId()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SMS " + dispatched.providerMessageId() + " to the phone "
                            + "core banking holds for the customer (" + toPerson.size() + " others)"));
            assertThat(moto.emailsTo(person.email()))
                    .as("e-mail consent not granted")
                    .isEmpty();
            String text = sms.message();
            assertThat(text).contains(firstName, "ending " + last4, "YES", "NO", "STOP");
            for (String other : personal(person, cards)) {
                assertThat(text).doesNotContain(other);
            }

            // the customer answers YES to that message
            try (SnsClient sns = clients.sns()) {
                String topic = sns.createTopic(b -> b.name(names.topic(CdpResources.Topic.SMS_INBOUND)))
                        .topicArn();
                sns.publish(b -> b.topicArn(topic)
                        .message("{\"originationNumber\":\"" + person.phone()
                                + "\",\"destinationNumber\":\"+15550100\","
                                + "\"messageKeyword\":\"KEYWORD\",\"messageBody\":\"Y\",\"inboundMessageId\":\"in-"
                                + random.nextInt(1_000_000) + "\",\"previousPublishedMessageId\":\"" + sms.messageId()
                                + "\"}"));
            }
            PipelineFixture.await(
                    "an alert CONFIRMED",
                    Duration.ofSeconds(60),
                    () -> items(fixture, table).stream()
                            .anyMatch(i -> i.containsKey("deliveryState")
                                    && i.get("deliveryState").s().equals("CONFIRMED")));
            PipelineFixture.await(
                    "the feedback event",
                    Duration.ofSeconds(60),
                    () -> !onFeedback(fixture, names, CustomerFeedbackReceivedV1.class)
                            .isEmpty());
            List<CustomerFeedbackReceivedV1> feedback = onFeedback(fixture, names, CustomerFeedbackReceivedV1.class);
            assertThat(feedback).hasSize(1);
            assertThat(feedback.getFirst().verdict()).isEqualTo(CustomerFeedbackReceivedV1.Verdict.NOT_FRAUD);
            String confirmed = items(fixture, table).stream()
                    .filter(i -> i.containsKey("deliveryState")
                            && i.get("deliveryState").s().equals("CONFIRMED"))
                    .map(i -> i.get("transactionId").s())
                    .findFirst()
                    .orElseThrow();
            assertThat(feedback.getFirst().transactionId()).isEqualTo(confirmed).isEqualTo(dispatched.transactionId());

            // leak scan: no loaded customer's personal values on cdp.feedback (answers and alert.dispatched), in the
            // alerts table or in any of the three services' logs
            List<String> personalValues = new ArrayList<>();
            for (Customer c : customers) {
                personalValues.addAll(personal(c, cards));
            }
            String feedbackStream =
                    onFeedback(fixture, names, EventPayload.class).toString();
            String alertsTable = items(fixture, table).toString();
            assertThat(feedbackStream).contains(dispatched.alertId());
            for (String value : personalValues) {
                assertThat(feedbackStream).as("cdp.feedback").doesNotContain(value);
                assertThat(alertsTable).as("alerts table").doesNotContain(value);
                for (ServiceProcess service : List.of(coreBanking, transformer, alerts)) {
                    assertThat(service.output()).as("a service log").doesNotContain(value);
                }
            }
        } finally {
            customer360.stop();
        }
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
        new TabFormerGenerator(new TabFormerGenerator.Options(
                        USERS, 14, LocalDate.now().minusDays(2), 2))
                .write(data);
        try (RejectReport rejects = new RejectReport(dir.resolve("rejects.jsonl"));
                DynamoDbLoadSink dynamo = new DynamoDbLoadSink(clients.dynamoDb(), names, 2)) {
            new TabFormerLoader(
                            new LoadSink() {
                                @Override
                                public void customer(Customer c) {
                                    customers.add(c);
                                    dynamo.customer(c);
                                }

                                @Override
                                public void card(Card c) {
                                    cards.add(c);
                                    dynamo.card(c);
                                }

                                @Override
                                public void transaction(Transaction t) {
                                    dynamo.transaction(t);
                                }

                                @Override
                                public void flush() {
                                    dynamo.flush();
                                }
                            },
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
