package io.cdp.kinesis.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.awspring.cloud.kinesis.integration.KclMessageDrivenChannelAdapter;
import io.cdp.events.resources.CdpResources;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;

/** The KCL table names are deployed names: each service's must stay exactly what it was before the move. */
class KclTablesTest {

    private static final CdpResources NS = CdpResources.fromValue("t1-");

    @Test
    void theTransformersTablesKeepTheirNames() {
        KclTables tables =
                new KclTables(NS, "kcl", ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X, Duration.ZERO);
        assertThat(tables.prefix("t1-cdp.core.transactions"))
                .isEqualTo("t1-cdp-binder-checkpoints-kcl-cdp.core.transactions");
    }

    @Test
    void customer360sTablesKeepTheirNames() {
        KclTables tables =
                new KclTables(NS, "c360", ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X, Duration.ZERO);
        assertThat(tables.prefix("t1-cdp.scored.transactions"))
                .isEqualTo("t1-cdp-binder-checkpoints-c360-cdp.scored.transactions");
        assertThat(new KclTables(
                                CdpResources.fromValue(""),
                                "c360",
                                ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X,
                                Duration.ZERO)
                        .prefix("cdp.feedback"))
                .isEqualTo("cdp-binder-checkpoints-c360-cdp.feedback");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCoordinatorTableAndClientVersionAreSetOnAKclEndpoint() {
        KclMessageDrivenChannelAdapter adapter = mock(KclMessageDrivenChannelAdapter.class);
        new KclTables(NS, "c360", ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X, Duration.ofSeconds(3))
                .configure(adapter, "t1-cdp.core.customers", "customer-360");

        ArgumentCaptor<Consumer<CoordinatorConfig>> coordinator = ArgumentCaptor.forClass(Consumer.class);
        verify(adapter).setCoordinatorConfigCustomizer(coordinator.capture());
        verify(adapter).setLeaseManagementConfigCustomizer(any());
        CoordinatorConfig config = new CoordinatorConfig("customer-360");
        coordinator.getValue().accept(config);
        assertThat(config.coordinatorStateTableConfig().tableName())
                .isEqualTo("t1-cdp-binder-checkpoints-c360-cdp.core.customers-coordinator");
        assertThat(config.clientVersionConfig())
                .isEqualTo(ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X);
    }

    @Test
    void clientVersionsAreReadFromTheirPropertyOrRefused() {
        assertThat(KclTables.clientVersion("p", "3X")).isEqualTo(ClientVersionConfig.CLIENT_VERSION_CONFIG_3X);
        assertThat(KclTables.clientVersion("p", "2x"))
                .isEqualTo(ClientVersionConfig.CLIENT_VERSION_CONFIG_COMPATIBLE_WITH_2X);
        assertThatThrownBy(() -> KclTables.clientVersion("cdp.x.kcl-client-version", "4x"))
                .hasMessageContaining("cdp.x.kcl-client-version must be 2x or 3x");
    }
}
