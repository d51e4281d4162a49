package io.cdp.trainer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegressionGateTest {

    @Test
    void theCommittedModelsFiguresPass() {
        assertThat(RegressionGate.shortfalls(0.887, 0.754, 0.304)).isEmpty();
    }

    @Test
    void withinTheToleranceUnderTheBarStillPasses() {
        assertThat(RegressionGate.shortfalls(0.865, 0.683, 0.299)).isEmpty();
    }

    @Test
    void eachMeasureBelowTheBarMinusTheToleranceFailsAndSaysWhich() {
        assertThat(RegressionGate.shortfalls(0.860, 0.754, 0.304))
                .singleElement()
                .asString()
                .contains("AUC 0.860")
                .contains("bar 0.869");
        assertThat(RegressionGate.shortfalls(0.887, 0.600, 0.250)).hasSize(2);
        assertThat(RegressionGate.shortfalls(Double.NaN, 0.754, 0.304))
                .as("no figure is no pass")
                .hasSize(1);
    }
}
