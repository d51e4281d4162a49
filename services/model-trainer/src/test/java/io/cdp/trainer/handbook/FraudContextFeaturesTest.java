package io.cdp.trainer.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cdp.features.handbook.HandbookTransaction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FraudContextFeaturesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2018, 7, 1, 0, 0);
    private static final int RUN_TX = 0;
    private static final int RUN_CUSTOMERS = 1;
    private static final int RUN_MIN_RATIO = 2;
    private static final int RUN_MIN_AMOUNT = 3;
    private static final int ORDINARY_28D = 4;
    private static final int HIGH_1D = 5;
    private static final int HIGH_3D = 6;
    private static final int HIGH_SHARE_7D = 7;
    private static final int MEDIAN_RATIO = 8;

    private static HandbookTransaction tx(
            long id, double days, long customer, long terminal, double amount, boolean fraud) {
        LocalDateTime at = T0.plusSeconds(Math.round(days * 86_400));
        return new HandbookTransaction(id, at, customer, terminal, amount, 0, 0, fraud);
    }

    /** Terminal 1: genuine on day 0, frauds on days 1 (ordinary, card 10), 2 (ordinary, card 11), 3 (outlier, card 10). */
    private static List<HandbookTransaction> terminalHistory(boolean laterLabelsFraud) {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(0, 0, 10, 1, 20, false));
        txs.add(tx(1, 1, 10, 1, 30, true));
        txs.add(tx(2, 2, 11, 1, 40, true));
        txs.add(tx(3, 3, 10, 1, 250, true));
        txs.add(tx(4, 7.5, 12, 1, 10, laterLabelsFraud));
        txs.add(tx(5, 9.5, 12, 1, 10, laterLabelsFraud));
        txs.add(tx(6, 10, 12, 1, 10, laterLabelsFraud));
        txs.add(tx(7, 10, 13, 2, 10, false)); // another terminal, nothing known
        return txs;
    }

    private static final double[] TERMINAL_RATIOS = {
        Double.NaN, 1.2, 0.8, 5.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN
    };

    @Test
    void describesTheKnownFraudRunOfTheTerminalFromLabelsOlderThanTheDelay() {
        double[][] rows = FraudContextFeatures.extraColumns(terminalHistory(false), TERMINAL_RATIOS);
        // day 7.5: only day 0 (genuine) known: no run
        assertThat(rows[4][RUN_TX]).isEqualTo(0.0);
        assertThat(rows[4][RUN_CUSTOMERS]).isEqualTo(0.0);
        assertThat(rows[4][RUN_MIN_RATIO]).isNaN();
        assertThat(rows[4][RUN_MIN_AMOUNT]).isNaN();
        assertThat(rows[4][ORDINARY_28D]).isEqualTo(0.0);
        // day 9.5: days 0..2 known: run of two ordinary frauds by two cards
        assertThat(rows[5][RUN_TX]).isEqualTo(2.0);
        assertThat(rows[5][RUN_CUSTOMERS]).isEqualTo(2.0);
        assertThat(rows[5][RUN_MIN_RATIO]).isCloseTo(0.8, within(1e-12));
        assertThat(rows[5][RUN_MIN_AMOUNT]).isEqualTo(30.0);
        assertThat(rows[5][ORDINARY_28D]).isEqualTo(2.0);
        // day 10: day 3 (exactly t - 7 d) known too: the outlier extends the run but is not ordinary
        assertThat(rows[6][RUN_TX]).isEqualTo(3.0);
        assertThat(rows[6][RUN_CUSTOMERS]).isEqualTo(2.0);
        assertThat(rows[6][RUN_MIN_RATIO]).isCloseTo(0.8, within(1e-12));
        assertThat(rows[6][ORDINARY_28D]).isEqualTo(2.0);
        // nothing known on terminal 2
        assertThat(rows[7][RUN_TX]).isEqualTo(0.0);
        assertThat(rows[7][RUN_MIN_RATIO]).isNaN();
    }

    @Test
    void aRunOfOneOutlierIsACardProblemNotATerminalOne() {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(0, 0, 10, 1, 20, false));
        txs.add(tx(1, 1, 10, 1, 250, true));
        txs.add(tx(2, 8.5, 12, 1, 10, false));
        double[][] rows = FraudContextFeatures.extraColumns(txs, new double[] {Double.NaN, 5.0, Double.NaN});
        assertThat(rows[2][RUN_TX]).isEqualTo(1.0);
        assertThat(rows[2][RUN_MIN_RATIO]).isEqualTo(5.0);
        assertThat(rows[2][RUN_MIN_AMOUNT]).isEqualTo(250.0);
        assertThat(rows[2][ORDINARY_28D]).isEqualTo(0.0);
    }

    @Test
    void labelsInsideTheDelayDoNotChangeAnyFeature() {
        double[][] genuine = FraudContextFeatures.extraColumns(terminalHistory(false), TERMINAL_RATIOS);
        double[][] fraud = FraudContextFeatures.extraColumns(terminalHistory(true), TERMINAL_RATIOS);
        for (int i = 0; i < genuine.length; i++) {
            assertThat(fraud[i]).containsExactly(genuine[i]);
        }
    }

    @Test
    void oldFraudsLeaveTheOrdinaryFraudWindowAfterThirtyFiveDays() {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(0, 0, 10, 1, 20, true));
        txs.add(tx(1, 35, 11, 1, 20, false)); // day 0 is exactly t - 35 d: out of (t - 35 d, t - 7 d]
        txs.add(tx(2, 34.5, 12, 1, 20, false));
        double[][] rows = FraudContextFeatures.extraColumns(txs, new double[] {1.0, 1.0, 1.0});
        assertThat(rows[2][ORDINARY_28D]).isEqualTo(1.0);
        assertThat(rows[1][ORDINARY_28D]).isEqualTo(0.0);
        // the run is the latest known label whatever its age: at day 35 only day 0 is known (day 34.5 is not)
        assertThat(rows[1][RUN_TX]).isEqualTo(1.0);
        assertThat(rows[1][RUN_MIN_AMOUNT]).isEqualTo(20.0);
    }

    @Test
    void countsTheCardsHighRatioTransactionsInTheLastDaysIncludingTheCurrentOne() {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(0, 0, 10, 1, 10, false));
        txs.add(tx(1, 2, 10, 2, 10, false));
        txs.add(tx(2, 4.5, 10, 3, 10, false));
        txs.add(tx(3, 5, 10, 4, 10, false));
        txs.add(tx(4, 5.5, 10, 5, 10, false));
        double[] ratios = {4.0, 1.0, 3.5, 1.0, 3.2};
        double[][] rows = FraudContextFeatures.extraColumns(txs, ratios);
        // at day 5.5: last day (4.5, 5.5] holds days 5 and 5.5 -> one high; last 3 days (2.5, 5.5] -> two high
        assertThat(rows[4][HIGH_1D]).isEqualTo(1.0);
        assertThat(rows[4][HIGH_3D]).isEqualTo(2.0);
        // last 7 days hold all five, three of them high
        assertThat(rows[4][HIGH_SHARE_7D]).isCloseTo(3.0 / 5, within(1e-12));
        // a ratio of exactly 3 is not high, NaN is not high
        double[][] edge = FraudContextFeatures.extraColumns(txs.subList(0, 2), new double[] {3.0, Double.NaN});
        assertThat(edge[1][HIGH_3D]).isEqualTo(0.0);
        assertThat(edge[1][HIGH_SHARE_7D]).isEqualTo(0.0);
    }

    @Test
    void medianBaselineUsesOnlyTheCardsAmountsBetweenThirtyAndSevenDaysAgo() {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(0, 0, 10, 1, 1000, false)); // 30 days before the last one: out
        txs.add(tx(1, 10, 10, 1, 10, false));
        txs.add(tx(2, 11, 10, 1, 20, false));
        txs.add(tx(3, 12, 10, 1, 400, false));
        txs.add(tx(4, 25, 10, 1, 500, false)); // 5 days before the last one: too recent
        txs.add(tx(5, 30, 10, 1, 60, false));
        txs.add(tx(6, 30, 11, 1, 60, false)); // another card: no history
        double[] ratios = new double[txs.size()];
        double[][] rows = FraudContextFeatures.extraColumns(txs, ratios);
        assertThat(rows[5][MEDIAN_RATIO]).isCloseTo(60.0 / 20, within(1e-12));
        assertThat(rows[6][MEDIAN_RATIO]).isNaN();
        assertThat(rows[0][MEDIAN_RATIO]).isNaN();
        // day 25: baseline (day -5, day 18] = 1000, 10, 20, 400 -> median (20 + 400) / 2
        assertThat(rows[4][MEDIAN_RATIO]).isCloseTo(500.0 / 210, within(1e-12));
    }

    @Test
    void extendsTheTerminalSetWithNamedColumnsInInputOrder() {
        FraudContextFeatures set = new FraudContextFeatures();
        assertThat(set.names())
                .hasSize(new TerminalStreakFeatures().names().size() + FraudContextFeatures.EXTRA.size())
                .startsWith(new TerminalStreakFeatures().names().toArray(String[]::new))
                .endsWith(FraudContextFeatures.EXTRA.toArray(String[]::new))
                .doesNotHaveDuplicates();
        List<HandbookTransaction> txs = terminalHistory(false);
        double[][] rows = set.compute(txs);
        double[][] base = new TerminalStreakFeatures().compute(txs);
        int w = base[0].length;
        for (int i = 0; i < txs.size(); i++) {
            assertThat(rows[i]).hasSize(set.names().size());
            assertThat(Arrays.copyOf(rows[i], w)).containsExactly(base[i]);
        }
        // day 9.5 on terminal 1: two known frauds in the run
        assertThat(rows[5][w + RUN_TX]).isEqualTo(2.0);
    }
}
