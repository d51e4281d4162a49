package io.cdp.scoring.model;

/**
 * The objectives whose output transform the evaluator reproduces. The transform runs in float because XGBoost
 * runs it in float; the float result is then widened without further rounding.
 */
public enum Objective {
    /** binary:logistic: the sigmoid of the margin. */
    BINARY_LOGISTIC("binary:logistic"),
    /** binary:logitraw and reg:squarederror style outputs: the margin itself. */
    IDENTITY("binary:logitraw");

    private final String xgboostName;

    Objective(String xgboostName) {
        this.xgboostName = xgboostName;
    }

    public String xgboostName() {
        return xgboostName;
    }

    public static Objective fromXgboostName(String name) {
        return switch (name) {
            case "binary:logistic", "reg:logistic" -> BINARY_LOGISTIC;
            case "binary:logitraw", "reg:squarederror" -> IDENTITY;
            default -> throw new IllegalArgumentException("unsupported XGBoost objective '" + name + "'");
        };
    }

    /** Probability (or identity) from a margin, with XGBoost's float sigmoid. */
    public double transform(float margin) {
        if (this == IDENTITY) {
            return margin;
        }
        return sigmoid(margin);
    }

    static float sigmoid(float margin) {
        return (float) (1.0 / (1.0 + Math.exp(-(double) margin)));
    }

    /** The margin that corresponds to a base_score given in output space (XGBoost's ProbToMargin). */
    float probabilityToMargin(float baseScore) {
        if (this == IDENTITY) {
            return baseScore;
        }
        return (float) -Math.log(1.0f / baseScore - 1.0f);
    }
}
