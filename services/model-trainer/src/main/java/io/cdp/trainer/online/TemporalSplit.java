package io.cdp.trainer.online;

import io.cdp.features.online.OnlineTransaction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Days of a time-ordered history cut in three: training days, then the validation days that pick the number of trees
 * and the thresholds, then (in an evaluation only) the test days nothing was chosen on.
 *
 * @param from           first day of the history
 * @param validationFrom first validation day
 * @param trainTo        last day a model may learn from or be tuned on (the last validation day)
 * @param to             last day of the history
 */
public record TemporalSplit(LocalDate from, LocalDate validationFrom, LocalDate trainTo, LocalDate to) {

    public TemporalSplit {
        if (!(!from.isAfter(validationFrom.minusDays(1)) && !validationFrom.isAfter(trainTo) && !trainTo.isAfter(to))) {
            throw new IllegalArgumentException("days must be in order: from " + from + ", validation from "
                    + validationFrom + ", train to " + trainTo + ", to " + to);
        }
    }

    static LocalDate day(OnlineTransaction tx) {
        return LocalDate.ofInstant(tx.time(), ZoneOffset.UTC);
    }

    /**
     * Frauds a validation slice should hold at least (when the history has three times as many): fewer make early
     * stopping and the thresholds a coin toss. Fraud comes in bursts, so a fixed share of days can hold none.
     */
    static final int MIN_VALIDATION_FRAUDS = 5;

    /**
     * For training on all of a history: its last {@code validationShare} of days validate (at least one day), reaching
     * further back when that holds fewer than {@link #MIN_VALIDATION_FRAUDS} frauds; the rest train.
     */
    public static TemporalSplit forTraining(List<OnlineTransaction> history, double validationShare) {
        LocalDate from = day(history.getFirst());
        LocalDate to = day(history.getLast());
        return new TemporalSplit(from, validationFrom(history, from, to, validationShare), to, to);
    }

    /**
     * For an evaluation: days from {@code testFrom} are the test; of the days before it, the last
     * {@code validationShare} validate (reaching back for frauds as {@link #forTraining} does), the rest train.
     */
    public static TemporalSplit forEvaluation(
            List<OnlineTransaction> history, LocalDate testFrom, double validationShare) {
        LocalDate from = day(history.getFirst());
        LocalDate trainTo = testFrom.minusDays(1);
        return new TemporalSplit(
                from, validationFrom(history, from, trainTo, validationShare), trainTo, day(history.getLast()));
    }

    private static LocalDate validationFrom(
            List<OnlineTransaction> history, LocalDate from, LocalDate to, double share) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate validationFrom = to.minusDays(Math.max(1, Math.round(days * share)) - 1);
        // the days of the frauds up to 'to', latest first: the validation slice reaches back to the need-th of them
        List<LocalDate> fraudDays = history.stream()
                .filter(OnlineTransaction::fraudLabel)
                .map(TemporalSplit::day)
                .filter(d -> !d.isAfter(to))
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
        int need = (int) Math.min(MIN_VALIDATION_FRAUDS, fraudDays.size() / 3);
        if (need > 0 && fraudDays.get(need - 1).isBefore(validationFrom)) {
            validationFrom = fraudDays.get(need - 1);
        }
        // at least one training day
        return validationFrom.isAfter(from) ? validationFrom : from.plusDays(1);
    }
}
