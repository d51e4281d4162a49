package io.cdp.trainer.handbook;

import io.cdp.features.handbook.HandbookFeatures;
import io.cdp.features.handbook.HandbookTransaction;
import io.cdp.training.dataset.TrainingRows;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Fraud-Detection-Handbook's Chapter 3 protocol (shared_functions.py {@code get_train_test_set}): train on 7
 * days, wait 7 days (labels of the delay period arrive late), test on the next 7 days. Cards known to be
 * compromised are dropped from each test day: frauds seen in the training days, plus frauds of the delay period
 * up to the day before test day minus 7 (what investigators know by then). Only labels older than the test day
 * by more than the delay are used; test-period labels are used only to score.
 */
public record HandbookProtocol(LocalDate trainStart, int trainDays, int delayDays, int testDays) {

    /** The handbook's Chapter 3 setting: 2018-07-25 + 7 days, 7-day delay, test 2018-08-08..14. */
    public static final HandbookProtocol CHAPTER_3 = new HandbookProtocol(LocalDate.of(2018, 7, 25), 7, 7, 7);

    /** The earliest day whose transactions the features of the training days can look at (30-day windows + delay). */
    public LocalDate historyStart() {
        return trainStart.minusDays(30 + HandbookFeatures.DELAY_DAYS);
    }

    public LocalDate trainEnd() {
        return trainStart.plusDays(trainDays - 1);
    }

    public LocalDate testStart() {
        return trainStart.plusDays(trainDays + delayDays);
    }

    public LocalDate testEnd() {
        return testStart().plusDays(testDays - 1);
    }

    public TrainingRows trainingRows(TrainingRows all) {
        return all.between(trainStart, trainEnd());
    }

    /** Test rows with the known-compromised cards of each test day removed, as the handbook does. */
    public TrainingRows testRows(TrainingRows all) {
        Set<Long> known = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.labels()[i] && inRange(all.days()[i], trainStart, trainEnd())) {
                known.add(all.cards()[i]);
            }
        }
        // per test day d (0-based), the handbook adds the frauds of day trainStart + trainDays + d - 1
        @SuppressWarnings("unchecked")
        Set<Long>[] knownByDay = new Set[testDays];
        for (int d = 0; d < testDays; d++) {
            LocalDate delayDay = trainStart.plusDays(trainDays + d - 1);
            for (int i = 0; i < all.size(); i++) {
                if (all.labels()[i] && all.days()[i].equals(delayDay)) {
                    known.add(all.cards()[i]);
                }
            }
            knownByDay[d] = Set.copyOf(known);
        }
        LocalDate start = testStart();
        return all.where(i -> {
            LocalDate day = all.days()[i];
            if (!inRange(day, start, testEnd())) {
                return false;
            }
            int d = (int) (day.toEpochDay() - start.toEpochDay());
            return !knownByDay[d].contains(all.cards()[i]);
        });
    }

    private static boolean inRange(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Features for every transaction, with the customer as the card (the handbook's CUSTOMER_ID). */
    public static TrainingRows featureRows(List<HandbookTransaction> txs, FeatureSet featureSet) {
        double[][] features = featureSet.compute(txs);
        boolean[] labels = new boolean[txs.size()];
        LocalDate[] days = new LocalDate[txs.size()];
        long[] cards = new long[txs.size()];
        for (int i = 0; i < txs.size(); i++) {
            HandbookTransaction tx = txs.get(i);
            labels[i] = tx.fraud();
            days[i] = tx.txDatetime().toLocalDate();
            cards[i] = tx.customerId();
        }
        return new TrainingRows(featureSet.names(), features, labels, days, cards);
    }
}
