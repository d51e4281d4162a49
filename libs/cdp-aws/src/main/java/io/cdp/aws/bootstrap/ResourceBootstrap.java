package io.cdp.aws.bootstrap;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates every resource in {@link CdpResources} for one namespace, idempotently: what exists is left as
 * it is, what is missing is created. Used by tests, by the {@code local} profile of every service and by
 * the demo; in AWS the same names come from {@code deploy/cdk} instead.
 */
public final class ResourceBootstrap {

    private static final Logger log = LoggerFactory.getLogger(ResourceBootstrap.class);
    private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(60);

    private final CdpResources names;
    private final Region region;
    private final KinesisClient kinesis;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final S3Client s3;
    private final KmsClient kms;

    public ResourceBootstrap(AwsClients clients, CdpResources names) {
        this.names = names;
        this.region = clients.settings().region();
        this.kinesis = clients.kinesis();
        this.dynamoDb = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.sns = clients.sns();
        this.s3 = clients.s3();
        this.kms = clients.kms();
    }

    /** What one run did: resource name to CREATED or EXISTED, in creation order. */
    public record Report(Map<String, Outcome> outcomes) {
        public long created() {
            return outcomes.values().stream().filter(o -> o == Outcome.CREATED).count();
        }
    }

    public enum Outcome {
        CREATED,
        EXISTED
    }

    public Report createAll() {
        Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
        for (KmsKey key : KmsKey.values()) outcomes.put(names.keyAlias(key), kmsKey(key));
        for (Table table : Table.values()) outcomes.put(names.table(table), table(table));
        for (Bucket bucket : Bucket.values()) outcomes.put(names.bucket(bucket), bucket(bucket));
        for (Queue queue : Queue.values()) outcomes.putAll(queue(queue));
        for (CdpResources.Topic topic : CdpResources.Topic.values()) {
            String name = names.topic(topic);
            boolean existed = sns.listTopicsPaginator().topics().stream()
                    .anyMatch(t -> t.topicArn().endsWith(":" + name));
            sns.createTopic(b -> b.name(name)); // idempotent by name
            outcomes.put(name, existed ? Outcome.EXISTED : Outcome.CREATED);
        }
        List<String> newStreams = new ArrayList<>();
        for (Stream stream : Stream.values()) {
            Outcome outcome = stream(stream);
            outcomes.put(names.stream(stream), outcome);
            if (outcome == Outcome.CREATED) newStreams.add(names.stream(stream));
        }
        newStreams.forEach(this::awaitActive);
        log.info(
                "AWS resources for namespace '{}': {} created, {} already there",
                names.namespace(),
                outcomes.values().stream().filter(o -> o == Outcome.CREATED).count(),
                outcomes.values().stream().filter(o -> o == Outcome.EXISTED).count());
        return new Report(outcomes);
    }

    private Outcome stream(Stream stream) {
        String name = names.stream(stream);
        try {
            kinesis.createStream(b -> b.streamName(name).shardCount(stream.shards()));
            return Outcome.CREATED;
        } catch (software.amazon.awssdk.services.kinesis.model.ResourceInUseException e) {
            return Outcome.EXISTED;
        }
    }

