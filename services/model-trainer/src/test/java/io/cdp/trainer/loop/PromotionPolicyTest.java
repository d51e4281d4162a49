package io.cdp.trainer.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromotionPolicyTest {

    private static ModelMetrics m(double auc, double ap, double cp, double recall) {
        return new ModelMetrics(auc, ap, cp, recall, recall, 0.02, 50, 4000);
    }

    private final PromotionPolicy policy = new PromotionPolicy("ap", 0.02, 0.02);

    @Test
    void promotesAChallengerThatBeatsThePrimaryMetricByTheMarginAndIsNotWorseElsewhere() {
        PromotionPolicy.Decision d = policy.decide(m(0.98, 0.60, 0.30, 0.50), m(0.985, 0.70, 0.29, 0.55));

        assertThat(d.promote()).isTrue();
        assertThat(d.numbers()).containsEntry("champion.ap", 0.60).containsEntry("challenger.ap", 0.70);
        assertThat(d.numbers().get("delta.ap")).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void keepsTheChampionWhenThePrimaryGainIsUnderTheMargin() {
        PromotionPolicy.Decision d = policy.decide(m(0.98, 0.60, 0.30, 0.50), m(0.99, 0.615, 0.35, 0.60));

        assertThat(d.promote()).isFalse();
        assertThat(d.reason()).contains("under the margin");
    }

    @Test
    void keepsTheChampionWhenAnotherMetricIsWorseBeyondTheTolerance() {
        PromotionPolicy.Decision d = policy.decide(m(0.98, 0.60, 0.30, 0.50), m(0.98, 0.70, 0.30, 0.45));

        assertThat(d.promote()).isFalse();
        assertThat(d.reason()).contains("recall_at_alert worse");
    }

    @Test
    void aWeekWithoutLabelledFraudDecidesNothing() {
        ModelMetrics none = new ModelMetrics(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN, 0.02, 0, 4000);
        assertThat(policy.decide(none, none).promote()).isFalse();
    }

    @Test
    void theFirstModelIsPromotedWithoutAChampion() {
        assertThat(policy.decide(null, m(0.9, 0.5, 0.2, 0.4)).promote()).isTrue();
    }

    @Test
    void refusesAnUnknownPrimaryMetric() {
        assertThatThrownBy(() -> new PromotionPolicy("f1", 0.01, 0.01)).isInstanceOf(IllegalArgumentException.class);
    }
}
