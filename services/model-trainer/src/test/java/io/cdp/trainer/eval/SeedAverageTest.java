package io.cdp.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeedAverageTest {

    private static final double[][] MARGINS = {{1, -2, 0.5}, {3, -4, 0.5}, {-1, 0, 2}};

    @Test
    void averagesTheFirstMembersRowByRow() {
        assertThat(SeedAverage.mean(MARGINS, 1)).containsExactly(1, -2, 0.5);
        assertThat(SeedAverage.mean(MARGINS, 2)).containsExactly(2, -3, 0.5);
        assertThat(SeedAverage.mean(MARGINS, 3)).containsExactly(1, -2, 1);
    }

    @Test
    void refusesMoreMembersThanScoredOrRaggedRows() {
        assertThatThrownBy(() -> SeedAverage.mean(MARGINS, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedAverage.mean(MARGINS, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeedAverage.mean(new double[][] {{1, 2}, {1}}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member 1");
    }
}
