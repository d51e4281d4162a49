package io.cdp.scoring.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Threshold-free metrics computed exactly as scikit-learn computes them, so our figures compare with the
 * Fraud-Detection-Handbook's: {@code roc_auc_score} (trapezoids over the ROC curve, tied scores form one step)
 * and {@code average_precision_score} (step-wise sum of precision times recall increase, no interpolation).
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** One operating point per distinct score, highest score first: cumulative true and false positives. */
    public record Point(double threshold, long truePositives, long falsePositives) {}

    /** The points sklearn's _binary_clf_curve yields: one per distinct score, in decreasing score order. */
    public static List<Point> operatingPoints(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + labels.length + " labels");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Point> points = new ArrayList<>();
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            if (labels[i]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = k == order.length - 1 || scores[order[k + 1]] != scores[i];
            if (lastOfTie) {
                points.add(new Point(scores[i], tp, fp));
            }
        }
        return points;
    }

    /** Area under the ROC curve; needs at least one positive and one negative. */
    public static double rocAuc(double[] scores, boolean[] labels) {
        List<Point> points = operatingPoints(scores, labels);
        Point last = points.getLast();
        long positives = last.truePositives();
        long negatives = last.falsePositives();
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException(
                    "AUC needs both classes (positives=" + positives + ", negatives=" + negatives + ")");
        }
        double area = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (Point p : points) {
            // trapezoid between consecutive points, in counts; normalised once at the end
            area += (p.falsePositives() - prevFp) * (p.truePositives() + prevTp) / 2.0;
            prevTp = p.truePositives();
            prevFp = p.falsePositives();
        }
        return area / ((double) positives * negatives);
    }

    /** sklearn's average_precision_score: sum over thresholds of (R_n - R_{n-1}) * P_n. */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        List<Point> points = operatingPoints(scores, labels);
        long positives = points.getLast().truePositives();
        if (positives == 0) {
            throw new IllegalArgumentException("average precision needs at least one positive");
        }
        double ap = 0;
        long prevTp = 0;
        for (Point p : points) {
            double precision = (double) p.truePositives() / (p.truePositives() + p.falsePositives());
            ap += (double) (p.truePositives() - prevTp) / positives * precision;
            prevTp = p.truePositives();
        }
        return ap;
    }

    /** ROC curve as (false positive rate, true positive rate) pairs, starting at (0, 0). */
    public static double[][] rocCurve(double[] scores, boolean[] labels) {
        List<Point> points = operatingPoints(scores, labels);
        Point last = points.getLast();
        double[][] curve = new double[points.size() + 1][];
        curve[0] = new double[] {0, 0};
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            curve[i + 1] = new double[] {
                (double) p.falsePositives() / last.falsePositives(), (double) p.truePositives() / last.truePositives()
            };
        }
        return curve;
    }

    /** Precision-recall curve as (recall, precision) pairs in increasing recall, one per distinct score. */
    public static double[][] precisionRecallCurve(double[] scores, boolean[] labels) {
        List<Point> points = operatingPoints(scores, labels);
        long positives = points.getLast().truePositives();
        double[][] curve = new double[points.size()][];
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            curve[i] = new double[] {
                (double) p.truePositives() / positives,
                (double) p.truePositives() / (p.truePositives() + p.falsePositives())
            };
        }
        return curve;
    }
}
