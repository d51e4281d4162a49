package io.cdp.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;

class TreeShapTest {

    @Test
    void contributionsMatchXgboost4jPredictContribIncludingTheBiasColumn() throws Exception {
        GeneratedData data = GeneratedData.generate(3_000, 6, 11, 0.1);
        // deep trees that split the same feature repeatedly exercise the unwind path of TreeSHAP
        Booster booster = XgboostReference.train(data, 25, 7, Map.of("min_child_weight", 0.1));
        TreeEnsemble ours = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        TreeShap shap = new TreeShap(ours);
        DMatrix matrix = XgboostReference.matrix(data);
        float[][] expected = booster.predictContrib(matrix, 0);
        matrix.dispose();
        booster.dispose();

        double worst = 0;
        for (int i = 0; i < data.rows(); i++) {
            double[] contributions = shap.contributions(data.row(i));
            assertThat(contributions).hasSize(7);
            for (int j = 0; j < contributions.length; j++) {
                worst = Math.max(worst, Math.abs(contributions[j] - expected[i][j]));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void contributionsSumToTheMargin() throws Exception {
        GeneratedData data = GeneratedData.generate(1_000, 5, 3, 0.05);
        Booster booster = XgboostReference.train(data, 15, 4, Map.of());
        TreeEnsemble ours = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        booster.dispose();
        TreeShap shap = new TreeShap(ours);
        for (int i = 0; i < data.rows(); i++) {
            double sum = 0;
            for (double c : shap.contributions(data.row(i))) {
                sum += c;
            }
            assertThat(sum).isCloseTo(ours.predictMargin(data.row(i)), org.assertj.core.data.Offset.offset(1e-4));
        }
    }
}
