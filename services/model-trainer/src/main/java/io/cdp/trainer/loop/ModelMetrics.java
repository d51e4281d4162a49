package io.cdp.trainer.loop;

import io.cdp.scoring.metrics.CardPrecision;
import io.cdp.scoring.metrics.RankingMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one model did on one set of labelled transactions: the handbook's three numbers (ROC AUC, average precision,
 * Card Precision@100) and what the bank feels, recall at the alert threshold. The threshold is the one the bank's
 * alert budget sets ({@code alertShare} of transactions alerted, how the trainer chooses it), placed on these
 * transactions: two models compared on a week then alert the same number of transactions and recall compares like
 * with like (a threshold carried over from each model's own validation days alerts a different share of a later
 * week, and the model alerting more would look better for that alone). The model's stored threshold is measured too:
 * recall and the share alerted there. NaN where a number is undefined (no fraud, or nothing but fraud).
 */
public record ModelMetrics(
        double auc,
        double ap,
        double cardPrecision100,
        double recallAtAlert,
        double recallAtStoredThreshold,
        double alertRate,
        long frauds,
        long rows) {

    public static final List<String> COMPARED = List.of("auc", "ap", "cp100", "recall_at_alert");

    public static ModelMetrics of(
            double[] scores, boolean[] labels, int[] days, long[] cards, double storedThreshold, double alertShare) {
        double budgetThreshold = Double.POSITIVE_INFINITY;
        int budget = (int) Math.round(scores.length * alertShare);
        if (budget > 0) {
            double[] sorted = scores.clone();
            java.util.Arrays.sort(sorted);
            budgetThreshold = sorted[sorted.length - budget];
        }
        long caughtAtBudget = 0;
        for (int i = 0; i < scores.length; i++) {
            caughtAtBudget += labels[i] && scores[i] >= budgetThreshold ? 1 : 0;
        }
        long frauds = 0;
        long alerted = 0;
        long caught = 0;
        List<CardPrecision.ScoredTransaction> scored = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            frauds += labels[i] ? 1 : 0;
            boolean alert = scores[i] >= storedThreshold;
            alerted += alert ? 1 : 0;
            caught += alert && labels[i] ? 1 : 0;
            scored.add(new CardPrecision.ScoredTransaction(days[i], cards[i], scores[i], labels[i]));
        }
        boolean ranked = frauds > 0 && frauds < scores.length;
        return new ModelMetrics(
                ranked ? RankingMetrics.rocAuc(scores, labels) : Double.NaN,
                frauds > 0 ? RankingMetrics.averagePrecision(scores, labels) : Double.NaN,
                scores.length == 0
                        ? Double.NaN
                        : CardPrecision.compute(scored, 100).mean(),
                frauds > 0 ? (double) caughtAtBudget / frauds : Double.NaN,
                frauds > 0 ? (double) caught / frauds : Double.NaN,
                scores.length == 0 ? Double.NaN : (double) alerted / scores.length,
                frauds,
                scores.length);
    }

    /** One of {@link #COMPARED}. */
    public double get(String metric) {
        return switch (metric) {
            case "auc" -> auc;
            case "ap" -> ap;
            case "cp100" -> cardPrecision100;
            case "recall_at_alert" -> recallAtAlert;
            default -> throw new IllegalArgumentException("unknown metric " + metric + ", known: " + COMPARED);
        };
    }

    /** The numbers under {@code prefix.} (for the registry). */
    public Map<String, Double> asMap(String prefix) {
        Map<String, Double> out = new LinkedHashMap<>();
        COMPARED.forEach(m -> out.put(prefix + "." + m, get(m)));
        out.put(prefix + ".recall_at_stored_threshold", recallAtStoredThreshold);
        out.put(prefix + ".alert_rate_at_stored_threshold", alertRate);
        out.put(prefix + ".frauds", (double) frauds);
        out.put(prefix + ".rows", (double) rows);
        return out;
    }
}
