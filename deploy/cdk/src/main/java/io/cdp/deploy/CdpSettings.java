package io.cdp.deploy;

import io.cdp.events.resources.CdpResources;
import org.jspecify.annotations.Nullable;
import software.constructs.Node;

/**
 * What differs between deployments, from CDK context ({@code -c key=value} or cdk.json): the resource namespace (an
 * account shared by environments, and bucket names that are global), the image tag, the Bedrock model, and the
 * optional parts. Everything else is fixed by CdpResources and CdpService.
 *
 * @param names physical resource names ({@code namespace}, default none)
 * @param imageTag tag of every image in its ECR repository {@code cdp/<module>} ({@code imageTag})
 * @param bedrockModelId the one model alerting may invoke ({@code bedrockModelId})
 * @param sageMaker a SageMaker model and endpoint for the fraud model ({@code sagemaker=true}; off: in-process)
 * @param sageMakerImage the XGBoost serving image of the region, needed when sageMaker is on
 * @param guardrail a Bedrock guardrail on alerting's prompts and answers ({@code guardrail=true})
 * @param certificateArn TLS certificate of the internal ALB; without one it listens in plain HTTP inside the VPC
 * @param jwtIssuerUri the bank's identity provider, whose JWTs the services accept
 */
public record CdpSettings(
        CdpResources names,
        String imageTag,
        String bedrockModelId,
        boolean sageMaker,
        @Nullable String sageMakerImage,
        boolean guardrail,
        @Nullable String certificateArn,
        String jwtIssuerUri) {

    public static final String DEFAULT_BEDROCK_MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";

    public static CdpSettings defaults() {
        return new CdpSettings(
                CdpResources.DEFAULT,
                "0.1.0-SNAPSHOT",
                DEFAULT_BEDROCK_MODEL,
                false,
                null,
                false,
                null,
                "https://idp.example-bank.internal/realms/cdp");
    }

    public static CdpSettings fromContext(Node node) {
        CdpSettings d = defaults();
        return new CdpSettings(
                CdpResources.fromValue(string(node, "namespace", "")),
                string(node, "imageTag", d.imageTag()),
                string(node, "bedrockModelId", d.bedrockModelId()),
                Boolean.parseBoolean(string(node, "sagemaker", "false")),
                nullable(string(node, "sagemakerImage", "")),
                Boolean.parseBoolean(string(node, "guardrail", "false")),
                nullable(string(node, "certificateArn", "")),
                string(node, "jwtIssuerUri", d.jwtIssuerUri()));
    }

    public CdpSettings withSageMaker(String image) {
        return new CdpSettings(names, imageTag, bedrockModelId, true, image, guardrail, certificateArn, jwtIssuerUri);
    }

    public CdpSettings withGuardrail() {
        return new CdpSettings(
                names, imageTag, bedrockModelId, sageMaker, sageMakerImage, true, certificateArn, jwtIssuerUri);
    }

    private static String string(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    private static @Nullable String nullable(String value) {
        return value.isBlank() ? null : value;
    }
}
