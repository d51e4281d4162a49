package io.cdp.transformer.ingest;

import java.time.Instant;

/**
 * A record the transformer could not use, with why and where it came from. The original bytes travel base64-encoded,
 * exactly as received, so nothing about the record is lost or reinterpreted; the reason names fields and rules,
 * never field values (a malformed record may hold personal data in the wrong place).
 */
public record DeadLetter(
        String reason,
        String detail,
        String stream,
        String shardId,
        String sequenceNumber,
        String originalBase64,
        Instant receivedAt,
        String consumer) {}
