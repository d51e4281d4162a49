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
    /** When positive: thresholds by the share of transactions they flag, not by recall and precision. */
    private final double alertShare;

    private final double declineShare;

    public ThresholdSelector(double reviewRecall, double alertPrecision, double declinePrecision) {
        this(reviewRecall, alertPrecision, declinePrecision, 0, 0);
    }

    private ThresholdSelector(
            double reviewRecall,
            double alertPrecision,
            double declinePrecision,
            double alertShare,
            double declineShare) {
        this.reviewRecall = reviewRecall;
        this.alertPrecision = alertPrecision;
        this.declinePrecision = declinePrecision;
        this.alertShare = alertShare;
        this.declineShare = declineShare;
    }

    /**
     * Thresholds for a workload the bank chooses: review and alert the highest-scored {@code alertShare} of the
     * validation transactions (an alert is a review that also tells the customer), decline the highest
     * {@code declineShare}. What a fraud team staffs for, and what keeps the customers' inboxes quiet, whatever the
     * model's calibration.
     */
    public static ThresholdSelector byAlertShare(double alertShare, double declineShare) {
        if (!(0 < declineShare && declineShare <= alertShare && alertShare < 1)) {
            throw new IllegalArgumentException(
                    "need 0 < declineShare <= alertShare < 1, were " + declineShare + " and " + alertShare);
        }
        return new ThresholdSelector(0, 0, 0, alertShare, declineShare);
    }

    public static ThresholdSelector standard() {
        return new ThresholdSelector(0.80, 0.50, 0.90);
    }

    public Thresholds select(double[] scores, boolean[] labels) {
        if (alertShare > 0) {
            return byShare(scores);
        }
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

    private Thresholds byShare(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("no validation rows: thresholds cannot be chosen");
        }
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        double alert = lowestFlagging(sorted, alertShare);
        double decline = Math.max(alert, lowestFlagging(sorted, declineShare));
        return new Thresholds(
                alert,
                alert,
                decline,
                String.format(
                        "chosen on validation: review and alert at most %.2f %% of transactions, decline at most %.3f %%",
                        alertShare * 100, declineShare * 100));
    }

    /** The lowest score whose flagging (score >= it) takes at most {@code share} of the transactions. */
    static double lowestFlagging(double[] ascending, double share) {
        int n = ascending.length;
        int allowed = (int) Math.floor(n * share);
        // scores >= ascending[i] are the n - i from i up (i >= 1: the share is under 1); equal scores must all be in or
        // all out, so the cut moves up past a tie that straddles it
        for (int i = n - allowed; i < n; i++) {
            if (ascending[i] != ascending[i - 1]) {
                return ascending[i];
            }
        }
        return Math.min(1.0, Math.nextUp(ascending[n - 1]));
    }
}
