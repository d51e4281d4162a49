package io.cdp.scoringapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.aws.test.OpenApiDocuments;
import io.cdp.events.resources.CdpResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The committed OpenAPI document ({@code docs/openapi/scoring-api.yaml}) is what the code serves. When this fails,
 * regenerate it with {@code ./cdp openapi export} (or run this test with {@code -Dopenapi.write=true}) and review
 * the diff like any other API change.
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
        Path file = OpenApiDocuments.committed("scoring-api");
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(file, served);
        }
        // beside the build output, so a failing comparison can be diffed: diff <file> target/openapi-served.yaml
        Files.writeString(Path.of("target", "openapi-served.yaml"), served);

        assertThat(file)
                .as("the committed OpenAPI document; create it with ./cdp openapi export")
                .exists();
        assertThat(Files.readString(file))
                .as("docs/openapi/scoring-api.yaml differs from what the code serves: regenerate it with "
                        + "'./cdp openapi export' (or -Dopenapi.write=true on this test) and review the diff")
                .isEqualTo(served);
    }

    @Test
    void servesOpenApi31WithEveryEndpointAndTheBearerScheme() {
        var answer = new ApiClient(port).get("/v3/api-docs", null);
        JsonNode doc = answer.json();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(doc.get("openapi").asString()).startsWith("3.1");
        assertThat(doc.get("paths").propertyNames())
                .contains(
                        "/v1/fraud-scores",
                        "/v1/fraud-scores:batch",
                        "/v1/models",
                        "/v1/models/{version}",
                        "/v1/models/{version}/promotion");
        assertThat(doc.get("components")
                        .get("securitySchemes")
                        .get("bearer-jwt")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(doc.get("paths")
                        .get("/v1/fraud-scores:batch")
                        .get("post")
                        .get("responses")
                        .has("413"))
                .isTrue();
        assertThat(doc.get("paths")
                        .get("/v1/fraud-scores")
                        .get("post")
                        .get("responses")
                        .has("401"))
                .isTrue();
    }

    @Test
    void swaggerUiIsOpenWithoutAToken() {
        assertThat(new ApiClient(port).get("/swagger-ui/index.html", null).status())
                .isEqualTo(200);
    }
}
