package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * moto's SageMaker runtime answers InvokeEndpoint from a queue of canned results set through its
 * {@code /moto-api/static/sagemaker/endpoint-results} control endpoint; this proves the wire contract
 * (CSV in, body and content type out) that the scoring library's SageMaker backend relies on.
 */
@AwsEmulatorTest(bootstrap = false)
class SageMakerRuntimeIT {

    @Test
    void invokeEndpointSendsCsvAndReturnsTheEndpointsBody(AwsClients clients, AwsEmulator emulator) throws Exception {
        String endpointName = "cdp-fraud-" + Long.toHexString(System.nanoTime());
        String canned = """
                {"results": [{"Body": "0.8731", "ContentType": "text/csv", "InvokedProductionVariant": "AllTraffic",
                 "CustomAttributes": "model=fraud-xgb"}]}""";
        var seed = HttpRequest.newBuilder(
                        URI.create(emulator.endpoint() + "/moto-api/static/sagemaker/endpoint-results"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(canned))
                .build();
        assertThat(HttpClient.newHttpClient()
                        .send(seed, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(201);

        SageMakerRuntimeClient runtime = clients.sageMakerRuntime();
        var response = runtime.invokeEndpoint(b -> b.endpointName(endpointName)
                .contentType("text/csv")
                .body(SdkBytes.fromUtf8String("134.09,1,0,3,41.2")));

        assertThat(response.body().asUtf8String()).isEqualTo("0.8731");
        assertThat(response.contentType()).isEqualTo("text/csv");
        assertThat(Double.parseDouble(response.body().asUtf8String())).isBetween(0.0, 1.0);
    }
}
