package io.cdp.scoring.bench;

import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One-row scoring, the request path's shape: the pure-Java evaluator versus XGBoost4J building a DMatrix for the
 * row and predicting (what a service calling XGBoost4J per request does). Both score the same model and rows.
 * The model is trained in setup on generated data shaped like the fraud features (15 inputs, missing values).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

    static final int FEATURES = 15;
    static final int ROWS = 4096;

    @Param({"300"})
    public int trees;

    @Param({"6"})
    public int depth;

    private TreeEnsemble ensemble;
    private Booster booster;
    private double[][] rows;
    private float[][] floatRows;
    private int next;

    @Setup
    public void setUp() throws XGBoostError {
        Random random = new Random(17);
        int n = 20_000;
        float[] x = new float[n * FEATURES];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = random.nextDouble() < 0.05 ? Float.NaN : (float) random.nextGaussian();
            }
            double logit = -3 + 1.2 * nz(x[i * FEATURES]) - 0.8 * nz(x[i * FEATURES + 1]) * nz(x[i * FEATURES + 2]);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        DMatrix train = new DMatrix(x, n, FEATURES, Float.NaN);
        train.setLabel(y);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", depth);
        params.put("eta", 0.1);
        params.put("nthread", 1);
        params.put("verbosity", 0);
        booster = XGBoost.train(train, params, trees, new HashMap<>(), null, null);
        train.dispose();
        // a single-threaded predictor is the fair per-request comparison: the request thread is the parallelism
        booster.setParam("nthread", 1);
        ensemble = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
        rows = new double[ROWS][FEATURES];
        floatRows = new float[ROWS][FEATURES];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < FEATURES; j++) {
                floatRows[i][j] = x[i * FEATURES + j];
                rows[i][j] = floatRows[i][j];
            }
        }
    }

    private static double nz(float v) {
        return Float.isNaN(v) ? 0 : v;
    }

    @TearDown
    public void tearDown() {
        booster.dispose();
    }

    @Benchmark
    public double inProcess() {
        next = (next + 1) & (ROWS - 1);
        return ensemble.predict(rows[next]);
    }

    @Benchmark
    public float xgboostDMatrixPerCall() throws XGBoostError {
        next = (next + 1) & (ROWS - 1);
        DMatrix one = new DMatrix(floatRows[next], 1, FEATURES, Float.NaN);
        try {
            return booster.predict(one)[0][0];
        } finally {
            one.dispose();
        }
    }
}
