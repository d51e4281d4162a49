package io.cdp.deploy;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KeyType;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.events.resources.CdpResources.Topic;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.LakeTables;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.sns.TopicProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Keys and every registry resource of {@link CdpResources}: Kinesis streams (on demand), DynamoDB tables (on demand,
 * point-in-time recovery), SQS queues with their dead-letter queues, the SNS topic, the lake and models buckets, all
 * encrypted with the customer-managed data key; the lake's Glue database and tables and an Athena workgroup.
 *
 * <p>The PII and token keys are created by {@link #createCoreZoneKeys(List)} once the task roles exist: their key
 * policies name the core zone's roles as the only principals that may decrypt, and deny decryption to everyone else.
 */
public final class KeysAndData extends Construct {

    /** Key administration without use: the account can manage, rotate and schedule deletion, not decrypt. */
    static final List<String> KEY_ADMIN_ACTIONS = List.of(
            "kms:Create*",
            "kms:Describe*",
            "kms:Enable*",
            "kms:List*",
            "kms:Put*",
            "kms:Update*",
            "kms:Revoke*",
            "kms:Disable*",
            "kms:Get*",
            "kms:Delete*",
            "kms:TagResource",
            "kms:UntagResource",
            "kms:ScheduleKeyDeletion",
            "kms:CancelKeyDeletion",
            "kms:RotateKeyOnDemand");

    static final List<String> KEY_USE_ACTIONS = List.of(
            "kms:Decrypt",
            "kms:Encrypt",
            "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext",
            "kms:DescribeKey");

    private final CdpResources names;
    private final Key dataKey;
    private final Map<KmsKey, Key> coreKeys = new EnumMap<>(KmsKey.class);
    private final Map<Stream, software.amazon.awscdk.services.kinesis.Stream> streams = new EnumMap<>(Stream.class);
    private final Map<Table, software.amazon.awscdk.services.dynamodb.Table> tables = new EnumMap<>(Table.class);
    private final Map<Queue, software.amazon.awscdk.services.sqs.Queue> queues = new EnumMap<>(Queue.class);
    private final Map<Queue, software.amazon.awscdk.services.sqs.Queue> deadLetterQueues = new EnumMap<>(Queue.class);
    private final Map<Topic, software.amazon.awscdk.services.sns.Topic> topics = new EnumMap<>(Topic.class);
    private final Map<Bucket, software.amazon.awscdk.services.s3.Bucket> buckets = new EnumMap<>(Bucket.class);
    private final software.amazon.awscdk.services.s3.Bucket accessLogs;

    public KeysAndData(Construct scope, String id, CdpSettings settings) {
        super(scope, id);
        this.names = settings.names();
        String region = Stack.of(this).getRegion();

        this.dataKey = Key.Builder.create(this, "DataKey")
                .alias(names.keyAlias(KmsKey.DATA))
                .description("CDP at-rest encryption of streams, tables, queues, topics, buckets and logs")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // services that encrypt on the tasks' behalf or for themselves
        dataKey.grantEncryptDecrypt(new ServicePrincipal("logs." + region + ".amazonaws.com"));
        dataKey.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");

        for (Stream stream : Stream.values()) {
            streams.put(
                    stream,
                    software.amazon.awscdk.services.kinesis.Stream.Builder.create(this, "Stream-" + stream.baseName())
                            .streamName(names.stream(stream))
                            .streamMode(StreamMode.ON_DEMAND)
                            .encryption(StreamEncryption.KMS)
                            .encryptionKey(dataKey)
                            .retentionPeriod(Duration.days(7))
                            .removalPolicy(RemovalPolicy.RETAIN)
                            .build());
        }

        for (Table table : Table.values()) {
            var builder = software.amazon.awscdk.services.dynamodb.Table.Builder.create(
                            this, "Table-" + table.baseName())
                    .tableName(names.table(table))
                    .partitionKey(attribute(table.partitionKey()))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true)
                            .build())
                    .encryption(TableEncryption.CUSTOMER_MANAGED)
                    .encryptionKey(dataKey)
                    .deletionProtection(true)
                    .removalPolicy(RemovalPolicy.RETAIN);
            if (table.sortKey() != null) builder.sortKey(attribute(table.sortKey()));
            if (table.ttlAttribute() != null) builder.timeToLiveAttribute(table.ttlAttribute());
            var created = builder.build();
            for (CdpResources.Index index : table.indexes()) {
                var props = software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps.builder()
                        .indexName(index.name())
                        .partitionKey(attribute(index.partitionKey()))
                        .projectionType(software.amazon.awscdk.services.dynamodb.ProjectionType.ALL);
                if (index.sortKey() != null) props.sortKey(attribute(index.sortKey()));
                created.addGlobalSecondaryIndex(props.build());
            }
            tables.put(table, created);
        }

        for (Queue queue : Queue.values()) {
            var builder = software.amazon.awscdk.services.sqs.Queue.Builder.create(this, "Queue-" + queue.baseName())
                    .queueName(names.queue(queue))
                    .encryption(QueueEncryption.KMS)
                    .encryptionMasterKey(dataKey)
                    .enforceSsl(true)
                    .retentionPeriod(Duration.days(14))
                    .visibilityTimeout(Duration.seconds(120));
            if (queue.hasDeadLetterQueue()) {
                var dlq = software.amazon.awscdk.services.sqs.Queue.Builder.create(this, "Dlq-" + queue.baseName())
                        .queueName(names.deadLetterQueue(queue))
                        .encryption(QueueEncryption.KMS)
                        .encryptionMasterKey(dataKey)
                        .enforceSsl(true)
                        .retentionPeriod(Duration.days(14))
                        .build();
                deadLetterQueues.put(queue, dlq);
                builder.deadLetterQueue(DeadLetterQueue.builder()
                        .queue(dlq)
                        .maxReceiveCount(queue.maxReceiveCount())
                        .build());
            }
            queues.put(queue, builder.build());
        }

        for (Topic topic : Topic.values()) {
            topics.put(
                    topic,
                    new software.amazon.awscdk.services.sns.Topic(
                            this,
                            "Topic-" + topic.baseName(),
                            TopicProps.builder()
                                    .topicName(names.topic(topic))
                                    .masterKey(dataKey)
                                    .enforceSsl(true)
                                    .build()));
        }

        // server access logs of the buckets and the ALB's access logs (which only SSE-S3 accepts)
        this.accessLogs = software.amazon.awscdk.services.s3.Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(400))
                        .noncurrentVersionExpiration(Duration.days(30))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        buckets.put(
                Bucket.LAKE,
                bucket(
                        Bucket.LAKE,
                        List.of(
                                LifecycleRule.builder()
                                        .id("raw-to-intelligent-tiering")
                                        .prefix(LakeLayout.RAW)
                                        .transitions(List.of(Transition.builder()
                                                .storageClass(StorageClass.INTELLIGENT_TIERING)
                                                .transitionAfter(Duration.days(30))
                                                .build()))
                                        .build(),
                                LifecycleRule.builder()
                                        .id("scored-to-intelligent-tiering")
                                        .prefix(LakeLayout.SCORED)
                                        .transitions(List.of(Transition.builder()
                                                .storageClass(StorageClass.INTELLIGENT_TIERING)
                                                .transitionAfter(Duration.days(30))
                                                .build()))
                                        .build(),
                                LifecycleRule.builder()
                                        // quarantined records are evidence for an investigation, not data to keep
                                        .id("quarantine-expiry")
                                        .prefix(LakeLayout.QUARANTINE)
                                        .expiration(Duration.days(90))
                                        .build(),
                                LifecycleRule.builder()
                                        .id("athena-results-expiry")
                                        .prefix("athena-results/")
                                        .expiration(Duration.days(7))
                                        .build(),
                                noncurrentVersions())));
        buckets.put(Bucket.MODELS, bucket(Bucket.MODELS, List.of(noncurrentVersions())));

        lakeCatalog(settings);
    }

    private software.amazon.awscdk.services.s3.Bucket bucket(Bucket bucket, List<LifecycleRule> rules) {
        return software.amazon.awscdk.services.s3.Bucket.Builder.create(this, "Bucket-" + bucket.baseName())
                .bucketName(names.bucket(bucket))
                .encryption(BucketEncryption.KMS)
                .encryptionKey(dataKey)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(bucket.baseName() + "/")
                .lifecycleRules(rules)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    private static LifecycleRule noncurrentVersions() {
        return LifecycleRule.builder()
                .id("noncurrent-versions")
                .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                        .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                        .transitionAfter(Duration.days(30))
                        .build()))
                .noncurrentVersionExpiration(Duration.days(365))
                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                .build();
    }

    /** Glue tables over the lake's Parquet (raw/ from the lake library's own schema, scored/) and a workgroup. */
    private void lakeCatalog(CdpSettings settings) {
        String account = Stack.of(this).getAccount();
        String database = names.bucket(Bucket.LAKE).replace('-', '_');
        String lake = "s3://" + names.bucket(Bucket.LAKE) + "/";
        CfnDatabase db = CfnDatabase.Builder.create(this, "LakeDatabase")
                .catalogId(account)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(database)
                        .description("The CDP lake: raw/ (tokenized, PII encrypted) and scored/ transactions")
                        .build())
                .build();

        // the columns come from the lake library (LakeTables), the same list libs/cdp-lake-sql makes its local views
        // from; only the partition projections (an Athena concern) are written here
        Map<String, Map<String, String>> projections = Map.of(
                LakeTables.RAW_TRANSACTIONS.name(),
                Map.of(
                        "projection.enabled", "true",
                        "projection.year.type", "integer",
                        "projection.year.range", "2000,2100",
                        "projection.month.type", "integer",
                        "projection.month.range", "1,12",
                        "projection.month.digits", "2"),
                LakeTables.SCORED_TRANSACTIONS.name(),
                Map.of(
                        "projection.enabled", "true",
                        "projection.day.type", "date",
                        "projection.day.format", "yyyy-MM-dd",
                        "projection.day.range", "2018-01-01,NOW"));
        for (LakeTables.Table table : LakeTables.ALL) {
            parquetTable(
                    db,
                    database,
                    table.name(),
                    lake + table.prefix(),
                    table.columns().stream()
                            .map(c -> column(c.name(), c.type()))
                            .toList(),
                    table.partitions().stream().map(p -> column(p, "string")).toList(),
                    projections.getOrDefault(table.name(), Map.of()));
        }

        CfnWorkGroup.Builder.create(this, "Athena")
                .name(names.namespace() + "cdp-analytics")
                .description("Analysts' queries over the CDP lake; results encrypted, kept 7 days")
                .state("ENABLED")
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation(lake + "athena-results/")
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_KMS")
                                        .kmsKey(dataKey.getKeyArn())
                                        .build())
                                .build())
                        .build())
                .build();
    }

    private void parquetTable(
            CfnDatabase db,
            String database,
            String name,
            String location,
            List<CfnTable.ColumnProperty> columns,
            List<CfnTable.ColumnProperty> partitions,
            Map<String, String> projection) {
        Map<String, String> parameters = new java.util.HashMap<>(projection);
        parameters.put("classification", "parquet");
        parameters.put("EXTERNAL", "TRUE");
        CfnTable table = CfnTable.Builder.create(this, "Glue-" + name)
                .catalogId(Stack.of(this).getAccount())
                .databaseName(database)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(name)
                        .tableType("EXTERNAL_TABLE")
                        .parameters(parameters)
                        .partitionKeys(partitions)
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(location)
                                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat")
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary(
                                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
                                        .build())
                                .columns(columns)
                                .build())
                        .build())
                .build();
        table.addResourceDependency(db);
    }

    private static CfnTable.ColumnProperty column(String name, String type) {
        return CfnTable.ColumnProperty.builder().name(name).type(type).build();
    }

    private static Attribute attribute(CdpResources.Key key) {
        return Attribute.builder()
                .name(key.name())
                .type(key.type() == KeyType.S ? AttributeType.STRING : AttributeType.NUMBER)
                .build();
    }

    /**
     * The PII and token keys, whose policies name {@code coreRoles} as the only principals that may use them and deny
     * {@code kms:Decrypt} to every other principal, whatever its IAM policies say. The account keeps administration
     * (rotation, policy, deletion) but not use.
     */
    void createCoreZoneKeys(List<IRole> coreRoles) {
        List<String> roleArns = coreRoles.stream().map(IRole::getRoleArn).toList();
        for (KmsKey key : CdpStack.CORE_ONLY_KEYS) {
            PolicyDocument policy = PolicyDocument.Builder.create()
                    .statements(List.of(
                            PolicyStatement.Builder.create()
                                    .sid("KeyAdministrationWithoutUse")
                                    .principals(List.of(new AccountRootPrincipal()))
                                    .actions(KEY_ADMIN_ACTIONS)
                                    .resources(List.of("*"))
                                    .build(),
                            PolicyStatement.Builder.create()
                                    .sid("CoreZoneUse")
                                    .principals(List.copyOf(coreRoles))
                                    .actions(KEY_USE_ACTIONS)
                                    .resources(List.of("*"))
                                    .build(),
                            PolicyStatement.Builder.create()
                                    .sid("NoDecryptOutsideTheCoreZone")
                                    .effect(Effect.DENY)
                                    .principals(List.of(new AnyPrincipal()))
                                    .actions(List.of("kms:Decrypt", "kms:ReEncryptFrom", "kms:CreateGrant"))
                                    .resources(List.of("*"))
                                    .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", roleArns)))
                                    .build()))
                    .build();
            coreKeys.put(
                    key,
                    Key.Builder.create(this, "Key-" + key.baseName())
                            .alias(names.keyAlias(key))
                            .description("CDP " + key.name() + " key: only the core banking zone may decrypt")
                            .enableKeyRotation(true)
                            .policy(policy)
                            .pendingWindow(Duration.days(30))
                            .removalPolicy(RemovalPolicy.RETAIN)
                            .build());
        }
    }

    public CdpResources names() {
        return names;
    }

    public Key dataKey() {
        return dataKey;
    }

    public Key coreKey(KmsKey key) {
        return coreKeys.get(key);
    }

    public software.amazon.awscdk.services.kinesis.Stream stream(Stream stream) {
        return streams.get(stream);
    }

    public software.amazon.awscdk.services.dynamodb.Table table(Table table) {
        return tables.get(table);
    }

    public software.amazon.awscdk.services.sqs.Queue queue(Queue queue) {
        return queues.get(queue);
    }

    public software.amazon.awscdk.services.sqs.Queue deadLetterQueue(Queue queue) {
        return deadLetterQueues.get(queue);
    }

    public software.amazon.awscdk.services.sns.Topic topic(Topic topic) {
        return topics.get(topic);
    }

    public software.amazon.awscdk.services.s3.Bucket bucket(Bucket bucket) {
        return buckets.get(bucket);
    }

    public software.amazon.awscdk.services.s3.Bucket accessLogs() {
        return accessLogs;
    }
}
