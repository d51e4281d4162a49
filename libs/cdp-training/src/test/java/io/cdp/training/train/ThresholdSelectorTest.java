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
}
