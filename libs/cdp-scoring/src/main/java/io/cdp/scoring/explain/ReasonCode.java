package io.cdp.scoring.explain;

/**
 * One reason behind a score: a feature, the value it had, and how far it pushed the margin (log-odds) up.
 *
 * @param feature      the feature's name as the model knows it
 * @param value        the input value ({@code NaN} when missing)
 * @param contribution the feature's SHAP contribution in margin space; positive raises the fraud score
 */
public record ReasonCode(String feature, double value, double contribution) {}
