package io.cdp.lake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        Map<String, Scored> byId = new java.util.LinkedHashMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(LakeLayout.SCORED))
                .contents()) {
            if (object.key().endsWith(".parquet")) {
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key()))
                        .asByteArray();
                ParquetFiles.read(bytes).forEach(row -> {
                    Scored s = fromRow(row);
                    byId.put(s.transactionId(), s);
                });
            }
        }
        List<Scored> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(Scored::transactionTime).thenComparing(Scored::transactionId));
        return out;
    }
}
