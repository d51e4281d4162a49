package io.cdp.transformer.scoring;

import io.cdp.events.payload.Decision;
import io.cdp.events.payload.ReasonCode;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.artifact.WireDecisions;
import io.cdp.scoring.explain.Explanation;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.scoring.scorer.Scorer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A model version with its thresholds: probability, decision, whether to alert, and reason codes. Reason codes
 * (TreeSHAP) cost about as much as the score itself, so they are computed only where someone reads them: from the
 * review threshold up. With a SageMaker backend the explainer is the in-process copy of the same artifact.
 */
public final class FraudScorer implements AutoCloseable {

    public record Score(double probability, Decision decision, boolean alert, List<ReasonCode> reasonCodes) {}

    private final Scorer scorer;
    private final @Nullable InProcessScorer explainer;
    private final Thresholds thresholds;
    private final int reasons;

    public FraudScorer(Scorer scorer, @Nullable InProcessScorer explainer, Thresholds thresholds, int reasons) {
        this.scorer = scorer;
        this.explainer = explainer;
        this.thresholds = thresholds;
        this.reasons = reasons;
    }

    public String modelVersion() {
        return scorer.modelVersion();
    }

    public List<String> featureNames() {
        return scorer.featureNames();
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Score[] score(double[][] rows) {
        double[] p = scorer.scoreBatch(rows);
        Score[] out = new Score[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = toScore(p[i], rows[i]);
        }
        return out;
    }

    private Score toScore(double probability, double[] row) {
        Thresholds.Decision action = thresholds.decide(probability);
        Decision decision = WireDecisions.of(action);
        boolean alert = probability >= thresholds.alert();
        List<ReasonCode> codes = List.of();
        if (explainer != null && action != Thresholds.Decision.APPROVE) {
            Explanation explanation = explainer.explain(row, reasons);
            codes = explanation.reasons().stream()
                    .map(r -> new ReasonCode(r.feature(), Double.isNaN(r.value()) ? null : r.value(), r.contribution()))
                    .toList();
        }
        return new Score(probability, decision, alert, codes);
    }

    @Override
    public void close() {
        scorer.close();
    }
}
