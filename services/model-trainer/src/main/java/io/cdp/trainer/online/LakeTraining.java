package io.cdp.trainer.online;

import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.WireTransactions;
import io.cdp.lake.LakeLayout;
import io.cdp.lake.RawTransactions;
import io.cdp.lake.ScoredTransactions;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.train.Progress;
import io.cdp.training.train.ThresholdSelector;
import io.cdp.training.train.TrainingParameters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The online card model trained on the history core banking exported to the lake ({@code raw/transactions/}, tokens
 * and masked values only): the same rows the stream transformer would have computed for each transaction (card
 * windows, cold starts, MCC risk tables as of each day from labels older than their delay), a temporal split (the
 * last days validate), XGBoost4J, and thresholds chosen on the validation days for the share of transactions the
 * bank wants alerted.
 */
public final class LakeTraining {

    private static final Logger log = LoggerFactory.getLogger(LakeTraining.class);

    /** What the bank is asked to staff for by default: review at most 0.5 % of transactions, decline a tenth of it. */
    public static final double DEFAULT_ALERT_SHARE = 0.005;

    public static final double DEFAULT_DECLINE_SHARE = 0.0005;
    public static final double DEFAULT_VALIDATION_SHARE = 0.2;

    /**
     * A bank's history holds a few frauds per ten thousand transactions, and a validation slice of a few weeks only a
     * handful: early stopping on ROC AUC (stable with few positives; average precision jumps with each one), a
     * moderate positive weight with a capped leaf step (a full class balance makes the first trees chase single
     * frauds), and a slower learning rate. Chosen on generated validation days ({@code ./cdp eval online
     * --generate-users 200}): ROC AUC early stopping kept 24 trees where average precision kept 1.
     */
    public static final TrainingParameters PARAMETERS =
            new TrainingParameters(300, 4, 0.05, 1, 0.8, 0.8, 5, 1, 50, "auc", 2, 0, 25);

    private LakeTraining() {}

    /** The history in the lake, in time order; refuses an empty lake with what to do about it. */
    public static List<OnlineTransaction> history(S3Client s3, String lakeBucket) {
        List<TransactionRecordedV1> raw = RawTransactions.readAll(s3, lakeBucket);
        if (raw.isEmpty()) {
            throw new IllegalStateException("the lake (" + lakeBucket + ") holds no raw transactions: extract the "
                    + "history from core banking first ('./cdp extract')");
        }
        List<String> extractions =
                s3
                        .listObjectsV2Paginator(b -> b.bucket(lakeBucket).prefix(LakeLayout.RAW_MANIFESTS))
                        .contents()
                        .stream()
                        .map(o -> o.key()
                                .substring(LakeLayout.RAW_MANIFESTS.length())
                                .replace(".json", ""))
                        .toList();
        log.info("the lake's history: {} transactions from extraction(s) {}", raw.size(), extractions);
        return WireTransactions.online(raw);
    }

    /**
     * A retraining's history, in time order, with how much of it came from each table.
     *
     * @param extracted the transactions of core banking's extraction ({@code raw/})
     * @param live      the ones after it, read back from what the stream scored ({@code scored/})
     */
    public record History(List<OnlineTransaction> transactions, int extracted, int live) {}

    /**
     * {@link #history} and the live days after it: every transaction the stream transformer scored into {@code scored/}
     * that core banking's extraction does not hold, as the wire event it read (labels come from the evidence, never
     * from either table). What a retraining learns from, so the weeks since the extraction count too.
     */
    public static History historyWithLive(S3Client s3, String lakeBucket) {
        List<TransactionRecordedV1> raw = RawTransactions.readAll(s3, lakeBucket);
        if (raw.isEmpty()) {
            throw new IllegalStateException("the lake (" + lakeBucket + ") holds no raw transactions: extract the "
                    + "history from core banking first ('./cdp extract')");
        }
        Set<String> extracted = new HashSet<>();
        raw.forEach(t -> extracted.add(t.transactionId()));
        List<TransactionRecordedV1> live = ScoredTransactions.transactions(s3, lakeBucket).stream()
                .filter(t -> !extracted.contains(t.transactionId()))
                .toList();
        List<TransactionRecordedV1> all = new ArrayList<>(raw.size() + live.size());
        all.addAll(raw);
        all.addAll(live);
        all.sort(Comparator.comparing(TransactionRecordedV1::transactionTime)
                .thenComparing(TransactionRecordedV1::transactionId));
        log.info(
                "the lake's history: {} extracted transactions and {} live ones the stream scored after them",
                raw.size(),
                live.size());
        return new History(WireTransactions.online(all), raw.size(), live.size());
    }

    public static OnlineCardTrainer.Trained train(
            List<OnlineTransaction> history,
            TemporalSplit split,
            double alertShare,
            double declineShare,
            Progress progress) {
        long validationFrauds = history.stream()
                .filter(t -> t.fraudLabel()
                        && !TemporalSplit.day(t).isBefore(split.validationFrom())
                        && !TemporalSplit.day(t).isAfter(split.trainTo()))
                .count();
        if (validationFrauds == 0) {
            throw new IllegalStateException("no labelled fraud in the validation days " + split.validationFrom() + ".."
                    + split.trainTo() + ": early stopping and thresholds need some; load more history");
        }
        List<OnlineTransaction> upToTrainTo = history.stream()
                .filter(t -> !TemporalSplit.day(t).isAfter(split.trainTo()))
                .toList();
        return OnlineCardTrainer.train(
                new OnlineCardTrainer.Plan(
                        upToTrainTo,
                        split.from(),
                        split.validationFrom(),
                        split.trainTo(),
                        ThresholdSelector.byAlertShare(alertShare, declineShare),
                        PARAMETERS),
                progress);
    }
}
