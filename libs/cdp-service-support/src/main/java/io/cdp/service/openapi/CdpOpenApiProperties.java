package io.cdp.service.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cdp.openapi.*}: what the service's OpenAPI document says about itself and how to get a token.
 *
 * @param title       API title
 * @param description what the API is for (Markdown)
 * @param version     API version, e.g. {@code v1}
 * @param tokenHelp   how a caller obtains a bearer token; shown on the security scheme in Swagger UI
 */
@ConfigurationProperties("cdp.openapi")
public record CdpOpenApiProperties(
        @DefaultValue("CDP service") String title,
        @DefaultValue("") String description,
        @DefaultValue("v1") String version,

        @DefaultValue("An OAuth2 access token (JWT) from the bank's identity provider. "
                + "Locally: ./cdp token --scope <scope>.")
        String tokenHelp) {}
