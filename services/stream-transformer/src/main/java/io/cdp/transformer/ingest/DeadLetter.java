package io.cdp.transformer.ingest;

import java.time.Instant;

/**
 * The dead-letter message of a quarantined record: why, where it came from, and where its bytes are. Claim-check:
 * the bytes themselves are in S3 ({@code bucket}/{@code objectKey}, encrypted with the PII key), never in the
 * message, so the message is a few hundred bytes whatever the record was (SQS refuses over 256 KiB, a Kinesis record
 * may be 1 MiB) and a card number in the wrong field does not travel to the queue. {@code size} and {@code sha256}
 * identify the original bytes.
 */
public record DeadLetter(
        String reason,
        String detail,
        String stream,
        String shardId,
        String sequenceNumber,
        int size,
        String sha256,
        String bucket,
        String objectKey,
        Instant receivedAt,
        String consumer) {}
