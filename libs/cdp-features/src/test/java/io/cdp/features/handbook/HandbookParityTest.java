package io.cdp.features.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.features.window.ApplyOutcome;
import io.cdp.features.window.EventWindow;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The same sequence computed by the batch code and by the incremental state must give identical values. */
class HandbookParityTest {

    private static final LocalDateTime START = LocalDateTime.of(2018, 4, 1, 0, 0);
    private static final long HOUR = 3_600_000L;

    /**
     * Several customers and terminals, bursts with equal timestamps, and gaps longer than every window (45 days of
     * silence) so windows empty and refill.
     */
    static List<HandbookTransaction> generate(long seed, int n) {
        Random rnd = new Random(seed);
        List<HandbookTransaction> txs = new ArrayList<>();
        long seconds = 0;
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(100);
            if (r < 2) {
                seconds += 45L * 86_400;
            } else if (r < 12) {
                seconds += 0; // same timestamp as the previous transaction
            } else {
                seconds += rnd.nextInt(6 * 3600);
            }
            LocalDateTime t = START.plusSeconds(seconds);
            double amount = Math.round(rnd.nextDouble() * 20_000) / 100.0;
            txs.add(new HandbookTransaction(
                    1_000 + i * 7L % 13 + i * 13L,
                    t,
                    rnd.nextInt(6),
                    rnd.nextInt(4),
                    amount,
                    seconds,
                    (int) (seconds / 86_400),
                    rnd.nextInt(10) == 0));
        }
        return txs;
    }

    @Test
    void incrementalStateGivesExactlyTheBatchValuesForEveryTransactionInOrder() {
        for (long seed = 1; seed <= 5; seed++) {
            List<HandbookTransaction> txs = generate(seed, 3_000);
            double[][] batch = HandbookFeatures.compute(txs);
            HandbookOnlineState online = new HandbookOnlineState(0);
            for (int i = 0; i < txs.size(); i++) {
                HandbookOnlineState.Result r =
                        online.apply(txs.get(i), txs.get(i).fraud());
                assertThat(r.outcome()).isEqualTo(ApplyOutcome.APPLIED);
                assertThat(r.features()).as("seed %d tx %d", seed, i).containsExactly(batch[i]);
            }
        }
    }

    @Test
    void sequenceExercisesEmptyWindowsTiesAndRisk() {
        List<HandbookTransaction> txs = generate(1, 3_000);
        double[][] batch = HandbookFeatures.compute(txs);
        int nb30 = HandbookFeatures.NAMES.indexOf("TERMINAL_ID_NB_TX_30DAY_WINDOW");
        int risk30 = HandbookFeatures.NAMES.indexOf("TERMINAL_ID_RISK_30DAY_WINDOW");
        int cust1 = HandbookFeatures.NAMES.indexOf("CUSTOMER_ID_NB_TX_1DAY_WINDOW");
        assertThat(java.util.Arrays.stream(batch).filter(row -> row[nb30] == 0)).isNotEmpty();
        assertThat(java.util.Arrays.stream(batch).filter(row -> row[risk30] > 0.01 && row[risk30] < 0.99))
                .isNotEmpty();
        assertThat(java.util.Arrays.stream(batch).filter(row -> row[cust1] > 3)).isNotEmpty();
    }

    @Test
    void reapplyingEveryEventAfterACrashChangesNoStateAndReturnsTheSameFeatures() {
        List<HandbookTransaction> txs = generate(7, 1_000);
        double[][] batch = HandbookFeatures.compute(txs);
        HandbookOnlineState online = new HandbookOnlineState(0);
        for (HandbookTransaction tx : txs.subList(0, 600)) {
            online.apply(tx, tx.fraud());
        }
        // the consumer restarts from an older checkpoint: the events of the last 20 days before the crash arrive again
        int replayFrom = 599;
        while (replayFrom > 0
                && txs.get(599).eventTimeMillis() - txs.get(replayFrom - 1).eventTimeMillis() < 20 * 24 * HOUR) {
            replayFrom--;
        }
        assertThat(600 - replayFrom).isGreaterThan(20);
        for (int i = replayFrom; i < txs.size(); i++) {
            HandbookOnlineState.Result r = online.apply(txs.get(i), txs.get(i).fraud());
            assertThat(r.outcome()).as("tx %d", i).isEqualTo(i < 600 ? ApplyOutcome.DUPLICATE : ApplyOutcome.APPLIED);
            assertThat(r.features()).as("tx %d", i).containsExactly(batch[i]);
        }
    }

    @Test
    void lateEventsWithinTheAllowedLatenessLeaveTheStateAsTheBatchWouldHaveIt() {
        List<HandbookTransaction> ordered = generate(11, 2_000);
        long lateness = 12 * HOUR;
        // deliver out of order: swap neighbours less than the lateness apart
        List<HandbookTransaction> arrival = new ArrayList<>(ordered);
        Random rnd = new Random(3);
        int swapped = 0;
        for (int i = 1; i < arrival.size(); i++) {
            HandbookTransaction a = arrival.get(i - 1);
            HandbookTransaction b = arrival.get(i);
            if (rnd.nextInt(4) == 0
                    && b.eventTimeMillis() - a.eventTimeMillis() < lateness
                    && b.eventTimeMillis() > a.eventTimeMillis()) {
                arrival.set(i - 1, b);
                arrival.set(i, a);
                swapped++;
                i++;
            }
        }
        assertThat(swapped).isGreaterThan(50);
        HandbookOnlineState inOrder = new HandbookOnlineState(lateness);
        HandbookOnlineState outOfOrder = new HandbookOnlineState(lateness);
        ordered.forEach(tx -> inOrder.apply(tx, tx.fraud()));
        int late = 0;
        for (HandbookTransaction tx : arrival) {
            ApplyOutcome o = outOfOrder.apply(tx, tx.fraud()).outcome();
            assertThat(o).isIn(ApplyOutcome.APPLIED, ApplyOutcome.APPLIED_LATE);
            late += o == ApplyOutcome.APPLIED_LATE ? 1 : 0;
        }
        // a swap makes an event late only where both events share a customer
        assertThat(late).isBetween(10, swapped);
        for (long c = 0; c < 6; c++) {
            assertThat(snapshot(outOfOrder.customerWindow(c))).isEqualTo(snapshot(inOrder.customerWindow(c)));
        }
        for (long t = 0; t < 4; t++) {
            assertThat(snapshot(outOfOrder.terminalWindow(t))).isEqualTo(snapshot(inOrder.terminalWindow(t)));
        }
        // and the next transaction's features are the batch's
        HandbookTransaction last = ordered.getLast();
        HandbookTransaction next =
                new HandbookTransaction(999_999, last.txDatetime().plusHours(1), 2, 3, 42.0, 0, 0, false);
        List<HandbookTransaction> all = new ArrayList<>(ordered);
        all.add(next);
        assertThat(outOfOrder.apply(next, false).features())
                .containsExactly(HandbookFeatures.compute(all)[all.size() - 1]);
    }

    @Test
    void eventOlderThanTheAllowedLatenessIsRejectedNotMiscounted() {
        HandbookOnlineState online = new HandbookOnlineState(HOUR);
        LocalDateTime t = LocalDateTime.of(2018, 5, 1, 12, 0);
        online.apply(new HandbookTransaction(1, t, 1, 1, 10, 0, 0, false), false);
        HandbookOnlineState.Result r =
                online.apply(new HandbookTransaction(2, t.minusHours(2), 1, 1, 10, 0, 0, false), false);
        assertThat(r.outcome()).isEqualTo(ApplyOutcome.TOO_LATE);
        assertThat(r.features()).isNull();
        assertThat(online.customerWindow(1).size()).isEqualTo(1);
    }

    @Test
    void stateSurvivesASerialisationRoundTripMidStream() {
        List<HandbookTransaction> txs = generate(5, 800);
        double[][] batch = HandbookFeatures.compute(txs);
        EventWindow customer = HandbookOnlineState.newCustomerWindow(0, 1000);
        double[] row = new double[15];
        for (int i = 0; i < txs.size(); i++) {
            HandbookTransaction tx = txs.get(i);
            if (tx.customerId() != 3) {
                continue;
            }
            customer = EventWindow.fromBytes(customer.toBytes()); // stored and loaded between every event
            customer.add(
                    tx.eventTimeMillis(),
                    tx.transactionId(),
                    EventWindow.toUnits(tx.amount()),
                    EventWindow.LABEL_UNKNOWN);
            HandbookOnlineState.customerFeatures(customer, tx.eventTimeMillis(), tx.transactionId(), row);
            for (int c = 3; c < 9; c++) {
                assertThat(row[c]).isEqualTo(batch[i][c]);
            }
        }
    }

    @Test
    void labelArrivingAfterTheTransactionIsUsedOnceItIsOlderThanTheDelay() {
        LocalDateTime t = LocalDateTime.of(2018, 5, 1, 12, 0);
        HandbookOnlineState online = new HandbookOnlineState(0);
        HandbookTransaction first = new HandbookTransaction(1, t, 1, 9, 10, 0, 0, true);
        online.apply(first, null);
        assertThat(online.applyLabel(first, true)).isTrue();
        double[] later = online.apply(
                        new HandbookTransaction(2, t.plusDays(7).plusHours(12), 2, 9, 10, 0, 0, false), null)
                .features();
        assertThat(later[HandbookFeatures.NAMES.indexOf("TERMINAL_ID_RISK_1DAY_WINDOW")])
                .isEqualTo(1.0);
    }

    private static EventWindow.Snapshot snapshot(EventWindow w) {
        return w.snapshot();
    }
}
