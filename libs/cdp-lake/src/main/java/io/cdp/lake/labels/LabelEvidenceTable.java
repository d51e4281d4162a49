package io.cdp.lake.labels;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import blue.strategic.parquet.Dehydrator;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.ParquetFiles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The label evidence table ({@code labels/evidence/day=<day known>/<batch>.parquet}): ids, kinds and times only, no
 * personal data. Appended by batch (a batch id names its objects, so writing a batch again overwrites, never
 * duplicates); read whole by the retraining job, which joins it to the scored transactions with {@link LabelJoin}.
 */
public final class LabelEvidenceTable {

    private static final LogicalTypeAnnotation STRING = LogicalTypeAnnotation.stringType();

    public static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY)
            .as(STRING)
            .named("transaction_id")
            .required(BINARY)
            .as(STRING)
            .named("kind")
            .required(INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named("known_at")
            .required(BINARY)
            .as(STRING)
            .named("reference")
            .named("label_evidence");

    private static final Dehydrator<LabelEvidence> DEHYDRATOR = (e, w) -> {
        w.write("transaction_id", e.transactionId());
        w.write("kind", e.kind().name());
        w.write("known_at", e.knownAt().toEpochMilli());
        w.write("reference", e.reference());
    };

    private LabelEvidenceTable() {}

    public static byte[] toParquet(List<LabelEvidence> rows) {
        return ParquetFiles.write(SCHEMA, rows, DEHYDRATOR);
    }

    public static LabelEvidence fromRow(Map<String, Object> row) {
        return new LabelEvidence(
                (String) row.get("transaction_id"),
                LabelEvidence.Kind.valueOf((String) row.get("kind")),
                Instant.ofEpochMilli((Long) row.get("known_at")),
                (String) row.get("reference"));
    }

    /** Writes a batch, one object per day the evidence became known; returns the keys written. */
    public static List<String> write(S3Client s3, String bucket, String batchId, List<LabelEvidence> batch) {
        Map<LocalDate, List<LabelEvidence>> byDay = new TreeMap<>();
        for (LabelEvidence e : batch) {
            byDay.computeIfAbsent(LocalDate.ofInstant(e.knownAt(), ZoneOffset.UTC), d -> new ArrayList<>())
                    .add(e);
        }
        List<String> keys = new ArrayList<>();
        byDay.forEach((day, rows) -> {
            String key = LakeLayout.LABEL_EVIDENCE + "day=" + day + "/" + batchId + ".parquet";
            s3.putObject(
                    b -> b.bucket(bucket).key(key).contentType(LakeLayout.PARQUET_CONTENT_TYPE),
                    RequestBody.fromBytes(toParquet(rows)));
            keys.add(key);
        });
        return keys;
    }

    /** Every piece of evidence in the lake, in the order it became known. */
    public static List<LabelEvidence> readAll(S3Client s3, String bucket) {
        List<LabelEvidence> out = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.LABEL_EVIDENCE))
                .contents()) {
            if (object.key().endsWith(".parquet")) {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                        .asByteArray();
                ParquetFiles.read(bytes).forEach(row -> out.add(fromRow(row)));
            }
        }
        out.sort(Comparator.comparing(LabelEvidence::knownAt).thenComparing(LabelEvidence::transactionId));
        return out;
    }
}
