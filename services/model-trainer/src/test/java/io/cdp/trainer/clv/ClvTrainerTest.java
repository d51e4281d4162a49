package io.cdp.trainer.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the trainer chooses the power of p -> s * p^k inside calibration. */
class ClvTrainerTest {

    @Test
    void bestPowerConcentratesSpendOnTheCertainBuyersAndKeepsProportionalPredictions() {
        // eight unlikely customers (p = 1) buy nothing, two likely ones (p = 2) spend 10 each: the more spend moves
        // to the two (the total kept at 20), the lower the absolute error, so the largest power on the grid wins
        double[] predicted = {1, 1, 1, 1, 1, 1, 1, 1, 2, 2};
        double[] actual = {0, 0, 0, 0, 0, 0, 0, 0, 10, 10};
        assertThat(ClvTrainer.bestPower(predicted, actual)).isCloseTo(3.0, within(1e-9));
        // predictions already proportional to the outcome: no power beats none (MAE 0 at k = 1)
        assertThat(ClvTrainer.bestPower(new double[] {1, 2, 4}, new double[] {3, 6, 12}))
                .isCloseTo(1.0, within(1e-9));
    }

    @Test
    void extrapolatedPowerReadsTheLogSpanLineAtTheHorizon() {
        // best powers exactly on k = 3 - 0.2 ln(span): read at 270 days
        List<ClvTrainer.SpanPower> spans = List.of(
                new ClvTrainer.SpanPower(30, 3 - 0.2 * Math.log(30)),
                new ClvTrainer.SpanPower(60, 3 - 0.2 * Math.log(60)),
                new ClvTrainer.SpanPower(90, 3 - 0.2 * Math.log(90)));
        assertThat(ClvTrainer.extrapolatedPower(spans, 270)).isCloseTo(3 - 0.2 * Math.log(270), within(1e-9));
        // inside the spans it interpolates
        assertThat(ClvTrainer.extrapolatedPower(spans, 45)).isCloseTo(3 - 0.2 * Math.log(45), within(1e-9));
    }

    @Test
    void extrapolatedPowerStaysInItsRangeAndFallsBackWithoutALine() {
        // a steep fall would go below 1 (a power below 1 would spread spend towards unlikely buyers): kept at 1
        List<ClvTrainer.SpanPower> falling =
                List.of(new ClvTrainer.SpanPower(10, 3.0), new ClvTrainer.SpanPower(20, 2.0));
        assertThat(ClvTrainer.extrapolatedPower(falling, 365)).isEqualTo(1.0);
        // a rise is capped at the grid's largest power
        List<ClvTrainer.SpanPower> rising =
                List.of(new ClvTrainer.SpanPower(10, 1.0), new ClvTrainer.SpanPower(20, 2.5));
        assertThat(ClvTrainer.extrapolatedPower(rising, 365)).isEqualTo(3.0);
        // one span (or all of one length): its own power; none: no power
        assertThat(ClvTrainer.extrapolatedPower(List.of(new ClvTrainer.SpanPower(91, 1.55)), 273))
                .isEqualTo(1.55);
        assertThat(ClvTrainer.extrapolatedPower(List.of(), 273)).isEqualTo(1.0);
    }

    @Test
    void powerFitParsesItsNamesAndTheOlderBooleans() {
        assertThat(ClvTrainer.PowerFit.parse("horizon")).isEqualTo(ClvTrainer.PowerFit.HORIZON);
        assertThat(ClvTrainer.PowerFit.parse("WINDOW")).isEqualTo(ClvTrainer.PowerFit.WINDOW);
        assertThat(ClvTrainer.PowerFit.parse("none")).isEqualTo(ClvTrainer.PowerFit.NONE);
        assertThat(ClvTrainer.PowerFit.parse("true"))
                .isEqualTo(ClvTrainer.Settings.defaults().powerFit());
        assertThat(ClvTrainer.PowerFit.parse("false")).isEqualTo(ClvTrainer.PowerFit.NONE);
    }
}
