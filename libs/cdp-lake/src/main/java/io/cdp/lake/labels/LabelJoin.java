package io.cdp.lake.labels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence joined point in time to scored transactions: the labels a training run started at {@code asOf} may use.
 * <ul>
 *   <li>Evidence known after {@code asOf} does not exist yet; evidence dated before its transaction happened is
 *       rejected (a clock or a join gone wrong, never a label), as is evidence about a transaction never scored.</li>
 *   <li>A chargeback outranks a customer's answer (the customer may have been wrong, or the fraudster answered); among
 *       answers the latest wins (a customer corrects themself).</li>
 *   <li>Without evidence a transaction is genuine once the label delay has passed, and unlabelled before: an alert
 *       nobody answered yet and a transaction nobody disputed yet are not "not fraud" yet.</li>
 * </ul>
 */
public final class LabelJoin {

    private LabelJoin() {}

    /** A scored transaction: its id and when it happened. */
    public record Scored(String transactionId, Instant transactionTime) {}

    /**
     * @param labels   by transaction id, in the order of the transactions given; transactions without one are absent
     * @param rejected evidence dated before its transaction, or about no transaction given
     * @param pending  transactions without a label yet (inside the label delay, no evidence)
     */
    public record Result(Map<String, Label> labels, List<LabelEvidence> rejected, int pending) {

        public long frauds() {
            return labels.values().stream().filter(Label::fraud).count();
        }

        public long bySource(Label.Source source) {
            return labels.values().stream().filter(l -> l.source() == source).count();
        }
    }

    public static Result asOf(
            List<Scored> transactions, List<LabelEvidence> evidence, Instant asOf, LabelPolicy policy) {
        Map<String, Instant> times = new HashMap<>();
        transactions.forEach(t -> times.put(t.transactionId(), t.transactionTime()));
        Map<String, LabelEvidence> best = new HashMap<>();
        List<LabelEvidence> rejected = new ArrayList<>();
        for (LabelEvidence e : evidence) {
            if (e.knownAt().isAfter(asOf)) {
                continue;
            }
            Instant time = times.get(e.transactionId());
            if (time == null || e.knownAt().isBefore(time)) {
                rejected.add(e);
                continue;
            }
            best.merge(e.transactionId(), e, LabelJoin::stronger);
        }
        Instant silentUntil = policy.fullyLabelledUntil(asOf);
        Map<String, Label> labels = new LinkedHashMap<>();
        int pending = 0;
        for (Scored t : transactions) {
            LabelEvidence e = best.get(t.transactionId());
            if (e != null) {
                labels.put(
                        t.transactionId(), new Label(t.transactionId(), e.kind().fraud(), source(e), e.knownAt()));
            } else if (!t.transactionTime().isAfter(silentUntil)) {
                labels.put(
                        t.transactionId(),
                        new Label(
                                t.transactionId(),
                                false,
                                Label.Source.LABEL_DELAY,
                                t.transactionTime().plus(policy.labelDelay())));
            } else {
                pending++;
            }
        }
        return new Result(labels, List.copyOf(rejected), pending);
    }

    /** Of two pieces of evidence on one transaction, the one that decides its label. */
    static LabelEvidence stronger(LabelEvidence a, LabelEvidence b) {
        boolean aChargeback = a.kind() == LabelEvidence.Kind.CHARGEBACK;
        boolean bChargeback = b.kind() == LabelEvidence.Kind.CHARGEBACK;
        if (aChargeback != bChargeback) {
            return aChargeback ? a : b;
        }
        return b.knownAt().isAfter(a.knownAt()) ? b : a;
    }

    private static Label.Source source(LabelEvidence e) {
        return switch (e.kind()) {
            case CONFIRMED_FRAUD -> Label.Source.CUSTOMER_CONFIRMED;
            case NOT_FRAUD -> Label.Source.CUSTOMER_DENIED;
            case CHARGEBACK -> Label.Source.CHARGEBACK;
        };
    }
}
