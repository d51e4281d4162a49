package io.cdp.features.online;

import io.cdp.features.labels.LabelFeatureTable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The MCC risk tables in the models bucket ({@code labels/mcc/<asOfDay>.tsv}), written with a model, read by scorers. */
public final class MccRiskTableStore {

    private MccRiskTableStore() {}

    public static void publish(S3Client s3, String bucket, MccRiskTables tables) {
        for (LabelFeatureTable table : tables.tables()) {
            s3.putObject(
                    b -> b.bucket(bucket).key(MccRiskTables.objectKey(table)).contentType("text/tab-separated-values"),
                    RequestBody.fromString(MccRiskTables.text(table), StandardCharsets.UTF_8));
        }
    }

    public static MccRiskTables load(S3Client s3, String bucket) {
        List<String> keys =
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(MccRiskTables.PREFIX)).contents().stream()
                        .map(S3Object::key)
                        .filter(k -> k.endsWith(".tsv"))
                        .toList();
        List<LabelFeatureTable> tables = keys.stream()
                .map(key -> {
                    try (var in = s3.getObject(b -> b.bucket(bucket).key(key))) {
                        return MccRiskTables.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read label table " + key, e);
                    }
                })
                .toList();
        return new MccRiskTables(tables);
    }
}
