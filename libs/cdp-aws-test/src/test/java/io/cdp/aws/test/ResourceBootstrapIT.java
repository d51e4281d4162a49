package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.events.resources.CdpResources;
import org.junit.jupiter.api.Test;

@AwsEmulatorTest(bootstrap = false)
class ResourceBootstrapIT {

    @Test
    void createsEveryRegistryResourceOnceAndNothingTheSecondTime(AwsClients clients) {
        CdpResources names = CdpResources.forTest("ResourceBootstrapIT-idempotence");

        var first = new ResourceBootstrap(clients, names).createAll();
        var second = new ResourceBootstrap(clients, names).createAll();

        assertThat(first.outcomes().keySet()).containsExactlyInAnyOrderElementsOf(names.allNames());
        assertThat(first.created()).isEqualTo(names.allNames().size());
        assertThat(second.outcomes())
                .as("nothing created the second time")
                .allSatisfy(
                        (name, outcome) -> assertThat(outcome).as(name).isEqualTo(ResourceBootstrap.Outcome.EXISTED));
        assertThat(clients.kinesis()
                        .describeStreamSummary(b -> b.streamName(names.stream(CdpResources.Stream.CORE_TRANSACTIONS)))
                        .streamDescriptionSummary()
                        .openShardCount())
                .isEqualTo(CdpResources.Stream.CORE_TRANSACTIONS.shards());
    }
}
