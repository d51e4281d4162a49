package io.cdp.trainer.eval;

import java.util.List;

/**
 * The Fraud-Detection-Handbook's published test results on its simulated data, copied from the handbook
 * (Le Borgne, Siblini, Lebichot, Bontempi, "Reproducible Machine Learning for Credit Card Fraud Detection -
 * Practical Handbook"), repository Fraud-Detection-Handbook/fraud-detection-handbook @ 81cf7d17:
 * Chapter_3_GettingStarted/BaselineModeling.ipynb cells 41-42 (section A) and
 * Chapter_5_ModelValidationAndSelection/ModelSelection.ipynb cells 16/24/32/49 (section B, the mean over
 * prequential folds of the parameters best on validation). Rounded to 3 decimals as published.
 */
public final class HandbookBaselines {

    public record Row(String model, String source, double auc, double averagePrecision, double cardPrecision100) {}

    public static final List<Row> ROWS = List.of(
            new Row("Logistic regression", "ch3 baseline", 0.871, 0.606, 0.291),
            new Row("Decision tree, depth 2", "ch3 baseline", 0.763, 0.496, 0.241),
            new Row("Decision tree, unlimited", "ch3 baseline", 0.788, 0.309, 0.243),
            new Row("Random forest", "ch3 baseline", 0.867, 0.658, 0.287),
            new Row("XGBoost", "ch3 baseline", 0.862, 0.639, 0.273),
            new Row("Random scores", "ch3 baseline", 0.5, 0.007, 0.017),
            new Row("Decision tree (tuned)", "ch5 selection", 0.797, 0.579, 0.284),
            new Row("Logistic regression (tuned)", "ch5 selection", 0.868, 0.623, 0.297),
            new Row("Random forest (tuned)", "ch5 selection", 0.870, 0.678, 0.299),
            new Row("XGBoost (tuned)", "ch5 selection", 0.869, 0.687, 0.303));

    /** The bar: the handbook's best tuned model (XGBoost, chapter 5). */
    public static final Row BAR = ROWS.getLast();

    private HandbookBaselines() {}
}
