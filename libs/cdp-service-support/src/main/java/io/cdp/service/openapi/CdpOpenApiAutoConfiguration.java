package io.cdp.service.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document's frame for every service: info, a JWT bearer scheme required by every operation (so
 * Swagger UI's "Authorize" works), the {@value #PROBLEM} schema, and 401/403/500 problem responses on every
 * operation that does not document them itself.
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
@EnableConfigurationProperties(CdpOpenApiProperties.class)
public class CdpOpenApiAutoConfiguration {

    public static final String BEARER = "bearer-jwt";
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI cdpOpenApi(CdpOpenApiProperties properties) {
        return new OpenAPI()
                .info(new Info()
                        .title(properties.title())
                        .description(properties.description())
                        .version(properties.version()))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(properties.tokenHelp()))
                        .addSchemas("FieldError", fieldError())
                        .addSchemas(PROBLEM, problem()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer cdpProblemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().forEach(CdpOpenApiAutoConfiguration::addErrors));
        };
    }

    private static void addErrors(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.computeIfAbsent("401", k -> problemResponse("No bearer token, or an invalid or expired one."));
        responses.computeIfAbsent("403", k -> problemResponse("The token lacks the scope this operation requires."));
        responses.computeIfAbsent(
                "500", k -> problemResponse("Unexpected error; the body carries a reference for the logs."));
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("415", k -> problemResponse("The body is not application/json."));
        }
        operation.setResponses(responses);
    }

    /** A response whose body is a problem document. */
    public static ApiResponse problemResponse(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema fieldError() {
        return new ObjectSchema()
                .description("One invalid field; the value itself is never repeated.")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("path of the field in the request")
                                .example("amount"))
                .addProperty("message", new StringSchema().example("must not be null"))
                .required(List.of("field", "message"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problem() {
        return new ObjectSchema()
                .description("RFC 9457 problem details.")
                .addProperty("type", new StringSchema().format("uri").example("https://problems.cdp.io/validation"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("1 field is invalid."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                                .description("field-level validation errors (400 only)"))
                .required(List.of("title", "status"));
    }
}
