package io.cdp.core.extraction;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one extraction run, safe to show (counts, keys and times; no personal data). {@code
 * erasedCustomersSkipped} counts customers left out because they were erased (with their cards and transactions).
 */
public record ExtractionStatus(
        String extractionId,
        State state,
        ExtractionOptions options,
        Instant startedAt,
        @Nullable Instant finishedAt,
        long customers,
        long cards,
        long erasedCustomersSkipped,
        long historyTransactions,
        long liveTransactions,
        long publishedCustomerEvents,
        long publishedTransactions,
        List<String> lakeObjects,
        @Nullable String manifestKey,
        @Nullable String error) {

    public enum State {
        RUNNING,
        COMPLETED,
        STOPPED,
        FAILED
    }
}
