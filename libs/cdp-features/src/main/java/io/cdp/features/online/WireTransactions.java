package io.cdp.features.online;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import java.util.List;

/**
 * The wire contract ({@link TransactionRecordedV1}, {@link Channel}) as the online features read it: the one mapping
 * the stream transformer, the scoring API's requests, training sets and the lake reader share. No feature is defined
 * here.
 */
public final class WireTransactions {

    private WireTransactions() {}

    public static OnlineTransaction online(TransactionRecordedV1 tx) {
        return new OnlineTransaction(
                tx.transactionId(),
                tx.customerToken().value(),
                tx.cardToken().value(),
                tx.transactionTime(),
                tx.amount().doubleValue(),
                useChip(tx.channel()),
                tx.merchantId(),
                tx.merchantCity(),
                tx.merchantState(),
                tx.merchantZip(),
                tx.mcc(),
                tx.errors(),
                Boolean.TRUE.equals(tx.fraudLabel()));
    }

    public static List<OnlineTransaction> online(List<TransactionRecordedV1> txs) {
        return txs.stream().map(WireTransactions::online).toList();
    }

    /** The wire channel as the TabFormer signals know it. */
    public static UseChip useChip(Channel channel) {
        return switch (channel) {
            case CHIP -> UseChip.CHIP;
            case SWIPE -> UseChip.SWIPE;
            case ONLINE -> UseChip.ONLINE;
        };
    }

    /** {@link OnlineFeatures#batch} over wire transactions: what training and the parity checks compare against. */
    public static double[][] batch(List<TransactionRecordedV1> history, TabFormerContext ctx) {
        return OnlineFeatures.batch(online(history), ctx);
    }
}
