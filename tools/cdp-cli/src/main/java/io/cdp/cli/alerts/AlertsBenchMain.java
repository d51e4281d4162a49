package io.cdp.cli.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.aws.test.RepositoryRoot;
import io.cdp.cli.CliAws;
import io.cdp.cli.ServiceJars;
import io.cdp.cli.scoring.ScoringProbe;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.FraudAlertRequestedV1;
import io.cdp.events.payload.ReasonCode;
import io.cdp.events.pii.Masked;
import io.cdp.events.pii.Token;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.DevTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code ./cdp bench alerts [--rate 60] [--seconds 20] [--bedrock-delay-ms 1500] [--scoring-rps 100]
 * [--scoring-seconds 20] [--no-scoring]}. Stands in Bedrock (Converse wire format, answering after
 * {@code --bedrock-delay-ms}), customer-360 and core-banking with WireMock in this process; starts the alerting jar
 * (local profile, composer bedrock, namespace {@code benchalerts-}) and the scoring API jar (its own namespace, seeded
 * cards); measures the scoring API's latency alone, then again while fraud alert requests go onto SQS at
 * {@code --rate} per second. Alert figures come from the alerting service's own metrics (Prometheus scrape): alerts
 * handed to SNS/SES per second over the run, the request-to-hand-off p99 (Micrometer's client-side percentile over the
 * run), the share of compositions that fell back to the template, and the mean input tokens per composition. Every
 * alert goes to both channels (SMS and e-mail), so two Converse calls each. The machine and the emulator are shared:
 * figures are indicative.
 */
public final class AlertsBenchMain {

    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+([-+0-9.eE]+|NaN)$");

    private AlertsBenchMain() {}

