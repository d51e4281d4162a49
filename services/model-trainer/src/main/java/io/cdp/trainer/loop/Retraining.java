package io.cdp.trainer.loop;

import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.TransactionIds;
import io.cdp.lake.labels.Label;
import io.cdp.lake.labels.LabelJoin;
import io.cdp.lake.labels.LabelPolicy;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.trainer.online.LakeTraining;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.train.Progress;
import io.cdp.training.train.ThresholdSelector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One retraining: the challenger learns from the labels known at {@code asOf} with the serving feature code
 * ({@link OnlineCardTrainer}, {@link OnlineFeatures#batch}), then challenger and champion score the same latest
 * fully-labelled week, which the challenger never saw, with the same feature rows; drift is measured on the week
 * before {@code asOf} against the champion's last 28 training days. Plain Java: where the history, labels and champion come
 * from is the caller's ({@link RetrainRun} reads the lake and the registry).
 */
public final class Retraining {

    /** How many of the champion's last training days drift is measured against. */
    static final int REFERENCE_DAYS = 28;

    private Retraining() {}

    /**
     * The days of one retraining, all inclusive.
     *
     * @param trainFrom      first day the challenger learns from
     * @param validationFrom first of the days that pick its trees and thresholds
     * @param trainTo        last day it learns from (the day before the evaluation week)
     * @param evalFrom       first day of the evaluation week
     * @param evalTo         the last fully-labelled day at {@code asOf}
     */
    public record Windows(
            Instant asOf,
            LocalDate trainFrom,
            LocalDate validationFrom,
            LocalDate trainTo,
            LocalDate evalFrom,
            LocalDate evalTo) {

        /**
         * The latest fully labelled week ends on the last whole day at least the label delay before {@code asOf};
         * the challenger learns from the {@code trainDays} before it (not before {@code historyFrom}), the last
         * {@code validationDays} of them validating.
         */
        public static Windows at(
                Instant asOf, LabelPolicy policy, LocalDate historyFrom, int trainDays, int validationDays) {
            LocalDate evalTo = LocalDate.ofInstant(policy.fullyLabelledUntil(asOf), ZoneOffset.UTC)
                    .minusDays(1);
            LocalDate evalFrom = evalTo.minusDays(6);
            LocalDate trainTo = evalFrom.minusDays(1);
            LocalDate trainFrom = trainTo.minusDays(trainDays - 1L);
            if (trainFrom.isBefore(historyFrom)) {
                trainFrom = historyFrom;
            }
            LocalDate validationFrom = trainTo.minusDays(validationDays - 1L);
            if (!validationFrom.isAfter(trainFrom)) {
                throw new IllegalStateException("at " + asOf + " the fully-labelled history (from " + historyFrom
                        + ") is too short to train and validate before the evaluation week " + evalFrom + ".."
                        + evalTo);
            }
            return new Windows(asOf, trainFrom, validationFrom, trainTo, evalFrom, evalTo);
        }
    }

    /**
     * What a retraining measured.
     *
     * @param evalIds          the evaluation week's transaction ids, in the order of the score arrays
     * @param championScores   the champion's scores of them
     * @param challengerScores the challenger's
     * @param evalLabels       their labels as known at {@code asOf}
     * @param evalDays         their days (epoch days)
     * @param evalCards        their cards (hashed tokens), for Card Precision
     * @param psi              PSI of each feature, the week before {@code asOf} against the champion's last
     *                         {@link #REFERENCE_DAYS} training days
     * @param scorePsi         PSI of the champion's scores over the same two samples
     * @param championAlertThreshold the champion's alert threshold
     * @param shadowMetrics    the version in its shadow period (if one) on the same week and rows
     */
    public record Challenge(
            Windows windows,
            OnlineCardTrainer.Trained challenger,
            ModelMetrics champion,
            ModelMetrics challengerMetrics,
            List<String> evalIds,
            double[] championScores,
            double[] challengerScores,
            boolean[] evalLabels,
            int[] evalDays,
            long[] evalCards,
            Map<String, Double> psi,
            double scorePsi,
            double championAlertThreshold,
            @Nullable ModelMetrics shadowMetrics) {

        /** The champion's alert threshold (its artifact's). */
        public double championAlert() {
            return championAlertThreshold;
        }

        public Map.Entry<String, Double> maxPsi() {
            return psi.entrySet().stream()
                    .filter(e -> !e.getValue().isNaN())
                    .max(Map.Entry.comparingByValue())
                    .orElse(Map.entry("none", 0.0));
        }
    }

    /**
     * The history with each transaction's label as known at {@code asOf} (unlabelled ones as not fraud: they are all
     * after the fully-labelled days, which is all training and evaluation read).
     */
    public static List<OnlineTransaction> labelled(List<OnlineTransaction> history, LabelJoin.Result labels) {
        List<OnlineTransaction> out = new ArrayList<>(history.size());
        for (OnlineTransaction t : history) {
            Label label = labels.labels().get(t.transactionId());
            boolean fraud = label != null && label.fraud();
            out.add(
                    fraud == t.fraudLabel()
                            ? t
                            : new OnlineTransaction(
                                    t.transactionId(),
                                    t.customerToken(),
                                    t.cardToken(),
                                    t.time(),
                                    t.amount(),
                                    t.channel(),
                                    t.merchantId(),
                                    t.merchantCity(),
                                    t.merchantState(),
                                    t.merchantZip(),
                                    t.mcc(),
                                    t.errors(),
                                    fraud));
        }
        return out;
    }

    /**
     * @param labelled        transactions up to {@code windows.asOf()} in time order, labels as known then
     * @param shadow          the version in its shadow period, measured on the same week when there is one
     * @param championFrom    first day of the champion's training data (drift reference)
     * @param championTo      its last day
     */
    public static Challenge run(
            List<OnlineTransaction> labelled,
            Windows windows,
            ModelArtifact champion,
            @Nullable ModelArtifact shadow,
            LocalDate championFrom,
            LocalDate championTo,
            double alertShare,
            double declineShare,
            Progress progress) {
        List<OnlineTransaction> upToTrain = labelled.stream()
                .filter(t -> !day(t).isAfter(windows.trainTo()))
                .toList();
        long validationFrauds = upToTrain.stream()
                .filter(t -> t.fraudLabel() && !day(t).isBefore(windows.validationFrom()))
                .count();
        if (validationFrauds == 0) {
            throw new IllegalStateException("no labelled fraud in the validation days " + windows.validationFrom()
                    + ".." + windows.trainTo() + ": thresholds and early stopping need some");
        }
        OnlineCardTrainer.Trained trained = OnlineCardTrainer.train(
                new OnlineCardTrainer.Plan(
                        upToTrain,
                        windows.trainFrom(),
                        windows.validationFrom(),
                        windows.trainTo(),
                        ThresholdSelector.byAlertShare(alertShare, declineShare),
                        LakeTraining.PARAMETERS),
                progress);
        // one set of rows for both models: the features serving computes once the challenger's tables are published
        // (the tables are shared by every version), each row from earlier transactions only
        MccRiskTables tables = trained.tables();
        double[][] rows = OnlineFeatures.batch(labelled, tables.context());
        InProcessScorer champ = new InProcessScorer(champion);
        InProcessScorer chal = new InProcessScorer(trained.artifact());
        // the drift reference: the champion's last REFERENCE_DAYS training days. Its first days are the history's
        // start, where the as-of-day label tables are still filling (most categories unknown): on the demo's stack they
        // made mcc_risk_unknown read as drift (PSI 0.66) on every run
        LocalDate referenceFrom = championTo.minusDays(REFERENCE_DAYS - 1L).isAfter(championFrom)
                ? championTo.minusDays(REFERENCE_DAYS - 1L)
                : championFrom;
        List<Integer> eval = new ArrayList<>();
        List<double[]> reference = new ArrayList<>();
        List<double[]> current = new ArrayList<>();
        Instant weekBefore = windows.asOf().minus(java.time.Duration.ofDays(7));
        for (int i = 0; i < labelled.size(); i++) {
            OnlineTransaction t = labelled.get(i);
            LocalDate d = day(t);
            if (!d.isBefore(windows.evalFrom()) && !d.isAfter(windows.evalTo())) {
                eval.add(i);
            }
            if (!d.isBefore(referenceFrom) && !d.isAfter(championTo)) {
                reference.add(rows[i]);
            }
            if (!t.time().isBefore(weekBefore) && t.time().isBefore(windows.asOf())) {
                current.add(rows[i]);
            }
        }
        int n = eval.size();
        double[] champScores = new double[n];
        double[] chalScores = new double[n];
        boolean[] labels = new boolean[n];
        int[] days = new int[n];
        long[] cards = new long[n];
        List<String> ids = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int i = eval.get(k);
            OnlineTransaction t = labelled.get(i);
            champScores[k] = champ.score(rows[i]);
            chalScores[k] = chal.score(rows[i]);
            labels[k] = t.fraudLabel();
            days[k] = (int) day(t).toEpochDay();
            cards[k] = TransactionIds.of(t.cardToken());
            ids.add(t.transactionId());
        }
        ModelMetrics championMetrics = ModelMetrics.of(
                champScores,
                labels,
                days,
                cards,
                champion.metadata().thresholds().alert(),
                alertShare);
        ModelMetrics challengerMetrics = ModelMetrics.of(
                chalScores,
                labels,
                days,
                cards,
                trained.artifact().metadata().thresholds().alert(),
                alertShare);
        ModelMetrics shadowMetrics = null;
        if (shadow != null) {
            InProcessScorer sh = new InProcessScorer(shadow);
            double[] shScores = new double[n];
            for (int k = 0; k < n; k++) {
                shScores[k] = sh.score(rows[eval.get(k)]);
            }
            shadowMetrics = ModelMetrics.of(
                    shScores,
                    labels,
                    days,
                    cards,
                    shadow.metadata().thresholds().alert(),
                    alertShare);
        }
        double[][] ref = reference.toArray(double[][]::new);
        double[][] cur = current.toArray(double[][]::new);
        // drift is measured on the features as serving computed them for each day: label tables from the champion's
        // first day on (the challenger's start later, which would make the champion's early days look "unknown")
        if (championFrom.isBefore(windows.trainFrom())) {
            double[][] asServed = OnlineFeatures.batch(
                    labelled,
                    MccRiskTables.fromTransactions(
                                    labelled, championFrom, LocalDate.ofInstant(windows.asOf(), ZoneOffset.UTC))
                            .context());
            List<double[]> r = new ArrayList<>();
            List<double[]> c = new ArrayList<>();
            for (int i = 0; i < labelled.size(); i++) {
                OnlineTransaction t = labelled.get(i);
                LocalDate d = day(t);
                if (!d.isBefore(referenceFrom) && !d.isAfter(championTo)) {
                    r.add(asServed[i]);
                }
                if (!t.time().isBefore(weekBefore) && t.time().isBefore(windows.asOf())) {
                    c.add(asServed[i]);
                }
            }
            ref = r.toArray(double[][]::new);
            cur = c.toArray(double[][]::new);
        }
        Map<String, Double> psi = Psi.perFeature(OnlineFeatures.SCHEMA.names(), ref, cur);
        double scorePsi = Psi.of(scores(champ, ref), scores(champ, cur));
        return new Challenge(
                windows,
                trained,
                championMetrics,
                challengerMetrics,
                List.copyOf(ids),
                champScores,
                chalScores,
                labels,
                days,
                cards,
                psi,
                scorePsi,
                champion.metadata().thresholds().alert(),
                shadowMetrics);
    }

    private static double[] scores(InProcessScorer scorer, double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = scorer.score(rows[i]);
        }
        return out;
    }

    /** The history as the label join needs it: ids and times. */
    public static List<LabelJoin.Scored> refs(List<OnlineTransaction> history) {
        return history.stream()
                .map(t -> new LabelJoin.Scored(t.transactionId(), t.time()))
                .toList();
    }

    static LocalDate day(OnlineTransaction t) {
        return LocalDate.ofInstant(t.time(), ZoneOffset.UTC);
    }

    static final Comparator<OnlineTransaction> TIME_ORDER =
            Comparator.comparing(OnlineTransaction::time).thenComparing(OnlineTransaction::transactionId);
}
