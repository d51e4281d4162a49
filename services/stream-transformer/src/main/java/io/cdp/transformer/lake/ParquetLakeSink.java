package io.cdp.transformer.lake;

import blue.strategic.parquet.Dehydrator;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.ParquetFiles;
import io.cdp.lake.RawTransactions;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes scored rows as Parquet (parquet-floor: Apache Parquet without Hadoop's dependency tree, the library the
 * core-banking lake export uses) to the lake bucket, one object per day and batch as {@link LakeObjects} plans them.
 * Feature values are columns of their own, named as the model knows them, so analysts query them without decoding.
 */
public final class ParquetLakeSink implements LakeSink {

    public static final MessageType SCHEMA = schema();

    private final S3Client s3;
    private final String bucket;

    public ParquetLakeSink(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    private static MessageType schema() {
        List<Type> fields = new ArrayList<>();
        fields.add(string("transactionId"));
        fields.add(string("cardToken"));
        fields.add(string("customerToken"));
        fields.add(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                .named("transactionTime"));
        fields.add(Types.required(PrimitiveTypeName.DOUBLE).named("amount"));
        fields.add(string("currency"));
        fields.add(string("merchantId"));
        fields.add(Types.required(PrimitiveTypeName.INT32).named("mcc"));
        fields.add(string("channel"));
        fields.add(optionalString("merchantCity"));
        fields.add(optionalString("merchantState"));
        fields.add(optionalString("merchantZip"));
        fields.add(string("errors"));
        fields.add(Types.required(PrimitiveTypeName.DOUBLE).named("score"));
        fields.add(string("decision"));
        fields.add(Types.required(PrimitiveTypeName.BOOLEAN).named("alert"));
        fields.add(string("modelVersion"));
        fields.add(Types.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
                .named("scoredAt"));
        fields.add(string("sequenceNumber"));
        for (String name : OnlineFeatures.SCHEMA.names()) {
            fields.add(Types.optional(PrimitiveTypeName.DOUBLE).named("f_" + name));
        }
        // the challenger in its shadow period: absent when none shadowed the row
        fields.add(optionalString("shadowModelVersion"));
        fields.add(Types.optional(PrimitiveTypeName.DOUBLE).named("shadowScore"));
        return new MessageType("scored_transaction", fields);
    }

    private static Type optionalString(String name) {
        return Types.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(name);
    }

    private static Type string(String name) {
        return Types.required(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType())
                .named(name);
    }

    private static final Dehydrator<ScoredRow> DEHYDRATOR = (row, out) -> {
        out.write("transactionId", row.transactionId());
        out.write("cardToken", row.cardToken());
        out.write("customerToken", row.customerToken());
        out.write("transactionTime", row.transactionTime().toEpochMilli());
        out.write("amount", row.amount());
        out.write("currency", row.currency());
        out.write("merchantId", row.merchantId());
        out.write("mcc", row.mcc());
        out.write("channel", row.channel());
        if (row.merchantCity() != null) {
            out.write("merchantCity", row.merchantCity());
        }
        if (row.merchantState() != null) {
            out.write("merchantState", row.merchantState());
        }
        if (row.merchantZip() != null) {
            out.write("merchantZip", row.merchantZip());
        }
        // joined as core banking's raw/ joins them: one reader turns both back into the wire event
        out.write("errors", String.join(RawTransactions.ERROR_SEPARATOR, row.errors()));
        out.write("score", row.score());
        out.write("decision", row.decision());
        out.write("alert", row.alert());
        out.write("modelVersion", row.modelVersion());
        out.write("scoredAt", row.scoredAt().toEpochMilli());
        out.write("sequenceNumber", row.sequenceNumber());
        List<String> names = OnlineFeatures.SCHEMA.names();
        for (int i = 0; i < names.size(); i++) {
            double v = row.features()[i];
            if (!Double.isNaN(v)) {
                out.write("f_" + names.get(i), v);
            }
        }
        if (row.shadowModelVersion() != null && !Double.isNaN(row.shadowScore())) {
            out.write("shadowModelVersion", row.shadowModelVersion());
            out.write("shadowScore", row.shadowScore());
        }
    };

    @Override
    public void write(String stream, String shardId, List<ScoredRow> rows) {
        for (LakeObjects.Planned planned : LakeObjects.plan(stream, shardId, rows)) {
            s3.putObject(
                    b -> b.bucket(bucket).key(planned.key()).contentType(LakeLayout.PARQUET_CONTENT_TYPE),
                    RequestBody.fromBytes(toParquet(planned.rows())));
        }
    }

    public static byte[] toParquet(List<ScoredRow> rows) {
        return ParquetFiles.write(SCHEMA, rows, DEHYDRATOR);
    }
}
