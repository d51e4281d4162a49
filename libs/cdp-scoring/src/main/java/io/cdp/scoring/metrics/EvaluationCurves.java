package io.cdp.scoring.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's ROC and precision-recall curves on the days it was validated on, thinned to a few dozen points so they
 * travel as a registry note (strings in the model's item) and draw as a chart. Both curves keep their first and last
 * points; in between a point is kept once it lies {@link #SPACING} or further from the last kept one, so the steep
 * low-false-positive part of a fraud model's ROC keeps its shape instead of being sampled by index.
 */
public record EvaluationCurves(List<Point> roc, List<Point> pr, long rows, long positives) {

    /** The registry note of a version that holds its curves: the trainer writes it, the scoring API reads it. */
    public static final String NOTE = "curves";

    /** Spacing between kept points, in curve units (both axes run 0..1). */
    public static final double SPACING = 0.02;

    /** Hard cap per curve after spacing, evenly by index; a note stays far below DynamoDB's item size. */
    public static final int MAX_POINTS = 120;

    /** ROC: (false positive rate, true positive rate); PR: (recall, precision). */
    public record Point(double x, double y) {}

    public EvaluationCurves {
        roc = List.copyOf(roc);
        pr = List.copyOf(pr);
    }

    /** No curves: validation held no fraud or no genuine transaction, so neither curve exists. */
    public static EvaluationCurves none(long rows, long positives) {
        return new EvaluationCurves(List.of(), List.of(), rows, positives);
    }

    public static EvaluationCurves of(double[] scores, boolean[] labels) {
        long positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        if (positives == 0 || positives == labels.length) {
            return none(labels.length, positives);
        }
        return new EvaluationCurves(
                thin(RankingMetrics.rocCurve(scores, labels)),
                thin(RankingMetrics.precisionRecallCurve(scores, labels)),
                labels.length,
                positives);
    }

    public boolean isEmpty() {
        return roc.isEmpty() && pr.isEmpty();
    }

    static List<Point> thin(double[][] curve) {
        List<Point> kept = new ArrayList<>();
        double[] last = null;
        for (int i = 0; i < curve.length; i++) {
            double[] p = curve[i];
            boolean ends = i == 0 || i == curve.length - 1;
            if (ends || Math.hypot(p[0] - last[0], p[1] - last[1]) >= SPACING) {
                kept.add(new Point(p[0], p[1]));
                last = p;
            }
        }
        if (kept.size() <= MAX_POINTS) {
            return kept;
        }
        List<Point> capped = new ArrayList<>(MAX_POINTS);
        for (int k = 0; k < MAX_POINTS; k++) {
            capped.add(kept.get((int) Math.round((double) k * (kept.size() - 1) / (MAX_POINTS - 1))));
        }
        return capped;
    }

    /** The registry note: {@code roc} and {@code pr} as "x:y x:y ..." with four decimals, and the counts behind them. */
    public Map<String, String> toNote() {
        Map<String, String> note = new LinkedHashMap<>();
        note.put("roc", encode(roc));
        note.put("pr", encode(pr));
        note.put("rows", Long.toString(rows));
        note.put("positives", Long.toString(positives));
        return note;
    }

    /** Reads {@link #toNote()}'s form back; a missing or unreadable note gives empty curves, never an exception. */
    public static EvaluationCurves fromNote(Map<String, String> note) {
        try {
            return new EvaluationCurves(
                    decode(note.getOrDefault("roc", "")),
                    decode(note.getOrDefault("pr", "")),
                    Long.parseLong(note.getOrDefault("rows", "0")),
                    Long.parseLong(note.getOrDefault("positives", "0")));
        } catch (RuntimeException unreadable) {
            return none(0, 0);
        }
    }

    private static String encode(List<Point> points) {
        StringBuilder b = new StringBuilder();
        for (Point p : points) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(String.format(Locale.ROOT, "%.4f:%.4f", p.x(), p.y()));
        }
        return b.toString();
    }

    private static List<Point> decode(String text) {
        List<Point> out = new ArrayList<>();
        for (String pair : text.trim().split("\\s+")) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            out.add(new Point(
                    Double.parseDouble(pair.substring(0, colon)), Double.parseDouble(pair.substring(colon + 1))));
        }
        return out;
    }
}
