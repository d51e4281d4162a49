package io.cdp.features.online;

import io.cdp.features.tabformer.TabFormerTransaction;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * A TabFormer-format file's transaction (the real release, or generated in its format) as the online features read
 * it: user and card numbers stand in for the tokens ({@code usr_<user>}, {@code crd_<user>-<card>}), the merchant hash
 * for the merchant id, errors split as the file lists them. Time is UTC, as everywhere in the features.
 */
public final class TabFormerOnline {

    private TabFormerOnline() {}

    public static OnlineTransaction online(TabFormerTransaction tx) {
        List<String> errors = tx.errors().isBlank()
                ? List.of()
                : Arrays.stream(tx.errors().split(","))
                        .map(String::strip)
                        .filter(e -> !e.isEmpty())
                        .toList();
        return new OnlineTransaction(
                "tf-" + tx.transactionId(),
                "usr_" + tx.user(),
                "crd_" + tx.user() + "-" + tx.card(),
                tx.time().toInstant(ZoneOffset.UTC),
                tx.amount(),
                tx.useChip(),
                Long.toString(tx.merchantName()),
                tx.merchantCity().isEmpty() ? null : tx.merchantCity(),
                tx.merchantState().isEmpty() ? null : tx.merchantState(),
                tx.zip(),
                tx.mcc(),
                errors,
                tx.fraud());
    }

    public static List<OnlineTransaction> online(List<TabFormerTransaction> txs) {
        return txs.stream().map(TabFormerOnline::online).toList();
    }
}
