package io.cdp.aws;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
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
 * Builds AWS SDK v2 clients from {@link AwsSettings}. Against an emulator it applies what emulators need
 * and AWS does not: JSON instead of CBOR for Kinesis, HTTP/1.1 for the async (Netty) clients, path-style
 * S3 addressing. Clients are cheap to share and expensive to build: build each once per process.
 */
public final class AwsClients {

    private static final String CBOR_PROPERTY = "aws.cborEnabled";

    private final AwsSettings settings;

    public AwsClients(AwsSettings settings) {
        this.settings = settings;
        if (settings.isLocal() && System.getProperty(CBOR_PROPERTY) == null && System.getenv("CBOR_ENABLED") == null) {
            // The SDK reads this when a Kinesis client is built; local emulators answer CBOR with errors,
            // which the binder turns into endless GetRecords failures and no checkpoint ever written.
            System.setProperty(CBOR_PROPERTY, "false");
        }
    }

    public static AwsClients fromEnvironment() {
        return new AwsClients(AwsSettings.fromEnvironment());
    }

    public AwsSettings settings() {
        return settings;
    }

    public KinesisClient kinesis() {
        return configure(KinesisClient.builder().httpClientBuilder(syncHttp()), "kinesis")
                .build();
    }

    public KinesisAsyncClient kinesisAsync() {
        return configure(KinesisAsyncClient.builder().httpClientBuilder(asyncHttp()), "kinesis")
                .build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder().httpClientBuilder(syncHttp()), "dynamodb")
                .build();
    }

    /**
     * For reads on a request path with a latency budget (the scoring API's card states): an attempt that has not
     * answered within {@code attemptTimeout} is abandoned and tried once more, the whole call gives up after two
     * attempts; a pool large enough that a request never waits for a connection, and waits at most
     * {@code attemptTimeout} if it must; idle connections kept alive so a sparse caller does not reconnect.
     * The default client waits up to 30 s for a socket and retries throttling with growing back-off: right for a batch
     * job, wrong for an authorization waiting on the answer.
     */
    public DynamoDbClient dynamoDbForRequestPath(Duration attemptTimeout, int maxConnections) {
        return configure(
                        DynamoDbClient.builder()
                                .httpClientBuilder(ApacheHttpClient.builder()
                                        .maxConnections(maxConnections)
                                        .connectionTimeout(attemptTimeout)
                                        .connectionAcquisitionTimeout(attemptTimeout)
                                        .socketTimeout(attemptTimeout)
                                        .tcpKeepAlive(true)
                                        .connectionMaxIdleTime(Duration.ofMinutes(5)))
                                .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout)
                                        .apiCallTimeout(
                                                attemptTimeout.multipliedBy(2).plusMillis(50))
                                        .retryStrategy(b -> b.maxAttempts(2))),
                        "dynamodb")
                .build();
    }

    public DynamoDbAsyncClient dynamoDbAsync() {
        return configure(DynamoDbAsyncClient.builder().httpClientBuilder(asyncHttp()), "dynamodb")
                .build();
    }

    /** For the Kinesis binder's KCL mode (KCL metrics); locally the emulator's endpoint and HTTP/1.1. */
    public CloudWatchAsyncClient cloudWatchAsync() {
        return configure(CloudWatchAsyncClient.builder().httpClientBuilder(asyncHttp()), "cloudwatch")
                .build();
    }

    public KmsClient kms() {
        return configure(KmsClient.builder().httpClientBuilder(syncHttp()), "kms")
                .build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder().httpClientBuilder(syncHttp()), "sqs")
                .build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder().httpClientBuilder(syncHttp()), "sns")
                .build();
    }

    public S3Client s3() {
        return configure(S3Client.builder().httpClientBuilder(syncHttp()), "s3")
                .forcePathStyle(settings.isLocal())
                .build();
    }

    public SageMakerRuntimeClient sageMakerRuntime() {
        return configure(SageMakerRuntimeClient.builder().httpClientBuilder(syncHttp()), "sagemaker_runtime")
                .build();
    }

    /** Applies region, credentials and (locally) the endpoint to any SDK client builder. */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service) {
        builder.region(settings.region()).credentialsProvider(settings.credentials());
        settings.endpointFor(service).ifPresent(builder::endpointOverride);
        return builder;
    }

    private ApacheHttpClient.Builder syncHttp() {
        return ApacheHttpClient.builder().maxConnections(64).connectionTimeout(Duration.ofSeconds(5));
    }

    private NettyNioAsyncHttpClient.Builder asyncHttp() {
        NettyNioAsyncHttpClient.Builder builder =
                NettyNioAsyncHttpClient.builder().maxConcurrency(128);
        if (settings.isLocal()) {
            // emulators speak HTTP/1.1 only; HTTP/2 fails with "First received frame was not SETTINGS"
            builder.protocol(Protocol.HTTP1_1);
        }
        return builder;
    }
}
