package io.cdp.aws.inventory;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Counts what each registry resource of a namespace holds: records on a stream (read from the trim
 * horizon, as a new consumer would), messages on a queue, items in a table, objects in a bucket. For the
 * demo and for people looking at a local run; it reads whole streams, so it is not for production sizes.
 */
public final class Inventory {

    private static final int MAX_EMPTY_PAGES = 3;

    private final CdpResources names;
    private final KinesisClient kinesis;
    private final SqsClient sqs;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;

    public Inventory(AwsClients clients, CdpResources names) {
        this.names = names;
        this.kinesis = clients.kinesis();
        this.sqs = clients.sqs();
        this.dynamoDb = clients.dynamoDb();
        this.s3 = clients.s3();
    }

    public record Line(String kind, String name, long count, String unit) {}

    public List<Line> take() {
        List<Line> lines = new ArrayList<>();
        for (Stream stream : Stream.values()) {
            lines.add(new Line("kinesis", names.stream(stream), streamRecords(names.stream(stream)), "records"));
        }
        for (Queue queue : Queue.values()) {
            lines.add(new Line("sqs", names.queue(queue), queueMessages(names.queue(queue)), "messages"));
            if (queue.hasDeadLetterQueue()) {
                lines.add(new Line(
                        "sqs", names.deadLetterQueue(queue), queueMessages(names.deadLetterQueue(queue)), "messages"));
            }
        }
        for (Table table : Table.values()) {
            lines.add(new Line("dynamodb", names.table(table), tableItems(names.table(table)), "items"));
        }
        for (Bucket bucket : Bucket.values()) {
            lines.add(new Line("s3", names.bucket(bucket), bucketObjects(names.bucket(bucket)), "objects"));
        }
        return lines;
    }

    public long streamRecords(String stream) {
        long count = 0;
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            int empty = 0;
            while (iterator != null && empty < MAX_EMPTY_PAGES) {
                String current = iterator;
                var page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
                count += page.records().size();
                empty = page.records().isEmpty() ? empty + 1 : 0;
                if (page.millisBehindLatest() != null
                        && page.millisBehindLatest() == 0
                        && page.records().isEmpty()) {
                    break;
                }
                iterator = page.nextShardIterator();
            }
        }
        return count;
    }

    public long queueMessages(String queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(
                        attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    public long tableItems(String table) {
        long count = 0;
        for (var page : dynamoDb.scanPaginator(b -> b.tableName(table).select(Select.COUNT))) {
            count += page.count();
        }
        return count;
    }

    /** The token of one card with state in the feature store ({@code card#<token>} items), if any. */
    /** A card with online features, and the time of the last transaction its state holds (epoch milliseconds). */
    public record SampleCard(String token, long lastEventMillis) {}

    /** A card whose feature-store item holds a state (written by the transformer or the backfill). */
    public java.util.Optional<SampleCard> sampleCard() {
        String prefix = "card#";
        for (var page : dynamoDb.scanPaginator(b -> b.tableName(names.table(Table.FEATURES))
                .projectionExpression("entityKey, lastEventTime")
                .limit(100))) {
            for (var item : page.items()) {
                String key = item.get("entityKey").s();
                if (key.startsWith(prefix) && item.containsKey("lastEventTime")) {
                    return java.util.Optional.of(new SampleCard(
                            key.substring(prefix.length()),
                            Long.parseLong(item.get("lastEventTime").n())));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public java.util.Optional<String> sampleCardToken() {
        return sampleCard().map(SampleCard::token);
    }

    public long bucketObjects(String bucket) {
        long count = 0;
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
            count += page.keyCount();
        }
        return count;
    }
}
