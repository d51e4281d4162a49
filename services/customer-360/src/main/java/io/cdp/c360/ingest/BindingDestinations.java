package io.cdp.c360.ingest;

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
 * Binding destinations and the binder's checkpoint and lock tables from {@link CdpResources} and the configured
 * namespace, as the stream transformer does: no stream or table name is written twice. Added last, so an explicit
 * property still wins.
 */
public final class BindingDestinations implements EnvironmentPostProcessor {

    static final String CUSTOMERS_IN = "customers-in-0";
    static final String SCORED_IN = "scored-in-0";
    static final String FEEDBACK_IN = "feedback-in-0";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String namespace = environment.getProperty("cdp.aws.namespace");
        CdpResources names = namespace != null ? CdpResources.fromValue(namespace) : CdpResources.fromEnvironment();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(destination(CUSTOMERS_IN), names.stream(Stream.CORE_CUSTOMERS));
        properties.put(destination(SCORED_IN), names.stream(Stream.SCORED_TRANSACTIONS));
        properties.put(destination(FEEDBACK_IN), names.stream(Stream.FEEDBACK));
        properties.put("spring.cloud.stream.kinesis.binder.checkpoint.table", names.table(Table.BINDER_CHECKPOINTS));
        properties.put("spring.cloud.stream.kinesis.binder.locks.table", names.table(Table.BINDER_LOCKS));
        // KCL mode: one lease table per binding and namespace (not one named after the group)
        for (String binding : new String[] {CUSTOMERS_IN, SCORED_IN, FEEDBACK_IN}) {
            properties.put(
                    "spring.cloud.stream.kinesis.bindings." + binding + ".consumer.lease-table-name",
                    names.table(Table.BINDER_CHECKPOINTS) + "-c360-kcl-" + binding);
        }
        environment.getPropertySources().addLast(new MapPropertySource("c360ResourceNames", properties));
    }

    private static String destination(String binding) {
        return "spring.cloud.stream.bindings." + binding + ".destination";
    }
}
