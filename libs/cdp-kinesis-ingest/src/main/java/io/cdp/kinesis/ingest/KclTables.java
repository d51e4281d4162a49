package io.cdp.kinesis.ingest;

import io.awspring.cloud.kinesis.integration.KclMessageDrivenChannelAdapter;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.time.Duration;
import java.util.Locale;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.integration.endpoint.MessageProducerSupport;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;

/**
 * KCL mode ({@code spring.cloud.stream.kinesis.binder.kpl-kcl-enabled=true}): names every table a KCL scheduler keeps
 * after the namespace, the consumer (its {@code tag}) and the stream, and runs the lease protocol KCL 2.x defined
 * (docs/adr/0005).
 *
 * <p>Why: KCL 3 names its coordinator-state table (leader lock, migration state) and its worker-metrics table after the
 * application name, i.e. the consumer group. Every binding's scheduler and every namespace (each test class, each bench
 * run) then share them, and a leader elected from an earlier run's table, or workers with empty metrics (no
 * operating-range provider off EC2/ECS), leave the leases unassigned. KCL 3's worker-utilization aware assignment also
 * needs CPU metrics from EC2/ECS metadata; in the KCL 2.x-compatible client version each worker takes leases itself
 * (lease count balancing), which is what a consumer group on containers and on the emulator needs. A deployment that
 * wants utilization-aware assignment passes {@link ClientVersionConfig#CLIENT_VERSION_CONFIG_3X}.
 *
 * <p>The failover time (KCL's 10 s by default) also sets how often a worker looks for leases to take (twice the
 * failover time): how long a new or restarted consumer waits before it consumes.
 *
 * <p>The binder's own (non-KCL) consumer ignores this customizer.
 */
public final class KclTables implements ConsumerEndpointCustomizer<MessageProducerSupport> {

    private final CdpResources names;
    private final String tag;
    private final ClientVersionConfig clientVersion;
    private final Duration failover;

    /**
     * @param tag what tells this consumer's tables from another consumer group's on the same stream; each service's
     *     tag is part of its deployed table names, so it never changes ({@code kcl} for the stream transformer,
     *     {@code c360} for customer-360)
     */
    public KclTables(CdpResources names, String tag, ClientVersionConfig clientVersion, Duration failover) {
        this.names = names;
        this.tag = tag;
        this.clientVersion = clientVersion;
        this.failover = failover;
    }

    /** {@code 2x} or {@code 3x} (a property's value) as KCL's client version; anything else is refused. */
    public static ClientVersionConfig clientVersion(String property, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "2x" -> ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X;
            case "3x" -> ClientVersionConfig.CLIENT_VERSION_CONFIG_3X;
            default -> throw new IllegalArgumentException(property + " must be 2x or 3x, was '" + value + "'");
        };
    }

    @Override
    public void configure(MessageProducerSupport endpoint, String destinationName, String group) {
        if (!(endpoint instanceof KclMessageDrivenChannelAdapter kcl)) {
            return;
        }
        String prefix = prefix(destinationName);
        kcl.setCoordinatorConfigCustomizer(config -> {
            config.clientVersionConfig(clientVersion);
            config.coordinatorStateTableConfig().tableName(prefix + "-coordinator");
        });
        kcl.setLeaseManagementConfigCustomizer(config -> {
            config.failoverTimeMillis(failover.toMillis());
            // KCL pauses this long after a shard sync that created leases (60 s by default), and a brand-new consumer
            // group's first sync runs inside the scheduler's initialization: a minute before anything is consumed
            config.shardSyncIntervalMillis(1_000);
            config.workerUtilizationAwareAssignmentConfig()
                    .workerMetricsTableConfig()
                    .tableName(prefix + "-worker-metrics");
        });
    }

    /**
     * {@code <namespace>cdp-binder-checkpoints-<tag>-cdp.core.transactions}: the namespace once, then the stream's base
     * name (DynamoDB table names allow its dots).
     */
    public String prefix(String destinationName) {
        String stream = destinationName.startsWith(names.namespace())
                ? destinationName.substring(names.namespace().length())
                : destinationName;
        return names.table(Table.BINDER_CHECKPOINTS) + "-" + tag + "-" + stream;
    }
}
