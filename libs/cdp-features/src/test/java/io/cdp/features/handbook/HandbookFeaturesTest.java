package io.cdp.features.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandbookFeaturesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2018, 7, 2, 12, 0); // a Monday

    private static HandbookTransaction tx(
            long id, LocalDateTime t, long customer, long terminal, double amount, boolean fraud) {
        return new HandbookTransaction(id, t, customer, terminal, amount, 0, 0, fraud);
    }

    private static double f(double[] row, String name) {
        return row[HandbookFeatures.NAMES.indexOf(name)];
    }

    @Test
    void namesAreTheFifteenHandbookInputsInItsOrder() {
        assertThat(HandbookFeatures.NAMES).hasSize(15);
        assertThat(HandbookFeatures.NAMES.get(0)).isEqualTo("TX_AMOUNT");
        assertThat(HandbookFeatures.NAMES.get(3)).isEqualTo("CUSTOMER_ID_NB_TX_1DAY_WINDOW");
        assertThat(HandbookFeatures.NAMES.get(14)).isEqualTo("TERMINAL_ID_RISK_30DAY_WINDOW");
    }

    @Test
    void nightIsHourSixOrEarlierAndWeekendIsSaturdayOrSunday() {
        List<HandbookTransaction> txs = List.of(
                tx(1, T0.withHour(6).withMinute(59), 1, 1, 1, false),
                tx(2, T0.withHour(7), 1, 1, 1, false),
                tx(3, T0.plusDays(5), 1, 1, 1, false), // Saturday
                tx(4, T0.plusDays(4), 1, 1, 1, false)); // Friday
        double[][] r = HandbookFeatures.compute(txs);
        assertThat(f(r[0], "TX_DURING_NIGHT")).isEqualTo(1.0);
        assertThat(f(r[1], "TX_DURING_NIGHT")).isEqualTo(0.0);
        assertThat(f(r[2], "TX_DURING_WEEKEND")).isEqualTo(1.0);
        assertThat(f(r[3], "TX_DURING_WEEKEND")).isEqualTo(0.0);
    }

    @Test
    void customerWindowsIncludeTheTransactionItselfAndDropExactlyOneDayOld() {
        List<HandbookTransaction> txs = List.of(
                tx(1, T0, 7, 1, 10, false),
                tx(2, T0.plusHours(5), 7, 1, 20, false),
                tx(3, T0.plusDays(1), 7, 1, 60, false), // tx 1 is exactly 1 day old: out of (t-1d, t]
                tx(4, T0.plusDays(3), 9, 1, 5, false));
        double[][] r = HandbookFeatures.compute(txs);
        assertThat(f(r[0], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(1);
        assertThat(f(r[0], "CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW")).isEqualTo(10);
        assertThat(f(r[1], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(2);
        assertThat(f(r[1], "CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW")).isEqualTo(15);
        assertThat(f(r[2], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(2);
        assertThat(f(r[2], "CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW")).isEqualTo(40);
        assertThat(f(r[2], "CUSTOMER_ID_NB_TX_7DAY_WINDOW")).isEqualTo(3);
        assertThat(f(r[2], "CUSTOMER_ID_AVG_AMOUNT_7DAY_WINDOW")).isCloseTo(30, within(1e-12));
        assertThat(f(r[3], "CUSTOMER_ID_NB_TX_30DAY_WINDOW")).isEqualTo(1);
    }

    @Test
    void equalTimestampsOfOneCustomerCountInInputOrderNotIdOrder() {
        List<HandbookTransaction> txs = List.of(tx(20, T0, 7, 1, 10, false), tx(19, T0, 7, 2, 30, false));
        double[][] r = HandbookFeatures.compute(txs);
        assertThat(f(r[0], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(1);
        assertThat(f(r[1], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(2);
        assertThat(f(r[1], "CUSTOMER_ID_AVG_AMOUNT_1DAY_WINDOW")).isEqualTo(20);
    }

    @Test
    void terminalRiskUsesOnlyTransactionsOlderThanTheSevenDayDelay() {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(1, T0, 1, 5, 1, true)); // 8 days before the probe: in the 1-day window
        txs.add(tx(2, T0.plusHours(12), 2, 5, 1, false)); // 7.5 days before: in the 1-day window
        txs.add(tx(3, T0.minusDays(10), 3, 5, 1, true)); // 18 days before: 30-day window only
        txs.add(tx(4, T0.plusDays(5), 4, 5, 1, true)); // 3 days before: inside the delay, never counted
        txs.add(tx(5, T0.plusDays(1), 5, 5, 1, false)); // exactly 7 days before: counted ((t-8d, t-7d])
        txs.add(tx(6, T0.plusDays(8), 6, 5, 1, false)); // the probe
        double[][] r = HandbookFeatures.compute(txs);
        double[] probe = r[5];
        assertThat(f(probe, "TERMINAL_ID_NB_TX_1DAY_WINDOW")).isEqualTo(2); // tx 2 and 5; tx 1 is exactly 8 days old
        assertThat(f(probe, "TERMINAL_ID_RISK_1DAY_WINDOW")).isEqualTo(0.0);
        assertThat(f(probe, "TERMINAL_ID_NB_TX_7DAY_WINDOW")).isEqualTo(3);
        assertThat(f(probe, "TERMINAL_ID_RISK_7DAY_WINDOW")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(f(probe, "TERMINAL_ID_NB_TX_30DAY_WINDOW")).isEqualTo(4);
        assertThat(f(probe, "TERMINAL_ID_RISK_30DAY_WINDOW")).isEqualTo(0.5);
    }

    @Test
    void terminalRiskIsZeroWhenNoTransactionIsOldEnough() {
        double[][] r =
                HandbookFeatures.compute(List.of(tx(1, T0, 1, 5, 1, true), tx(2, T0.plusDays(2), 1, 5, 1, true)));
        assertThat(f(r[1], "TERMINAL_ID_NB_TX_30DAY_WINDOW")).isEqualTo(0);
        assertThat(f(r[1], "TERMINAL_ID_RISK_30DAY_WINDOW")).isEqualTo(0.0);
    }

    @Test
    void rowsComeBackInInputOrderWhateverTheInputOrder() {
        List<HandbookTransaction> txs = List.of(tx(2, T0.plusHours(1), 1, 1, 20, false), tx(1, T0, 1, 1, 10, false));
        double[][] r = HandbookFeatures.compute(txs);
        assertThat(f(r[0], "TX_AMOUNT")).isEqualTo(20);
        assertThat(f(r[0], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(2);
        assertThat(f(r[1], "CUSTOMER_ID_NB_TX_1DAY_WINDOW")).isEqualTo(1);
    }
}