    public static void main(String[] args) throws Exception {
        int rate = intArg(args, "--rate", 60);
        int seconds = intArg(args, "--seconds", 20);
        int delay = intArg(args, "--bedrock-delay-ms", 1500);
        int scoringRps = intArg(args, "--scoring-rps", 100);
        int scoringSeconds = intArg(args, "--scoring-seconds", seconds);
        boolean scoring = !List.of(args).contains("--no-scoring");
        // --store dynalite: DynamoDB (the alerting service's tables and the scoring API's feature store) on a second
        // local emulator, so moto serves only SQS, SNS and SES; the services inherit AWS_ENDPOINT_URL_DYNAMODB
        String store = stringArg(args, "--store", "moto");

        AwsClients aws = CliAws.clients();
        if (!aws.settings().isLocal()) {
            throw new IllegalStateException("bench alerts runs against the local emulator: set AWS_ENDPOINT_URL");
        }
        if (!List.of("moto", "dynalite").contains(store)) {
            throw new IllegalArgumentException("--store is moto or dynalite; got " + store);
        }
        if (store.equals("dynalite")
                && aws.settings().endpointFor("dynamodb").equals(aws.settings().endpointFor("sqs"))) {
            throw new IllegalStateException("--store dynalite: run it as './cdp bench alerts --store dynalite', which"
                    + " starts dynalite and sets AWS_ENDPOINT_URL_DYNAMODB");
        }
        CdpResources names = CdpResources.fromValue("benchalerts");
        new ResourceBootstrap(aws, names).createAll();

        WireMockServer stubs =
                new WireMockServer(options().dynamicPort().containerThreads(400).jettyAcceptors(4));
        stubs.start();
        stub(stubs, delay);
        ScoringProbe probe = null;
        Process alerting = null;
        try {
            ScoringProbe.Window baseline = null;
            if (scoring) {
                System.err.println("bench: starting the scoring API");
                probe = ScoringProbe.start(
                        CdpResources.fromValue("benchalertsscore"), 1000, scoringRps * (scoringSeconds * 3 + 20));
                probe.measure(scoringRps, 20, 8); // warm-up
                baseline = probe.measure(scoringRps, scoringSeconds, 8);
            }
            int port = freePort();
            System.err.println("bench: starting the alerting service on port " + port);
            alerting = startAlerting(names, stubs.baseUrl(), port);
            String metricsToken = DevTokens.mint(
                    DevTokens.keyFromFile(Path.of(ScoringProbe.keyFile())),
                    "bench-alerts",
                    List.of("metrics:read"),
                    DevTokens.MAX_TTL);
            String base = "http://127.0.0.1:" + port;
            awaitReady(base, alerting);

            // warm-up: a few alerts through the whole path (JIT, connection pools), not measured
            try (SqsClient sqs = aws.sqs()) {
                String queue = sqs.getQueueUrl(b -> b.queueName(names.queue(CdpResources.Queue.FRAUD_ALERTS)))
                        .queueUrl();
                send(sqs, queue, 20, 10);
                awaitCount(base, metricsToken, 20, Duration.ofSeconds(60));
                Metrics before = Metrics.scrape(base, metricsToken);

                int total = rate * seconds;
                long start = System.nanoTime();
                CompletableFuture<ScoringProbe.@Nullable Window> during = CompletableFuture.completedFuture(null);
                if (probe != null) {
                    ScoringProbe p = probe;
                    during = CompletableFuture.supplyAsync(() -> {
                        try {
                            return p.measure(scoringRps, scoringSeconds, 8);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                send(sqs, queue, total, rate);
                long sentNanos = System.nanoTime() - start;
                double handedAt = awaitCount(base, metricsToken, 20 + total, Duration.ofSeconds(120));
                double elapsed = (System.nanoTime() - start) / 1e9;
                Metrics after = Metrics.scrape(base, metricsToken);
                ScoringProbe.Window withAlerts = during.join();

                long handed = (long) (after.handoffCount - before.handoffCount);
                double perSecond = handed / elapsed;
                double compositions = after.composed - before.composed;
                double fallbackRate = compositions == 0 ? 0 : (after.fallbacks - before.fallbacks) / compositions;
                double tokensMean =
                        (after.tokensSum - before.tokensSum) / Math.max(1, after.tokensCount - before.tokensCount);
                double p99 = after.handoffP99 * 1000;
                double p50 = after.handoffP50 * 1000;

                System.out.println();
                System.out.printf(
                        Locale.ROOT,
                        "%-44s %12s%n",
                        "alerts (Bedrock stub " + delay + " ms, 2 channels each, DynamoDB on " + store + ")",
                        "");
                System.out.printf(Locale.ROOT, "%-44s %12d%n", "  offered (alerts/s x s)", rate);
                System.out.printf(Locale.ROOT, "%-44s %12d%n", "  requests sent", total);
                System.out.printf(Locale.ROOT, "%-44s %12.1f%n", "  send phase (s)", sentNanos / 1e9);
                System.out.printf(Locale.ROOT, "%-44s %12d%n", "  handed to SNS/SES", handed);
                System.out.printf(Locale.ROOT, "%-44s %12.1f%n", "  alerts/s (first send to last hand-off)", perSecond);
                System.out.printf(Locale.ROOT, "%-44s %12.0f%n", "  request -> hand-off p50 (ms)", p50);
                System.out.printf(Locale.ROOT, "%-44s %12.0f%n", "  request -> hand-off p99 (ms)", p99);
                System.out.printf(Locale.ROOT, "%-44s %12.3f%n", "  fallback rate (per composition)", fallbackRate);
                System.out.printf(Locale.ROOT, "%-44s %12.1f%n", "  input tokens mean (per composition)", tokensMean);
                if (baseline != null && withAlerts != null) {
                    double change = (withAlerts.p99() - baseline.p99()) / baseline.p99() * 100;
                    System.out.printf(
                            Locale.ROOT,
                            "%-44s %12s %12s%n",
                            "scoring API at " + scoringRps + " rps",
                            "alone",
                            "with alerts");
                    System.out.printf(
                            Locale.ROOT, "%-44s %12.2f %12.2f%n", "  p50 (ms)", baseline.p50(), withAlerts.p50());
                    System.out.printf(
                            Locale.ROOT, "%-44s %12.2f %12.2f%n", "  p99 (ms)", baseline.p99(), withAlerts.p99());
                    System.out.printf(
                            Locale.ROOT, "%-44s %12d %12d%n", "  errors", baseline.errors(), withAlerts.errors());
                    System.out.printf(
                            Locale.ROOT,
                            "scoring p99_ms alone=%.2f with_alerts=%.2f change_pct=%.1f%n",
                            baseline.p99(),
                            withAlerts.p99(),
                            change);
                } else {
                    System.out.println("scoring: not measured (--no-scoring)");
                }
                System.out.printf(
                        Locale.ROOT,
                        "alerts per_s=%.1f p99_ms=%.0f fallback_rate=%.3f tokens_in_mean=%.1f%n",
                        perSecond,
                        p99,
                        fallbackRate,
                        tokensMean);
                if (handedAt < 0) {
                    System.err.println(
                            "bench: not every alert was handed off within the wait; see .cdp/alerting-bench.log");
                }
            }
        } finally {
            if (alerting != null) {
                alerting.destroy();
                if (!alerting.waitFor(30, TimeUnit.SECONDS)) alerting.destroyForcibly();
            }
            if (probe != null) probe.close();
            stubs.stop();
        }
    }

    /** Bedrock answering a valid message per channel after {@code delay} ms; a profile and a fictional contact. */
    static void stub(WireMockServer stubs, int delay) {
        stubs.stubFor(post(urlPathMatching("/model/.+/converse"))
                .withRequestBody(containing("channel: SMS"))
                .willReturn(aResponse()
                        .withFixedDelay(delay)
                        .withHeader("Content-Type", "application/json")
                        .withBody(converse("CDP Bank: Hi {{FIRST_NAME}}, did you make a payment at an electronics"
                                + " store with your card ending {{CARD_LAST4}}? Reply YES if it was you or NO if not."
                                + " Reply HELP for help, STOP to opt out."))));
        stubs.stubFor(post(urlPathMatching("/model/.+/converse"))
                .withRequestBody(containing("channel: EMAIL"))
                .willReturn(aResponse()
                        .withFixedDelay(delay)
                        .withHeader("Content-Type", "application/json")
                        .withBody(converse("Subject: Did you make this payment?\nHi {{FIRST_NAME}}, we saw a payment"
                                + " with your card ending {{CARD_LAST4}}. Please answer in the CDP Bank app."))));
        stubs.stubFor(get(urlPathMatching("/v1/customers/.+"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"segment\":{\"name\":\"Loyal\"},\"preferredLanguage\":\"en\",\"consents\":"
                                + "{\"fraudAlertsEmail\":{\"granted\":true},\"fraudAlertsSms\":{\"granted\":true}}}")));
        stubs.stubFor(post(urlPathEqualTo("/api/pii/contact"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"firstName\":\"Bench\",\"email\":\"bench.customer@mail.example.org\","
                                + "\"phone\":\"+15550199\",\"cardLast4\":\"4321\"}")));
    }

    static String converse(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"" + escaped + "\"}]}},"
                + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":412,\"outputTokens\":57,\"totalTokens\":469},"
                + "\"metrics\":{\"latencyMs\":" + 1500 + "}}";
    }

    static Process startAlerting(CdpResources names, String stubs, int port) throws IOException {
        Path root = RepositoryRoot.find();
        Path copy = root.resolve(".cdp/alerting-bench.jar");
        Files.createDirectories(copy.getParent());
        Files.copy(ServiceJars.executable("alerting"), copy, StandardCopyOption.REPLACE_EXISTING);
        Path log = root.resolve(".cdp/alerting-bench.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC",
                "-Xmx768m",
                "-jar",
                copy.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--cdp.aws.namespace=" + names.namespace(),
                "--cdp.alerting.composer=bedrock",
                "--cdp.alerting.bedrock.endpoint=" + stubs,
                "--cdp.alerting.customer360=" + stubs,
                "--cdp.alerting.core-banking=" + stubs,
                "--logging.level.io.cdp.alerting=WARN"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CDP_DEV_KEY_FILE", ScoringProbe.keyFile());
        builder.environment().put("LOG_FORMAT", "");
        return builder.start();
    }

    static void awaitReady(String base, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("alerting exited while starting; see .cdp/alerting-bench.log");
                }
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("alerting not ready within 180 s; see .cdp/alerting-bench.log");
    }

    /**
     * {@code total} alert requests at {@code rate} per second, in SQS batches of 10 sent concurrently, each stamped
     * {@code requestedAt} when its batch is due (so time waiting for SQS counts in the hand-off latency).
     */
    static void send(SqsClient sqs, String queue, int total, int rate) {
        EventCodec codec = new EventCodec();
        SecureRandom random = new SecureRandom();
        long period = TimeUnit.SECONDS.toNanos(10) / rate;
        long start = System.nanoTime();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        for (int sent = 0, batch = 0; sent < total; batch++) {
            long wait = start + batch * period - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < 10 && sent < total; i++, sent++) {
                String tx = "bench-" + Long.toHexString(random.nextLong());
                Instant now = Instant.now();
                FraudAlertRequestedV1 p = new FraudAlertRequestedV1(
                        "alert-" + tx,
                        tx,
                        token("cus", random),
                        token("crd", random),
                        Masked.last4("4321"),
                        new BigDecimal("734.20"),
                        "USD",
                        "mbench",
                        "Springfield",
                        5732,
                        now.minusSeconds(2),
                        0.97,
                        "bench-model",
                        List.of(new ReasonCode("amount_over_avg_1w", 7.5, 1.2)),
                        now);
                String body = new String(
                        codec.encode(Envelope.of("bench", p.cardToken().value(), now, p)), StandardCharsets.UTF_8);
                entries.add(SendMessageBatchRequestEntry.builder()
                        .id("m" + i)
                        .messageBody(body)
                        .build());
            }
            // each batch on its own virtual thread: one emulator round trip (~0.4 s when busy) must not hold the next
            // batch back, or the offered rate is the sender's, not --rate
            senders.submit(() -> sqs.sendMessageBatch(b -> b.queueUrl(queue).entries(entries)));
        }
        senders.close();
    }

    static Token token(String kind, SecureRandom random) {
        while (true) {
            byte[] mac = new byte[32];
            random.nextBytes(mac);
            String v = kind + "_v1_" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
            if (!v.matches(".*[0-9]{12}.*")) return Token.of(v);
        }
    }

    /** Waits until the service has handed off {@code count} alerts; the elapsed seconds, or -1 on timeout. */
    static double awaitCount(String base, String token, long count, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Metrics.scrape(base, token).handoffCount >= count) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(200);
        }
        return -1;
    }

    /** The alerting service's own counters, from its Prometheus endpoint. */
    record Metrics(
            double handoffCount,
            double handoffP50,
            double handoffP99,
            double composed,
            double fallbacks,
            double tokensSum,
            double tokensCount) {

        static Metrics scrape(String base, String token) throws Exception {
            try (HttpClient http = HttpClient.newHttpClient()) {
                String body = http.send(
                                HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                double count = 0, p50 = 0, p99 = 0, composed = 0, fallbacks = 0, tsum = 0, tcount = 0;
                for (String line : body.split("\n")) {
                    Matcher m = SAMPLE.matcher(line.strip());
                    if (!m.matches()) continue;
                    String name = m.group(1);
                    String labels = m.group(2) == null ? "" : m.group(2);
                    double v = Double.parseDouble(m.group(3));
                    switch (name) {
                        case "cdp_alerts_handoff_seconds_count" -> count += v;
                        case "cdp_alerts_handoff_seconds" -> {
                            if (labels.contains("quantile=\"0.5\"")) p50 = v;
                            if (labels.contains("quantile=\"0.99\"")) p99 = v;
                        }
                        case "cdp_alerts_composed_total" -> {
                            composed += v;
                            if (labels.contains("fallback=\"true\"")) fallbacks += v;
                        }
                        case "cdp_alerts_tokens_in_sum" -> tsum += v;
                        case "cdp_alerts_tokens_in_count" -> tcount += v;
                        default -> {}
                    }
                }
                return new Metrics(count, p50, p99, composed, fallbacks, tsum, tcount);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) return args[i + 1];
            if (args[i].startsWith(name + "=")) return args[i].substring(name.length() + 1);
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) return Integer.parseInt(args[i + 1]);
            if (args[i].startsWith(name + "=")) return Integer.parseInt(args[i].substring(name.length() + 1));
        }
        return fallback;
    }
}
