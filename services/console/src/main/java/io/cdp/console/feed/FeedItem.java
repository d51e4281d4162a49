package io.cdp.console.feed;

import io.cdp.events.payload.ReasonCode;
import io.cdp.events.payload.TransactionScoredV1;
import java.util.List;

/**
 * One scored transaction as the feed shows it: tokens and non-personal attributes only (the scored stream carries no
 * PII), the score, the decision and the strongest reasons.
 */
public record FeedItem(
        String transactionId,
        String customerToken,
        String transactionTime,
        String amount,
        String currency,
        int mcc,
        String channel,
        double score,
        String decision,
        boolean alert,
        String modelVersion,
        List<String> reasons) {

    static FeedItem of(TransactionScoredV1 s) {
        return new FeedItem(
                s.transactionId(),
                s.customerToken().value(),
                s.transactionTime().toString(),
                s.amount().toPlainString(),
                s.currency(),
                s.mcc(),
                s.channel().name(),
                s.score(),
                s.decision().name(),
                Boolean.TRUE.equals(s.alert()),
                s.modelVersion(),
                s.reasonCodes().stream().limit(3).map(ReasonCode::feature).toList());
    }
}
