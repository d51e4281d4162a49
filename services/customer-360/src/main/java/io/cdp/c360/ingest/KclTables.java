package io.cdp.c360.ingest;

import io.awspring.cloud.kinesis.integration.KclMessageDrivenChannelAdapter;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Table;
import java.time.Duration;
import org.springframework.cloud.stream.config.ConsumerEndpointCustomizer;
import org.springframework.integration.endpoint.MessageProducerSupport;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;

/**
 * KCL mode ({@code spring.cloud.stream.kinesis.binder.kpl-kcl-enabled=true}), configured as the stream transformer
 * does (its {@code ingest/KclTables}, docs/adr/0005): every table a KCL scheduler keeps named after the namespace, the
 * group and the stream (KCL 3 would name its coordinator and worker-metrics tables after the application alone, shared
 * by every binding and namespace), and KCL 2.x lease taking, which works on containers and the emulator. A copy of the
 * transformer's class, which is service-local; it belongs in a library with the binder glue both services share.
 */
final class KclTables implements ConsumerEndpointCustomizer<MessageProducerSupport> {

    private final CdpResources names;
    private final Duration failover;

    KclTables(CdpResources names, Duration failover) {
        this.names = names;
        this.failover = failover;
    }

    @Override
    public void configure(MessageProducerSupport endpoint, String destinationName, String group) {
        if (!(endpoint instanceof KclMessageDrivenChannelAdapter kcl)) {
            return;
        }
        String prefix = prefix(destinationName);
        kcl.setCoordinatorConfigCustomizer(config -> {
            config.clientVersionConfig(ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X);
            config.coordinatorStateTableConfig().tableName(prefix + "-coordinator");
        });
        kcl.setLeaseManagementConfigCustomizer(config -> {
            config.failoverTimeMillis(failover.toMillis());
            // a brand-new group's first shard sync would otherwise pause a minute before anything is consumed
            config.shardSyncIntervalMillis(1_000);
            config.workerUtilizationAwareAssignmentConfig()
                    .workerMetricsTableConfig()
                    .tableName(prefix + "-worker-metrics");
        });
    }

    /** {@code <namespace>cdp-binder-checkpoints-c360-<stream>}: apart from the transformer's tables of the same stream. */
    String prefix(String destinationName) {
        String stream = destinationName.startsWith(names.namespace())
                ? destinationName.substring(names.namespace().length())
                : destinationName;
        return names.table(Table.BINDER_CHECKPOINTS) + "-c360-" + stream;
    }
}
