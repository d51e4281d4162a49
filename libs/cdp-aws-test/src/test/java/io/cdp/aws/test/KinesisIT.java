package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Stream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

@AwsEmulatorTest
class KinesisIT {

    private final KinesisClient kinesis;
    private final String stream;

    KinesisIT(AwsClients clients, CdpResources names) {
        this.kinesis = clients.kinesis();
        this.stream = names.stream(Stream.CORE_TRANSACTIONS);
    }

    @Test
    void putRecordsSpreadsOverTwoShardsAndGetRecordsReadsEveryRecordInPartitionOrder() {
        List<PutRecordsRequestEntry> entries = IntStream.range(0, 200)
                .mapToObj(i -> PutRecordsRequestEntry.builder()
                        .partitionKey("crd_card" + (i % 20) + "xxxxxxxxxxxxxxx")
                        .data(SdkBytes.fromString("card" + (i % 20) + ":" + i, StandardCharsets.UTF_8))
                        .build())
                .toList();

        var response = kinesis.putRecords(b -> b.streamName(stream).records(entries));

        assertThat(response.failedRecordCount()).isZero();
        List<Shard> shards = kinesis.listShards(b -> b.streamName(stream)).shards();
        assertThat(shards).hasSize(2);

        Map<String, List<Integer>> seqByCard = new HashMap<>();
        Map<String, Integer> perShard = new HashMap<>();
        for (Shard shard : shards) {
            for (Record record : readAll(shard.shardId())) {
                String[] parts = record.data().asUtf8String().split(":");
                seqByCard.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Integer.parseInt(parts[1]));
                perShard.merge(shard.shardId(), 1, Integer::sum);
            }
        }
        assertThat(seqByCard.values().stream().mapToInt(List::size).sum()).isEqualTo(200);
        assertThat(perShard).as("both shards receive records").hasSize(2);
        // one partition key lives in one shard, in the order it was put
        seqByCard.values().forEach(seq -> assertThat(seq).isSorted());
    }

    private List<Record> readAll(String shardId) {
        String iterator = kinesis.getShardIterator(
                        b -> b.streamName(stream).shardId(shardId).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20 && iterator != null; i++) {
            String current = iterator;
            var page = kinesis.getRecords(b -> b.shardIterator(current).limit(50));
            records.addAll(page.records());
            if (page.records().isEmpty() && page.millisBehindLatest() != null && page.millisBehindLatest() == 0) {
                break;
            }
            iterator = page.nextShardIterator();
        }
        return records;
    }
}
