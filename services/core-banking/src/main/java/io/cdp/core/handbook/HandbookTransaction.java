package io.cdp.core.handbook;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A Fraud-Detection-Handbook transaction. {@code fraudScenario} is ground truth about how the fraud was
 * injected: stored for evaluation, never a model input.
 */
public record HandbookTransaction(
        long transactionId,
        LocalDateTime time,
        long customerId,
        long terminalId,
        BigDecimal amount,
        boolean fraud,
        int fraudScenario) {

    /** The handbook has no cards: each customer is treated as holding one card. */
    public String cardId() {
        return "hb-" + customerId + ":0";
    }

    public String txKey() {
        return time + "#" + transactionId;
    }
}
