package io.cdp.training.train;

import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.metrics.RankingMetrics.Point;
import java.util.List;

/**
 * Chooses the three decision thresholds on validation data, for stated operating points:
 * <ul>
 *   <li>decline: the lowest score whose validation precision is at least {@code declinePrecision} (a wrongly
 *       declined card payment is the most expensive mistake toward a customer);</li>
 *   <li>alert: the lowest score with precision at least {@code alertPrecision} (the customer is contacted);</li>
 *   <li>review: the highest score that still reaches recall {@code reviewRecall} (analysts see most fraud).</li>
 * </ul>
 * When a precision target is out of reach the threshold is the top validation score, so the action fires only
 * above anything seen; thresholds are then made monotone (review &lt;= alert &lt;= decline).
 */
public final class ThresholdSelector {

    private final double reviewRecall;
    private final double alertPrecision;
    private final double declinePrecision;

    public ThresholdSelector(double reviewRecall, double alertPrecision, double declinePrecision) {
        this.reviewRecall = reviewRecall;
        this.alertPrecision = alertPrecision;
        this.declinePrecision = declinePrecision;
    }

    public static ThresholdSelector standard() {
        return new ThresholdSelector(0.80, 0.50, 0.90);
    }

    public Thresholds select(double[] scores, boolean[] labels) {
        List<Point> points = RankingMetrics.operatingPoints(scores, labels);
        long positives = points.getLast().truePositives();
        if (positives == 0) {
            throw new IllegalArgumentException("validation rows have no positive: thresholds cannot be chosen");
        }
        double top = points.getFirst().threshold();
        double decline = lowestWithPrecision(points, declinePrecision, top);
        double alert = lowestWithPrecision(points, alertPrecision, top);
        double review = points.getLast().threshold();
        for (Point p : points) {
            if ((double) p.truePositives() / positives >= reviewRecall) {
                review = p.threshold();
                break;
            }
        }
        alert = Math.min(alert, decline);
        review = Math.min(review, alert);
        return new Thresholds(
                review,
                alert,
                decline,
                String.format(
                        "chosen on validation: review at recall >= %.2f, alert at precision >= %.2f, decline at precision "
                                + ">= %.2f (the lowest score reaching each target)",
                        reviewRecall, alertPrecision, declinePrecision));
    }

    private static double lowestWithPrecision(List<Point> points, double target, double fallback) {
        double chosen = fallback;
        for (Point p : points) {
            if ((double) p.truePositives() / (p.truePositives() + p.falsePositives()) >= target) {
                chosen = p.threshold();
            }
        }
        return chosen;
    }
}
