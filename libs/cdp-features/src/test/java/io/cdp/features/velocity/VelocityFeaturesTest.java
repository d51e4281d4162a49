package io.cdp.features.velocity;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.features.window.ApplyOutcome;
import io.cdp.features.window.EventWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VelocityFeaturesTest {

    private static final long MIN = 60_000L;

    private static double f(double[] row, String name) {
        return row[VelocityFeatures.NAMES.indexOf(name)];
    }

    @Test
    void firstTransactionOfACardIsAColdStartWithNeutralRatiosNotZeros() {
        double[] row = new CardVelocityState(0)
                .apply(new VelocityEvent("c", 0, 1, 80.0))
                .features();
        assertThat(f(row, "cold_start_1w")).isEqualTo(1);
        assertThat(f(row, "window_empty_10m")).isEqualTo(1);
        assertThat(f(row, "count_1w")).isZero();
        assertThat(f(row, "avg_amt_1w")).isZero();
        assertThat(f(row, "ratio_amt_avg_1w")).isEqualTo(VelocityFeatures.NEUTRAL_AMOUNT_RATIO);
        assertThat(f(row, "ratio_avg_amt_10m_1w")).isEqualTo(VelocityFeatures.NEUTRAL_AMOUNT_RATIO);
        assertThat(f(row, "ratio_count_10m_1w")).isZero();
    }

    @Test
    void windowsHoldOnlyEarlierTransactionsAndRatiosComeFromThem() {
        CardVelocityState s = new CardVelocityState(0);
        s.apply(new VelocityEvent("c", 0, 1, 10.0));
        s.apply(new VelocityEvent("c", 20 * MIN, 2, 30.0));
        double[] row = s.apply(new VelocityEvent("c", 25 * MIN, 3, 100.0)).features();
        assertThat(f(row, "count_10m")).isEqualTo(1);
        assertThat(f(row, "avg_amt_10m")).isEqualTo(30);
        assertThat(f(row, "count_1w")).isEqualTo(2);
        assertThat(f(row, "avg_amt_1w")).isEqualTo(20);
        assertThat(f(row, "ratio_avg_amt_10m_1w")).isEqualTo(1.5);
        assertThat(f(row, "ratio_amt_avg_1w")).isEqualTo(5.0);
        assertThat(f(row, "ratio_count_10m_1w")).isEqualTo(0.5);
        assertThat(f(row, "cold_start_1w")).isZero();
    }

    @Test
    void tenMinuteWindowExpiresExactlyAtTenMinutesWhileTheWeekRemembers() {
        CardVelocityState s = new CardVelocityState(0);
        s.apply(new VelocityEvent("c", 0, 1, 10.0));
        double[] row = s.apply(new VelocityEvent("c", 10 * MIN, 2, 10.0)).features();
        assertThat(f(row, "count_10m")).isZero();
        assertThat(f(row, "window_empty_10m")).isEqualTo(1);
        assertThat(f(row, "ratio_avg_amt_10m_1w")).isEqualTo(1.0);
        assertThat(f(row, "count_1w")).isEqualTo(1);
        double[] weekLater =
                s.apply(new VelocityEvent("c", 7 * 24 * 60 * MIN, 3, 10.0)).features();
        assertThat(f(weekLater, "count_1w")).isEqualTo(1); // tx 1 is exactly a week old and gone, tx 2 remains
    }

    @Test
    void refundsThatMakeTheWeeklyAverageNonPositiveGiveNeutralRatiosAndAFlag() {
        CardVelocityState s = new CardVelocityState(0);
        s.apply(new VelocityEvent("c", 0, 1, 25.0));
        s.apply(new VelocityEvent("c", MIN, 2, -25.0));
        double[] row = s.apply(new VelocityEvent("c", 2 * MIN, 3, 60.0)).features();
        assertThat(f(row, "avg_amt_1w")).isZero();
        assertThat(f(row, "avg_amt_1w_not_positive")).isEqualTo(1);
        assertThat(f(row, "ratio_amt_avg_1w")).isEqualTo(1.0);
        assertThat(f(row, "ratio_avg_amt_10m_1w")).isEqualTo(1.0);
        assertThat(f(row, "ratio_count_10m_1w")).isEqualTo(1.0);
    }

    @Test
    void redeliveredEventReturnsTheSameFeaturesAndLeavesTheStateAlone() {
        CardVelocityState s = new CardVelocityState(0);
        s.apply(new VelocityEvent("c", 0, 1, 10.0));
        VelocityEvent e = new VelocityEvent("c", MIN, 2, 50.0);
        double[] first = s.apply(e).features();
        s.apply(new VelocityEvent("c", 2 * MIN, 3, 70.0));
        byte[] before = s.window().toBytes();
        CardVelocityState.Result again = s.apply(e);
        assertThat(again.outcome()).isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(again.features()).containsExactly(first);
        assertThat(s.window().toBytes()).isEqualTo(before);
    }

    @Test
    void incrementalPerCardStateEqualsTheBatchOnGeneratedSequences() {
        for (long seed = 1; seed <= 5; seed++) {
            Random rnd = new Random(seed);
            List<VelocityEvent> events = new ArrayList<>();
            long t = 0;
            for (int i = 0; i < 4_000; i++) {
                int r = rnd.nextInt(100);
                t += r < 2
                        ? 9L * 24 * 60 * MIN
                        : r < 10 ? 0 : r < 60 ? rnd.nextInt(12) * MIN : rnd.nextInt(24 * 60) * MIN;
                double amount = (rnd.nextInt(10) == 0 ? -1 : 1) * Math.round(rnd.nextDouble() * 50_000) / 100.0;
                events.add(new VelocityEvent("card-" + rnd.nextInt(5), t, i, amount));
            }
            double[][] batch = VelocityFeatures.compute(events);
            java.util.Map<String, CardVelocityState> states = new java.util.HashMap<>();
            int coldStarts = 0;
            for (int i = 0; i < events.size(); i++) {
                VelocityEvent e = events.get(i);
                CardVelocityState s = states.computeIfAbsent(e.cardKey(), k -> new CardVelocityState(0));
                // every event goes through the store's byte form, as it would between Lambda/consumer invocations
                s = new CardVelocityState(EventWindow.fromBytes(s.window().toBytes()));
                states.put(e.cardKey(), s);
                double[] row = s.apply(e).features();
                assertThat(row).as("seed %d event %d", seed, i).containsExactly(batch[i]);
                coldStarts += (int) f(row, "cold_start_1w");
            }
            assertThat(coldStarts).isGreaterThan(5); // the 9-day gaps empty the week again
        }
    }
}
