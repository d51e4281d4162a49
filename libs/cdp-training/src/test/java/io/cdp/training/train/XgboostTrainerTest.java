package io.cdp.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.scoring.metrics.RankingMetrics;
import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.training.dataset.TrainingRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class XgboostTrainerTest {

    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);

    @Test
    void earlyStoppingKeepsTheBestValidationRoundAndReportsProgress() {
        TrainingRows all = Generated.rows(12_000, 1, DAY0, 10);
        TrainingRows train = all.between(DAY0, DAY0.plusDays(7));
        TrainingRows valid = all.between(DAY0.plusDays(8), DAY0.plusDays(9));
        List<String> messages = new ArrayList<>();
        // a high learning rate overfits quickly, so validation AUC-PR peaks early and stopping must trigger
        TrainingParameters params =
                TrainingParameters.defaults().withTree(6, 0.5).withMaxRounds(300);
        TrainedModel model = new XgboostTrainer(messages::add).train(train, valid, params);

        assertThat(model.rounds()).isLessThan(300);
        assertThat(model.validationCurve()).hasSizeGreaterThan(model.rounds());
        double best = model.validationCurve().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        assertThat(model.bestScore()).isEqualTo(best);
        assertThat(model.validationCurve().get(model.rounds() - 1)).isEqualTo(best);
        assertThat(messages).anyMatch(m -> m.contains("no aucpr improvement"));

        TreeEnsemble ensemble = XgboostJsonParser.parse(model.modelJson()).ensemble();
        assertThat(ensemble.treeCount()).isEqualTo(model.rounds());
        double[] scores = new double[valid.size()];
        for (int i = 0; i < valid.size(); i++) {
            scores[i] = ensemble.predict(valid.features()[i]);
        }
        assertThat(RankingMetrics.rocAuc(scores, valid.labels())).isGreaterThan(0.75);
    }

    @Test
    void weighsThePositiveClassByTheImbalanceWhenNotGiven() {
        TrainingRows train = Generated.rows(3_000, 2, DAY0, 3);
        TrainedModel model = new XgboostTrainer(Progress.silent())
                .train(train, null, TrainingParameters.defaults().withMaxRounds(5));
        double expected = (double) (train.size() - train.positives()) / train.positives();
        assertThat(Double.parseDouble(model.parameters().get("scale_pos_weight")))
                .isEqualTo(expected);
        assertThat(model.rounds()).isEqualTo(5);
        assertThat(model.gainImportance()).containsOnlyKeys("amount", "night", "noise_missing", "noise");
        assertThat(model.gainImportance().get("amount"))
                .isGreaterThan(model.gainImportance().get("noise"));
    }

    @Test
    void refusesTrainingRowsWithOneClass() {
        TrainingRows all = Generated.rows(500, 3, DAY0, 1);
        TrainingRows negatives = all.where(i -> !all.labels()[i]);
        assertThatThrownBy(() ->
                        new XgboostTrainer(Progress.silent()).train(negatives, null, TrainingParameters.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both classes");
    }

    @Test
    void readsTheMetricValueFromAnEvalLine() {
        assertThat(XgboostTrainer.metric("[12]\tvalid-aucpr:0.81234")).isEqualTo(0.81234);
    }
}
