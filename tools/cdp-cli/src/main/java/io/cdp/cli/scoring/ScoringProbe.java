package io.cdp.cli.scoring;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.cli.CliAws;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.security.DevTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scoring API as a bystander of another benchmark (bench alerts): its jar started in its own namespace with seeded
 * cards, then {@code POST /v1/fraud-scores} at a fixed rate, measured before and while the other load runs.
 */
public final class ScoringProbe implements AutoCloseable {

    /** Latency of one measured window, in milliseconds. */
    public record Window(int rps, double p50, double p99, long completed, long errors) {}

    private final ServiceProcess service;
    private final String token;
    private final List<byte[]> bodies;
    private int next;

    private ScoringProbe(ServiceProcess service, String token, List<byte[]> bodies) {
        this.service = service;
        this.token = token;
        this.bodies = bodies;
    }

    public static ScoringProbe start(CdpResources names, int cards, int maxRequests) throws Exception {
        AwsClients aws = CliAws.clients();
        new ResourceBootstrap(aws, names).createAll();
        List<String> tokens = ApiBenchMain.seedCards(aws.dynamoDb(), names, cards, 5);
        ServiceProcess service = ServiceProcess.start(
                "bench-alerts",
                Map.of("CDP_RESOURCE_NAMESPACE", names.namespace(), "LOG_FORMAT", ""),
                List.of("-XX:+UseParallelGC", "-Xmx512m"));
        String token = DevTokens.mint(
                DevTokens.keyFromFile(TokenMain.keyFile()), "bench-alerts", List.of("fraud:score"), DevTokens.MAX_TTL);
        return new ScoringProbe(
                service,
                token,
                ApiWorkloads.bodies(Long.toHexString(System.nanoTime()), tokens, maxRequests, Instant.now(), 7));
    }

    public Window measure(int rps, int seconds, int connections) throws Exception {
        List<ApiBenchMain.ScoreCaller> callers = new ArrayList<>();
        URI uri = URI.create(service.baseUrl() + "/v1/fraud-scores");
        for (int c = 0; c < connections; c++) {
            callers.add(new ApiBenchMain.ScoreCaller(uri, token, bodies));
        }
        try {
            int first = next;
            next += rps * seconds;
            if (next > bodies.size()) {
                throw new IllegalStateException("scoring probe ran out of prepared requests");
            }
            LoadGenerator.Result r = LoadGenerator.run(rps, Duration.ofSeconds(seconds), first, callers);
            return new Window(rps, r.ms(50), r.ms(99), r.completed(), r.errors());
        } finally {
            for (ApiBenchMain.ScoreCaller c : callers) {
                c.close();
            }
        }
    }

    public static String keyFile() {
        return TokenMain.keyFile().toString();
    }

    @Override
    public void close() {
        service.close();
    }
}
