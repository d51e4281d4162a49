package io.cdp.transformer.ingest;

import io.awspring.cloud.kinesis.integration.KclMessageDrivenChannelAdapter;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.time.Duration;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.integration.endpoint.MessageProducerSupport;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;

/**
 * KCL mode ({@code spring.cloud.stream.kinesis.binder.kpl-kcl-enabled=true}): names every table a KCL scheduler keeps
 * after the namespace and the stream, and runs the lease protocol KCL 2.x defined.
 *
 * <p>Why: KCL 3 names its coordinator-state table (leader lock, migration state) and its worker-metrics table after the
 * application name, i.e. the consumer group {@code stream-transformer}. Both bindings' schedulers and every namespace
 * (each test class, each bench run) then share them, and a leader elected from an earlier run's table, or workers
 * with empty metrics (no operating-range provider off EC2/ECS), leave the leases unassigned. KCL 3's worker-utilization
 * aware assignment also needs CPU metrics from EC2/ECS metadata; in the KCL 2.x-compatible client version each worker
 * takes leases itself (lease count balancing), which is what a consumer group on containers and on the emulator
 * needs. A deployment that wants utilization-aware assignment sets {@code cdp.transformer.kcl-client-version=3x}.
 *
 * <p>The failover time ({@code cdp.transformer.kcl-failover}, KCL's 10 s by default) also sets how often a worker
 * looks for leases to take (twice the failover time): how long a new or restarted consumer waits before it consumes.
 *
 * <p>The non-KCL consumer ignores this customizer.
 */
final class KclTables implements ConsumerEndpointCustomizer<MessageProducerSupport> {

    private final CdpResources names;
    private final ClientVersionConfig clientVersion;
    private final Duration failover;

    KclTables(CdpResources names, ClientVersionConfig clientVersion, Duration failover) {
        this.names = names;
        this.clientVersion = clientVersion;
        this.failover = failover;
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
     * {@code <namespace>cdp-binder-checkpoints-kcl-cdp.core.transactions}: the namespace once, then the stream's base
     * name (DynamoDB table names allow its dots), beside the binding's lease table.
     */
    String prefix(String destinationName) {
        String stream = destinationName.startsWith(names.namespace())
                ? destinationName.substring(names.namespace().length())
                : destinationName;
        return names.table(Table.BINDER_CHECKPOINTS) + "-kcl-" + stream;
    }
}
