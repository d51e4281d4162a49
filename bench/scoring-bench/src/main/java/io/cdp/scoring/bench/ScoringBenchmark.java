package io.cdp.scoring.bench;

import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *
 * <p>Two model shapes ({@link #shape}): {@code served}, the size {@code ./cdp eval handbook} selects (trained here on
 * generated data of that shape, or the eval's own model file when {@link #modelFile} is set, with rows drawn around
 * the model's own split thresholds so every path is exercised), and {@code 300x6}, 300 trees of depth 6 on 15 inputs.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScoringBenchmark {

    /** the eval's selected model shape (./cdp eval handbook): trees, depth, inputs */
    static final int SERVED_TREES = 50;

    static final int SERVED_DEPTH = 4;
    static final int SERVED_FEATURES = 28;
    static final int ROWS = 4096;

    @Param({"served", "300x6"})
    public String shape;

    /** an XGBoost JSON model to use for the served shape instead of a generated one ("" = generate) */
    @Param({""})
    public String modelFile;

    int features;
    private TreeEnsemble ensemble;
    private Booster booster;
    private double[][] rows;
    private float[][] floatRows;
    private int next;

    @Setup
    public void setUp() throws XGBoostError, IOException {
        Random random = new Random(17);
        if ("served".equals(shape) && !modelFile.isEmpty()) {
            byte[] json = Files.readAllBytes(Path.of(modelFile));
            booster = XGBoost.loadModel(json);
            ensemble = XgboostJsonParser.parse(json).ensemble();
            features = ensemble.featureCount();
            floatRows = new float[ROWS][features];
            for (int j = 0; j < features; j++) {
                float[] thresholds = ensemble.splitThresholds(j);
                for (int i = 0; i < ROWS; i++) {
                    floatRows[i][j] = thresholds.length == 0 || random.nextDouble() < 0.03
                            ? Float.NaN
                            : thresholds[random.nextInt(thresholds.length)]
                                    * (float) (1 + 0.02 * random.nextGaussian());
                }
            }
        } else {
            boolean served = "served".equals(shape);
            features = served ? SERVED_FEATURES : 15;
            int trees = served ? SERVED_TREES : 300;
            int depth = served ? SERVED_DEPTH : 6;
            int n = 20_000;
            float[] x = new float[n * features];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < features; j++) {
                    x[i * features + j] = random.nextDouble() < 0.05 ? Float.NaN : (float) random.nextGaussian();
                }
                double logit = -3
                        + 1.2 * nz(x[i * features])
                        - 0.8 * nz(x[i * features + 1]) * nz(x[i * features + 2])
                        + 0.6 * nz(x[i * features + 3]) * nz(x[i * features + 4])
                        - 0.4 * nz(x[i * features + 5]);
                y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            }
            DMatrix train = new DMatrix(x, n, features, Float.NaN);
            train.setLabel(y);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "binary:logistic");
            params.put("max_depth", depth);
            params.put("eta", 0.1);
            params.put("nthread", 1);
            params.put("verbosity", 0);
            booster = XGBoost.train(train, params, trees, new HashMap<>(), null, null);
            train.dispose();
            ensemble = XgboostJsonParser.parse(booster.toByteArray("json")).ensemble();
            floatRows = new float[ROWS][features];
            for (int i = 0; i < ROWS; i++) {
                System.arraycopy(x, i * features, floatRows[i], 0, features);
            }
        }
        // a single-threaded predictor is the fair per-request comparison: the request thread is the parallelism
        booster.setParam("nthread", 1);
        rows = new double[ROWS][features];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < features; j++) {
                rows[i][j] = floatRows[i][j];
            }
        }
    }

    /** "N trees, depth D, F features" of the model this trial scores. */
    String describe() {
        return ensemble.treeCount() + " trees, depth " + maxDepth() + ", " + features + " features";
    }

    private int maxDepth() {
        String s = ensemble.toString();
        return Integer.parseInt(s.substring(s.indexOf("maxDepth=") + 9, s.length() - 1));
    }

    private static double nz(float v) {
        return Float.isNaN(v) ? 0 : v;
    }

    @TearDown
    public void tearDown() {
        System.out.println("model scored: " + describe());
        booster.dispose();
    }

    /** The serving hot path: a float row, no conversion, no allocation. */
    @Benchmark
    public double inProcess() {
        next = (next + 1) & (ROWS - 1);
        return ensemble.predict(floatRows[next]);
    }

    /** The same model from a double row (each value narrowed to float at its split). */
    @Benchmark
    public double inProcessDoubleRow() {
        next = (next + 1) & (ROWS - 1);
        return ensemble.predict(rows[next]);
    }

    @Benchmark
    public float xgboostDMatrixPerCall() throws XGBoostError {
        next = (next + 1) & (ROWS - 1);
        DMatrix one = new DMatrix(floatRows[next], 1, features, Float.NaN);
        try {
            return booster.predict(one)[0][0];
        } finally {
            one.dispose();
        }
    }
}
