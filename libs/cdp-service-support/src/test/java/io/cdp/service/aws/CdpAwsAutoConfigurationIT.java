package io.cdp.service.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;

@AwsEmulatorTest(bootstrap = false)
class CdpAwsAutoConfigurationIT {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CdpAwsAutoConfiguration.class));

    @Test
    void localProfileBootstrapsTheNamespaceAndClientsReachTheEmulator(AwsEmulator emulator) {
        String namespace = CdpResources.forTest("CdpAwsAutoConfigurationIT").namespace();

        runner.withPropertyValues(
                        "cdp.aws.endpoint=" + emulator.endpoint(),
                        "cdp.aws.namespace=" + namespace,
                        "cdp.aws.bootstrap=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    CdpResources names = context.getBean(CdpResources.class);
                    assertThat(names.namespace()).isEqualTo(namespace);
                    var summary = context.getBean(KinesisAsyncClient.class)
                            .describeStreamSummary(b -> b.streamName(names.stream(Stream.CORE_TRANSACTIONS)))
                            .join();
                    assertThat(summary.streamDescriptionSummary().openShardCount())
                            .isEqualTo(Stream.CORE_TRANSACTIONS.shards());
                    assertThat(context.getBean(SqsClient.class)
                                    .getQueueUrl(b -> b.queueName(names.queue(CdpResources.Queue.FRAUD_ALERTS)))
                                    .queueUrl())
                            .contains(names.queue(CdpResources.Queue.FRAUD_ALERTS));
                    // the binder's KCL mode takes this one instead of building its own (which fails without a
                    // customizer)
                    assertThat(context.getBean(CloudWatchAsyncClient.class)
                                    .listMetrics(b -> b.namespace(namespace))
                                    .join()
                                    .metrics())
                            .isEmpty();
                });
    }

    @Test
    void withoutBootstrapNothingIsCreatedAndAnApplicationsOwnClientWins(AwsEmulator emulator) {
        AwsClients own = emulator.clients();
        String namespace = CdpResources.forTest("CdpAwsAutoConfigurationIT-off").namespace();

        runner.withPropertyValues("cdp.aws.endpoint=" + emulator.endpoint(), "cdp.aws.namespace=" + namespace)
                .withBean(AwsClients.class, () -> own)
                .run(context -> {
                    assertThat(context.getBean(AwsClients.class)).isSameAs(own);
                    String stream = context.getBean(CdpResources.class).stream(Stream.CORE_TRANSACTIONS);
                    assertThatThrownBy(() -> own.kinesis().describeStreamSummary(b -> b.streamName(stream)))
                            .isInstanceOf(ResourceNotFoundException.class);
                });
    }
}
