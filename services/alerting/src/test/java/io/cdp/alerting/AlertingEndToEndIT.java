package io.cdp.alerting;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cdp.alerting.support.ConverseStub;
import io.cdp.alerting.support.TestAlerts;
import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.MotoMessages;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.AlertDispatchedV1;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.EventPayload;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.sns.SnsClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Must-show path against the emulator, with customer-360, core-banking and Bedrock stood in by WireMock answering
 * their contracts: an alert request on SQS becomes one SMS (SNS) and one e-mail (SES) as moto recorded them, with the
 * customer's real first name and card last four and no other personal data; the record is SENT; a duplicate request
 * sends nothing; a YES by two-way SMS and a NO from the app become feedback events on cdp.feedback and the records
 * CONFIRMED and DENIED. Then the PII-leak scan over every Converse request body, the alerts table and the logs.
 */
@AwsEmulatorTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertingEndToEndIT {

    static final String SECRET = DevTokens.randomSecret();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SecureRandom RANDOM = new SecureRandom();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A fictional customer of the core zone (phone in +1 555 01xx, reserved for fiction). */
    record Person(String firstName, String lastName, String email, String phone, String cardNumber, String street) {
        String last4() {
            return cardNumber.substring(cardNumber.length() - 4);
        }

        List<String> otherPii() {
            return List.of(lastName, email, phone, cardNumber, street, phone.substring(1));
        }
    }

    static Person person() {
        String suffix = Integer.toString(100 + RANDOM.nextInt(800), 36);
        String first = "Ottilie" + suffix;
        String last = "Vanderquist" + suffix;
        // last four without digits that other message parts (amount 734.20, dates) could contain by chance
        String last4 = "" + (char) ('5' + RANDOM.nextInt(5)) + (char) ('5' + RANDOM.nextInt(5)) + "8"
                + (char) ('5' + RANDOM.nextInt(5));
        return new Person(
                first,
                last,
                first.toLowerCase() + "." + last.toLowerCase() + "@mail.example.org",
                String.format("+1555010%d%d", RANDOM.nextInt(10), RANDOM.nextInt(10)),
                "455673758689" + last4,
                RANDOM.nextInt(9000) + 100 + " Larkspur Crescent");
    }

    WireMockServer stubs;
    ConfigurableApplicationContext app;
    CdpResources names;
    AwsEmulator emulator;
    PipelineFixture fixture;
    MotoMessages moto;
    EventCodec codec = new EventCodec();
    int port;

    @BeforeAll
    void start(AwsClients clients, CdpResources names, AwsEmulator emulator) {
        this.names = names;
        this.emulator = emulator;
        this.fixture = new PipelineFixture(clients, names);
        this.moto = new MotoMessages(emulator.endpoint());
        stubs = new WireMockServer(options().dynamicPort());
        stubs.start();
        stubs.stubFor(post(urlPathMatching(ConverseStub.PATH))
                .withRequestBody(containing("channel: SMS"))
                .willReturn(okJson(ConverseStub.response(
                        "CDP Bank: Hi {{FIRST_NAME}}, we saw a USD 734.20 payment at an electronics store in"
                                + " Springfield on your card ending {{CARD_LAST4}}. Was it you? Reply YES if it was or"
                                + " NO if it was not. Reply HELP for help, STOP to opt out.",
                        "end_turn",
                        401,
                        61))));
        stubs.stubFor(post(urlPathMatching(ConverseStub.PATH))
                .withRequestBody(containing("channel: EMAIL"))
                .willReturn(okJson(ConverseStub.response(
                        // the model tried a link: validation sends the template instead
                        "Subject: Unusual payment\nHi {{FIRST_NAME}}, please verify at https://bank-verify.example.net"
                                + " whether your card ending {{CARD_LAST4}} paid. Answer in the CDP Bank app.",
                        "end_turn",
                        433,
                        40))));
        Map<String, Object> p = new HashMap<>(emulator.springProperties());
        p.put("spring.profiles.active", "local");
        p.put("cdp.aws.endpoint", emulator.endpoint().toString());
        p.put("cdp.aws.namespace", names.namespace());
        p.put("server.port", "0");
        p.put("cdp.security.dev-secret", SECRET);
        p.put("cdp.alerting.composer", "bedrock");
        p.put("cdp.alerting.bedrock.endpoint", stubs.baseUrl());
        p.put("cdp.alerting.bedrock.guardrail-id", "gr-cdp-alerts");
        p.put("cdp.alerting.bedrock.guardrail-version", "1");
        p.put("cdp.alerting.customer360", stubs.baseUrl());
        p.put("cdp.alerting.core-banking", stubs.baseUrl());
        p.put("logging.structured.format.console", "");
        app = new SpringApplicationBuilder(AlertingApplication.class)
                .run(p.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        if (app != null) app.close();
        if (stubs != null) stubs.stop();
        if (fixture != null) fixture.close();
    }

    /** customer-360's profile (masked; consents) and core-banking's audited contact answer for one customer. */
    void standIn(FraudAlertRequestedV1 request, Person person) {
        stubs.stubFor(
                get(urlPathEqualTo("/v1/customers/" + request.customerToken().value()))
                        .withHeader("Authorization", matching("Bearer .+"))
                        .willReturn(okJson("""
                        {"customerToken":"%s","segment":{"name":"Champions","cluster":3,"description":"best",
                         "modelVersion":"seg-1"},"preferredLanguage":"en",
                         "consents":{"fraudAlertsEmail":{"granted":true,"updatedAt":"2026-12-01T10:00:00Z"},
                                     "fraudAlertsSms":{"granted":true,"updatedAt":"2026-12-01T10:00:00Z"},
                                     "marketingEmail":{"granted":false,"updatedAt":"2026-12-01T10:00:00Z"},
                                     "marketingSms":{"granted":false,"updatedAt":"2026-12-01T10:00:00Z"}},
                         "nextBestAction":null,"lastFraudAlertAt":null,"version":3,"updatedAt":"2026-12-01T10:00:00Z"}
                        """.formatted(request.customerToken().value()))));
        stubs.stubFor(post(urlPathEqualTo("/api/pii/contact"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withRequestBody(matchingJsonPath(
                        "$.customerToken", matching(request.customerToken().value())))
                .withRequestBody(matchingJsonPath("$.purpose", matching("FRAUD_ALERT_DELIVERY")))
                .willReturn(okJson("""
                        {"firstName":"%s","email":"%s","phone":"%s","cardLast4":"%s"}
                        """.formatted(person.firstName(), person.email(), person.phone(), person.last4()))));
    }

    void send(FraudAlertRequestedV1 request) {
        String body = new String(
                codec.encode(
                        Envelope.of("stream-transformer", request.cardToken().value(), Instant.now(), request)),
                StandardCharsets.UTF_8);
        String url = fixture.sqs
                .getQueueUrl(b -> b.queueName(names.queue(CdpResources.Queue.FRAUD_ALERTS)))
                .queueUrl();
        fixture.sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
    }

    Map<String, AttributeValue> alertItem(String transactionId) {
        return fixture.dynamoDb
                .getItem(b -> b.tableName(names.table(CdpResources.Table.ALERTS))
                        .key(Map.of("transactionId", AttributeValue.fromS(transactionId)))
                        .consistentRead(true))
                .item();
    }

    String state(String transactionId) {
        Map<String, AttributeValue> item = alertItem(transactionId);
        return item == null || !item.containsKey("deliveryState")
                ? ""
                : item.get("deliveryState").s();
    }

    List<CustomerFeedbackReceivedV1> feedback() {
        return onFeedbackStream(CustomerFeedbackReceivedV1.class);
    }

    /** cdp.feedback carries the answers and the alert.dispatched events: each reader picks its type. */
    <T extends EventPayload> List<T> onFeedbackStream(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (List<Record> shard :
                fixture.records(names.stream(CdpResources.Stream.FEEDBACK)).values()) {
            for (Record r : shard) {
                EventPayload payload = codec.decode(r.data().asByteArray()).payload();
                if (type.isInstance(payload)) {
                    out.add(type.cast(payload));
                }
            }
        }
        return out;
    }

    List<AlertDispatchedV1> dispatched(String alertId) {
        return onFeedbackStream(AlertDispatchedV1.class).stream()
                .filter(d -> d.alertId().equals(alertId))
                .toList();
    }

    HttpResponse<String> call(String method, String path, String body, List<String> scopes) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (scopes != null) {
            b.header(
                    "Authorization",
                    "Bearer " + DevTokens.mint(DevTokens.key(SECRET), "bank-app", scopes, Duration.ofMinutes(5)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void suspiciousTransactionToOneMessagePerChannelThenAnswersBecomeLabels(CapturedOutput logs) throws Exception {
        Person alice = person();
        FraudAlertRequestedV1 first = TestAlerts.request("Springfield", alice.last4());
        standIn(first, alice);
        send(first);

        PipelineFixture.await("alert SENT", Duration.ofSeconds(60), () -> "SENT".equals(state(first.transactionId())));
        List<MotoMessages.Sms> sms = moto.smsTo(alice.phone());
        List<MotoMessages.Email> emails = moto.emailsTo(alice.email());
        assertThat(sms).hasSize(1);
        assertThat(emails).hasSize(1);
        String text = sms.getFirst().message();
        assertThat(text)
                .contains(alice.firstName())
                .contains("ending " + alice.last4())
                .contains("YES", "NO", "STOP");
        assertThat(text).doesNotContain("{{").doesNotContain("}}");
        MotoMessages.Email email = emails.getFirst();
        assertThat(email.to()).containsExactly(alice.email());
        assertThat(email.source()).isEqualTo("alerts@bank.example");
        assertThat(email.body())
                .contains(alice.firstName())
                .contains(alice.last4())
                .contains("app");
        // the model's e-mail had a link: the template went out instead, and the record says why
        assertThat(email.body()).doesNotContain("bank-verify");
        for (String pii : alice.otherPii()) {
            assertThat(text).doesNotContain(pii);
            assertThat(email.subject() + email.body()).doesNotContain(pii);
        }
        Map<String, AttributeValue> item = alertItem(first.transactionId());
        List<Map<String, AttributeValue>> compositions = item.get("deliveryCompositions").l().stream()
                .map(AttributeValue::m)
                .toList();
        assertThat(compositions).hasSize(2);
        Map<String, AttributeValue> smsComposition = compositions.stream()
                .filter(c -> c.get("channel").s().equals("SMS"))
                .findFirst()
                .orElseThrow();
        assertThat(smsComposition.get("composer").s()).isEqualTo("bedrock");
        assertThat(smsComposition.get("modelId").s()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(smsComposition.get("tokensIn").n()).isEqualTo("401");
        assertThat(smsComposition.get("tokensOut").n()).isEqualTo("61");
        Map<String, AttributeValue> emailComposition = compositions.stream()
                .filter(c -> c.get("channel").s().equals("EMAIL"))
                .findFirst()
                .orElseThrow();
        assertThat(emailComposition.get("composer").s()).isEqualTo("template");
        assertThat(emailComposition.get("fallbackReason").s()).isEqualTo("validation:no-url");
        // the transformer's own claim mark is untouched by the delivery record
        assertThat(item).doesNotContainKey("status");

        // one alert.dispatched per message handed over, saying how each was composed
        PipelineFixture.await(
                "two alert.dispatched events",
                Duration.ofSeconds(30),
                () -> dispatched(first.alertId()).size() >= 2);
        assertThat(dispatched(first.alertId()))
                .extracting(d -> String.join(
                        "|",
                        d.channel().name(),
                        d.composer().name(),
                        d.status().name(),
                        String.valueOf(d.model()),
                        String.valueOf(d.fallbackReason())))
                .containsExactlyInAnyOrder(
                        "SMS|BEDROCK|SENT|us.anthropic.claude-haiku-4-5-20251001-v1:0|null",
                        "EMAIL|TEMPLATE|SENT|template|validation:no-url");
        assertThat(dispatched(first.alertId()))
                .allSatisfy(d -> {
                    assertThat(d.transactionId()).isEqualTo(first.transactionId());
                    assertThat(d.customerToken()).isEqualTo(first.customerToken());
                    assertThat(d.dispatchedAt()).isAfterOrEqualTo(first.requestedAt());
                })
                .extracting(AlertDispatchedV1::providerMessageId)
                .contains(sms.getFirst().messageId());

        // a duplicate request (the transformer's crash window resends the same alert id) sends nothing
        send(first);
        Thread.sleep(4000);
        assertThat(moto.smsTo(alice.phone())).hasSize(1);
        assertThat(moto.emailsTo(alice.email())).hasSize(1);
        assertThat(dispatched(first.alertId())).as("no second alert.dispatched").hasSize(2);

        // the customer answers YES by SMS: End User Messaging publishes the reply on the inbound topic
        try (SnsClient sns = emulator.clients().sns()) {
            String topicArn = sns.createTopic(b -> b.name(names.topic(CdpResources.Topic.SMS_INBOUND)))
                    .topicArn();
            String reply = JSON.writeValueAsString(Map.of(
                    "originationNumber",
                    alice.phone(),
                    "destinationNumber",
                    "+15550100",
                    "messageKeyword",
                    "KEYWORD_ACCOUNT",
                    "messageBody",
                    "Yse",
                    "inboundMessageId",
                    java.util.UUID.randomUUID().toString(),
                    "previousPublishedMessageId",
                    sms.getFirst().messageId()));
            sns.publish(b -> b.topicArn(topicArn).message(reply));
        }
        PipelineFixture.await(
                "alert CONFIRMED", Duration.ofSeconds(30), () -> "CONFIRMED".equals(state(first.transactionId())));
        PipelineFixture.await(
                "feedback event",
                Duration.ofSeconds(30),
                () -> feedback().stream().anyMatch(f -> f.alertId().equals(first.alertId())));
        CustomerFeedbackReceivedV1 yes = feedback().stream()
                .filter(f -> f.alertId().equals(first.alertId()))
                .findFirst()
                .orElseThrow();
        assertThat(yes.verdict()).isEqualTo(CustomerFeedbackReceivedV1.Verdict.NOT_FRAUD);
        assertThat(yes.channel()).isEqualTo(CustomerFeedbackReceivedV1.FeedbackChannel.SMS);
        assertThat(yes.customerToken()).isEqualTo(first.customerToken());

        // a second customer answers NO in the bank's app
        Person bob = person();
        FraudAlertRequestedV1 second = TestAlerts.request("Shelbyville", bob.last4());
        standIn(second, bob);
        send(second);
        PipelineFixture.await(
                "second SENT", Duration.ofSeconds(60), () -> "SENT".equals(state(second.transactionId())));
        String path = "/v1/alerts/" + second.alertId() + "/response";
        assertThat(call("POST", path, "{\"answer\":\"NO\"}", null).statusCode()).isEqualTo(401);
        assertThat(call("POST", path, "{\"answer\":\"NO\"}", List.of("alerts:read"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("POST", path, "{\"answer\":\"MAYBE\"}", List.of("alerts:respond"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> denied = call("POST", path, "{\"answer\":\"NO\"}", List.of("alerts:respond"));
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(denied.body()).get("state").asString()).isEqualTo("DENIED");
        assertThat(state(second.transactionId())).isEqualTo("DENIED");
        assertThat(call("POST", path, "{\"answer\":\"YES\"}", List.of("alerts:respond"))
                        .statusCode())
                .isEqualTo(409);
        assertThat(call("POST", "/v1/alerts/alert-nope/response", "{\"answer\":\"NO\"}", List.of("alerts:respond"))
                        .statusCode())
                .isEqualTo(404);
        PipelineFixture.await(
                "second feedback",
                Duration.ofSeconds(30),
                () -> feedback().stream().anyMatch(f -> f.alertId().equals(second.alertId())));
        assertThat(feedback().stream()
                        .filter(f -> f.alertId().equals(second.alertId()))
                        .map(CustomerFeedbackReceivedV1::verdict)
                        .distinct())
                .containsExactly(CustomerFeedbackReceivedV1.Verdict.CONFIRMED_FRAUD);

        // PII-leak scan: every Converse request body, every item of the alerts table, the service's logs
        List<String> pii = new ArrayList<>();
        for (Person p : List.of(alice, bob)) {
            pii.add(p.firstName());
            pii.addAll(p.otherPii());
        }
        List<LoggedRequest> prompts = ConverseStub.requests(stubs);
        assertThat(prompts).hasSizeGreaterThanOrEqualTo(4);
        for (LoggedRequest prompt : prompts) {
            assertThat(prompt.getBodyAsString()).contains("{{FIRST_NAME}}");
            for (String value : pii) {
                assertThat(prompt.getBodyAsString()).as("prompt").doesNotContain(value);
            }
        }
        String feedbackStream = onFeedbackStream(EventPayload.class).toString();
        assertThat(feedbackStream).contains(first.alertId());
        for (String value : pii) {
            assertThat(feedbackStream)
                    .as("cdp.feedback (answers and alert.dispatched)")
                    .doesNotContain(value);
        }
        String table = fixture.dynamoDb
                .scan(b -> b.tableName(names.table(CdpResources.Table.ALERTS)))
                .items()
                .toString();
        assertThat(table).contains(first.alertId());
        for (String value : pii) {
            assertThat(table).as("alerts table").doesNotContain(value);
            assertThat(logs.getAll()).as("logs").doesNotContain(value);
        }
        assertThat(logs.getAll()).contains(first.alertId());
    }
}
