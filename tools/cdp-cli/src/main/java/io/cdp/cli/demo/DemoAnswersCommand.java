package io.cdp.cli.demo;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.cli.CliAws;
import io.cdp.cli.scoring.TokenMain;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.Record;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./cdp demo}'s customers: every alert that reached a customer is answered as that customer would, from the
 * generated data's truth (a fraud is denied: "NO, I did not make this payment"; a genuine purchase is confirmed), through
 * the two real answer paths: an SMS reply in AWS End User Messaging's two-way JSON, published to the inbound topic
 * (correlated by the id of the SMS it answers), and the bank's app calling alerting's
 * {@code POST /v1/alerts/{alertId}/response}. One customer in {@code --silent-every} stays silent, as some do.
 */
@Command(
        name = "answers",
        description = "The demo's customers answer the alerts they received (SMS replies and app answers, from the"
                + " generated truth) (--alerting URL [--silent-every N])")
public final class DemoAnswersCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(
            names = "--alerting",
            description = "the alerting service's base URL",
            defaultValue = "http://127.0.0.1:8084")
    URI alerting = URI.create("http://127.0.0.1:8084");

    @Option(names = "--silent-every", description = "every Nth alert is left unanswered (0: none)", defaultValue = "5")
    int silentEvery = 5;

    @Option(
            names = "--wait-seconds",
            description = "how long to wait for every alert request to be delivered or refused, then for the answers"
                    + " to reach cdp.feedback",
            defaultValue = "180")
    int waitSeconds = 180;

    @Override
    public Integer call() throws Exception {
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        int pending;
        while ((pending = undelivered(clients, names)) > 0 && System.nanoTime() < deadline) {
            System.err.println("answers: " + pending + " alert request(s) not delivered yet");
            Thread.sleep(3_000);
        }
        if (pending > 0) {
            System.err.println("answers: " + pending + " alert request(s) still undelivered after " + waitSeconds
                    + " s; see .cdp/stack/alerting.log");
        }
        Map<String, Boolean> fraud = new HashMap<>();
        try (PipelineFixture streams = new PipelineFixture(clients, names)) {
            for (List<Record> shard : streams.records(names.stream(CdpResources.Stream.CORE_TRANSACTIONS))
                    .values()) {
                for (Record r : shard) {
                    TransactionRecordedV1 tx = streams.codec
                            .decode(r.data().asByteArray(), TransactionRecordedV1.class)
                            .payload();
                    fraud.put(tx.transactionId(), Boolean.TRUE.equals(tx.fraudLabel()));
                }
            }
        }
        String topicArn = clients.sns()
                .createTopic(b -> b.name(names.topic(CdpResources.Topic.SMS_INBOUND)))
                .topicArn();
        String appToken = DevTokens.mint(
                DevTokens.keyFromFile(TokenMain.keyFile()),
                "demo-bank-app",
                List.of("alerts:respond"),
                Duration.ofMinutes(10),
                DevTokens.AUDIENCE);
        HttpClient http = HttpClient.newHttpClient();
        int sms = 0, app = 0, silent = 0, refused = 0, seen = 0;
        for (Map<String, AttributeValue> alert : DemoAlerts.scan(clients, names)) {
            if (!"SENT".equals(DemoAlerts.text(alert, "deliveryState"))) {
                continue;
            }
            seen++;
            if (silentEvery > 0 && seen % silentEvery == 0) {
                silent++;
                continue;
            }
            String transactionId = DemoAlerts.text(alert, "transactionId");
            // YES: "I made this payment"; NO: "I did not" (the alert's own wording)
            String answer = Boolean.TRUE.equals(fraud.get(transactionId)) ? "NO" : "YES";
            Map<String, String> messageIds = DemoAlerts.messageIds(alert);
            if (messageIds.containsKey("SMS")) {
                Map<String, Object> inbound = new HashMap<>();
                inbound.put("originationNumber", "+15555550100");
                inbound.put("destinationNumber", "+18005550199");
                inbound.put("messageKeyword", "KEYWORD_DEMO");
                // people answer in their own way: the parser takes case, spacing and small typos
                inbound.put("messageBody", seen % 3 == 0 ? answer.toLowerCase(Locale.ROOT) + " " : answer);
                inbound.put("inboundMessageId", "demo-inbound-" + transactionId);
                inbound.put("previousPublishedMessageId", messageIds.get("SMS"));
                String body = JSON.writeValueAsString(inbound);
                clients.sns().publish(b -> b.topicArn(topicArn).message(body));
                sms++;
            } else {
                String alertId = DemoAlerts.text(alert, "deliveryAlertId");
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(alerting.resolve("/v1/alerts/" + alertId + "/response"))
                                .header("Authorization", "Bearer " + appToken)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"answer\":\"" + answer + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    app++;
                } else {
                    refused++;
                    System.err.println("answers: the app's answer to alert " + alertId + " got HTTP " + r.statusCode()
                            + ": " + r.body());
                }
            }
        }
        int expected = sms + app;
        int arrived;
        while ((arrived = feedbackEvents(clients, names)) < expected && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
        }
        System.err.println("answers: " + arrived + " of " + expected + " answers on cdp.feedback");
        System.out.printf(
                Locale.ROOT,
                "answers sent=%d sms_replies=%d app_answers=%d silent=%d refused=%d%n",
                seen,
                sms,
                app,
                silent,
                refused);
        return refused == 0 ? 0 : 1;
    }

    /** Alert records neither sent (or answered) nor refused with a reason yet. */
    private static int undelivered(AwsClients clients, CdpResources names) {
        int n = 0;
        for (Map<String, AttributeValue> alert : DemoAlerts.scan(clients, names)) {
            String state = DemoAlerts.text(alert, "deliveryState");
            boolean done = state != null && !state.equals("REQUESTED") && !state.equals("COMPOSED");
            if (!done && DemoAlerts.text(alert, "deliveryReason") == null) {
                n++;
            }
        }
        return n;
    }

    /**
     * The customers' answers on the feedback stream; alerting's {@code alert.dispatched.v1} events share it, and
     * counting them made the wait end before the answers arrived ("3 of 1 answers").
     */
    private static int feedbackEvents(AwsClients clients, CdpResources names) {
        try (PipelineFixture streams = new PipelineFixture(clients, names)) {
            return (int) streams.records(names.stream(CdpResources.Stream.FEEDBACK)).values().stream()
                    .flatMap(List::stream)
                    .filter(r -> streams.codec.decode(r.data().asByteArray()).payload()
                            instanceof CustomerFeedbackReceivedV1)
                    .count();
        }
    }
}
