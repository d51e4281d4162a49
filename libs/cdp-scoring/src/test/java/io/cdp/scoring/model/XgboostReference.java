package io.cdp.scoring.model;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Trains small reference models with XGBoost4J, the implementation the evaluator must agree with. */
final class XgboostReference {

    private XgboostReference() {}

    static DMatrix matrix(GeneratedData data) throws XGBoostError {
        DMatrix m = new DMatrix(data.rowMajor(), data.rows(), data.columns(), Float.NaN);
        m.setLabel(data.labels());
        return m;
    }

    static Booster train(GeneratedData data, int rounds, int depth, Map<String, Object> extra) throws XGBoostError {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("max_depth", depth);
        params.put("eta", 0.3);
        params.put("nthread", 2);
        params.put("seed", 7);
        params.put("verbosity", 0);
        params.putAll(extra);
        DMatrix train = matrix(data);
        try {
            return XGBoost.train(train, params, rounds, new HashMap<>(), null, null);
        } finally {
            train.dispose();
        }
    }
}
