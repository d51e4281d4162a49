package io.cdp.deploy;

import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.KmsKey;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.events.resources.CdpResources.Topic;
import io.cdp.events.resources.CdpResources.Zone;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole suite in one stack, built from the two registries: {@link CdpResources} (every physical name) and
 * {@link CdpService} (every container). The parts are constructs of their own, wired in dependency order: network,
 * keys and data, then compute (one Fargate service per service, the trainer as a scheduled task), the optional
 * SageMaker endpoint and Bedrock guardrail, then alarms and the dashboard.
 */
public final class CdpStack extends Stack {

    private final CdpSettings settings;
    private final Network network;
    private final KeysAndData data;
    private final Compute compute;
    private final Operations operations;

    public CdpStack(Construct scope, String id, StackProps props, CdpSettings settings) {
        super(scope, id, props);
        this.settings = settings;
        this.data = new KeysAndData(this, "Data", settings);
        this.network = new Network(this, "Network", data.dataKey());
        this.compute = new Compute(this, "Compute", settings, network, data);
        this.operations = new Operations(this, "Operations", settings, data, compute);
    }

    public CdpSettings settings() {
        return settings;
    }

    public Network network() {
        return network;
    }

    public KeysAndData data() {
        return data;
    }

    public Compute compute() {
        return compute;
    }

    public Operations operations() {
        return operations;
    }

    /** What each service reads and writes: the input of least-privilege task roles (Compute). */
    static Map<String, Access> accessByModule() {
        Map<String, Access> access = new LinkedHashMap<>();
        access.put(
                CdpService.CORE_BANKING.module(),
                new Access(
                        List.of(),
                        List.of(Stream.CORE_CUSTOMERS, Stream.CORE_TRANSACTIONS),
                        tables(
                                Table.CUSTOMERS,
                                Table.CARDS,
                                Table.TRANSACTIONS,
                                Table.AUDIT,
                                Table.PII_KEYS,
                                Table.TOKEN_KEYS,
                                Table.CUSTOMER_TOKENS),
                        List.of(),
                        List.of(),
                        List.of(),
                        bucketPrefixes(Bucket.LAKE, "raw/*", true)));
        access.put(
                CdpService.STREAM_TRANSFORMER.module(),
                new Access(
                        List.of(Stream.CORE_CUSTOMERS, Stream.CORE_TRANSACTIONS, Stream.FEEDBACK),
                        List.of(Stream.SCORED_TRANSACTIONS),
                        tables(
                                Table.FEATURES,
                                Table.TRANSACTION_CLAIMS,
                                Table.ALERTS,
                                Table.MODELS,
                                Table.BINDER_CHECKPOINTS,
                                Table.BINDER_LOCKS),
                        List.of(Queue.FRAUD_ALERTS, Queue.STREAM_DEAD_LETTERS),
                        List.of(),
                        List.of(),
                        merge(
                                bucketPrefixes(Bucket.LAKE, "scored/*", true),
                                bucketPrefixes(Bucket.LAKE, "labels/*", true),
                                bucketPrefixes(Bucket.LAKE, "quarantine/*", true),
                                bucketPrefixes(Bucket.MODELS, "*", false))));
        access.put(
                CdpService.SCORING_API.module(),
                new Access(
                        List.of(),
                        List.of(),
                        tables(Table.FEATURES, Table.MODELS),
                        List.of(),
                        List.of(),
                        List.of(),
                        bucketPrefixes(Bucket.MODELS, "*", false)));
        access.put(
                CdpService.CUSTOMER_360.module(),
                new Access(
                        List.of(Stream.CORE_CUSTOMERS, Stream.SCORED_TRANSACTIONS, Stream.FEEDBACK),
                        List.of(),
                        tables(Table.PROFILES, Table.BINDER_CHECKPOINTS, Table.BINDER_LOCKS),
                        List.of(Queue.STREAM_DEAD_LETTERS),
                        List.of(),
                        List.of(),
                        bucketPrefixes(Bucket.LAKE, "quarantine/*", true)));
        access.put(
                CdpService.ALERTING.module(),
                new Access(
                        List.of(),
                        List.of(Stream.FEEDBACK),
                        tables(Table.ALERTS, Table.AUDIT),
                        List.of(),
                        List.of(Queue.FRAUD_ALERTS),
                        List.of(Topic.CUSTOMER_NOTIFICATIONS),
                        Map.of()));
        access.put(
                CdpService.CONSOLE.module(),
                new Access(
                        List.of(Stream.SCORED_TRANSACTIONS),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        merge(
                                bucketPrefixes(Bucket.LAKE, "raw/*", false),
                                bucketPrefixes(Bucket.LAKE, "scored/*", false)),
                        // alert outcomes, segments and CLV (libs/cdp-lake-sql) and the unmask audit trail: read only
                        tables(Table.ALERTS, Table.PROFILES, Table.AUDIT)));
        access.put(
                CdpService.MODEL_TRAINER.module(),
                new Access(
                        List.of(),
                        List.of(),
                        tables(Table.MODELS),
                        List.of(),
                        List.of(),
                        List.of(),
                        merge(bucketPrefixes(Bucket.LAKE, "*", false), bucketPrefixes(Bucket.MODELS, "*", true))));
        return access;
    }

    /**
     * @param readStreams streams it consumes (KCL: it also scales on their iterator age)
     * @param writeStreams streams it produces to
     * @param tables tables it reads and writes (conditional writes make every consumer a writer)
     * @param sendQueues queues it sends to
     * @param consumeQueues queues it consumes
     * @param topics topics it publishes to
     * @param buckets bucket -> object key patterns, with true for read-write and false for read
     * @param readTables tables it only reads
     */
    record Access(
            List<Stream> readStreams,
            List<Stream> writeStreams,
            List<Table> tables,
            List<Queue> sendQueues,
            List<Queue> consumeQueues,
            List<Topic> topics,
            Map<Bucket, Map<String, Boolean>> buckets,
            List<Table> readTables) {

        /** Without read-only tables. */
        Access(
                List<Stream> readStreams,
                List<Stream> writeStreams,
                List<Table> tables,
                List<Queue> sendQueues,
                List<Queue> consumeQueues,
                List<Topic> topics,
                Map<Bucket, Map<String, Boolean>> buckets) {
            this(readStreams, writeStreams, tables, sendQueues, consumeQueues, topics, buckets, List.of());
        }
    }

    private static List<Table> tables(Table... tables) {
        return List.of(tables);
    }

    private static Map<Bucket, Map<String, Boolean>> bucketPrefixes(Bucket bucket, String pattern, boolean write) {
        Map<Bucket, Map<String, Boolean>> map = new EnumMap<>(Bucket.class);
        map.put(bucket, Map.of(pattern, write));
        return map;
    }

    @SafeVarargs
    private static Map<Bucket, Map<String, Boolean>> merge(Map<Bucket, Map<String, Boolean>>... maps) {
        Map<Bucket, Map<String, Boolean>> merged = new EnumMap<>(Bucket.class);
        for (var map : maps) {
            map.forEach((bucket, patterns) -> merged.merge(bucket, patterns, (a, b) -> {
                Map<String, Boolean> both = new LinkedHashMap<>(a);
                both.putAll(b);
                return both;
            }));
        }
        return merged;
    }

    /** Which zone's key may decrypt PII: the CORE services of the catalog. */
    static List<CdpService> coreZone() {
        return CdpService.ALL.stream().filter(s -> s.zone() == Zone.CORE).toList();
    }

    static final List<KmsKey> CORE_ONLY_KEYS = List.of(KmsKey.PII, KmsKey.TOKEN);
}
