package io.cdp.lake;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import blue.strategic.parquet.Dehydrator;
import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The raw transactions table ({@code raw/transactions/year=YYYY/month=MM/<extractionId>.parquet}): the wire payload
 * {@link TransactionRecordedV1} as columns, written by core-banking's extraction and read back, unchanged, by
 * training. One schema, one mapping each way.
 */
public final class RawTransactions {

    private static final LogicalTypeAnnotation STRING = LogicalTypeAnnotation.stringType();

    public static final MessageType SCHEMA = Types.buildMessage()
            .required(BINARY)
            .as(STRING)
            .named("transaction_id")
            .required(BINARY)
            .as(STRING)
            .named("card_token")
            .required(BINARY)
            .as(STRING)
            .named("customer_token")
            .required(INT64)
            .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS))
            .named("transaction_time")
            .required(DOUBLE)
            .named("amount")
            .required(BINARY)
            .as(STRING)
            .named("currency")
            .required(BINARY)
            .as(STRING)
            .named("merchant_id")
            .optional(BINARY)
            .as(STRING)
            .named("merchant_city")
            .optional(BINARY)
            .as(STRING)
            .named("merchant_state")
            .optional(BINARY)
            .as(STRING)
            .named("merchant_zip")
            .required(INT32)
            .named("mcc")
            .required(BINARY)
            .as(STRING)
            .named("channel")
            .required(BINARY)
            .as(STRING)
            .named("errors")
            .optional(BOOLEAN)
            .named("fraud_label")
            .named("transaction");

    /** Errors are one column, joined by this separator (no error text contains it). */
    public static final String ERROR_SEPARATOR = "|";

    public static final Dehydrator<TransactionRecordedV1> DEHYDRATOR = (t, w) -> {
        w.write("transaction_id", t.transactionId());
        w.write("card_token", t.cardToken().value());
        w.write("customer_token", t.customerToken().value());
        w.write("transaction_time", t.transactionTime().toEpochMilli());
        w.write("amount", t.amount().doubleValue());
        w.write("currency", t.currency());
        w.write("merchant_id", t.merchantId());
        if (t.merchantCity() != null) {
            w.write("merchant_city", t.merchantCity());
        }
        if (t.merchantState() != null) {
            w.write("merchant_state", t.merchantState());
        }
        if (t.merchantZip() != null) {
            w.write("merchant_zip", t.merchantZip());
        }
        w.write("mcc", t.mcc());
        w.write("channel", t.channel().name());
        w.write("errors", String.join(ERROR_SEPARATOR, t.errors()));
        if (t.fraudLabel() != null) {
            w.write("fraud_label", t.fraudLabel());
        }
    };

    private RawTransactions() {}

    public static byte[] toParquet(List<TransactionRecordedV1> rows) {
        return ParquetFiles.write(SCHEMA, rows, DEHYDRATOR);
    }

    /** A row as {@link ParquetFiles#read} gives it, back to the payload it was written from. */
    public static TransactionRecordedV1 fromRow(Map<String, Object> row) {
        String errors = (String) row.getOrDefault("errors", "");
        return new TransactionRecordedV1(
                (String) row.get("transaction_id"),
                new Token((String) row.get("card_token")),
                new Token((String) row.get("customer_token")),
                Instant.ofEpochMilli((Long) row.get("transaction_time")),
                BigDecimal.valueOf((Double) row.get("amount")),
                (String) row.get("currency"),
                (String) row.get("merchant_id"),
                optional(row, "merchant_city"),
                optional(row, "merchant_state"),
                optional(row, "merchant_zip"),
                (Integer) row.get("mcc"),
                Channel.valueOf((String) row.get("channel")),
                errors(errors),
                (Boolean) row.get("fraud_label"));
    }

    /** A column of errors joined by {@link #ERROR_SEPARATOR} back to the list (empty for none). */
    public static List<String> errors(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(Pattern.quote(ERROR_SEPARATOR)));
    }

    /** Every raw transaction in the bucket, in time order (ties by transaction id, so the order is stable). */
    public static List<TransactionRecordedV1> readAll(S3Client s3, String bucket) {
        List<TransactionRecordedV1> out = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.RAW_TRANSACTIONS))
                .contents()) {
            if (!object.key().endsWith(".parquet")) {
                continue;
            }
            byte[] bytes =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
            ParquetFiles.read(bytes).forEach(row -> out.add(fromRow(row)));
        }
        out.sort(Comparator.comparing(TransactionRecordedV1::transactionTime)
                .thenComparing(TransactionRecordedV1::transactionId));
        return out;
    }

    private static @Nullable String optional(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }
}
