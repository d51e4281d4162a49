package io.cdp.transformer.ingest;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Binding destinations and the binder's checkpoint and lock tables, from the one registry of names
 * ({@link CdpResources}) and the configured namespace ({@code cdp.aws.namespace}, else
 * {@code CDP_RESOURCE_NAMESPACE}), so no stream or table name is written a second time in configuration. Added last,
 * so an explicit property still wins.
 */
public final class BindingDestinations implements EnvironmentPostProcessor {

    static final String TRANSACTIONS_IN = "transactions-in-0";
    static final String PROFILES_IN = "profiles-in-0";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String namespace = environment.getProperty("cdp.aws.namespace");
        CdpResources names = namespace != null ? CdpResources.fromValue(namespace) : CdpResources.fromEnvironment();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(
                "spring.cloud.stream.bindings." + TRANSACTIONS_IN + ".destination",
                names.stream(Stream.CORE_TRANSACTIONS));
        properties.put(
                "spring.cloud.stream.bindings." + PROFILES_IN + ".destination", names.stream(Stream.CORE_CUSTOMERS));
        properties.put("spring.cloud.stream.kinesis.binder.checkpoint.table", names.table(Table.BINDER_CHECKPOINTS));
        properties.put("spring.cloud.stream.kinesis.binder.locks.table", names.table(Table.BINDER_LOCKS));
        // KCL mode (kpl-kcl-enabled): one lease table per binding and namespace, not one named after the group
        for (String binding : new String[] {TRANSACTIONS_IN, PROFILES_IN}) {
            properties.put(
                    "spring.cloud.stream.kinesis.bindings." + binding + ".consumer.lease-table-name",
                    names.table(Table.BINDER_CHECKPOINTS) + "-kcl-" + binding);
        }
        environment.getPropertySources().addLast(new MapPropertySource("cdpResourceNames", properties));
    }
}
