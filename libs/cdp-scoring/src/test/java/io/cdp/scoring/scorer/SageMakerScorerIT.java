package io.cdp.scoring.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SageMaker backend against the emulator's runtime API through the real SDK client: moto answers
 * InvokeEndpoint from a queue of canned results (seeded through /moto-api/static/sagemaker/endpoint-results), so
 * this checks the wire contract — the request the SDK signs and sends, and the parsing of the answer — not a model.
 */
@AwsEmulatorTest(bootstrap = false)
class SageMakerScorerIT {

    @Test
    void scoresABatchThroughInvokeEndpointAndParsesOneProbabilityPerRow(AwsClients clients, AwsEmulator emulator)
            throws Exception {
        seed(emulator, "0.125\\n0.875\\n");
        // moto keeps one canned-result queue per emulator, shared by every test that seeds it; a result another
        // test seeded but never consumed comes out first, and moto repeats a result for a request body it has seen.
        // Each attempt therefore sends a new body, taking the next queued result, so a few attempts reach ours; answers
        // with the wrong row count are rejected by the scorer itself.
        double[] scores = null;
        try (var runtime = clients.sageMakerRuntime()) {
            for (int attempt = 0; attempt < 5 && scores == null; attempt++) {
                String endpoint = "cdp-fraud-" + attempt + "-" + Long.toHexString(System.nanoTime());
                SageMakerScorer scorer = new SageMakerScorer(runtime, endpoint, "v1", List.of("amount", "night"));
                try {
                    scores = scorer.scoreBatch(new double[][] {{120.5 + attempt, 1}, {3.2, Double.NaN}});
                } catch (IllegalStateException otherTestsResult) {
                    scores = null;
                }
            }
        }
        assertThat(scores).containsExactly(0.125, 0.875);
    }

    private static void seed(AwsEmulator emulator, String body) throws Exception {
        String canned = "{\"results\": [{\"Body\": \"" + body + "\", \"ContentType\": \"text/csv\","
                + " \"InvokedProductionVariant\": \"AllTraffic\", \"CustomAttributes\": \"\"}]}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + "/moto-api/static/sagemaker/endpoint-results"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(canned))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
    }
}
