package io.cdp.c360;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.OpenApiDocuments;
import io.cdp.events.resources.CdpResources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The committed OpenAPI document ({@code docs/openapi/customer-360.yaml}) is what the code serves, as for the scoring
 * API. When this fails, regenerate it with {@code ./cdp openapi export} (or {@code -Dopenapi.write=true} on this test)
 * and review the diff.
 */
@AwsEmulatorTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

    private static CdpResources names;

    @LocalServerPort
    int port;

    @BeforeAll
    static void namespace(CdpResources resources) {
        names = resources;
    }

    @DynamicPropertySource
    static void emulator(DynamicPropertyRegistry registry) {
        registry.add("cdp.aws.endpoint", () -> AwsEmulator.shared().endpoint().toString());
        registry.add("cdp.aws.namespace", () -> names.namespace());
        registry.add("logging.structured.format.console", () -> "");
    }

    @Test
    void committedDocumentMatchesTheServedOne() throws IOException {
        String served = OpenApiDocuments.fetch(port);
        Path file = OpenApiDocuments.committed("customer-360");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(file, served);
        }
        Files.writeString(Path.of("target", "openapi-served.yaml"), served);
        assertThat(file)
                .as("the committed OpenAPI document; create it with ./cdp openapi export")
                .exists();
        assertThat(Files.readString(file))
                .as("docs/openapi/customer-360.yaml differs from what the code serves: regenerate it with "
                        + "'./cdp openapi export' (or -Dopenapi.write=true on this test) and review the diff")
                .isEqualTo(served);
        assertThat(served)
                .contains("/v1/customers/{customerToken}/unmask")
                .contains("/v1/customers/{customerToken}/consents")
                .contains("/v1/segments")
                .contains("openapi: 3.1");
    }

    @Test
    void swaggerUiIsOpenAndTheApiIsNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/segments"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }
}
