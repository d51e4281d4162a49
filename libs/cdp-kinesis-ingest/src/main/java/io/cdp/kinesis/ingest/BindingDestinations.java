package io.cdp.kinesis.ingest;

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
 * so an explicit property still wins. Each service subclasses it with its bindings and registers the subclass in its
 * {@code META-INF/spring.factories} (an environment post-processor runs before any bean exists).
 */
public abstract class BindingDestinations implements EnvironmentPostProcessor {

    private final String sourceName;
    private final String leaseTableInfix;
    private final Map<String, Stream> bindings;

    /**
     * @param sourceName the property source's name (shows in the actuator's env endpoint)
     * @param leaseTableInfix between the checkpoint table's name and the binding's in each KCL lease table, e.g.
     *     {@code -kcl-}; part of the deployed names, so each service keeps its own
     * @param bindings each input binding and the stream it reads, in order
     */
    protected BindingDestinations(String sourceName, String leaseTableInfix, Map<String, Stream> bindings) {
        this.sourceName = sourceName;
        this.leaseTableInfix = leaseTableInfix;
        this.bindings = new LinkedHashMap<>(bindings);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String namespace = environment.getProperty("cdp.aws.namespace");
        CdpResources names = namespace != null ? CdpResources.fromValue(namespace) : CdpResources.fromEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource(sourceName, properties(names)));
    }

    /** The properties this adds for the given names. */
    public Map<String, Object> properties(CdpResources names) {
        Map<String, Object> properties = new LinkedHashMap<>();
        bindings.forEach((binding, stream) ->
                properties.put("spring.cloud.stream.bindings." + binding + ".destination", names.stream(stream)));
        properties.put("spring.cloud.stream.kinesis.binder.checkpoint.table", names.table(Table.BINDER_CHECKPOINTS));
        properties.put("spring.cloud.stream.kinesis.binder.locks.table", names.table(Table.BINDER_LOCKS));
        // KCL mode (kpl-kcl-enabled): one lease table per binding and namespace, not one named after the group
        for (String binding : bindings.keySet()) {
            properties.put(
                    "spring.cloud.stream.kinesis.bindings." + binding + ".consumer.lease-table-name",
                    names.table(Table.BINDER_CHECKPOINTS) + leaseTableInfix + binding);
        }
        return properties;
    }
}
