package io.cdp.trainer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CI's guard against a model regression on the handbook protocol: each test-week measure must reach the published bar
 * ({@link HandbookBaselines#BAR}, the handbook's tuned XGBoost) minus {@link #TOLERANCE}.
 *
 * <p>The evaluation is deterministic on a machine: three runs (two CI runs and one by hand, on different days) gave
 * the same AUC 0.887, AP 0.754 and CP@100 0.304 to the last digit, a spread of 0. The tolerance allows for what can
 * still differ between machines (floating-point order in XGBoost's multi-threaded histogram building): 0.005 is about
 * three and a half of the 700 card checks behind CP@100, far less than any change of features or parameters moves it.
 */
public final class RegressionGate {

    public static final double TOLERANCE = 0.005;

    private RegressionGate() {}

    /** What falls short, one line per measure; empty when the model holds the bar. */
    public static List<String> shortfalls(double auc, double averagePrecision, double cardPrecision100) {
        HandbookBaselines.Row bar = HandbookBaselines.BAR;
        List<String> out = new ArrayList<>();
        check(out, "AUC", auc, bar.auc());
        check(out, "average precision", averagePrecision, bar.averagePrecision());
        check(out, "Card Precision@100", cardPrecision100, bar.cardPrecision100());
        return out;
    }

    private static void check(List<String> out, String measure, double ours, double bar) {
        if (!(ours >= bar - TOLERANCE)) {
            out.add(String.format(
                    Locale.ROOT,
                    "%s %.3f is below the bar %.3f minus the tolerance %.3f",
                    measure,
                    ours,
                    bar,
                    TOLERANCE));
        }
    }
}
