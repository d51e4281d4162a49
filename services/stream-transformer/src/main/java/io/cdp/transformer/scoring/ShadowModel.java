package io.cdp.transformer.scoring;

import io.cdp.scoring.scorer.Scorer;

/**
 * The challenger in its shadow period ({@code SHADOW} in the registry): it scores every transaction beside the live
 * version and its probability goes to the lake's {@code shadowScore} column, where the retraining and analysts compare
 * the two; it never decides, alerts or explains. In process on a stack (an {@code InProcessScorer}): a shadow gets no
 * endpoint of its own.
 */
public record ShadowModel(String version, Scorer scorer) {

    public double[] score(double[][] rows) {
        return scorer.scoreBatch(rows);
    }
}
