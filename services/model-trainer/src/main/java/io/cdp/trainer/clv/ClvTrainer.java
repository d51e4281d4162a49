package io.cdp.trainer.clv;

import io.cdp.customers.analytics.ClvModel;
import io.cdp.customers.analytics.CustomerBehaviour;
import io.cdp.trainer.clv.Histories.History;
import io.cdp.training.train.Progress;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Trains the CLV model on windows cut inside the calibration period only. At each cut-off c (the latest
 * {@code calibrationEnd - window}, then every {@code step} days back while customers have some history) every customer
 * first seen by c gives one row: {@link CustomerBehaviour} as of c, and the spend in (c, c + window] as the target. The
 * latest cut-off is the validation window (early stopping and the level: predicted total over actual total); the
 * model is then refitted on every cut-off with the rounds found. A horizon longer than the window is reached with one
 * population-level factor measured inside calibration, never from the period predicted.
 */
public final class ClvTrainer {

    /** How the window's prediction becomes the horizon's. */
    public enum HorizonScaling {
        /** the BG/NBD fitted on calibration: its expected purchases over the horizon over those over the window */
        BGNBD,
        /** the calibration's own decay: the spend of the window after the next over the next, as a geometric series */
        DECAY,
        /** horizon / window, as if spend were steady */
        LINEAR
    }

    /**
     * How the power k of {@code p -> s * p^k} is chosen on the validation window (inside calibration). The power that
     * minimises the absolute error depends on the span predicted: over a longer span more customers buy, so less
     * concentration pays.
     */
    public enum PowerFit {
        /** no power: p -> s * p */
        NONE,
        /** the lowest-MAE power over the validation window itself */
        WINDOW,
        /**
         * the lowest-MAE power over nested spans of the validation window (a third of it up to all of it), fitted as a
         * line in log(span) and read at the horizon: the span the model actually predicts
         */
        HORIZON;

