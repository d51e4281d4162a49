package io.cdp.customers.analytics;

import io.cdp.scoring.model.TreeEnsemble;
import io.cdp.scoring.model.XgboostJsonParser;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Predicts a customer's spend over the next {@link #horizonDays()} days from their behaviour. Two kinds:
 * {@code xgboost} (gradient-boosted trees trained by the model-trainer on windows cut inside a calibration period,
 * evaluated here with cdp-scoring's pure-Java evaluator, so serving needs no XGBoost native library) and
 * {@code run-rate} (the lookback's spend per day times the horizon, a transparent fallback). Its artifact is JSON
 * with the XGBoost model embedded.
 */
public final class ClvModel {

    static final String FORMAT = "cdp-customer-clv/1";

    /** How the trees' output maps back to spend. */
    public enum Target {
        /** the trees predict spend itself */
        SPEND,
        /** the trees predict log(1 + spend) */
        LOG1P_SPEND
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String version;
    private final int horizonDays;
    private final double scale;
    private final double power;
    private final Target target;
    private final @Nullable TreeEnsemble trees;
    private final byte @Nullable [] boosterJson;

    private ClvModel(
            String version,
            int horizonDays,
            double scale,
            double power,
            Target target,
            @Nullable TreeEnsemble trees,
            byte @Nullable [] boosterJson) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be positive: " + horizonDays);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
        this.version = Objects.requireNonNull(version, "version");
        this.horizonDays = horizonDays;
        if (!(power > 0) || !Double.isFinite(power)) {
            throw new IllegalArgumentException("power must be positive and finite: " + power);
        }
        this.scale = scale;
        this.power = power;
        this.target = target;
        this.trees = trees;
        this.boosterJson = boosterJson;
    }

    /**
     * A tree model from XGBoost's JSON (trained on {@link CustomerBehaviour#features()}).
     *
     * @param scale multiplies every prediction: the horizon's length over the training windows', or a calibration
     *              of the total learned inside the calibration period
     */
    public static ClvModel xgboost(String version, int horizonDays, Target target, double scale, byte[] boosterJson) {
        return xgboost(version, horizonDays, target, scale, 1.0, boosterJson);
    }

    /**
     * A tree model whose window prediction p becomes {@code scale * p^power}: a power above 1 moves expected spend
     * from the many customers unlikely to buy towards the likely buyers without changing the order (the total is
     * kept by the scale), which is what an absolute-error loss rewards; the trainer fits it inside calibration.
     */
    public static ClvModel xgboost(
            String version, int horizonDays, Target target, double scale, double power, byte[] boosterJson) {
        var parsed = XgboostJsonParser.parse(boosterJson);
        if (parsed.ensemble().featureCount() != CustomerBehaviour.FEATURE_NAMES.size()) {
            throw new IllegalArgumentException(
                    "the booster has " + parsed.ensemble().featureCount() + " features, the behaviour "
                            + CustomerBehaviour.FEATURE_NAMES.size());
        }
        if (!parsed.featureNames().isEmpty() && !parsed.featureNames().equals(CustomerBehaviour.FEATURE_NAMES)) {
            throw new IllegalArgumentException("the booster's features " + parsed.featureNames() + " differ from "
                    + CustomerBehaviour.FEATURE_NAMES);
        }
        return new ClvModel(version, horizonDays, scale, power, target, parsed.ensemble(), boosterJson.clone());
    }

    /** The run-rate model: spend per day over the lookback (or tenure, when shorter) times the horizon, scaled. */
    public static ClvModel runRate(String version, int horizonDays, double scale) {
        return new ClvModel(version, horizonDays, scale, 1.0, Target.SPEND, null, null);
    }

    /** The expected spend over the next {@link #horizonDays()} days (never negative). */
    public double predictSpend(CustomerBehaviour b) {
        double raw;
        if (trees == null) {
            int observed = Math.max(1, Math.min(b.tenureDays() + 1, CustomerBehaviour.LOOKBACK_DAYS));
            raw = b.monetary() / observed * horizonDays;
        } else {
            double out = trees.predict(b.features());
            raw = target == Target.LOG1P_SPEND ? Math.expm1(out) : out;
        }
        double positive = Math.max(0, raw);
        return (power == 1.0 ? positive : Math.pow(positive, power)) * scale;
    }

    public String version() {
        return version;
    }

    public int horizonDays() {
        return horizonDays;
    }

    public String kind() {
        return trees == null ? "run-rate" : "xgboost";
    }

    public double scale() {
        return scale;
    }

    public double power() {
        return power;
    }

    public Target target() {
        return target;
    }

    /** The artifact: JSON with the booster embedded. */
    public byte[] write() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", version);
        root.put("kind", kind());
        root.put("horizonDays", horizonDays);
        root.put("scale", scale);
        root.put("power", power);
        root.put("target", target.name().toLowerCase(Locale.ROOT));
        var names = root.putArray("featureNames");
        CustomerBehaviour.FEATURE_NAMES.forEach(names::add);
        if (boosterJson != null) {
            root.set("booster", MAPPER.readTree(boosterJson));
        }
        return MAPPER.writeValueAsBytes(root);
    }

    /** Reads an artifact written by {@link #write()}; rejects one made for other features. */
    public static ClvModel read(byte[] artifact) {
        Objects.requireNonNull(artifact, "artifact");
        JsonNode root;
        try {
            root = MAPPER.readTree(artifact);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unreadable CLV model: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asString(""))) {
            throw new IllegalArgumentException(
                    "not a CLV model: format '" + root.path("format").asString("") + "'");
        }
        List<String> names =
                root.path("featureNames").valueStream().map(JsonNode::asString).toList();
        if (!names.equals(CustomerBehaviour.FEATURE_NAMES)) {
            throw new IllegalArgumentException(
                    "CLV model features " + names + " differ from " + CustomerBehaviour.FEATURE_NAMES);
        }
        String version = root.path("version").asString("");
        int horizon = root.path("horizonDays").asInt(0);
        double scale = root.path("scale").asDouble(Double.NaN);
        Target target = Target.valueOf(root.path("target").asString("spend").toUpperCase(Locale.ROOT));
        String kind = root.path("kind").asString("");
        return switch (kind) {
            case "run-rate" -> runRate(version, horizon, scale);
            case "xgboost" ->
                xgboost(
                        version,
                        horizon,
                        target,
                        scale,
                        root.path("power").asDouble(1.0),
                        MAPPER.writeValueAsBytes(root.get("booster")));
            default -> throw new IllegalArgumentException("unknown CLV model kind '" + kind + "'");
        };
    }
}
