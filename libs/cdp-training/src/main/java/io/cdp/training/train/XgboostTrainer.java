package io.cdp.training.train;

import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import io.cdp.training.dataset.TrainingRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.jspecify.annotations.Nullable;

/**
 * Trains a binary fraud model with XGBoost4J. The boosting loop is ours rather than {@code XGBoost.train}'s so
 * that a long run reports progress every N rounds and early stopping keeps exactly the best round: the model is
 * snapshotted whenever the validation metric improves, and the snapshot is what is returned.
 */
public final class XgboostTrainer {

    private final Progress progress;

    public XgboostTrainer(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param validation rows for early stopping; {@code null} trains exactly {@code maxRounds} rounds
     */
    public TrainedModel train(TrainingRows train, @Nullable TrainingRows validation, TrainingParameters params) {
        if (train.positives() == 0 || train.positives() == train.size()) {
            throw new IllegalArgumentException(
                    "training rows need both classes (" + train.positives() + " of " + train.size() + " positive)");
        }
        double scalePosWeight = Double.isNaN(params.scalePosWeight())
                ? (double) (train.size() - train.positives()) / train.positives()
                : params.scalePosWeight();
        Map<String, Object> xgbParams = params.toXgboost(scalePosWeight);
        DMatrix dtrain = null;
        DMatrix dvalid = null;
        Booster booster = null;
        try {
            dtrain = matrix(train);
            dvalid = validation == null ? null : matrix(validation);
            Map<String, DMatrix> watches = new HashMap<>();
            booster = XGBoost.train(dtrain, xgbParams, 0, watches, null, null);
            boolean maximize = XGBoost.isMaximizeEvaluation(params.evalMetric(), new String[0], xgbParams);
            List<Double> curve = new ArrayList<>();
            byte[] best = null;
            double bestScore = Double.NaN;
            int bestRound = -1;
            long started = System.nanoTime();
            for (int round = 0; round < params.maxRounds(); round++) {
                booster.update(dtrain, round);
                if (dvalid != null) {
                    double score = metric(booster.evalSet(new DMatrix[] {dvalid}, new String[] {"valid"}, round));
                    curve.add(score);
                    if (bestRound < 0 || (maximize ? score > bestScore : score < bestScore)) {
                        bestScore = score;
                        bestRound = round;
                        best = booster.toByteArray("ubj");
                    } else if (params.earlyStoppingRounds() > 0 && round - bestRound >= params.earlyStoppingRounds()) {
                        progress.report(String.format(
                                "round %d: no %s improvement for %d rounds, keeping round %d " + "(%s %.5f)",
                                round + 1,
                                params.evalMetric(),
                                params.earlyStoppingRounds(),
                                bestRound + 1,
                                params.evalMetric(),
                                bestScore));
                        break;
                    }
                }
                if ((round + 1) % params.progressEvery() == 0) {
                    progress.report(String.format(
                            "round %d/%d%s, %.1f s",
                            round + 1,
                            params.maxRounds(),
                            dvalid == null
                                    ? ""
                                    : String.format(
                                            ", valid %s %.5f (best %.5f at round %d)",
                                            params.evalMetric(), curve.getLast(), bestScore, bestRound + 1),
                            (System.nanoTime() - started) / 1e9));
                }
            }
            Booster kept = booster;
            int rounds = params.maxRounds();
            if (best != null) {
                kept = XGBoost.loadModel(best);
                booster.dispose();
                booster = kept;
                rounds = bestRound + 1;
            }
            byte[] json = kept.toByteArray("json");
            byte[] binary = kept.toByteArray("ubj");
            Map<String, String> recorded = new LinkedHashMap<>();
            xgbParams.forEach((k, v) -> recorded.put(k, String.valueOf(v)));
            recorded.put("rounds", String.valueOf(rounds));
            return new TrainedModel(
                    json, binary, rounds, bestScore, curve, recorded, gainImportance(json, train.featureNames()));
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) {
                booster.dispose();
            }
            if (dtrain != null) {
                dtrain.dispose();
            }
            if (dvalid != null) {
                dvalid.dispose();
            }
        }
    }

    /**
     * A seed ensemble: {@code members} boosters of {@code params.maxRounds()} rounds on the same rows, with seeds
     * {@code params.seed()}, {@code params.seed() + 1}, ... (so each draws other row and column subsamples), merged by
     * {@link MarginAverage} into one model. {@code rounds} of the result is the rounds per member.
     */
    public TrainedModel trainAveraged(TrainingRows train, TrainingParameters params, int members) {
        if (members < 1) {
            throw new IllegalArgumentException("members must be at least 1, was " + members);
        }
        List<byte[]> jsons = new ArrayList<>();
        TrainedModel first = null;
        long started = System.nanoTime();
        for (int m = 0; m < members; m++) {
            TrainedModel member = train(train, null, params.withSeed(params.seed() + m));
            first = first == null ? member : first;
            jsons.add(member.modelJson());
            if (members > 1) {
                progress.report(String.format(
                        "member %d/%d trained (%.1f s)", m + 1, members, (System.nanoTime() - started) / 1e9));
            }
        }
        if (members == 1) {
            return first;
        }
        byte[] json = MarginAverage.merge(jsons);
        Booster merged = null;
        try {
            merged = XGBoost.loadModel(json);
            byte[] binary = merged.toByteArray("ubj");
            Map<String, String> recorded = new LinkedHashMap<>(first.parameters());
            recorded.put("seed", params.seed() + ".." + (params.seed() + members - 1));
            recorded.put("members", String.valueOf(members));
            return new TrainedModel(
                    json,
                    binary,
                    first.rounds(),
                    Double.NaN,
                    List.of(),
                    recorded,
                    gainImportance(json, train.featureNames()));
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost could not load the merged model: " + e.getMessage(), e);
        } finally {
            if (merged != null) {
                merged.dispose();
            }
        }
    }

    static DMatrix matrix(TrainingRows rows) throws XGBoostError {
        DMatrix m = new DMatrix(
                rows.rowMajorFloats(), rows.size(), rows.featureNames().size(), Float.NaN);
        m.setLabel(rows.labelFloats());
        return m;
    }

    /** evalSet answers "[round]\tvalid-aucpr:0.81234"; the value follows the last colon. */
    static double metric(String evalLine) {
        return Double.parseDouble(
                evalLine.substring(evalLine.lastIndexOf(':') + 1).strip());
    }

    private static Map<String, Double> gainImportance(byte[] json, List<String> names) {
        TreeEnsemble ensemble = XgboostJsonParser.parse(json).ensemble();
        double[] gain = ensemble.averageGainByFeature();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), gain[i]);
        }
        return out;
    }
}
