package io.cdp.features.handbook;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One transaction of the Fraud-Detection-Handbook simulator. {@code TX_FRAUD_SCENARIO} is deliberately absent: it
 * records how a fraud was injected and would leak the label into any model that saw it.
 */
public record HandbookTransaction(
        long transactionId,
        LocalDateTime txDatetime,
        long customerId,
        long terminalId,
        double amount,
        long txTimeSeconds,
        int txTimeDays,
        boolean fraud) {

    /**
     * Event time on the instant line used by every window. The simulator's timestamps carry no zone; reading them
     * as UTC keeps day arithmetic free of daylight-saving jumps, exactly as pandas does on naive timestamps.
     */
    public long eventTimeMillis() {
        return txDatetime.toEpochSecond(ZoneOffset.UTC) * 1000L + txDatetime.getNano() / 1_000_000;
    }
}
