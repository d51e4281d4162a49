package io.cdp.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    // scikit-learn's documented example: roc_auc_score = 0.75, average_precision_score = 0.8333...
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};
    private static final boolean[] LABELS = {false, false, true, true};

    @Test
    void aucMatchesScikitLearnsDocumentedExample() {
        assertThat(RankingMetrics.rocAuc(SCORES, LABELS)).isCloseTo(0.75, offset(1e-12));
    }

    @Test
    void averagePrecisionMatchesScikitLearnsDocumentedExample() {
        assertThat(RankingMetrics.averagePrecision(SCORES, LABELS)).isCloseTo(0.8333333333333333, offset(1e-12));
    }

    @Test
    void tiedScoresFormOneStepSoConstantScoresGiveChanceLevels() {
        double[] constant = {0.5, 0.5, 0.5, 0.5, 0.5};
        boolean[] labels = {false, true, false, false, true};
        assertThat(RankingMetrics.rocAuc(constant, labels)).isEqualTo(0.5);
        // AP of a constant score is the positive rate: one threshold, precision 2/5, recall 1
        assertThat(RankingMetrics.averagePrecision(constant, labels)).isCloseTo(0.4, offset(1e-12));
    }

    @Test
    void aucEqualsTheMannWhitneyStatisticWithHalfCreditForTies() {
        Random random = new Random(5);
        int n = 2_000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.1;
            // coarse scores force many ties
            scores[i] = Math.round((random.nextGaussian() + (labels[i] ? 0.8 : 0)) * 4) / 4.0;
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (labels[i] && !labels[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        assertThat(RankingMetrics.rocAuc(scores, labels)).isCloseTo(wins / pairs, offset(1e-12));
    }

    @Test
    void averagePrecisionIsTheMeanPrecisionAtEachPositiveWhenScoresAreDistinct() {
        Random random = new Random(9);
        int n = 1_000;
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.05;
            scores[i] = random.nextDouble() + (labels[i] ? 0.3 : 0);
        }
        Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        double sum = 0;
        int tp = 0;
        int positives = 0;
        for (int k = 0; k < n; k++) {
            if (labels[order[k]]) {
                tp++;
                sum += (double) tp / (k + 1);
            }
        }
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        assertThat(RankingMetrics.averagePrecision(scores, labels)).isCloseTo(sum / positives, offset(1e-12));
    }

    @Test
    void curvesStartAtTheOriginAndEndAtFullRecall() {
        double[][] roc = RankingMetrics.rocCurve(SCORES, LABELS);
        assertThat(roc[0]).containsExactly(0, 0);
        assertThat(roc[roc.length - 1]).containsExactly(1, 1);
        double[][] pr = RankingMetrics.precisionRecallCurve(SCORES, LABELS);
        assertThat(pr[0]).containsExactly(0.5, 1.0);
        assertThat(pr[pr.length - 1]).containsExactly(1.0, 0.5);
    }

    @Test
    void refusesAucWithoutBothClasses() {
        assertThatThrownBy(() -> RankingMetrics.rocAuc(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
