package io.cdp.lake;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.pii.Token;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The scored table ({@code scored/day=<day>/...}) as training reads it: which model scored a transaction, with what
 * score, and whether it raised an alert. The stream transformer writes the table (with every feature as a column of
 * its own); this reader takes only the columns the label join and the champion's record need, by name, so columns
 * the writer adds later change nothing here.
 */
public final class ScoredTransactions {

    private ScoredTransactions() {}

    public record Scored(
            String transactionId,
            String cardToken,
            Instant transactionTime,
            double score,
            boolean alert,
            String modelVersion) {}

    public static Scored fromRow(Map<String, Object> row) {
        return new Scored(
                (String) row.get("transactionId"),
                (String) row.get("cardToken"),
                Instant.ofEpochMilli((Long) row.get("transactionTime")),
                (Double) row.get("score"),
                (Boolean) row.get("alert"),
                (String) row.get("modelVersion"));
    }

    /**
     * Every scored transaction in the bucket, in time order; a transaction scored twice (a replay that landed in two
     * objects) counts once, with its latest object's row.
     */
    public static List<Scored> readAll(S3Client s3, String bucket) {
        List<Scored> out = new ArrayList<>();
        rows(s3, bucket).values().forEach(row -> out.add(fromRow(row)));
        out.sort(Comparator.comparing(Scored::transactionTime).thenComparing(Scored::transactionId));
        return out;
    }

    /**
     * The scored transactions as the wire events the stream read (without a label: labels come from the evidence),
     * in time order: the live days a retraining learns from beside core banking's extraction. Rows written before the
     * transformer kept every field of the event (no {@code errors} column) are left out.
     */
    public static List<TransactionRecordedV1> transactions(S3Client s3, String bucket) {
        List<TransactionRecordedV1> out = new ArrayList<>();
        for (Map<String, Object> row : rows(s3, bucket).values()) {
            TransactionRecordedV1 tx = transaction(row);
            if (tx != null) {
                out.add(tx);
            }
        }
        out.sort(Comparator.comparing(TransactionRecordedV1::transactionTime)
                .thenComparing(TransactionRecordedV1::transactionId));
        return out;
    }

    /**
     * A scored row (as {@link ParquetFiles#read} gives it) back to the wire event the stream read, without its label;
     * null for a row written before the transformer kept every field of the event.
     */
    public static @Nullable TransactionRecordedV1 transaction(Map<String, Object> row) {
        if (!row.containsKey("errors") || !row.containsKey("customerToken")) {
            return null;
        }
        return new TransactionRecordedV1(
                (String) row.get("transactionId"),
                new Token((String) row.get("cardToken")),
                new Token((String) row.get("customerToken")),
                Instant.ofEpochMilli((Long) row.get("transactionTime")),
                BigDecimal.valueOf((Double) row.get("amount")),
                (String) row.get("currency"),
                (String) row.get("merchantId"),
                (String) row.get("merchantCity"),
                (String) row.get("merchantState"),
                (String) row.get("merchantZip"),
                (Integer) row.get("mcc"),
                Channel.valueOf((String) row.get("channel")),
                RawTransactions.errors((String) row.get("errors")),
                null);
    }

    /** Every row by transaction id, the latest object's row winning (objects listed in key order). */
    private static Map<String, Map<String, Object>> rows(S3Client s3, String bucket) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.SCORED))
                .contents()) {
            if (object.key().endsWith(".parquet")) {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                        .asByteArray();
                ParquetFiles.read(bytes).forEach(row -> byId.put((String) row.get("transactionId"), row));
            }
        }
        return byId;
    }
}
