package io.cdp.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.training.dataset.TrainingRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

class MarginAverageTest {

    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);
    private static final TrainingRows ROWS = Generated.rows(4_000, 7, DAY0, 4);
    private static final TrainingParameters PARAMS =
            TrainingParameters.defaults().withMaxRounds(20);

    @Test
    void mergedModelsMarginIsTheMeanOfTheMembersMargins() {
        XgboostTrainer trainer = new XgboostTrainer(Progress.silent());
        List<byte[]> members = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            members.add(trainer.train(ROWS, null, PARAMS.withSeed(seed)).modelJson());
        }
        TreeEnsemble merged =
                XgboostJsonParser.parse(MarginAverage.merge(members)).ensemble();
        List<TreeEnsemble> parsed =
                members.stream().map(m -> XgboostJsonParser.parse(m).ensemble()).toList();

        assertThat(merged.treeCount()).isEqualTo(60);
        boolean membersDiffer = false;
        for (int i = 0; i < 500; i++) {
            double[] row = ROWS.features()[i];
            double mean = parsed.stream()
                    .mapToDouble(e -> e.predictMargin(row))
                    .average()
                    .orElseThrow();
            membersDiffer |= parsed.get(0).predictMargin(row) != parsed.get(1).predictMargin(row);
            assertThat((double) merged.predictMargin(row)).isCloseTo(mean, within(1e-4));
        }
        // different seeds draw different subsamples: otherwise the test would not test averaging
        assertThat(membersDiffer).isTrue();
    }

    @Test
    void xgboostLoadsTheMergedModelAndPredictsTheSame() throws Exception {
        TrainedModel averaged = new XgboostTrainer(Progress.silent()).trainAveraged(ROWS, PARAMS, 2);
        assertThat(averaged.rounds()).isEqualTo(20);
        assertThat(averaged.parameters()).containsEntry("members", "2").containsEntry("seed", "0..1");
        TreeEnsemble ours = XgboostJsonParser.parse(averaged.modelJson()).ensemble();
        Booster booster = XGBoost.loadModel(averaged.modelBinary());
        DMatrix matrix = XgboostTrainer.matrix(ROWS);
        try {
            float[][] theirs = booster.predict(matrix);
            for (int i = 0; i < ROWS.size(); i += 7) {
                assertThat(ours.predict(ROWS.features()[i])).isCloseTo(theirs[i][0], within(1e-5));
            }
        } finally {
            matrix.dispose();
            booster.dispose();
        }
    }

    @Test
    void oneMemberIsReturnedUnchanged() {
        byte[] json =
                new XgboostTrainer(Progress.silent()).train(ROWS, null, PARAMS).modelJson();
        assertThat(MarginAverage.merge(List.of(json))).isSameAs(json);
    }

    @Test
    void refusesMembersTrainedOnDifferentRows() {
        XgboostTrainer trainer = new XgboostTrainer(Progress.silent());
        // unweighted, the base score is the rows' fraud rate (balanced weights would make it 0.5 for any rows)
        TrainingParameters unweighted = PARAMS.withScalePosWeight(1);
        byte[] a = trainer.train(ROWS, null, unweighted).modelJson();
        TrainingRows other = Generated.rows(4_000, 8, DAY0, 4).where(i -> !ROWS.labels()[i] || i % 2 == 0);
        byte[] b = trainer.train(other, null, unweighted).modelJson();
        assertThatThrownBy(() -> MarginAverage.merge(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base score");
        assertThatThrownBy(() -> MarginAverage.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
