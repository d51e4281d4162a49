package io.cdp.alerting.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** WireMock answering Bedrock Runtime's Converse wire format ({@code POST /model/{modelId}/converse}). */
public final class ConverseStub {

    public static final String PATH = "/model/.+/converse";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConverseStub() {}

    /** The Converse response body for {@code text}. */
    public static String response(String text, String stopReason, int in, int out) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.putArray("content").addObject().put("text", text);
        root.put("stopReason", stopReason);
        root.putObject("usage").put("inputTokens", in).put("outputTokens", out).put("totalTokens", in + out);
        root.putObject("metrics").put("latencyMs", 120);
        return JSON.writeValueAsString(root);
    }

    public static void answer(WireMockServer server, String text, int delayMillis) {
        server.stubFor(post(urlPathMatching(PATH))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay(delayMillis)
                        .withBody(response(text, "end_turn", 412, 58))));
    }

    public static List<LoggedRequest> requests(WireMockServer server) {
        return server.findAll(WireMock.postRequestedFor(urlPathMatching(PATH)));
    }

    public static BedrockRuntimeClient client(WireMockServer server) {
        return BedrockRuntimeClient.builder()
                .endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }
}
