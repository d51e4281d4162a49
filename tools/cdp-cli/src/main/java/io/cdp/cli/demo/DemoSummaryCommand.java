package io.cdp.cli.demo;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.cli.CliAws;
import io.cdp.cli.scoring.TokenMain;
import io.cdp.events.payload.CustomerFeedbackReceivedV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.DevTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.model.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of {@code ./cdp demo}'s summary that the fraud evaluation does not print: alerts by channel and state with
 * how they were composed, one message as the customer saw it (what the emulator's SNS or SES recorded), the answers
 * that came back on {@code cdp.feedback}, and the profiles customer-360 built: segment sizes and one masked profile.
 * Everything is read from where the services put it, nothing from the demo's own bookkeeping.
 */
@Command(
        name = "summary",
        description = "The demo's alerts, answers and profiles, read from the alerts table, the emulator's SNS/SES,"
                + " cdp.feedback and customer-360 (--customer360 URL)")
public final class DemoSummaryCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--customer360", description = "customer-360's base URL", defaultValue = "http://127.0.0.1:8083")
    URI customer360 = URI.create("http://127.0.0.1:8083");

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        alerts(clients, names);
        answers(clients, names);
        profiles();
        return 0;
    }

    private void alerts(AwsClients clients, CdpResources names) throws Exception {
        Map<String, Map<String, Integer>> byChannel = new TreeMap<>();
        Set<String> ours = new HashSet<>();
        int requested = 0, withCompositions = 0, fallbacks = 0, refused = 0;
        long tokensIn = 0;
        for (Map<String, AttributeValue> alert : DemoAlerts.scan(clients, names)) {
            requested++;
            String state = DemoAlerts.text(alert, "deliveryState");
            state = state == null ? "NOT YET TAKEN" : state;
            Map<String, String> sent = DemoAlerts.messageIds(alert);
            ours.addAll(sent.values());
            List<Map<String, AttributeValue>> compositions = DemoAlerts.compositions(alert);
            if (!compositions.isEmpty()) {
                withCompositions++;
            }
            for (Map<String, AttributeValue> c : compositions) {
                if (c.containsKey("fallbackReason")) {
                    fallbacks++;
                }
                if (c.containsKey("tokensIn")) {
                    tokensIn += Long.parseLong(c.get("tokensIn").n());
                }
            }
            if (sent.isEmpty()) {
                String reason = DemoAlerts.text(alert, "deliveryReason");
                if (reason != null) {
                    refused++;
                }
                byChannel
                        .computeIfAbsent(reason != null ? "none (" + reason + ")" : "none", k -> new TreeMap<>())
                        .merge(state, 1, Integer::sum);
            }
            for (String channel : sent.keySet()) {
                byChannel.computeIfAbsent(channel, k -> new TreeMap<>()).merge(state, 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%n| alerts by channel | state | alerts |%n|---|---|---|%n");
        byChannel.forEach((channel, states) ->
                states.forEach((state, n) -> System.out.printf(Locale.ROOT, "| %s | %s | %,d |%n", channel, state, n)));
        System.out.printf(
                Locale.ROOT,
                "alert requests %,d; composed %,d; refused by consent or contact %,d; template fallbacks %d;"
                        + " model input tokens %,d%n",
                requested,
                withCompositions,
                refused,
                fallbacks,
                tokensIn);
        if (withCompositions == 0 && requested > 0) {
            System.out.println("(no alert composed yet: see .cdp/stack/alerting.log)");
        }
        exampleMessage(clients, ours);
    }

    /**
     * The newest SMS (else e-mail) the emulator recorded for this namespace's alerts (the emulator keeps every sender's
     * messages: the message ids on the alert records pick ours): what the customer's phone showed.
     */
    private void exampleMessage(AwsClients clients, Set<String> ours) throws Exception {
        if (ours.isEmpty()) {
            return;
        }
        URI endpoint = clients.settings().endpoint();
        if (endpoint == null) {
            return;
        }
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return;
        }
        JsonNode data = JSON.readTree(r.body());
        JsonNode last = null;
        for (JsonNode sms : data.path("sns").path("SMS")) {
            if (ours.contains(sms.path("message_id").asString())) {
                last = sms;
            }
        }
        if (last != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%nan SMS as the customer saw it (fictional data; the name and last four were filled in the core"
                            + " zone after composition):%n  > %s%n",
                    last.path("message").asString().replace("\n", "\n  > "));
            return;
        }
        JsonNode mail = null;
        for (JsonNode m : data.path("ses").path("Message")) {
            if (ours.contains(m.path("id").asString())) {
                mail = m;
            }
        }
        if (mail != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%nan e-mail as the customer saw it (fictional data):%n  subject: %s%n  > %s%n",
                    mail.path("subject").asString(),
                    mail.path("body").asString().replace("\n", "\n  > "));
        }
    }

    private void answers(AwsClients clients, CdpResources names) {
        Map<String, Integer> byVerdict = new TreeMap<>();
        int total = 0;
        try (PipelineFixture streams = new PipelineFixture(clients, names)) {
            for (List<Record> shard :
                    streams.records(names.stream(CdpResources.Stream.FEEDBACK)).values()) {
                for (Record r : shard) {
                    var envelope = streams.codec.decode(r.data().asByteArray());
                    if (envelope.payload() instanceof CustomerFeedbackReceivedV1 f) {
                        byVerdict.merge(f.verdict() + " by " + f.channel(), 1, Integer::sum);
                        total++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n| answers on cdp.feedback (the labels of the next training) | events |%n");
        System.out.printf(Locale.ROOT, "|---|---|%n");
        byVerdict.forEach((k, n) -> System.out.printf(Locale.ROOT, "| %s | %,d |%n", k, n));
        System.out.printf(Locale.ROOT, "answers received %,d%n", total);
    }

    private void profiles() throws Exception {
        String token = DevTokens.mint(
                DevTokens.keyFromFile(TokenMain.keyFile()),
                "demo-analyst",
                List.of("customers:read"),
                Duration.ofMinutes(5),
                DevTokens.AUDIENCE);
        JsonNode segments = get("/v1/segments", token);
        if (segments == null) {
            System.out.println("profiles: customer-360 did not answer at " + customer360);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%n| segment (model %s) | profiles |%n|---|---|%n",
                segments.path("modelVersion").isNull()
                        ? "none live"
                        : segments.path("modelVersion").asString());
        long profiles = 0;
        for (JsonNode s : segments.path("sizes")) {
            String name = s.path("name").isNull()
                    ? "(no segment yet)"
                    : s.path("name").asString();
            long n = s.path("profiles").asLong();
            profiles += n;
            System.out.printf(Locale.ROOT, "| %s | %,d |%n", name, n);
        }
        System.out.printf(Locale.ROOT, "profiles built %,d%n", profiles);
        JsonNode page = get("/v1/customers?limit=20", token);
        JsonNode example = null;
        if (page != null) {
            // the busiest of the first page: a profile with spend says more than a new one
            for (JsonNode p : page.path("items")) {
                if (example == null
                        || p.path("windows").path("last365").path("count").asLong()
                                > example.path("windows")
                                        .path("last365")
                                        .path("count")
                                        .asLong()) {
                    example = p;
                }
            }
        }
        if (example != null) {
            ObjectNode shown = JSON.createObjectNode();
            for (String field : new String[] {
                "customerToken", "identity", "segment", "lifetimeValue", "risk", "nextBestAction", "version"
            }) {
                if (example.has(field)) {
                    shown.set(field, example.get(field));
                }
            }
            shown.set("last30", example.path("windows").path("last30"));
            shown.set("channelMix", example.path("channelMix"));
            System.out.printf(
                    Locale.ROOT,
                    "%none profile as customer-360 serves it (masked; unmask needs customers:unmask and a purpose):%n%s%n",
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        }
    }

    private @Nullable JsonNode get(String path, String token) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(customer360.resolve(path))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
