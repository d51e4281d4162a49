package io.cdp.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.MotoMessages;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.DevTokens;
import io.cdp.training.synthetic.SyntheticModels;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Suspicious transactions in, one alert message out: core-banking-shaped transactions on Kinesis, the transformer's
 * executable jar scores them and requests alerts on SQS, alerting's executable jar (template composer, the local
 * default) sends them; customer-360 and core-banking's contact endpoint are stood in by WireMock answering their
 * contracts (every customer is the same fictional person here). The SMS moto recorded carries the first name and card
 * last four and nothing else personal; the record is SENT; a YES reply by two-way SMS becomes the feedback event on
 * {@code cdp.feedback} and the record CONFIRMED.
 */
@AwsEmulatorTest
class TransactionToAlertIT {

    @Test
    void aSuspiciousTransactionBecomesOneSmsAndTheReplyALabel(
            AwsClients clients, CdpResources names, AwsEmulator emulator) throws Exception {
        SecureRandom random = new SecureRandom();
        String firstName = "Philippa" + Integer.toString(100 + random.nextInt(800), 36);
        String lastName = "Thistlewood";
        String email = firstName.toLowerCase() + ".thistlewood@mail.example.org";
        String phone = String.format("+1555010%d%d", random.nextInt(10), random.nextInt(10));
        String last4 = "" + (5 + random.nextInt(5)) + (5 + random.nextInt(5)) + "8" + (5 + random.nextInt(5));

        WireMockServer stubs = new WireMockServer(options().dynamicPort());
        stubs.start();
        stubs.stubFor(get(urlPathMatching("/v1/customers/.+"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"segment\":null,\"preferredLanguage\":\"en\",\"consents\":{"
                                + "\"fraudAlertsEmail\":{\"granted\":false},\"fraudAlertsSms\":{\"granted\":true}}}")));
        stubs.stubFor(post(urlPathEqualTo("/api/pii/contact"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"firstName\":\"%s\",\"email\":\"%s\",\"phone\":\"%s\",\"cardLast4\":\"%s\"}"
                                .formatted(firstName, email, phone, last4))));

        SyntheticModels.publishLiveFixture(clients.s3(), clients.dynamoDb(), names);
        List<TransactionRecordedV1> txs = SyntheticCardHistory.takeovers(
                7,
                40,
                Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(20)),
                Duration.ofHours(20),
                8,
                0.4);
        Map<String, String> alerting = new HashMap<>();
        alerting.put("spring.profiles.active", "local");
        alerting.put("cdp.security.dev-secret", DevTokens.randomSecret());
        alerting.put("cdp.alerting.customer360", stubs.baseUrl());
        alerting.put("cdp.alerting.core-banking", stubs.baseUrl());
        try (PipelineFixture fixture = new PipelineFixture(clients, names);
                ServiceProcess transformer = ServiceProcess.start(
                        "stream-transformer", "transaction-to-alert", names, emulator, CrashRecoveryIT.TRANSFORMER);
                ServiceProcess alerts =
                        ServiceProcess.start("alerting", "transaction-to-alert-alerting", names, emulator, alerting)) {
            transformer.awaitStarted(CrashRecoveryIT.APP, Duration.ofSeconds(180));
            alerts.awaitStarted("AlertingApplication", Duration.ofSeconds(180));
            fixture.putTransactions(txs);

            String table = names.table(CdpResources.Table.ALERTS);
            PipelineFixture.await(
                    "an alert SENT",
                    Duration.ofSeconds(240),
                    () -> !sent(fixture, table).isEmpty());
            MotoMessages moto = new MotoMessages(emulator.endpoint());
            List<MotoMessages.Sms> sms = moto.smsTo(phone);
            List<String> sentTx = sent(fixture, table);
            assertThat(sms).hasSizeGreaterThanOrEqualTo(1);
            assertThat(moto.emailsTo(email)).as("e-mail consent not granted").isEmpty();
            String text = sms.getFirst().message();
            assertThat(text).contains(firstName, "ending " + last4, "YES", "NO", "STOP");
            for (String other : List.of(lastName, email, phone, phone.substring(1))) {
                assertThat(text).doesNotContain(other);
            }

            // the customer answers YES to the first message
            String messageId = sms.getFirst().messageId();
            try (SnsClient sns = clients.sns()) {
                String topic = sns.createTopic(b -> b.name(names.topic(CdpResources.Topic.SMS_INBOUND)))
                        .topicArn();
                sns.publish(b -> b.topicArn(topic)
                        .message("{\"originationNumber\":\"" + phone + "\",\"destinationNumber\":\"+15550100\","
                                + "\"messageKeyword\":\"KEYWORD\",\"messageBody\":\"Y\",\"inboundMessageId\":\"in-"
                                + random.nextInt(1_000_000) + "\",\"previousPublishedMessageId\":\"" + messageId
                                + "\"}"));
            }
            PipelineFixture.await(
                    "an alert CONFIRMED",
                    Duration.ofSeconds(60),
                    () -> items(fixture, table).stream()
                            .anyMatch(i -> i.containsKey("deliveryState")
                                    && i.get("deliveryState").s().equals("CONFIRMED")));
            List<CustomerFeedbackReceivedV1> feedback = new ArrayList<>();
            PipelineFixture.await("the feedback event", Duration.ofSeconds(60), () -> {
                feedback.clear();
                fixture.records(names.stream(CdpResources.Stream.FEEDBACK))
                        .values()
                        .forEach(shard -> shard.forEach(r -> feedback.add(fixture.codec
                                .decode(r.data().asByteArray())
                                .payloadAs(CustomerFeedbackReceivedV1.class))));
                return !feedback.isEmpty();
            });
            assertThat(feedback).hasSize(1);
            assertThat(feedback.getFirst().verdict()).isEqualTo(CustomerFeedbackReceivedV1.Verdict.NOT_FRAUD);
            String confirmed = items(fixture, table).stream()
                    .filter(i -> i.containsKey("deliveryState")
                            && i.get("deliveryState").s().equals("CONFIRMED"))
                    .map(i -> i.get("transactionId").s())
                    .findFirst()
                    .orElseThrow();
            assertThat(feedback.getFirst().transactionId()).isEqualTo(confirmed);
            assertThat(sentTx).isNotEmpty();
        } finally {
            stubs.stop();
        }
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
