package io.cdp.service.aws;

import io.cdp.aws.AwsSettings;
import io.cdp.events.resources.CdpResources;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import software.amazon.awssdk.regions.Region;

/**
 * {@code cdp.aws.*}: where AWS is and which resource namespace this deployment uses.
 *
 * @param endpoint  an emulator endpoint; unset means real AWS (then {@code AWS_ENDPOINT_URL} still wins,
 *                  as it does for every AWS SDK)
 * @param region    region override; unset means the SDK's chain (or us-east-1 against an emulator)
 * @param namespace prefix of every resource name (see {@code CdpResources}); empty in production
 * @param bootstrap create every registry resource at startup; for the local profile and tests only
 */
@ConfigurationProperties("cdp.aws")
public record CdpAwsProperties(
        @Nullable URI endpoint,
        @Nullable String region,
        @Nullable String namespace,
        boolean bootstrap) {

    /**
     * The SDK settings these properties mean: {@code AWS_ENDPOINT_URL} when the environment names one, else the
     * configured emulator endpoint, else real AWS; the region override on top. Services (through
     * {@link CdpAwsAutoConfiguration}) and the developer CLI resolve them here, the same way.
     */
    public AwsSettings settings() {
        AwsSettings settings = AwsSettings.fromEnvironmentOr(endpoint);
        if (region != null && !region.isBlank()) {
            settings = new AwsSettings(
                    settings.endpoint(), settings.perService(), Region.of(region), settings.credentials());
        }
        return settings;
    }

    /** The resource names: {@code namespace} when set, else {@code CDP_RESOURCE_NAMESPACE}, else none. */
    public CdpResources names() {
        return namespace != null ? CdpResources.fromValue(namespace) : CdpResources.fromEnvironment();
    }
}