    private void awaitActive(String stream) {
        long deadline = System.nanoTime() + STREAM_ACTIVE_TIMEOUT.toNanos();
        while (kinesis.describeStreamSummary(b -> b.streamName(stream))
                        .streamDescriptionSummary()
                        .streamStatus()
                != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Kinesis stream " + stream + " not ACTIVE after " + STREAM_ACTIVE_TIMEOUT);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private Outcome table(Table table) {
        String name = names.table(table);
        var attributes = new ArrayList<AttributeDefinition>();
        var keys = new ArrayList<KeySchemaElement>();
        attributes.add(attribute(table.partitionKey()));
        keys.add(KeySchemaElement.builder()
                .attributeName(table.partitionKey().name())
                .keyType(KeyType.HASH)
                .build());
        if (table.sortKey() != null) {
            attributes.add(attribute(table.sortKey()));
            keys.add(KeySchemaElement.builder()
                    .attributeName(table.sortKey().name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        var indexes = new ArrayList<GlobalSecondaryIndex>();
        for (CdpResources.Index index : table.indexes()) {
            addAttribute(attributes, index.partitionKey());
            if (index.sortKey() != null) {
                addAttribute(attributes, index.sortKey());
            }
            indexes.add(index(index));
        }
        try {
            dynamoDb.createTable(b -> {
                b.tableName(name)
                        .attributeDefinitions(attributes)
                        .keySchema(keys)
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                if (!indexes.isEmpty()) {
                    b.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException e) {
            addMissingIndexes(table, name, attributes);
            return Outcome.EXISTED;
        }
        // the SDK's default waiter polls every 20 s: dynalite keeps a new table CREATING for half a second, so each
        // table cost 20 s there (moto answers ACTIVE at once); a short fixed poll, bounded at two minutes
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(dynamoDb)
                .overrideConfiguration(w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(250)))
                        .waitTimeout(Duration.ofMinutes(2)))
                .build()) {
            waiter.waitUntilTableExists(b -> b.tableName(name));
        }
        if (table.ttlAttribute() != null) {
            try {
                dynamoDb.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.enabled(true).attributeName(table.ttlAttribute())));
            } catch (DynamoDbException e) {
                // a local DynamoDB without TTL (dynalite, which benches use beside moto): items never expire there,
                // which changes nothing a bench or test measures; anything else is a real failure
                if (!"UnknownOperationException".equals(errorCode(e))) {
                    throw e;
                }
                log.warn("{}: this DynamoDB endpoint has no TTL; its items do not expire", name);
            }
        }
        return Outcome.CREATED;
    }

    private static @org.jspecify.annotations.Nullable String errorCode(DynamoDbException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /**
     * A table created before an index was added to {@link CdpResources} (a long-running local emulator) gets the index
     * now, so code that queries it works there too; in AWS, deploy/cdk owns the tables.
     */
    private void addMissingIndexes(Table table, String name, List<AttributeDefinition> attributes) {
        if (table.indexes().isEmpty()) {
            return;
        }
        var existing = dynamoDb.describeTable(b -> b.tableName(name)).table().globalSecondaryIndexes().stream()
                .map(i -> i.indexName())
                .toList();
        for (CdpResources.Index index : table.indexes()) {
            if (existing.contains(index.name())) {
                continue;
            }
            dynamoDb.updateTable(b -> b.tableName(name)
                    .attributeDefinitions(attributes)
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.name())
                            .keySchema(index(index).keySchema())
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));
            log.info("{}: index {} added", name, index.name());
        }
    }

    private static GlobalSecondaryIndex index(CdpResources.Index index) {
        var keys = new ArrayList<KeySchemaElement>();
        keys.add(KeySchemaElement.builder()
                .attributeName(index.partitionKey().name())
                .keyType(KeyType.HASH)
                .build());
        if (index.sortKey() != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(index.sortKey().name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return GlobalSecondaryIndex.builder()
                .indexName(index.name())
                .keySchema(keys)
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }

    private static void addAttribute(List<AttributeDefinition> attributes, CdpResources.Key key) {
        if (attributes.stream().noneMatch(a -> a.attributeName().equals(key.name()))) {
            attributes.add(attribute(key));
        }
    }

    private static AttributeDefinition attribute(CdpResources.Key key) {
        return AttributeDefinition.builder()
                .attributeName(key.name())
                .attributeType(key.type() == CdpResources.KeyType.S ? ScalarAttributeType.S : ScalarAttributeType.N)
                .build();
    }

    private Outcome bucket(Bucket bucket) {
        String name = names.bucket(bucket);
        try {
            // in us-east-1 CreateBucket on an owned bucket succeeds silently, so ask first
            s3.headBucket(b -> b.bucket(name));
            return Outcome.EXISTED;
        } catch (NoSuchBucketException e) {
            // create it below
        }
        try {
            s3.createBucket(b -> {
                b.bucket(name);
                if (!Region.US_EAST_1.equals(region)) {
                    b.createBucketConfiguration(c -> c.locationConstraint(region.id()));
                }
            });
            return Outcome.CREATED;
        } catch (BucketAlreadyOwnedByYouException e) {
            return Outcome.EXISTED;
        }
    }

    private Map<String, Outcome> queue(Queue queue) {
        Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        if (queue.hasDeadLetterQueue()) {
            String dlqName = names.deadLetterQueue(queue);
            outcomes.put(dlqName, queueOutcome(dlqName));
            String dlqUrl = sqs.createQueue(b -> b.queueName(dlqName)
                            .attributes(Map.of(
                                    QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                                    String.valueOf(Duration.ofDays(14).toSeconds()))))
                    .queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            attributes.put(
                    QueueAttributeName.REDRIVE_POLICY,
                    "{\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\",\"deadLetterTargetArn\":\"" + dlqArn
                            + "\"}");
        }
        attributes.put(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                String.valueOf(Duration.ofDays(4).toSeconds()));
        String name = names.queue(queue);
        outcomes.put(name, queueOutcome(name));
        sqs.createQueue(b -> b.queueName(name).attributes(attributes));
        return outcomes;
    }

    private Outcome queueOutcome(String name) {
        try {
            sqs.getQueueUrl(b -> b.queueName(name));
            return Outcome.EXISTED;
        } catch (software.amazon.awssdk.services.sqs.model.SqsException e) {
            // the JSON protocol reports QueueDoesNotExist; emulators on the query protocol's
            // AWS.SimpleQueueService.NonExistentQueue arrive as a plain SqsException
            String code = e.awsErrorDetails() == null
                    ? ""
                    : String.valueOf(e.awsErrorDetails().errorCode());
            if (e instanceof software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException
                    || code.contains("NonExistentQueue")
                    || code.contains("QueueDoesNotExist")) {
                return Outcome.CREATED;
            }
            throw e;
        }
    }

    private Outcome kmsKey(KmsKey key) {
        String alias = names.keyAlias(key);
        if (findAlias(alias)) {
            return Outcome.EXISTED;
        }
        String keyId = kms.createKey(b -> {
                    b.description("CDP " + key.name() + " key (" + key.zone() + " zone)");
                    if (key.kind() == CdpResources.KeyKind.HMAC_256) {
                        b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC);
                    } else {
                        b.keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.ENCRYPT_DECRYPT);
                    }
                })
                .keyMetadata()
                .keyId();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
        return Outcome.CREATED;
    }

    private boolean findAlias(String alias) {
        for (var page : kms.listAliasesPaginator(b -> b.limit(100))) {
            for (AliasListEntry entry : page.aliases()) {
                if (alias.equals(entry.aliasName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for AWS resources", e);
        }
    }
}
