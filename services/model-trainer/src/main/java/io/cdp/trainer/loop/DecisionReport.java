package io.cdp.trainer.loop;

import io.cdp.scoring.metrics.CardPrecision;
import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.trainer.eval.HtmlReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The model report of one decision, a self-contained HTML page (inline SVG, no scripts): both models' numbers on the
 * evaluation week, their ROC and precision-recall curves, Card Precision@100 by day, the drift table and the
 * decision with its reason. Stored beside the challenger's artifact ({@link #key}).
 */
public final class DecisionReport {

    private DecisionReport() {}

    /** {@code reports/<model>/<challenger version>.html} in the models bucket. */
    public static String key(String modelName, String challengerVersion) {
        return "reports/" + modelName + "/" + challengerVersion + ".html";
    }

    public static String render(
            Retraining.Challenge c, PromotionPolicy.Decision decision, String champion, String challenger) {
        HtmlReport report = new HtmlReport("Champion " + champion + " vs challenger " + challenger);
        List<String[]> rows = new ArrayList<>();
        for (String m : ModelMetrics.COMPARED) {
            rows.add(new String[] {
                m, fmt(c.champion().get(m)), fmt(c.challengerMetrics().get(m))
            });
        }
        rows.add(new String[] {
            "recall at stored threshold",
            fmt(c.champion().recallAtStoredThreshold()),
            fmt(c.challengerMetrics().recallAtStoredThreshold())
        });
        rows.add(new String[] {
            "alert rate at stored threshold",
            fmt(c.champion().alertRate()),
            fmt(c.challengerMetrics().alertRate())
        });
        report.table(new String[] {"metric", "champion", "challenger"}, rows);
        Retraining.Windows w = c.windows();
        report.paragraph(String.format(
                Locale.ROOT,
                "Evaluation week %s..%s (%d transactions, %d labelled fraud, labels as of %s); challenger trained on"
                        + " %s..%s, validated from %s. Decision: %s",
                w.evalFrom(),
                w.evalTo(),
                c.champion().rows(),
                c.champion().frauds(),
                w.asOf(),
                w.trainFrom(),
                w.trainTo(),
                w.validationFrom(),
                decision.reason()));
        if (c.champion().frauds() > 0 && c.champion().frauds() < c.champion().rows()) {
            report.curve(
                    "ROC, champion",
                    "false positive rate",
                    "true positive rate",
                    RankingMetrics.rocCurve(c.championScores(), c.evalLabels()),
                    true,
                    false);
            report.curve(
                    "ROC, challenger",
                    "false positive rate",
                    "true positive rate",
                    RankingMetrics.rocCurve(c.challengerScores(), c.evalLabels()),
                    true,
                    false);
            report.curve(
                    "Precision-recall, champion",
                    "recall",
                    "precision",
                    RankingMetrics.precisionRecallCurve(c.championScores(), c.evalLabels()),
                    false,
                    true);
            report.curve(
                    "Precision-recall, challenger",
                    "recall",
                    "precision",
                    RankingMetrics.precisionRecallCurve(c.challengerScores(), c.evalLabels()),
                    false,
                    true);
        }
        List<Double> champDays = perDay(c, c.championScores());
        List<Double> chalDays = perDay(c, c.challengerScores());
        TreeSet<Integer> days = new TreeSet<>();
        for (int d : c.evalDays()) {
            days.add(d);
        }
        StringBuilder cp = new StringBuilder("Card Precision@100 by day (champion / challenger): ");
        int i = 0;
        for (int d : days) {
            cp.append(String.format(
                    Locale.ROOT,
                    "%s %s / %s; ",
                    LocalDate.ofEpochDay(d),
                    i < champDays.size() ? fmt(champDays.get(i)) : "-",
                    i < chalDays.size() ? fmt(chalDays.get(i)) : "-"));
            i++;
        }
        report.paragraph(cp.toString());
        StringBuilder drift = new StringBuilder(String.format(
                Locale.ROOT,
                "Drift, the week before %s against the champion's last 28 training days: score PSI %s; per feature: ",
                w.asOf(),
                fmt(c.scorePsi())));
        for (Map.Entry<String, Double> e : c.psi().entrySet()) {
            drift.append(e.getKey()).append(' ').append(fmt(e.getValue())).append("; ");
        }
        report.paragraph(drift.toString());
        return report.render();
    }

    private static List<Double> perDay(Retraining.Challenge c, double[] scores) {
        List<CardPrecision.ScoredTransaction> scored = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            scored.add(new CardPrecision.ScoredTransaction(
                    c.evalDays()[i], c.evalCards()[i], scores[i], c.evalLabels()[i]));
        }
        return CardPrecision.compute(scored, 100).perDay();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v);
    }
}
