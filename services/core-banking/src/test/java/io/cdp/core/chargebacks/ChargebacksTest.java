package io.cdp.core.chargebacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.core.tabformer.Transaction;
import io.cdp.events.payload.Channel;
import io.cdp.lake.labels.LabelEvidence;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChargebacksTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 10, 1, 12, 0);
    private static final ChargebackPolicy POLICY = new ChargebackPolicy(0.8, 2, 30);

    /** 2,000 frauds of 20 customers, one every hour, and as many genuine transactions beside them. */
    private static List<Transaction> history() {
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            out.add(tx(String.valueOf(i % 20), START.plusHours(i), i, true));
            out.add(tx(String.valueOf(i % 20), START.plusHours(i).plusMinutes(1), i, false));
        }
        return out;
    }

    private static Transaction tx(String customer, LocalDateTime time, int seq, boolean fraud) {
        return new Transaction(
                customer,
                0,
                time,
                seq % 1000,
                new BigDecimal("10.00"),
                Channel.ONLINE,
                "m-1",
                null,
                null,
                null,
                5411,
                List.of(),
                fraud);
    }

    @Test
    void disputesTheConfiguredShareOfFraudsWithinTheirDelayAndNothingGenuine() {
        Instant farFuture = START.plusYears(1).toInstant(ZoneOffset.UTC);
        Chargebacks.Report all =
                Chargebacks.due(history(), Set.of(), t -> "id-" + t.transactionId(), POLICY, farFuture);

        assertThat(all.frauds()).isEqualTo(2_000);
        assertThat(all.disputed()).isBetween(1_520, 1_680); // 80 % of 2,000, binomial sd ~18
        assertThat(all.reported()).isEqualTo(all.disputed());
        assertThat(all.pending()).isZero();
        assertThat(all.evidence()).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(LabelEvidence.Kind.CHARGEBACK);
            assertThat(e.transactionId()).startsWith("id-tx-");
            assertThat(e.reference()).matches("cb-[0-9a-f]{16}");
        });
        for (LabelEvidence e : all.evidence()) {
            Transaction t = history().stream()
                    .filter(x -> ("id-" + x.transactionId()).equals(e.transactionId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(t.fraud()).isTrue();
            Duration delay = Duration.between(t.time().toInstant(ZoneOffset.UTC), e.knownAt());
            assertThat(delay).isBetween(Duration.ofDays(2), Duration.ofDays(30));
        }
    }

    @Test
    void onlyWhatHasComeDueIsReportedAndALaterRunReportsTheSameEvidenceAndMore() {
        Instant midway = START.plusDays(40).toInstant(ZoneOffset.UTC);
        Chargebacks.Report early = Chargebacks.due(history(), Set.of(), Transaction::transactionId, POLICY, midway);
        Chargebacks.Report later = Chargebacks.due(
                history(), Set.of(), Transaction::transactionId, POLICY, midway.plus(Duration.ofDays(30)));

        assertThat(early.pending()).isPositive();
        assertThat(early.evidence()).allSatisfy(e -> assertThat(e.knownAt()).isBeforeOrEqualTo(midway));
        assertThat(later.evidence()).containsAll(early.evidence());
        assertThat(later.reported()).isGreaterThan(early.reported());
        assertThat(early.reported() + early.pending()).isEqualTo(early.disputed());
    }

    @Test
    void erasedCustomersChargebacksNeverLeaveCoreBanking() {
        Instant farFuture = START.plusYears(1).toInstant(ZoneOffset.UTC);
        Chargebacks.Report report =
                Chargebacks.due(history(), Set.of("3"), Transaction::transactionId, POLICY, farFuture);

        assertThat(report.erasedSkipped()).isPositive();
        assertThat(report.evidence()).noneMatch(e -> e.transactionId().startsWith("tx-3-"));
        assertThat(report.reported() + report.erasedSkipped()).isEqualTo(report.disputed());
    }

    @Test
    void aPolicyOutsideItsRangeSaysWhatIsWrong() {
        assertThatThrownBy(() -> new ChargebackPolicy(1.5, 2, 30)).hasMessageContaining("within 0..1");
        assertThatThrownBy(() -> new ChargebackPolicy(0.5, 10, 3)).hasMessageContaining("min <= max");
    }
}
