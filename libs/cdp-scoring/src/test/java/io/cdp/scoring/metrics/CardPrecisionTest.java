package io.cdp.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.scoring.metrics.CardPrecision.ScoredTransaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardPrecisionTest {

    @Test
    void countsCardsNotTransactionsUsingEachCardsHighestScoreAndAnyFraud() {
        List<ScoredTransaction> day = List.of(
                new ScoredTransaction(1, 10, 0.9, false),
                new ScoredTransaction(1, 10, 0.2, true), // card 10: max score 0.9, compromised
                new ScoredTransaction(1, 11, 0.8, false),
                new ScoredTransaction(1, 11, 0.7, false), // card 11: 0.8, genuine
                new ScoredTransaction(1, 12, 0.3, true)); // card 12: 0.3, compromised but ranked third
        CardPrecision.Result result = CardPrecision.compute(day, 2);
        assertThat(result.perDay()).containsExactly(0.5);
        assertThat(result.compromisedPerDay()).containsExactly(2);
        assertThat(result.mean()).isEqualTo(0.5);
    }

    @Test
    void dividesByKEvenWhenFewerCardsTransactedThatDay() {
        List<ScoredTransaction> day = List.of(new ScoredTransaction(3, 1, 0.9, true));
        assertThat(CardPrecision.compute(day, 100).mean()).isEqualTo(0.01);
    }

    @Test
    void cardsDetectedOnAnEarlierDayAreLeftOutOfLaterDays() {
        List<ScoredTransaction> txs = new ArrayList<>();
        txs.add(new ScoredTransaction(1, 7, 0.95, true));
        txs.add(new ScoredTransaction(1, 8, 0.10, false));
        // day 2: card 7 again (already detected, dropped), card 9 compromised with a lower score
        txs.add(new ScoredTransaction(2, 7, 0.99, true));
        txs.add(new ScoredTransaction(2, 9, 0.50, true));
        txs.add(new ScoredTransaction(2, 8, 0.40, false));
        CardPrecision.Result result = CardPrecision.compute(txs, 1);
        assertThat(result.perDay()).containsExactly(1.0, 1.0);
        assertThat(result.compromisedPerDay()).containsExactly(1, 1);
    }

    @Test
    void undetectedCompromisedCardsStayInLaterDays() {
        List<ScoredTransaction> txs = List.of(
                new ScoredTransaction(1, 1, 0.9, false),
                new ScoredTransaction(1, 2, 0.1, true), // missed on day 1 (k = 1)
                new ScoredTransaction(2, 2, 0.8, true),
                new ScoredTransaction(2, 3, 0.2, false));
        CardPrecision.Result result = CardPrecision.compute(txs, 1);
        assertThat(result.perDay()).containsExactly(0.0, 1.0);
        assertThat(result.mean()).isEqualTo(0.5);
    }
}
