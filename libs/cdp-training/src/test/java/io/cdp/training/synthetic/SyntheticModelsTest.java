package io.cdp.training.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.datagen.SyntheticCardHistory;
import io.cdp.features.online.CardOnlineState;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.features.online.OnlineTransaction;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.features.tabformer.TabFormerTransaction.UseChip;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.train.Progress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic first model learns card testing from velocity, not from a rule, and leaves ordinary use alone. */
class SyntheticModelsTest {

    /** Several seeds: the scoring API's tests train with 42 and 7. */
    @ParameterizedTest
    @ValueSource(longs = {42, 7, 3})
    void approvesOrdinaryPurchasesAndDeclinesABurstBeforeItEnds(long seed) {
        OnlineCardTrainer.Trained trained = SyntheticModels.cardTesting(seed, Progress.silent());
        TabFormerContext ctx = trained.tables().context();
        InProcessScorer scorer = new InProcessScorer(trained.artifact());
        assertThat(trained.artifact().metadata().metrics().get("validation.auc"))
                .isGreaterThan(0.95);
        assertThat(trained.artifact().metadata().featureNames()).isEqualTo(OnlineFeatures.SCHEMA.names());
        Thresholds thresholds = trained.artifact().metadata().thresholds();
        String card = SyntheticCardHistory.cardToken(new SplittableRandom(99));
        CardOnlineState state = CardOnlineState.empty();
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        List<Thresholds.Decision> ordinary = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            var computed = OnlineFeatures.compute(
                    state,
                    new OnlineTransaction(
                            "o-" + day,
                            null,
                            card,
                            start.plus(day, ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS),
                            35.2,
                            UseChip.CHIP,
                            "m-home-" + day % 2,
                            null,
                            "CA",
                            "94105",
                            5411,
                            List.of(),
                            false),
                    ctx);
            ordinary.add(thresholds.decide(scorer.score(computed.values())));
            state = computed.next();
        }
        List<Thresholds.Decision> burst = new ArrayList<>();
        Instant t = start.plus(4, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS);
        for (int i = 0; i < 15; i++) {
            var computed = OnlineFeatures.compute(
                    state,
                    new OnlineTransaction(
                            "b-" + i,
                            null,
                            card,
                            t.plusSeconds(20L * i),
                            1.0 + (i % 4) * 0.75,
                            UseChip.ONLINE,
                            "fm-" + i,
                            null,
                            null,
                            null,
                            5999,
                            List.of(),
                            false),
                    ctx);
            burst.add(thresholds.decide(scorer.score(computed.values())));
            state = computed.next();
        }

        assertThat(ordinary)
                .as("ordinary purchases with thresholds %s", thresholds)
                .containsOnly(Thresholds.Decision.APPROVE);
        assertThat(burst.subList(0, 14)).as("burst decisions").contains(Thresholds.Decision.DECLINE);
    }
}
