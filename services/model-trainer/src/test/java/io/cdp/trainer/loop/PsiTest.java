package io.cdp.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PsiTest {

    private static double[] normal(long seed, int n, double mean) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = mean + r.nextGaussian();
        }
        return out;
    }

    @Test
    void theDriftStatusTakesTheWorstMeasuredPsiAndSaysWhenNothingWasMeasured() {
        assertThat(RetrainRun.driftStatus(Map.of("a", 0.01, "b", Double.NaN), 0.02))
                .isEqualTo("STABLE");
        assertThat(RetrainRun.driftStatus(Map.of("a", 0.12, "b", 0.01), Double.NaN))
                .isEqualTo("MODERATE");
        assertThat(RetrainRun.driftStatus(Map.of("a", 0.01), 0.3)).isEqualTo("DRIFT");
        assertThat(RetrainRun.driftStatus(Map.of("a", Double.NaN, "b", Double.NaN), Double.NaN))
                .isEqualTo("NO_DATA");
    }

    @Test
    void theSameDistributionIsStableAndAShiftedOneIsNot() {
        double[] reference = normal(1, 20_000, 0);

        assertThat(Psi.of(reference, normal(2, 5_000, 0))).isLessThan(Psi.MODERATE);
        assertThat(Psi.of(reference, normal(3, 5_000, 1))).isGreaterThan(Psi.SIGNIFICANT);
    }

    @Test
    void aBinaryFeatureGetsTwoBinsAndSeesItsShareChange() {
        double[] reference = new double[1000];
        double[] current = new double[1000];
        for (int i = 0; i < 1000; i++) {
            reference[i] = i < 100 ? 1 : 0; // 10 % ones
            current[i] = i < 400 ? 1 : 0; // 40 % ones
        }
        // (0.4-0.1) ln 4 + (0.6-0.9) ln(2/3)
        assertThat(Psi.of(reference, current))
                .isCloseTo(0.3 * Math.log(4) - 0.3 * Math.log(2.0 / 3), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void namesEachFeature() {
        double[][] ref = {{0, 1}, {1, 1}, {2, 1}};
        double[][] cur = {{0, 1}, {1, 1}, {2, 1}};

        assertThat(Psi.perFeature(List.of("a", "b"), ref, cur))
                .containsOnlyKeys("a", "b")
                .containsValues(0.0);
    }
}
