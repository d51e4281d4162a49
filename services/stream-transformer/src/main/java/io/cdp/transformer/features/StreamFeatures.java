package io.cdp.transformer.features;

import io.cdp.events.payload.Channel;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction;
import java.util.List;

/**
 * The wire payload as the online features read it. The vector, its names and order, the card state and its bytes
 * are {@code io.cdp.features.online} of libs/cdp-features (shared with the scoring API and training); this class
 * only maps {@link TransactionRecordedV1} onto {@link OnlineTransaction}. No feature is defined here.
 */
public final class StreamFeatures {

    private StreamFeatures() {
    }

    public static OnlineTransaction online(TransactionRecordedV1 tx) {
        return new OnlineTransaction(tx.transactionId(), tx.customerToken().value(), tx.cardToken().value(),
                tx.transactionTime(), tx.amount().doubleValue(), useChip(tx.channel()), tx.merchantId(),
                tx.merchantCity(), tx.merchantState(), tx.merchantZip(), tx.mcc(), tx.errors(),
                Boolean.TRUE.equals(tx.fraudLabel()));
    }

    public static List<OnlineTransaction> online(List<TransactionRecordedV1> txs) {
        return txs.stream().map(StreamFeatures::online).toList();
    }

    static TabFormerTransaction.UseChip useChip(Channel channel) {
        return switch (channel) {
            case CHIP -> TabFormerTransaction.UseChip.CHIP;
            case SWIPE -> TabFormerTransaction.UseChip.SWIPE;
            case ONLINE -> TabFormerTransaction.UseChip.ONLINE;
        };
    }

    /** {@link OnlineFeatures#batch} over wire transactions: what training and the parity checks compare against. */
    public static double[][] batch(List<TransactionRecordedV1> history, TabFormerContext ctx) {
        return OnlineFeatures.batch(online(history), ctx);
    }
}
