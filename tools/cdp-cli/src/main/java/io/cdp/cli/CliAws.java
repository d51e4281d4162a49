package io.cdp.cli;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.service.aws.CdpAwsProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * Where the commands find AWS: the services' own {@code cdp.aws.*} properties ({@link CdpAwsProperties}), bound the
 * way Spring Boot binds them for a service, from system properties ({@code -Dcdp.aws.namespace=...}) and the
 * environment ({@code CDP_AWS_ENDPOINT}, {@code CDP_AWS_NAMESPACE}, ...), and resolved by the same code
 * ({@link CdpAwsProperties#settings()}, {@link CdpAwsProperties#names()}): {@code AWS_ENDPOINT_URL} and
 * {@code CDP_RESOURCE_NAMESPACE}, which {@code ./cdp} exports, work as they do for a service.
 */
public final class CliAws {

    private CliAws() {}

    public static CdpAwsProperties properties() {
        return Binder.get(new StandardEnvironment())
                .bind("cdp.aws", CdpAwsProperties.class)
                .orElseGet(() -> new CdpAwsProperties(null, null, null, false));
    }

    public static AwsClients clients() {
        return new AwsClients(properties().settings());
    }

    public static CdpResources names() {
        return properties().names();
    }
}
