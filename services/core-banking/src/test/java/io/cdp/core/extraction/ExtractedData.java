package io.cdp.core.extraction;

import blue.strategic.parquet.Hydrator;
import blue.strategic.parquet.HydratorSupplier;
import blue.strategic.parquet.ParquetReader;
import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Reads back everything an extraction put outside the core zone: every Kinesis record and every lake object. */
final class ExtractedData {

    /** Parquet rows as column name to value text (null values left out). */
    private static final Hydrator<Map<String, String>, Map<String, String>> ROWS = new Hydrator<>() {
        public Map<String, String> start() {
            return new LinkedHashMap<>();
        }

        public Map<String, String> add(Map<String, String> row, String column, Object value) {
            if (value != null) {
                row.put(column, String.valueOf(value));
            }
            return row;
        }

        public Map<String, String> finish(Map<String, String> row) {
            return row;
        }
    };

    private ExtractedData() {}

    /** Every record on the stream, as UTF-8 text. */
    static List<String> streamRecords(AwsClients clients, String stream) {
        KinesisClient kinesis = clients.kinesis();
        List<String> out = new ArrayList<>();
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String it = iterator;
                GetRecordsResponse response =
                        kinesis.getRecords(b -> b.shardIterator(it).limit(10_000));
                response.records().forEach(r -> out.add(r.data().asUtf8String()));
                if (response.records().isEmpty()) {
                    break;
                }
                iterator = response.nextShardIterator();
            }
        }
        return out;
    }

    /** Every lake object under {@code raw/}: Parquet as rows of column values, anything else as one text value. */
    static Map<String, List<Map<String, String>>> lakeObjects(AwsClients clients, CdpResources names, Path tmp)
            throws Exception {
        S3Client s3 = clients.s3();
        String bucket = names.bucket(CdpResources.Bucket.LAKE);
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (S3Object o :
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("raw/")).contents()) {
            byte[] bytes =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
            if (o.key().endsWith(".parquet")) {
                Path file = Files.createTempFile(tmp, "lake", ".parquet");
                Files.write(file, bytes);
                try (var rows = ParquetReader.streamContent(file.toFile(), HydratorSupplier.constantly(ROWS))) {
                    out.put(o.key(), rows.toList());
                }
            } else {
                out.put(o.key(), List.of(Map.of("content", new String(bytes, StandardCharsets.UTF_8))));
            }
        }
        return out;
    }
}
