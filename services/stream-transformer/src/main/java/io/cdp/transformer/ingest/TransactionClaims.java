package io.cdp.transformer.ingest;

/**
 * The stream position that first carried each transaction. A producer that retries (a lost PutRecords response, a
 * second extraction of the same range) puts the same transaction on the stream again at another sequence number,
 * possibly under a new event id; a consumer replay reads the same record at the same sequence number again. The first
 * must change nothing, the second must redo the effects (idempotently), so the position, not the transaction id
 * alone, tells them apart.
 */
@FunctionalInterface
public interface TransactionClaims {

    /**
     * Claims {@code transactionId} for this position.
     *
     * @return true when this position owns the transaction (first seen here, or seen here before: a replay); false
     *     when another position owns it (a producer duplicate)
     */
    boolean claim(String transactionId, String stream, String shardId, String sequenceNumber);
}
