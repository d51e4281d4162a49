package io.cdp.scoring.scorer;

import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.explain.Explanation;
import io.cdp.scoring.explain.ReasonCodes;
import io.cdp.scoring.model.TreeEnsemble;
import java.util.List;

/**
 * Scores in the calling thread with the pure-Java tree evaluator: no native code, no allocation per row, safe to
 * share between threads. Also explains scores with TreeSHAP reason codes.
 */
public final class InProcessScorer implements Scorer {

    private final String modelVersion;
    private final List<String> featureNames;
    private final TreeEnsemble ensemble;
    private final ReasonCodes reasonCodes;

    public InProcessScorer(ModelArtifact artifact) {
        this(
                artifact.metadata().modelVersion(),
                artifact.metadata().featureNames(),
                artifact.model().ensemble());
    }

    public InProcessScorer(String modelVersion, List<String> featureNames, TreeEnsemble ensemble) {
        this.modelVersion = modelVersion;
        this.featureNames = List.copyOf(featureNames);
        this.ensemble = ensemble;
        this.reasonCodes = new ReasonCodes(ensemble, featureNames);
    }

    @Override
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public List<String> featureNames() {
        return featureNames;
    }

    @Override
    public double score(double[] features) {
        return ensemble.predict(features);
    }

    /** The score with the k features that raised it most. */
    public Explanation explain(double[] features, int k) {
        return reasonCodes.explain(features, k);
    }

    public TreeEnsemble ensemble() {
        return ensemble;
    }
}
