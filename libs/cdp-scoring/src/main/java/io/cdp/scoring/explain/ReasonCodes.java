package io.cdp.scoring.explain;

import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.TreeShap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns TreeSHAP contributions into reason codes. Only features that pushed the score up count as reasons: an
 * analyst asks "why was this flagged", and a feature that lowered the score is not an answer to that.
 */
public final class ReasonCodes {

    private final TreeEnsemble model;
    private final TreeShap shap;
    private final List<String> featureNames;

    public ReasonCodes(TreeEnsemble model, List<String> featureNames) {
        if (featureNames.size() != model.featureCount()) {
            throw new IllegalArgumentException(
                    featureNames.size() + " feature names for a model with " + model.featureCount() + " features");
        }
        this.model = model;
        this.shap = new TreeShap(model);
        this.featureNames = List.copyOf(featureNames);
    }

    public Explanation explain(double[] row, int k) {
        double[] contributions = shap.contributions(row);
        return new Explanation(
                model.predict(row), contributions[contributions.length - 1], topK(contributions, row, featureNames, k));
    }

    /**
     * The k largest positive contributions, largest first; ties keep feature order so the result is stable.
     *
     * @param contributions per-feature contributions, optionally followed by the bias slot (ignored)
     */
    public static List<ReasonCode> topK(double[] contributions, double[] row, List<String> names, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, was " + k);
        }
        List<ReasonCode> positive = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (contributions[i] > 0) {
                positive.add(new ReasonCode(names.get(i), row[i], contributions[i]));
            }
        }
        positive.sort(Comparator.comparingDouble(ReasonCode::contribution).reversed());
        return List.copyOf(positive.subList(0, Math.min(k, positive.size())));
    }
}
