package io.cdp.aws.test;

import io.cdp.aws.AwsClients;
import io.cdp.events.Envelope;
import io.cdp.events.codec.EventCodec;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.ParquetFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Produces onto and reads back from the emulator what the integration tests look at. */
public final class PipelineFixture implements AutoCloseable {

    public final CdpResources names;
    public final EventCodec codec = new EventCodec();
    public final KinesisClient kinesis;
    public final S3Client s3;
    public final SqsClient sqs;
    public final DynamoDbClient dynamoDb;

    public PipelineFixture(AwsClients clients, CdpResources names) {
        this.names = names;
        this.kinesis = clients.kinesis();
        this.s3 = clients.s3();
        this.sqs = clients.sqs();
        this.dynamoDb = clients.dynamoDb();
    }

    public void putTransactions(List<TransactionRecordedV1> txs) {
        List<byte[]> records = txs.stream()
                .map(tx ->
                        codec.encode(Envelope.of("core-banking", tx.cardToken().value(), java.time.Instant.now(), tx)))
                .toList();
        putRaw(records, txs.stream().map(tx -> tx.cardToken().value()).toList());
    }

    /** In order per partition key: one PutRecords call at a time, each retried for its failed entries only. */
    public void putRaw(List<byte[]> data, List<String> partitionKeys) {
        for (int from = 0; from < data.size(); from += 250) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(data.size(), from + 250); i++) {
                entries.add(PutRecordsRequestEntry.builder()
                        .partitionKey(partitionKeys.get(i))
                        .data(SdkBytes.fromByteArray(data.get(i)))
                        .build());
            }
            var response = kinesis.putRecords(
                    b -> b.streamName(names.stream(Stream.CORE_TRANSACTIONS)).records(entries));
            if (response.failedRecordCount() > 0) {
                throw new IllegalStateException(response.failedRecordCount() + " records failed");
            }
        }
    }

    /** Every record of a stream from the beginning, shard by shard, each shard's records in order. */
    public Map<String, List<Record>> records(String stream) {
        Map<String, List<Record>> out = new java.util.LinkedHashMap<>();
        for (var shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            List<Record> records = new ArrayList<>();
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String it = iterator;
                var response = kinesis.getRecords(b -> b.shardIterator(it).limit(10_000));
                if (response.records().isEmpty()) {
                    break;
                }
                records.addAll(response.records());
                iterator = response.nextShardIterator();
            }
            out.put(shard.shardId(), records);
        }
        return out;
    }

    /** Every scored event on the scored stream, from the beginning, decoded (duplicates included). */
    public List<TransactionScoredV1> scoredEvents() {
        List<TransactionScoredV1> out = new ArrayList<>();
        records(names.stream(Stream.SCORED_TRANSACTIONS))
                .values()
                .forEach(shard ->
                        shard.forEach(r -> out.add(codec.decode(r.data().asByteArray(), TransactionScoredV1.class)
                                .payload())));
        return out;
    }

    /** Shard id to the sequence number of the shard's last record (shards without records left out). */
    public Map<String, String> lastSequenceNumbers(String stream) {
        Map<String, String> out = new java.util.HashMap<>();
        records(stream).forEach((shard, records) -> {
            if (!records.isEmpty()) {
                out.put(shard, records.getLast().sequenceNumber());
            }
        });
        return out;
    }

    /** Every row under scored/ as column name to value text. */
    public List<Map<String, String>> lakeRows() {
        String bucket = names.bucket(Bucket.LAKE);
        List<Map<String, String>> rows = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.SCORED))
                .contents()) {
            byte[] bytes =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
            for (Map<String, Object> row : ParquetFiles.read(bytes)) {
                Map<String, String> text = new HashMap<>();
                row.forEach((k, v) -> text.put(k, String.valueOf(v)));
                rows.add(text);
            }
        }
        return rows;
    }

    public List<Message> drain(Queue queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(names.queue(queue))).queueUrl();
        List<Message> all = new ArrayList<>();
        while (true) {
            var messages = sqs.receiveMessage(b -> b.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .messageAttributeNames("All"))
                    .messages();
            if (messages.isEmpty()) {
                return all;
            }
            all.addAll(messages);
            messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        }
    }

    public int alertClaims(java.util.Set<String> transactionIds) {
        return (int) dynamoDb.scanPaginator(b -> b.tableName(names.table(Table.ALERTS))).items().stream()
                .filter(i -> transactionIds.contains(i.get("transactionId").s()))
                .count();
    }

    public int alertClaims() {
        return dynamoDb.scanPaginator(b -> b.tableName(names.table(Table.ALERTS))).items().stream()
                .mapToInt(i -> 1)
                .sum();
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        kinesis.close();
        s3.close();
        sqs.close();
        dynamoDb.close();
    }
}
