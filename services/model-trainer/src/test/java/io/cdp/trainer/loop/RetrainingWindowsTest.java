package io.cdp.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.lake.labels.LabelPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RetrainingWindowsTest {

    @Test
    void theEvaluationWeekEndsALabelDelayBeforeAsOfAndTrainingEndsTheDayBeforeIt() {
        Retraining.Windows w = Retraining.Windows.at(
                Instant.parse("2026-03-02T00:00:00Z"), LabelPolicy.DEFAULT, LocalDate.of(2026, 1, 5), 28, 4);

        assertThat(w.evalTo()).isEqualTo(LocalDate.of(2026, 2, 22));
        assertThat(w.evalFrom()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(w.trainTo()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(w.validationFrom()).isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(w.trainFrom()).isEqualTo(LocalDate.of(2026, 1, 19));
    }

    @Test
    void aLongerLabelDelayPushesTheWeekBack() {
        Retraining.Windows w = Retraining.Windows.at(
                Instant.parse("2026-03-02T00:00:00Z"),
                new LabelPolicy(Duration.ofDays(14)),
                LocalDate.of(2026, 1, 5),
                28,
                4);

        assertThat(w.evalTo()).isEqualTo(LocalDate.of(2026, 2, 15));
    }

    @Test
    void refusesAHistoryTooShortToTrainBeforeTheWeek() {
        assertThatThrownBy(() -> Retraining.Windows.at(
                        Instant.parse("2026-01-20T00:00:00Z"), LabelPolicy.DEFAULT, LocalDate.of(2026, 1, 5), 28, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short");
    }
}
