package io.cdp.trainer.handbook;

import io.cdp.features.handbook.HandbookFeatures;
import io.cdp.features.handbook.HandbookTransaction;
import java.util.List;

/** A named set of model inputs computed from handbook transactions, point in time. */
public interface FeatureSet {

    List<String> names();

    double[][] compute(List<HandbookTransaction> txs);

    /** The handbook's own 15 inputs, from libs/cdp-features. */
    FeatureSet HANDBOOK = new FeatureSet() {
        @Override
        public List<String> names() {
            return HandbookFeatures.NAMES;
        }

        @Override
        public double[][] compute(List<HandbookTransaction> txs) {
            return HandbookFeatures.compute(txs);
        }
    };
}
