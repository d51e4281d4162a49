package io.cdp.trainer.loop;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When a challenger replaces the champion: it must beat it by {@code margin} on the {@code primary} metric and be no
 * worse than {@code tolerance} on each other metric of {@link ModelMetrics#COMPARED}, both measured on the same
 * latest fully-labelled week. A week without a labelled fraud decides nothing (the champion stays). Margins are
 * absolute: metrics here live in 0..1.
 */
public record PromotionPolicy(String primary, double margin, double tolerance) {

    /**
     * Recall at the alert budget first, by 5 points: the bank staffs for a number of alerts, and what a new model must
     * show is more fraud caught within them. Average precision was the first choice and did not hold: on a week of
     * 50 to 150 frauds, two models trained on the same kind of data differed by up to 0.096 in average precision with
     * the same recall ({@code ./cdp eval loop --no-new-pattern}), so it promoted on noise. The others guard with a
     * tolerance of 2 points.
     */
    public static final PromotionPolicy DEFAULT = new PromotionPolicy("recall_at_alert", 0.05, 0.02);

    public PromotionPolicy {
        if (!ModelMetrics.COMPARED.contains(primary)) {
            throw new IllegalArgumentException(
                    "primary metric must be one of " + ModelMetrics.COMPARED + ", was " + primary);
        }
        if (margin < 0 || tolerance < 0) {
            throw new IllegalArgumentException("margin and tolerance cannot be negative");
        }
    }

    /**
     * @param promote whether the challenger should serve
     * @param reason  one line a person reads in the registry
     * @param numbers each compared metric of both models and their difference
     */
    public record Decision(boolean promote, String reason, Map<String, Double> numbers) {

        public Decision {
            numbers = Map.copyOf(numbers);
        }
    }

    public Decision decide(@Nullable ModelMetrics champion, ModelMetrics challenger) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (String m : ModelMetrics.COMPARED) {
            numbers.put("challenger." + m, challenger.get(m));
            if (champion != null) {
                numbers.put("champion." + m, champion.get(m));
                numbers.put("delta." + m, challenger.get(m) - champion.get(m));
            }
        }
        if (champion == null) {
            return new Decision(true, "no live champion: the challenger is the first model", numbers);
        }
        double chal = challenger.get(primary);
        double champ = champion.get(primary);
        if (Double.isNaN(chal) || Double.isNaN(champ)) {
            return new Decision(
                    false, "keep the champion: the evaluation week has no labelled fraud to compare on", numbers);
        }
        if (chal - champ < margin) {
            return new Decision(
                    false,
                    String.format(
                            Locale.ROOT,
                            "keep the champion: %s %.4f vs %.4f, %+.4f is under the margin %.4f",
                            primary,
                            chal,
                            champ,
                            chal - champ,
                            margin),
                    numbers);
        }
        for (String m : ModelMetrics.COMPARED) {
            double c = challenger.get(m);
            double p = champion.get(m);
            if (!m.equals(primary) && !Double.isNaN(c) && !Double.isNaN(p) && c < p - tolerance) {
                return new Decision(
                        false,
                        String.format(
                                Locale.ROOT,
                                "keep the champion: %s better by %+.4f but %s worse by %.4f, over the tolerance %.4f",
                                primary,
                                chal - champ,
                                m,
                                p - c,
                                tolerance),
                        numbers);
            }
        }
        return new Decision(
                true,
                String.format(
                        Locale.ROOT,
                        "promote: %s %.4f vs %.4f (%+.4f >= margin %.4f), no other metric worse than %.4f",
                        primary,
                        chal,
                        champ,
                        chal - champ,
                        margin,
                        tolerance),
                numbers);
    }
}
