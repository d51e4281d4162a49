package io.cdp.scoring.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeEnsembleTest {

    private static final int ROWS = 10_000;
    private static final int COLUMNS = 8;

    private static GeneratedData data;
    private static Booster booster;

    @BeforeAll
    static void trainReference() throws Exception {
        data = GeneratedData.generate(ROWS, COLUMNS, 42, 0.08);
        booster = XgboostReference.train(data, 60, 5, Map.of("scale_pos_weight", 3.0, "min_child_weight", 0.5));
    }

    @AfterAll
    static void release() {
        booster.dispose();
    }

    @Test
    void predictsLikeXgboost4jWithin1e6OnTenThousandRowsWithMissingValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.json");
        booster.saveModel(file.toString());
        TreeEnsemble ours = XgboostJsonParser.parse(file).ensemble();

        DMatrix matrix = XgboostReference.matrix(data);
        float[][] expected = booster.predict(matrix);
        float[][] expectedMargin = booster.predict(matrix, true, 0);
        matrix.dispose();

        double worst = 0;
        double worstMargin = 0;
        for (int i = 0; i < ROWS; i++) {
            worst = Math.max(worst, Math.abs(ours.predict(data.row(i)) - expected[i][0]));
            worstMargin = Math.max(worstMargin, Math.abs(ours.predictMargin(data.row(i)) - expectedMargin[i][0]));
        }
        assertThat(worst).isLessThanOrEqualTo(1e-6);
        assertThat(worstMargin).isLessThanOrEqualTo(1e-5);
        assertThat(ours.treeCount()).isEqualTo(60);
    }

    @Test
    void floatRowsAndDoubleRowsGiveTheSameMargin() throws Exception {
        TreeEnsemble ours = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        for (int i = 0; i < 500; i++) {
            float[] f = new float[COLUMNS];
            System.arraycopy(data.rowMajor(), i * COLUMNS, f, 0, COLUMNS);
            assertThat(ours.predictMargin(f)).isEqualTo(ours.predictMargin(data.row(i)));
        }
    }

    @Test
    void floatRowsOfADepthFourModelPredictLikeXgboost4jWithin1e6OnTenThousandRows() throws Exception {
        // the served model's shape (depth 4, a tree count not divisible by 4): the complete-tree fast path
        Booster small = XgboostReference.train(data, 71, 4, Map.of("min_child_weight", 5.0));
        try {
            TreeEnsemble ours =
                    XgboostJsonParser.parse(small.toByteArray("json")).ensemble();
            DMatrix matrix = XgboostReference.matrix(data);
            float[][] expected = small.predict(matrix);
            matrix.dispose();
            double worst = 0;
            float[] row = new float[COLUMNS];
            for (int i = 0; i < ROWS; i++) {
                System.arraycopy(data.rowMajor(), i * COLUMNS, row, 0, COLUMNS);
                worst = Math.max(worst, Math.abs(ours.predict(row) - expected[i][0]));
            }
            assertThat(worst).isLessThanOrEqualTo(1e-6);
            assertThat(ours.treeCount()).isEqualTo(71);
            assertThat(ours.completeLayout()).isTrue();
        } finally {
            small.dispose();
        }
    }

    @Test
    void modelsDeeperThanTheCompleteLayoutStillPredictLikeXgboost4j() throws Exception {
        Booster deep = XgboostReference.train(
                data, 12, TreeEnsemble.COMPLETE_MAX_DEPTH + 3, Map.of("min_child_weight", 0.0, "gamma", 0.0));
        try {
            TreeEnsemble ours =
                    XgboostJsonParser.parse(deep.toByteArray("json")).ensemble();
            assertThat(ours.completeLayout()).isFalse();
            DMatrix matrix = XgboostReference.matrix(data);
            float[][] expected = deep.predict(matrix);
            matrix.dispose();
            double worst = 0;
            for (int i = 0; i < ROWS; i++) {
                worst = Math.max(worst, Math.abs(ours.predict(data.row(i)) - expected[i][0]));
            }
            assertThat(worst).isLessThanOrEqualTo(1e-6);
        } finally {
            deep.dispose();
        }
    }

    @Test
    void firstTreesPredictsLikeXgboostWithATreeLimit() throws Exception {
        TreeEnsemble all = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        TreeEnsemble first = all.firstTrees(25);
        DMatrix matrix = XgboostReference.matrix(data);
        float[][] expected = booster.predict(matrix, false, 25);
        matrix.dispose();
        double worst = 0;
        for (int i = 0; i < 2_000; i++) {
            worst = Math.max(worst, Math.abs(first.predict(data.row(i)) - expected[i][0]));
        }
        assertThat(first.treeCount()).isEqualTo(25);
        assertThat(worst).isLessThanOrEqualTo(1e-6);
        assertThatThrownBy(() -> all.firstTrees(61)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingValuesFollowTheDefaultDirectionNotZero() throws Exception {
        TreeEnsemble ours = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        float[] missing = new float[COLUMNS];
        java.util.Arrays.fill(missing, Float.NaN);
        DMatrix one = new DMatrix(missing, 1, COLUMNS, Float.NaN);
        float expected = booster.predict(one)[0][0];
        one.dispose();
        double[] row = new double[COLUMNS];
        java.util.Arrays.fill(row, Double.NaN);
        assertThat(ours.predict(row)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void rejectsRowsOfTheWrongWidth() throws Exception {
        TreeEnsemble ours = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        assertThatThrownBy(() -> ours.predict(new double[COLUMNS - 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects " + COLUMNS);
    }

    @Test
    void readsTheVersionAndFeatureNamesTheModelFileCarries(@TempDir Path dir) throws Exception {
        String[] names = new String[COLUMNS];
        for (int j = 0; j < COLUMNS; j++) {
            names[j] = "f_" + j;
        }
        booster.setFeatureNames(names);
        Path file = dir.resolve("named.json");
        Files.write(file, booster.toByteArray("json"));
        XgboostModel model = XgboostJsonParser.parse(file);
        assertThat(model.featureNames()).containsExactly(names);
        assertThat(model.version()).isEqualTo("3.4.0");
    }

    @Test
    void parsesScalarAndVectorBaseScores() {
        assertThat(XgboostJsonParser.parseBaseScore("5E-1")).isEqualTo(0.5f);
        assertThat(XgboostJsonParser.parseBaseScore("[3.885E-1]")).isEqualTo(0.3885f);
        assertThatThrownBy(() -> XgboostJsonParser.parseBaseScore("[1E-1,2E-1]"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsADartBooster() {
        String dart = "{\"learner\":{\"gradient_booster\":{\"name\":\"dart\"}}}";
        assertThatThrownBy(() -> XgboostJsonParser.parse(dart.getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dart");
    }
}
