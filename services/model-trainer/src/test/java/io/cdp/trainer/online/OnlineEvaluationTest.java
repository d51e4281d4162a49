package io.cdp.trainer.online;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.online.WireTransactions;
import io.cdp.training.train.Progress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluation's split and measures on a history whose frauds the online features can see. */
class OnlineEvaluationTest {

    private static final List<OnlineTransaction> HISTORY = WireTransactions.online(SyntheticCardHistory.takeovers(
            9, 300, Instant.parse("2025-03-01T00:00:00Z"), Duration.ofDays(60), 3, 0.15));

    @Test
    void theTestDaysComeAfterEverythingTheModelWasTrainedOrTunedOn() {
        TemporalSplit split = TemporalSplit.forEvaluation(HISTORY, LocalDate.parse("2025-04-20"), 0.25);
        assertThat(split.from()).isEqualTo(LocalDate.parse("2025-03-01"));
        assertThat(split.trainTo()).isEqualTo(LocalDate.parse("2025-04-19"));
        assertThat(split.validationFrom()).isEqualTo(LocalDate.parse("2025-04-07"));
        assertThat(split.to()).isEqualTo(LocalDate.parse("2025-04-29"));
    }

    @Test
    void catchesMostFraudAtTheAlertShareChosenOnValidation() {
        TemporalSplit split = TemporalSplit.forEvaluation(HISTORY, LocalDate.parse("2025-04-20"), 0.25);
        OnlineEvaluation.Result result = OnlineEvaluation.evaluate(HISTORY, split, 0.02, 0.005, Progress.silent());

        assertThat(result.trainRows() + result.validationRows() + result.testRows())
                .isEqualTo(HISTORY.size());
        assertThat(result.testFrauds()).isPositive();
        assertThat(result.auc()).isGreaterThan(0.9);
        OnlineEvaluation.ThresholdRow alert = result.atAlert();
        assertThat(alert.rate()).as("share of test transactions alerted").isBetween(0.005, 0.04);
        assertThat(alert.recall()).isGreaterThan(0.5);
        assertThat(result.atThresholds())
                .extracting(OnlineEvaluation.ThresholdRow::name)
                .containsExactly("review", "alert", "decline");
    }
}
