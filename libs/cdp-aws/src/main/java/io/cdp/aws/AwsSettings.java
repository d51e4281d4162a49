package io.cdp.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Where AWS is and who we are there. With an endpoint (local emulator, tests) it uses that endpoint, a
 * default region and dummy credentials unless real ones are given; without one it defers to the SDK's
 * default region and credential chains, as in ECS.
 *
 * @param endpoint   the shared endpoint for every service, or null for real AWS
 * @param perService endpoints for single services (e.g. {@code kinesis}), overriding {@code endpoint}
 */
public record AwsSettings(
        @Nullable URI endpoint, Map<String, URI> perService, Region region, AwsCredentialsProvider credentials) {

    /** Region used against an emulator when none is configured. */
    public static final Region LOCAL_REGION = Region.US_EAST_1;

    public AwsSettings {
        perService = Map.copyOf(perService);
    }

    /** From the process environment and system properties, the same names the AWS SDKs and CLI read. */
    public static AwsSettings fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    /**
     * From the environment when it names an endpoint or when {@code fallbackEndpoint} is null; otherwise an
     * emulator at {@code fallbackEndpoint} (a service's {@code local} profile setting).
     */
    public static AwsSettings fromEnvironmentOr(@Nullable URI fallbackEndpoint) {
        if (fallbackEndpoint == null) {
            return fromEnvironment();
        }
        String env = System.getProperty("AWS_ENDPOINT_URL", System.getenv("AWS_ENDPOINT_URL"));
        return env != null && !env.isBlank() ? fromEnvironment() : local(fallbackEndpoint);
    }

    /** Settings for an emulator at {@code endpoint}, whatever the environment says. */
    public static AwsSettings local(URI endpoint) {
        // the region the environment names, so that a test's clients and the service it starts look in the same
        // emulator region (emulators keep resources per region)
        String regionName =
                Optional.ofNullable(System.getenv("AWS_REGION")).orElse(System.getenv("AWS_DEFAULT_REGION"));
        Region region = regionName == null || regionName.isBlank() ? LOCAL_REGION : Region.of(regionName.trim());
        return new AwsSettings(
                endpoint,
                Map.of(),
                region,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    static AwsSettings from(Function<String, @Nullable String> env) {
        URI endpoint = uri(env.apply("AWS_ENDPOINT_URL"));
        var perService = new java.util.HashMap<String, URI>();
        for (String service :
                new String[] {"kinesis", "dynamodb", "kms", "sqs", "sns", "s3", "sagemaker_runtime", "cloudwatch"}) {
            URI uri = uri(env.apply("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT)));
            if (uri != null) {
                perService.put(service, uri);
            }
        }
        boolean local = endpoint != null || !perService.isEmpty();
        String regionName = Optional.ofNullable(env.apply("AWS_REGION")).orElse(env.apply("AWS_DEFAULT_REGION"));
        Region region = regionName != null
                ? Region.of(regionName)
                : local ? LOCAL_REGION : new DefaultAwsRegionProviderChain().getRegion();
        String key = env.apply("AWS_ACCESS_KEY_ID");
        String secret = env.apply("AWS_SECRET_ACCESS_KEY");
        AwsCredentialsProvider credentials = key != null && secret != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret))
                : local
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))
                        : DefaultCredentialsProvider.builder().build();
        return new AwsSettings(endpoint, perService, region, credentials);
    }

    /** The endpoint for a service (SDK service id in lower case, e.g. {@code kinesis}), if any. */
    public Optional<URI> endpointFor(String service) {
        URI specific = perService.get(service);
        return Optional.ofNullable(specific != null ? specific : endpoint);
    }

    /** True when talking to an emulator rather than to AWS. */
    public boolean isLocal() {
        return endpoint != null || !perService.isEmpty();
    }

    private static @Nullable URI uri(@Nullable String value) {
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }
}
