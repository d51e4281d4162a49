package io.cdp.trainer.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The metrics' definitions against values computed by hand. */
class ClvMetricsTest {

    @Test
    void spearmanIsPearsonOnRanksWithTiesAtTheirMeanRank() {
        // x ranks 1,2,3,4; y = 10,30,20,40 ranks 1,3,2,4: rho = 1 - 6*(0+1+1+0)/(4*15) = 0.8
        assertThat(ClvMetrics.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 30, 20, 40}))
                .isCloseTo(0.8, within(1e-12));
        // ties: x = 1,1,2 -> ranks 1.5,1.5,3; y = 1,2,3 -> 1,2,3; Pearson of those = 0.8660254
        assertThat(ClvMetrics.spearman(new double[] {1, 1, 2}, new double[] {1, 2, 3}))
                .isCloseTo(Math.sqrt(3) / 2, within(1e-9));
    }

    @Test
    void normalisedGiniIsTheOrderGiniOverThePerfectOnes() {
        double[] actual = {0, 10, 30, 60};
        // perfect order 60,30,10,0: cumulative shares .6,.9,1,1 minus .25,.5,.75,1 = .35,.4,.25,0 -> 1.0/4 = 0.25
        assertThat(ClvMetrics.gini(actual, actual)).isCloseTo(0.25, within(1e-12));
        // predicted order: 10 (pred 4), 60 (3), 0 (2), 30 (1): cumulative .1,.7,.7,1 -> -.15,.2,-.05,0 -> 0 / 4
        double[] predicted = {2, 4, 1, 3};
        assertThat(ClvMetrics.gini(predicted, actual)).isCloseTo(0.0, within(1e-12));
        assertThat(ClvMetrics.normalisedGini(predicted, actual)).isCloseTo(0.0, within(1e-12));
        assertThat(ClvMetrics.normalisedGini(actual, actual)).isCloseTo(1.0, within(1e-12));
        // a constant prediction: every position gets the mean, 25 -> cumulative .25,.5,.75,1: gini 0
        assertThat(ClvMetrics.normalisedGini(new double[] {5, 5, 5, 5}, actual)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void captureIsTheTopTenthsShareOfActualSpend() {
        double[] predicted = new double[20];
        double[] actual = new double[20];
        for (int i = 0; i < 20; i++) {
            predicted[i] = i; // the top 2 by prediction are customers 19 and 18
            actual[i] = 1;
        }
        actual[19] = 21;
        actual[18] = 9; // total 18 + 21 + 9 = 48; top two hold 30
        assertThat(ClvMetrics.topDecileCapture(predicted, actual)).isCloseTo(30.0 / 48, within(1e-12));
        // a tie across the boundary counts at its mean: customers 17..19 all predicted 19 -> two of three slots
        predicted[17] = 19;
        predicted[18] = 19;
        assertThat(ClvMetrics.topDecileCapture(predicted, actual))
                .isCloseTo(2 * (21 + 9 + 1) / 3.0 / 48, within(1e-12));
    }

    @Test
    void maeAndTotalRatio() {
        double[] predicted = {10, 0, 5};
        double[] actual = {4, 6, 5};
        assertThat(ClvMetrics.mae(predicted, actual)).isCloseTo(4.0, within(1e-12));
        assertThat(ClvMetrics.totalRatio(predicted, actual)).isCloseTo(1.0, within(1e-12));
    }
}
