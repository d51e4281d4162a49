package io.cdp.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.scoring.artifact.Thresholds;
import org.junit.jupiter.api.Test;

class ThresholdSelectorTest {

    @Test
    void choosesTheLowestScoresReachingEachTargetAndKeepsThemOrdered() {
        // ranked: 0.9 F, 0.8 F, 0.7 G, 0.6 F, 0.5 G, 0.4 G, 0.3 F, 0.2 G
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2};
        boolean[] fraud = {true, true, false, true, false, false, true, false};
        Thresholds t = new ThresholdSelector(0.75, 0.5, 0.9).select(scores, fraud);
        // precision >= 0.9 holds down to 0.8 (2/2); at 0.7 it is 2/3
        assertThat(t.decline()).isEqualTo(0.8);
        // precision >= 0.5 still holds at the lowest score, 0.2 (4 of 8)
        assertThat(t.alert()).isEqualTo(0.2);
        // recall >= 0.75 is first reached at 0.6 (3 of 4), then capped at alert
        assertThat(t.review()).isEqualTo(0.2);
        assertThat(t.operatingPoint()).contains("recall >= 0.75").contains("precision >= 0.90");
    }

    @Test
    void anUnreachablePrecisionTargetFallsBackToTheTopScore() {
        double[] scores = {0.9, 0.5, 0.1};
        boolean[] fraud = {false, true, false};
        Thresholds t = new ThresholdSelector(0.5, 0.99, 0.99).select(scores, fraud);
        assertThat(t.decline()).isEqualTo(0.9);
        assertThat(t.alert()).isEqualTo(0.9);
        // recall >= 0.5 is reached at 0.5, below the alert threshold, so it stands
        assertThat(t.review()).isEqualTo(0.5);
    }

    @Test
    void byAlertShareFlagsAtMostThatShareOfTransactionsWhateverTheLabels() {
        double[] scores = new double[1000];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i / 1000.0;
        }
        Thresholds t = ThresholdSelector.byAlertShare(0.005, 0.002).select(scores, new boolean[1000]);
        assertThat(t.alert()).isEqualTo(0.995);
        assertThat(t.review()).isEqualTo(t.alert());
        assertThat(t.decline()).isEqualTo(0.998);
        assertThat(java.util.Arrays.stream(scores).filter(s -> s >= t.alert()).count())
                .isEqualTo(5);
        assertThat(t.operatingPoint()).contains("at most 0.50 %");
    }

    @Test
    void tiedScoresAtTheCutAreAllInOrAllOutNeverOverTheShare() {
        // 10 transactions, 2 may be flagged; three share the second-highest score
        double[] ascending = {0.1, 0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.7, 0.7, 0.7};
        assertThat(ThresholdSelector.lowestFlagging(ascending, 0.2)).isGreaterThan(0.7);
        assertThat(ThresholdSelector.lowestFlagging(ascending, 0.3)).isEqualTo(0.7);
        assertThat(ThresholdSelector.lowestFlagging(ascending, 0.05))
                .as("a share under one transaction flags none")
                .isGreaterThan(0.7);
    }

    @Test
    void byAlertShareRefusesSharesOutOfOrder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThresholdSelector.byAlertShare(0.001, 0.01))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
