package io.cdp.lake.labels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelJoinTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final LabelPolicy POLICY = LabelPolicy.DEFAULT;

    private static LabelJoin.Scored tx(String id, Instant time) {
        return new LabelJoin.Scored(id, time);
    }

    private static Instant day(double days) {
        return T0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    @Test
    void silenceBecomesNotFraudOnlyAfterTheLabelDelay() {
        List<LabelJoin.Scored> txs = List.of(tx("a", T0));
        LabelJoin.Result early = LabelJoin.asOf(txs, List.of(), day(6.9), POLICY);
        assertThat(early.labels()).isEmpty();
        assertThat(early.pending()).isEqualTo(1);

        LabelJoin.Result late = LabelJoin.asOf(txs, List.of(), day(7), POLICY);
        assertThat(late.labels().get("a")).isEqualTo(new Label("a", false, Label.Source.LABEL_DELAY, day(7)));
        assertThat(late.pending()).isZero();
    }

    @Test
    void aCustomersConfirmationLabelsFraudAtOnceButNotBeforeItArrived() {
        List<LabelJoin.Scored> txs = List.of(tx("a", T0));
        List<LabelEvidence> evidence = List.of(LabelEvidence.feedback("a", "CONFIRMED_FRAUD", day(0.1), "alert-1"));

        assertThat(LabelJoin.asOf(txs, evidence, day(0.05), POLICY).labels()).isEmpty();
        Label label = LabelJoin.asOf(txs, evidence, day(0.2), POLICY).labels().get("a");
        assertThat(label.fraud()).isTrue();
        assertThat(label.source()).isEqualTo(Label.Source.CUSTOMER_CONFIRMED);
        assertThat(label.knownAt()).isEqualTo(day(0.1));
    }

    @Test
    void aLateChargebackOverridesBothADenialAndTheDelaysNotFraud() {
        List<LabelJoin.Scored> txs = List.of(tx("a", T0), tx("b", T0));
        List<LabelEvidence> evidence = List.of(
                LabelEvidence.feedback("a", "NOT_FRAUD", day(0.1), "alert-1"),
                LabelEvidence.chargeback("a", day(12), "cb-1"),
                LabelEvidence.chargeback("b", day(20), "cb-2"));

        LabelJoin.Result before = LabelJoin.asOf(txs, evidence, day(10), POLICY);
        assertThat(before.labels().get("a").source()).isEqualTo(Label.Source.CUSTOMER_DENIED);
        assertThat(before.labels().get("b").source()).isEqualTo(Label.Source.LABEL_DELAY);
        assertThat(before.frauds()).isZero();

        LabelJoin.Result after = LabelJoin.asOf(txs, evidence, day(21), POLICY);
        assertThat(after.labels().get("a").fraud()).isTrue();
        assertThat(after.labels().get("b").source()).isEqualTo(Label.Source.CHARGEBACK);
        assertThat(after.frauds()).isEqualTo(2);
    }

    @Test
    void theLatestAnswerWinsAmongCustomerAnswers() {
        List<LabelJoin.Scored> txs = List.of(tx("a", T0));
        List<LabelEvidence> evidence = List.of(
                LabelEvidence.feedback("a", "NOT_FRAUD", day(0.3), "alert-1"),
                LabelEvidence.feedback("a", "CONFIRMED_FRAUD", day(0.2), "alert-1"));

        assertThat(LabelJoin.asOf(txs, evidence, day(1), POLICY)
                        .labels()
                        .get("a")
                        .fraud())
                .isFalse();
    }

    @Test
    void rejectsEvidenceDatedBeforeItsTransactionOrAboutNoScoredTransaction() {
        List<LabelJoin.Scored> txs = List.of(tx("a", T0));
        LabelEvidence early = LabelEvidence.feedback("a", "CONFIRMED_FRAUD", day(-1), "alert-0");
        LabelEvidence orphan = LabelEvidence.chargeback("zzz", day(1), "cb-9");

        LabelJoin.Result result = LabelJoin.asOf(txs, List.of(early, orphan), day(2), POLICY);

        assertThat(result.rejected()).containsExactly(early, orphan);
        assertThat(result.labels()).isEmpty();
        assertThat(result.pending()).isEqualTo(1);
    }

    @Test
    void aShorterDelayLabelsSilenceSooner() {
        LabelJoin.Result result =
                LabelJoin.asOf(List.of(tx("a", T0)), List.of(), day(2), new LabelPolicy(Duration.ofDays(2)));
        assertThat(result.bySource(Label.Source.LABEL_DELAY)).isEqualTo(1);
    }
}