        /** {@code none|window|horizon}, and the older {@code true} (the default fit) / {@code false} (none). */
        public static PowerFit parse(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> HORIZON;
                case "false" -> NONE;
                default -> valueOf(value.toUpperCase(java.util.Locale.ROOT));
            };
        }
    }

    /** The training settings; {@link #defaults()} are what {@code ./cdp eval clv} and {@code ./cdp train clv} use. */
    public record Settings(
            int windowDays,
            int stepDays,
            int maxCutoffs,
            int minHistoryDays,
            ClvModel.Target target,
            HorizonScaling horizonScaling,
            int maxDepth,
            double eta,
            double minChildWeight,
            double subsample,
            int maxRounds,
            int earlyStoppingRounds,
            String stoppingMetric,
            double targetCapQuantile,
            PowerFit powerFit,
            long seed) {

        public static Settings defaults() {
            return new Settings(
                    91,
                    30,
                    6,
                    28,
                    ClvModel.Target.SPEND,
                    HorizonScaling.BGNBD,
                    4,
                    0.05,
                    20,
                    0.8,
                    600,
                    40,
                    "mae",
                    0.995,
                    PowerFit.HORIZON,
                    7);
        }
    }

    /** A trained model and how it did on its validation window (inside calibration). */
    public record Result(
            ClvModel model,
            int rounds,
            int trainingRows,
            List<LocalDate> cutoffs,
            double levelScale,
            double power,
            double horizonFactor,
            ClvMetrics.Scores validation,
            List<SpanPower> spanPowers) {}

    /** The lowest-MAE power over the first {@code days} of the validation window. */
    public record SpanPower(int days, double power) {}

    private static final double MAX_POWER = 3.0;
    private static final double POWER_STEP = 0.05;

    private final Settings settings;
    private final Progress progress;

    public ClvTrainer(Settings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param histories      every customer (purchases after {@code calibrationEnd} are never read)
     * @param calibrationEnd the last day the model may learn from
     * @param horizonDays    the period the model predicts
     */
    public Result train(List<History> histories, LocalDate calibrationEnd, int horizonDays, String version) {
        int window = settings.windowDays();
        LocalDate start = histories.stream()
                .map(History::firstSeen)
                .filter(d -> !d.isAfter(calibrationEnd))
                .min(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no customer seen by " + calibrationEnd));
        List<LocalDate> cutoffs = new ArrayList<>();
        for (LocalDate c = calibrationEnd.minusDays(window);
                cutoffs.size() < settings.maxCutoffs()
                        && ChronoUnit.DAYS.between(start, c) >= settings.minHistoryDays();
                c = c.minusDays(settings.stepDays())) {
            cutoffs.add(c);
        }
        if (cutoffs.size() < 2) {
            throw new IllegalArgumentException("the calibration period (" + start + ".." + calibrationEnd
                    + ") is too short for two " + window + "-day windows after " + settings.minHistoryDays()
                    + " days of history");
        }
        Rows validation = rows(histories, List.of(cutoffs.getFirst()));
        Rows training = rows(histories, cutoffs.subList(1, cutoffs.size()));
        Rows all = rows(histories, cutoffs);
        progress.report(String.format(
                "clv: %d training rows at %d cut-offs %s..%s, %d validation rows at %s",
                training.size(),
                cutoffs.size() - 1,
                cutoffs.getLast(),
                cutoffs.get(1),
                validation.size(),
                cutoffs.getFirst()));
        try {
            Booster probe = fit(training, validation, settings.maxRounds());
            int rounds = bestRounds;
            double[] validationPredicted = toSpend(predict(probe, validation));
            probe.dispose();
            // the power (1 = none) and the level: chosen on the validation window, the total kept equal to its actual
            List<SpanPower> spanPowers = settings.powerFit() == PowerFit.HORIZON
                    ? spanPowers(validationPredicted, histories, cutoffs.getFirst())
                    : List.of();
            double power = switch (settings.powerFit()) {
                case NONE -> 1.0;
                case WINDOW -> bestPower(validationPredicted, validation.actual);
                case HORIZON -> extrapolatedPower(spanPowers, horizonDays);
            };
            double levelScale = level(validationPredicted, validation.actual, power);
            validationPredicted = powered(validationPredicted, power, levelScale);
            ClvMetrics.Scores scores = ClvMetrics.score(validationPredicted, validation.actual);
            Booster booster = fit(all, null, rounds);
            byte[] json = booster.toByteArray("json");
            booster.dispose();
            double horizonFactor = horizonFactor(histories, calibrationEnd, horizonDays);
            progress.report(String.format(
                    "clv: %d rounds, power %.2f (%s%s), level scale %.4f, horizon factor %.4f (%s, %d -> %d days)",
                    rounds,
                    power,
                    settings.powerFit(),
                    spanPowers.isEmpty()
                            ? ""
                            : " from "
                                    + spanPowers.stream()
                                            .map(sp -> String.format(
                                                    java.util.Locale.ROOT, "%dd:%.2f", sp.days(), sp.power()))
                                            .toList(),
                    levelScale,
                    horizonFactor,
                    settings.horizonScaling(),
                    window,
                    horizonDays));
            ClvModel model =
                    ClvModel.xgboost(version, horizonDays, settings.target(), levelScale * horizonFactor, power, json);
            return new Result(model, rounds, all.size(), cutoffs, levelScale, power, horizonFactor, scores, spanPowers);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
    }

    /** The power in [1, 3] (steps of 0.05) with the lowest MAE once its level keeps the actual total. */
    static double bestPower(double[] predicted, double[] actual) {
        double best = 1.0;
        double bestMae = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= Math.round((MAX_POWER - 1.0) / POWER_STEP); i++) {
            double candidate = 1.0 + i * POWER_STEP;
            double mae = ClvMetrics.mae(powered(predicted, candidate, level(predicted, actual, candidate)), actual);
            if (mae < bestMae) {
                bestMae = mae;
                best = candidate;
            }
        }
        return best;
    }

    /**
     * The best power over nested spans of the validation window starting at {@code cutoff}: a third, a half, two
     * thirds, five sixths and all of the window (spans in which nobody buys are left out). The same window
     * prediction is used for every span, with its own level: only the concentration is compared.
     */
    List<SpanPower> spanPowers(double[] predicted, List<History> histories, LocalDate cutoff) {
        int window = settings.windowDays();
        List<SpanPower> out = new ArrayList<>();
        int previous = 0;
        for (int sixths = 2; sixths <= 6; sixths++) {
            int days = Math.max(1, (int) Math.round(window * sixths / 6.0));
            if (days == previous) {
                continue;
            }
            previous = days;
            double[] actual = histories.stream()
                    .filter(h -> !h.firstSeen().isAfter(cutoff))
                    .mapToDouble(h -> h.spendBetween(cutoff, cutoff.plusDays(days)))
                    .toArray();
            if (actual.length != predicted.length) {
                throw new IllegalStateException("validation rows and customers differ");
            }
            if (sum(actual) > 0) {
                out.add(new SpanPower(days, bestPower(predicted, actual)));
            }
        }
        return out;
    }

    /**
     * The power read at {@code horizonDays} off the least-squares line of the spans' best powers against log(span),
     * kept in [1, 3]; with fewer than two spans (or all of one length), the last span's power.
     */
    static double extrapolatedPower(List<SpanPower> spans, int horizonDays) {
        if (spans.isEmpty()) {
            return 1.0;
        }
        int n = spans.size();
        double mx = 0;
        double my = 0;
        for (SpanPower sp : spans) {
            mx += Math.log(sp.days()) / n;
            my += sp.power() / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (SpanPower sp : spans) {
            double dx = Math.log(sp.days()) - mx;
            sxx += dx * dx;
            sxy += dx * (sp.power() - my);
        }
        if (n < 2 || sxx < 1e-12) {
            return spans.getLast().power();
        }
        double k = my + sxy / sxx * (Math.log(horizonDays) - mx);
        return Math.max(1.0, Math.min(MAX_POWER, k));
    }

    /** The factor from the window's spend to the horizon's, measured inside calibration. */
    double horizonFactor(List<History> histories, LocalDate calibrationEnd, int horizonDays) {
        int window = settings.windowDays();
        return switch (settings.horizonScaling()) {
            case LINEAR -> (double) horizonDays / window;
            case BGNBD -> {
                List<BgNbdGammaGamma.Summary> summaries = histories.stream()
                        .filter(h -> !h.firstSeen().isAfter(calibrationEnd))
                        .map(h -> BgNbdGammaGamma.Summary.of(h.days(), calibrationEnd))
                        .toList();
                BgNbdGammaGamma fitted = BgNbdGammaGamma.fit(summaries);
                double longer = 0;
                double shorter = 0;
                for (BgNbdGammaGamma.Summary s : summaries) {
                    longer += fitted.expectedPurchases(s, horizonDays);
                    shorter += fitted.expectedPurchases(s, window);
                }
                // BG/NBD's expected purchases are concave in time (a constant rate while alive, and dropping out), so
                // the ratio lies between 1 and horizon / window; a degenerate fit (steady spenders drive a towards 0)
                // can leave that range, and then the steady-spend answer is the right one
                double linear = (double) horizonDays / window;
                double ratio = longer / shorter;
                yield Double.isFinite(ratio) && ratio > 0
                        ? Math.max(Math.min(1.0, linear), Math.min(linear, ratio))
                        : linear;
            }
            case DECAY -> {
                LocalDate c = calibrationEnd.minusDays(2L * window);
                double first = 0;
                double second = 0;
                for (History h : histories) {
                    if (!h.firstSeen().isAfter(c)) {
                        first += h.spendBetween(c, c.plusDays(window));
                        second += h.spendBetween(c.plusDays(window), calibrationEnd);
                    }
                }
                double d = first > 0 ? Math.min(1.0, second / first) : 1.0;
                double periods = (double) horizonDays / window;
                double factor = 0;
                for (int k = 0; k < Math.floor(periods); k++) {
                    factor += Math.pow(d, k);
                }
                yield factor + (periods - Math.floor(periods)) * Math.pow(d, Math.floor(periods));
            }
        };
    }

    private int bestRounds;

    private Booster fit(Rows train, Rows validation, int rounds) throws XGBoostError {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "reg:squarederror");
        params.put("eval_metric", settings.stoppingMetric());
        params.put("max_depth", settings.maxDepth());
        params.put("eta", settings.eta());
        params.put("min_child_weight", settings.minChildWeight());
        params.put("subsample", settings.subsample());
        params.put("colsample_bytree", 0.8);
        params.put("tree_method", "hist");
        params.put("seed", settings.seed());
        params.put("nthread", 2);
        DMatrix dtrain = train.matrix(settings.target(), cap(train.actual()));
        DMatrix dvalid = validation == null ? null : validation.matrix(settings.target(), Double.POSITIVE_INFINITY);
        Booster booster = XGBoost.train(dtrain, params, 0, new HashMap<>(), null, null);
        double best = Double.POSITIVE_INFINITY;
        int bestRound = rounds;
        byte[] snapshot = null;
        for (int round = 0; round < rounds; round++) {
            booster.update(dtrain, round);
            if (dvalid != null) {
                String eval = booster.evalSet(new DMatrix[] {dvalid}, new String[] {"valid"}, round);
                double rmse = Double.parseDouble(
                        eval.substring(eval.lastIndexOf(':') + 1).trim());
                if (rmse < best) {
                    best = rmse;
                    bestRound = round + 1;
                    snapshot = booster.toByteArray("ubj");
                } else if (round + 1 - bestRound >= settings.earlyStoppingRounds()) {
                    break;
                }
            }
        }
        dtrain.dispose();
        if (dvalid != null) {
            dvalid.dispose();
        }
        bestRounds = bestRound;
        if (snapshot != null) {
            booster.dispose();
            try {
                return XGBoost.loadModel(snapshot);
            } catch (java.io.IOException e) {
                throw new XGBoostError("reloading the best round: " + e.getMessage());
            }
        }
        return booster;
    }

    /** The training target's cap: its quantile (heavy tails make squared error chase a few whales). */
    private double cap(double[] actual) {
        if (settings.targetCapQuantile() >= 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        return new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                .evaluate(actual, settings.targetCapQuantile() * 100);
    }

    private static double[] predict(Booster booster, Rows rows) throws XGBoostError {
        DMatrix m = rows.matrix(ClvModel.Target.SPEND, Double.POSITIVE_INFINITY);
        float[][] out = booster.predict(m);
        m.dispose();
        double[] p = new double[out.length];
        for (int i = 0; i < out.length; i++) {
            p[i] = out[i][0];
        }
        return p;
    }

    /** The model's window prediction (before the level and horizon scales) on the same target scale as training. */
    double[] toSpend(double[] raw) {
        double[] s = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            s[i] = Math.max(0, settings.target() == ClvModel.Target.LOG1P_SPEND ? Math.expm1(raw[i]) : raw[i]);
        }
        return s;
    }

    private Rows rows(List<History> histories, List<LocalDate> cutoffs) {
        int f = CustomerBehaviour.FEATURE_NAMES.size();
        List<double[]> features = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (LocalDate c : cutoffs) {
            LocalDate end = c.plusDays(settings.windowDays());
            for (History h : histories) {
                if (h.firstSeen().isAfter(c)) {
                    continue;
                }
                features.add(CustomerBehaviour.of(h.days(), c, h.firstSeen()).features());
                targets.add(h.spendBetween(c, end));
            }
        }
        double[] actual = targets.stream().mapToDouble(Double::doubleValue).toArray();
        return new Rows(features.toArray(double[][]::new), actual, f);
    }

    /** The scale that makes {@code sum(scale * p^power)} the actual total. */
    static double level(double[] predicted, double[] actual, double power) {
        double p = 0;
        for (double x : predicted) {
            p += Math.pow(Math.max(0, x), power);
        }
        return sum(actual) / Math.max(1e-9, p);
    }

    static double[] powered(double[] predicted, double power, double scale) {
        double[] out = new double[predicted.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = scale * Math.pow(Math.max(0, predicted[i]), power);
        }
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Feature rows and their window spend. */
    private record Rows(double[][] features, double[] actual, int width) {
        int size() {
            return actual.length;
        }

        DMatrix matrix(ClvModel.Target target, double cap) throws XGBoostError {
            float[] data = new float[features.length * width];
            float[] labels = new float[features.length];
            for (int i = 0; i < features.length; i++) {
                for (int j = 0; j < width; j++) {
                    data[i * width + j] = (float) features[i][j];
                }
                double y = Math.min(cap, actual[i]);
                labels[i] = (float) (target == ClvModel.Target.LOG1P_SPEND ? Math.log1p(Math.max(0, y)) : y);
            }
            DMatrix m = new DMatrix(data, features.length, width, Float.NaN);
            m.setLabel(labels);
            return m;
        }
    }
}
