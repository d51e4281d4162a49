package io.cdp.scoring.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonCodesTest {

    @Test
    void topKKeepsOnlyPositiveContributionsLargestFirst() {
        double[] contributions = {0.2, -1.0, 0.9, 0.05, 3.0 /* bias, ignored */};
        double[] row = {10, 20, 30, 40};
        List<ReasonCode> top = ReasonCodes.topK(contributions, row, List.of("a", "b", "c", "d"), 2);
        assertThat(top).containsExactly(new ReasonCode("c", 30, 0.9), new ReasonCode("a", 10, 0.2));
    }

    @Test
    void topKReturnsFewerWhenFewFeaturesRaisedTheScore() {
        List<ReasonCode> top = ReasonCodes.topK(new double[] {-0.1, 0.3}, new double[] {1, 2}, List.of("a", "b"), 5);
        assertThat(top).extracting(ReasonCode::feature).containsExactly("b");
    }
}
