package io.cdp.trainer.eval;

import java.util.List;
import java.util.Map;

/**
 * The model selection rule of the handbook evaluation: the candidate with the best mean validation Card
 * Precision@100 over the prequential folds, ties broken by mean validation average precision, then by the order the
 * grid lists candidates (simpler first). Only validation weeks enter; the test week is never an input.
 *
 * <p>A mean over folds rather than one fold's value: a single validation week has a few dozen compromised cards a
 * day, so one week's CP@100 moves by 0.01 with a handful of cards.
 */
final class Selection {

    /** AUC, AP and CP@100 of one scored week. */
    record Scores(double auc, double ap, double cp) {}

    /** A candidate's validation result: the per-fold scores and their means. */
    record Summary<C>(C candidate, List<Scores> folds, double auc, double ap, double cp) {

        Summary {
            folds = List.copyOf(folds);
        }

        static <C> Summary<C> of(C candidate, List<Scores> folds) {
            if (folds.isEmpty()) {
                throw new IllegalArgumentException("candidate " + candidate + " has no validation fold");
            }
            return new Summary<>(
                    candidate,
                    folds,
                    folds.stream().mapToDouble(Scores::auc).average().orElseThrow(),
                    folds.stream().mapToDouble(Scores::ap).average().orElseThrow(),
                    folds.stream().mapToDouble(Scores::cp).average().orElseThrow());
        }
    }

    /** Tolerance under which two mean CP@100 are the same (they are means of multiples of 1/100). */
    static final double TIE = 1e-9;

    private Selection() {}

    /** Every candidate summarised, in the grid's order; every candidate must have a score on every fold. */
    static <C> List<Summary<C>> summarize(Map<C, List<Scores>> byCandidate) {
        int folds = byCandidate.values().stream().mapToInt(List::size).max().orElse(0);
        return byCandidate.entrySet().stream()
                .map(e -> {
                    if (e.getValue().size() != folds) {
                        throw new IllegalArgumentException("candidate " + e.getKey() + " has "
                                + e.getValue().size() + " fold scores, others " + folds);
                    }
                    return Summary.of(e.getKey(), e.getValue());
                })
                .toList();
    }

    /** The best summary by mean CP@100, then mean AP, then grid order. */
    static <C> Summary<C> best(List<Summary<C>> summaries) {
        Summary<C> best = null;
        for (Summary<C> s : summaries) {
            if (best == null
                    || s.cp() > best.cp() + TIE
                    || (Math.abs(s.cp() - best.cp()) <= TIE && s.ap() > best.ap())) {
                best = s;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no candidate to select from");
        }
        return best;
    }
}
