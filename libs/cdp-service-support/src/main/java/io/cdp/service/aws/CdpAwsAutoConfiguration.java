package io.cdp.service.aws;

import io.cdp.aws.AwsClients;
import io.cdp.aws.AwsSettings;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.events.resources.CdpResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK clients built by {@link AwsClients}, so that every service (and the Kinesis binder, which takes
 * our {@link KinesisAsyncClient}, {@link DynamoDbAsyncClient} and, in KCL mode, {@link CloudWatchAsyncClient}
 * instead of building its own) talks to
 * the emulator the way it needs locally and to AWS unchanged in ECS. Runs before Spring Cloud AWS's own
 * client auto-configurations, whose beans back off when ours exist.
 */
@AutoConfiguration(
        beforeName = {
            "io.awspring.cloud.kinesis.stream.binder.config.KinesisBinderConfiguration",
            "io.awspring.cloud.autoconfigure.dynamodb.DynamoDbAutoConfiguration",
            "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
            "io.awspring.cloud.autoconfigure.sns.SnsAutoConfiguration",
            "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"
        })
@EnableConfigurationProperties(CdpAwsProperties.class)
public class CdpAwsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CdpAwsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    AwsClients cdpAwsClients(CdpAwsProperties properties) {
        AwsSettings settings = properties.settings();
        log.info(
                "AWS: {} in {}",
                settings.isLocal() ? "emulator at " + settings.endpoint() : "default endpoints",
                settings.region());
        return new AwsClients(settings);
    }

    /**
     * The resource names of this deployment; created first when {@code cdp.aws.bootstrap} is on, so
     * every bean that needs a name (and the binder, which starts after all singletons) finds it there.
     */
    @Bean
    @ConditionalOnMissingBean
    CdpResources cdpResources(CdpAwsProperties properties, AwsClients clients) {
        CdpResources names = properties.names();
        if (properties.bootstrap()) {
            if (!clients.settings().isLocal()) {
                throw new IllegalStateException(
                        "cdp.aws.bootstrap=true needs an emulator endpoint (cdp.aws.endpoint or "
                                + "AWS_ENDPOINT_URL); real accounts get their resources from deploy/cdk");
            }
            var report = new ResourceBootstrap(clients, names).createAll();
            log.info("AWS resources ready in namespace '{}': {} created", names.namespace(), report.created());
        }
        return names;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KinesisAsyncClient kinesisAsyncClient(AwsClients clients) {
        return clients.kinesisAsync();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KinesisClient kinesisClient(AwsClients clients) {
        return clients.kinesis();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DynamoDbAsyncClient dynamoDbAsyncClient(AwsClients clients) {
        return clients.dynamoDbAsync();
    }

    /**
     * The binder's KCL mode ({@code kpl-kcl-enabled}) asks for a CloudWatch client; its own {@code cloudWatch} bean
     * fails with a NullPointerException when no {@code AwsClientCustomizer} exists, and would miss the emulator
     * settings anyway. Built lazily by the SDK: no connection is opened until a metric is published.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    CloudWatchAsyncClient cloudWatchAsyncClient(AwsClients clients) {
        return clients.cloudWatchAsync();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DynamoDbClient dynamoDbClient(AwsClients clients) {
        return clients.dynamoDb();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SqsClient sqsClient(AwsClients clients) {
        return clients.sqs();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SnsClient snsClient(AwsClients clients) {
        return clients.sns();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    S3Client s3Client(AwsClients clients) {
        return clients.s3();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KmsClient kmsClient(AwsClients clients) {
        return clients.kms();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SageMakerRuntimeClient sageMakerRuntimeClient(AwsClients clients) {
        return clients.sageMakerRuntime();
    }
}
