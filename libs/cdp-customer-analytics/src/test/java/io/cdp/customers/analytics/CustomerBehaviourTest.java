package io.cdp.customers.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerBehaviourTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @Test
    void computesRecencyFrequencyMonetaryAndRhythmByHand() {
        List<DailySpend> history = List.of(
                new DailySpend(AS_OF.minusDays(100), 1, 40.0), // in the 90 days before the last 90
                new DailySpend(AS_OF.minusDays(60), 2, 30.0),
                new DailySpend(AS_OF.minusDays(60), 1, 10.0), // same day: added up
                new DailySpend(AS_OF.minusDays(10), 1, 20.0),
                new DailySpend(AS_OF.plusDays(1), 5, 999.0), // after asOf: ignored
                new DailySpend(AS_OF.minusDays(400), 1, 500.0)); // beyond the lookback: ignored for spend
        CustomerBehaviour b = CustomerBehaviour.of(history, AS_OF, AS_OF.minusDays(200));

        assertThat(b.tenureDays()).isEqualTo(400); // the oldest purchase is earlier than firstSeen
        assertThat(b.recencyDays()).isEqualTo(10);
        assertThat(b.purchaseDays()).isEqualTo(3);
        assertThat(b.transactions()).isEqualTo(5);
        assertThat(b.monetary()).isEqualTo(100.0);
        assertThat(b.meanDaySpend()).isCloseTo(100.0 / 3, within(1e-12));
        assertThat(b.maxDaySpend()).isEqualTo(40.0);
        assertThat(b.lastDaySpend()).isEqualTo(20.0);
        assertThat(b.spend30()).isEqualTo(20.0);
        assertThat(b.spend90()).isEqualTo(60.0);
        assertThat(b.spend180()).isEqualTo(100.0);
        assertThat(b.days30()).isEqualTo(1);
        assertThat(b.days90()).isEqualTo(2);
        assertThat(b.days180()).isEqualTo(3);
        assertThat(b.ageDays()).isEqualTo(100);
        assertThat(b.activeSpanDays()).isEqualTo(90);
        assertThat(b.meanInterPurchaseDays()).isEqualTo(45.0);
        assertThat(b.overdueRatio()).isCloseTo(10.0 / 45.0, within(1e-12));
        assertThat(b.spendTrend()).isCloseTo((60.0 - 40.0) / (60.0 + 40.0 + 1), within(1e-12));
        assertThat(b.frequencyTrend()).isCloseTo((2.0 - 1.0) / (2 + 1 + 1), within(1e-12));
        assertThat(b.purchaseRate()).isCloseTo(2.0 / 100, within(1e-12));
        assertThat(b.features()).hasSize(CustomerBehaviour.FEATURE_NAMES.size());
        assertThat(b.features()[1]).isEqualTo(10.0);
    }

    @Test
    void aCustomerWithoutPurchasesHasZerosAndUndefinedRhythm() {
        CustomerBehaviour b = CustomerBehaviour.of(List.of(), AS_OF, AS_OF.minusDays(20));
        assertThat(b.tenureDays()).isEqualTo(20);
        assertThat(b.recencyDays()).isEqualTo(20);
        assertThat(b.purchaseDays()).isZero();
        assertThat(b.monetary()).isZero();
        assertThat(b.meanDaySpend()).isZero();
        assertThat(b.meanInterPurchaseDays()).isNaN();
        assertThat(b.overdueRatio()).isNaN();
        assertThat(b.spendTrend()).isZero();
    }

    @Test
    void firstSeenAfterAsOfIsClampedAndBadInputIsRefused() {
        CustomerBehaviour b = CustomerBehaviour.of(List.of(), AS_OF, AS_OF.plusDays(3));
        assertThat(b.tenureDays()).isZero();
        assertThatThrownBy(() -> new DailySpend(AS_OF, -1, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DailySpend(AS_OF, 1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
