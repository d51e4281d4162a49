package io.cdp.scoring.model;

import java.util.List;

/**
 * An XGBoost model read from its JSON format: the flattened ensemble plus what the file says about it.
 *
 * @param ensemble     the trees, ready to evaluate
 * @param featureNames names stored in the model (empty when it was trained without names)
 * @param version      the XGBoost version that wrote the file, e.g. "3.4.0"
 */
public record XgboostModel(TreeEnsemble ensemble, List<String> featureNames, String version) {

    public XgboostModel {
        featureNames = List.copyOf(featureNames);
    }
}
