package io.cdp.scoring.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Card Precision@k as the Fraud-Detection-Handbook computes it (shared_functions.py {@code card_precision_top_k}
 * and {@code card_precision_top_k_day}): an investigator team can check k cards a day, so what matters is how
 * many of the day's k most suspicious cards really are compromised.
 *
 * <p>Days are taken in increasing order. Each day, transactions of cards already detected on earlier days are
 * dropped; the rest are grouped by card taking the maximum score and the maximum label; the k cards with the
 * highest maximum score are checked; the day's precision is the number of compromised ones among them divided by
 * k (k, not the number of cards available); those compromised cards join the detected set. The result is the mean
 * of the daily precisions. Where pandas leaves ties in an unspecified order, ties here go to the lower card id.
 */
public final class CardPrecision {

    private CardPrecision() {}

    /** One scored transaction: its day, its card (the handbook uses CUSTOMER_ID), its score and its label. */
    public record ScoredTransaction(int day, long card, double score, boolean fraud) {}

    /**
     * @param perDay          daily precision, in day order
     * @param compromisedPerDay compromised cards still undetected each day (the best a day could find)
     * @param mean            the mean of the daily precisions: CP@k
     */
    public record Result(List<Double> perDay, List<Integer> compromisedPerDay, double mean) {

        public Result {
            perDay = List.copyOf(perDay);
            compromisedPerDay = List.copyOf(compromisedPerDay);
        }
    }

    public static Result compute(List<ScoredTransaction> transactions, int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        Map<Integer, List<ScoredTransaction>> byDay = new TreeMap<>();
        for (ScoredTransaction t : transactions) {
            byDay.computeIfAbsent(t.day(), d -> new ArrayList<>()).add(t);
        }
        Set<Long> detected = new HashSet<>();
        List<Double> perDay = new ArrayList<>();
        List<Integer> compromised = new ArrayList<>();
        for (List<ScoredTransaction> day : byDay.values()) {
            Map<Long, double[]> cards = new HashMap<>();
            for (ScoredTransaction t : day) {
                if (detected.contains(t.card())) {
                    continue;
                }
                double[] agg = cards.computeIfAbsent(t.card(), c -> new double[] {Double.NEGATIVE_INFINITY, 0});
                agg[0] = Math.max(agg[0], t.score());
                agg[1] = Math.max(agg[1], t.fraud() ? 1 : 0);
            }
            List<Map.Entry<Long, double[]>> ranked = new ArrayList<>(cards.entrySet());
            ranked.sort(Comparator.comparingDouble((Map.Entry<Long, double[]> e) -> e.getValue()[0])
                    .reversed()
                    .thenComparing(Map.Entry::getKey));
            compromised.add(
                    (int) ranked.stream().filter(e -> e.getValue()[1] > 0).count());
            int hits = 0;
            for (int i = 0; i < Math.min(k, ranked.size()); i++) {
                if (ranked.get(i).getValue()[1] > 0) {
                    hits++;
                    detected.add(ranked.get(i).getKey());
                }
            }
            perDay.add((double) hits / k);
        }
        double mean = perDay.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Result(perDay, compromised, mean);
    }
}
