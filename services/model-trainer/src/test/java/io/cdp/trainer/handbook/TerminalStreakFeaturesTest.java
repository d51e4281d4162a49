package io.cdp.trainer.handbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cdp.features.handbook.HandbookTransaction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalStreakFeaturesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2018, 7, 1, 0, 0);

    private static HandbookTransaction tx(long id, double days, long terminal, boolean fraud) {
        LocalDateTime at = T0.plusSeconds(Math.round(days * 86_400));
        return new HandbookTransaction(id, at, 100 + id, terminal, 10.0, 0, 0, fraud);
    }

    private static List<HandbookTransaction> history(boolean laterLabelsFraud) {
        List<HandbookTransaction> txs = new ArrayList<>();
        txs.add(tx(0, 0, 1, false));
        txs.add(tx(1, 1, 1, true));
        txs.add(tx(2, 2, 1, true));
        txs.add(tx(3, 3, 1, true));
        txs.add(tx(4, 7.5, 1, laterLabelsFraud));
        txs.add(tx(5, 8.5, 1, laterLabelsFraud));
        txs.add(tx(6, 10, 1, laterLabelsFraud));
        txs.add(tx(7, 10, 2, false)); // another terminal, nothing known
        return txs;
    }

    @Test
    void readsOnlyLabelsOlderThanTheSevenDayDelay() {
        double[][] rows = TerminalStreakFeatures.terminalColumns(history(false));
        // day 7.5: only day 0 (genuine) is known
        assertThat(rows[4][0]).isEqualTo(0.0);
        assertThat(rows[4][1]).isNaN();
        assertThat(rows[4][2]).isEqualTo(0.0);
        // day 8.5: days 0 and 1 known, the run of frauds started on day 1
        assertThat(rows[5][0]).isEqualTo(1.0);
        assertThat(rows[5][1]).isCloseTo(7.5, within(1e-9));
        assertThat(rows[5][2]).isEqualTo(1.0);
        // day 10: days 0..3 known (day 3 is exactly t - 7 days, known), run from day 1
        assertThat(rows[6][0]).isEqualTo(1.0);
        assertThat(rows[6][1]).isCloseTo(9.0, within(1e-9));
        assertThat(rows[6][2]).isEqualTo(3.0);
        // a terminal with no known transaction
        assertThat(rows[7][0]).isNaN();
        assertThat(rows[7][1]).isNaN();
        assertThat(rows[7][2]).isEqualTo(0.0);
    }

    @Test
    void labelsInsideTheDelayDoNotChangeAnyFeature() {
        double[][] genuine = TerminalStreakFeatures.terminalColumns(history(false));
        double[][] fraud = TerminalStreakFeatures.terminalColumns(history(true));
        for (int i = 0; i < genuine.length; i++) {
            assertThat(fraud[i]).containsExactly(genuine[i]);
        }
    }

    @Test
    void aGenuineKnownTransactionEndsTheRun() {
        List<HandbookTransaction> txs = new ArrayList<>(history(false));
        txs.add(tx(8, 20, 1, false)); // known by day 20: days 0..10, the latest (day 10) genuine
        double[][] rows = TerminalStreakFeatures.terminalColumns(txs);
        assertThat(rows[8][0]).isEqualTo(0.0);
        assertThat(rows[8][1]).isNaN();
        assertThat(rows[8][2]).isEqualTo(3.0);
    }

    @Test
    void extendsTheExtendedSetWithThreeNamedColumns() {
        TerminalStreakFeatures set = new TerminalStreakFeatures();
        assertThat(set.names())
                .hasSize(new ExtendedFeatures().names().size() + 3)
                .endsWith(
                        "TERMINAL_LAST_KNOWN_TX_FRAUD",
                        "TERMINAL_KNOWN_FRAUD_RUN_DAYS",
                        "TERMINAL_NB_FRAUD_30DAY_WINDOW");
        double[][] rows = set.compute(history(false));
        assertThat(rows[6]).hasSize(set.names().size());
        assertThat(rows[6][set.names().size() - 1]).isEqualTo(3.0);
    }
}
