package io.cdp.transformer.scoring;

import io.cdp.features.online.MccRiskTables;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.scoring.scorer.SageMakerScorer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The model and label tables in use, swapped atomically when a newer version is published, so a batch is scored by
 * one model from start to end. The SageMaker backend scores remotely and explains with the in-process copy.
 */
public final class ScoringModel {

    private static final Logger log = LoggerFactory.getLogger(ScoringModel.class);

    private final StreamModels models;
    private final @Nullable SageMakerRuntimeClient sageMaker;
    private final @Nullable String endpoint;
    private final int reasonCodes;
    private final AtomicReference<FraudScorer> scorer = new AtomicReference<>();
    private final AtomicReference<TabFormerContext> context = new AtomicReference<>();

    public ScoringModel(StreamModels models, @Nullable SageMakerRuntimeClient sageMaker, @Nullable String endpoint,
                        int reasonCodes) {
        this.models = models;
        this.sageMaker = sageMaker;
        this.endpoint = endpoint;
        this.reasonCodes = reasonCodes;
    }

    /** Loads the newest model, training one first when allowed and none exists. */
    public void start(boolean trainIfMissing, int trainingCards) {
        Optional<ModelArtifact> artifact = models.latest();
        if (artifact.isEmpty()) {
            if (!trainIfMissing) {
                throw new IllegalStateException("no " + StreamModels.MODEL_NAME + " model is published and training at "
                        + "startup is off (cdp.transformer.train-if-missing); publish one with the model trainer");
            }
            artifact = Optional.of(models.trainAndPublish(System.nanoTime(), trainingCards));
        }
        use(artifact.get());
        refreshTables();
    }

    public void refresh() {
        models.latest().filter(a -> !a.metadata().modelVersion().equals(scorer.get().modelVersion())).ifPresent(this::use);
        refreshTables();
    }

    private void refreshTables() {
        MccRiskTables tables = models.mccRiskTables();
        context.set(tables.context());
        log.info("MCC risk tables loaded: {}", tables.size());
    }

    private void use(ModelArtifact artifact) {
        InProcessScorer inProcess = new InProcessScorer(artifact);
        FraudScorer next = sageMaker != null && endpoint != null
                ? new FraudScorer(new SageMakerScorer(sageMaker, endpoint, artifact.metadata().modelVersion(),
                        artifact.metadata().featureNames()), inProcess, artifact.metadata().thresholds(), reasonCodes)
                : new FraudScorer(inProcess, inProcess, artifact.metadata().thresholds(), reasonCodes);
        FraudScorer previous = scorer.getAndSet(next);
        log.info("scoring with model {} {} ({}), alert threshold {}", StreamModels.MODEL_NAME,
                artifact.metadata().modelVersion(), sageMaker != null ? "SageMaker endpoint" : "in process",
                String.format("%.4f", artifact.metadata().thresholds().alert()));
        if (previous != null) {
            previous.close();
        }
    }

    public FraudScorer scorer() {
        return scorer.get();
    }

    public TabFormerContext context() {
        return context.get();
    }
}
