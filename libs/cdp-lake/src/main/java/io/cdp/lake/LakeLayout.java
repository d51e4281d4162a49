package io.cdp.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where things live in the lake bucket. {@code raw/} is core-banking's extraction of the history (written once per
 * extraction id, never overwritten), {@code scored/} the stream transformer's scored transactions (named by stream,
 * shard and sequence numbers, so a replay overwrites the same objects), {@code labels/} what was learned about them
 * later.
 */
public final class LakeLayout {

    public static final String RAW = "raw/";
    public static final String RAW_TRANSACTIONS = RAW + "transactions/";
    public static final String RAW_CUSTOMERS = RAW + "customers/";
    public static final String RAW_CARDS = RAW + "cards/";
    /** One JSON manifest per extraction: what it wrote, how many rows, until when the history runs. */
    public static final String RAW_MANIFESTS = RAW + "_manifests/";

    public static final String SCORED = "scored/";

    /**
     * What the bank learned about scored transactions after the fact (customers' answers to alerts, chargebacks), one
     * object per batch: {@code labels/evidence/day=<day known>/<batch>.parquet} (see {@code io.cdp.lake.labels}).
     */
    public static final String LABEL_EVIDENCE = "labels/evidence/";
    /**
     * Stream records a consumer could not use, exactly as received (claim-check: the dead-letter message holds only
     * where and why); written with the PII key, because a malformed record may hold personal data anywhere.
     */
    public static final String QUARANTINE = "quarantine/";

    public static final String PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";

    private LakeLayout() {}

    /** {@code raw/transactions/year=YYYY/month=MM/}: the partition a transaction of that time belongs to. */
    public static String rawTransactionsPartition(Instant time) {
        ZonedDateTime at = time.atZone(ZoneOffset.UTC);
        return RAW_TRANSACTIONS + String.format("year=%04d/month=%02d/", at.getYear(), at.getMonthValue());
    }

    public static String manifestKey(String extractionId) {
        return RAW_MANIFESTS + extractionId + ".json";
    }
}
