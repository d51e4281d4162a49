package io.cdp.transformer.scoring;

import io.cdp.features.online.MccRiskTables;
import io.cdp.features.tabformer.TabFormerContext;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.scoring.scorer.SageMakerScorer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * The model and label tables in use, swapped atomically when another version is promoted, so a batch is scored by
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
    private final AtomicReference<@Nullable ShadowModel> shadow = new AtomicReference<>();

    public ScoringModel(
            StreamModels models,
            @Nullable SageMakerRuntimeClient sageMaker,
            @Nullable String endpoint,
            int reasonCodes) {
        this.models = models;
        this.sageMaker = sageMaker;
        this.endpoint = endpoint;
        this.reasonCodes = reasonCodes;
    }

    /**
     * Loads the live model, waiting up to {@code wait} for one to be promoted: the transformer cannot score without
     * one, and must not invent one.
     */
    public void start(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        StreamModels.Versions versions = models.versions();
        Optional<ModelArtifact> artifact = models.live(versions);
        boolean said = false;
        while (artifact.isEmpty() && System.nanoTime() < deadline) {
            if (!said) {
                log.warn(
                        "no live {} model in the registry yet; waiting up to {} for one to be promoted",
                        StreamModels.MODEL_NAME,
                        wait);
                said = true;
            }
            sleep(Duration.ofSeconds(2));
            versions = models.versions();
            artifact = models.live(versions);
        }
        if (artifact.isEmpty()) {
            throw new IllegalStateException("no live " + StreamModels.MODEL_NAME + " model in the registry: train one "
                    + "('./cdp train', the model-trainer job) and promote it ('./cdp promote VERSION' or the scoring "
                    + "API's POST /v1/models/{version}/promotion); cdp.transformer.model-wait sets how long to wait");
        }
        use(artifact.get());
        refreshShadow(versions.shadowing());
        refreshTables();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a live model", e);
        }
    }

    /** One registry read; an artifact is fetched only for a version not already in use. */
    public void refresh() {
        StreamModels.Versions versions = models.versions();
        versions.serving()
                .filter(e -> !e.version().equals(scorer.get().modelVersion()))
                .flatMap(e -> models.artifact(e, "live"))
                .ifPresent(this::use);
        refreshShadow(versions.shadowing());
        refreshTables();
    }

    /**
     * Follows the registry's shadow: loaded when one begins, dropped when it is promoted or ends. A shadow that cannot
     * be read leaves shadow scoring off until the next refresh; it never holds up the live model.
     */
    private void refreshShadow(Optional<ModelEntry> entry) {
        ShadowModel current = shadow.get();
        String nextVersion = entry.map(ModelEntry::version).orElse(null);
        if (current != null && current.version().equals(nextVersion)) {
            return;
        }
        Optional<ModelArtifact> next;
        try {
            next = entry.flatMap(e -> models.artifact(e, "shadow"));
        } catch (RuntimeException e) {
            log.warn(
                    "the shadow model could not be read; shadow scoring stays off until the next refresh: {}",
                    e.toString());
            shadow.set(null);
            return;
        }
        String loaded = next.map(a -> a.metadata().modelVersion()).orElse(null);
        shadow.set(next.map(a -> new ShadowModel(a.metadata().modelVersion(), new InProcessScorer(a)))
                .orElse(null));
        if (loaded != null) {
            log.info(
                    "shadow scoring with model {} {}: its scores go to the lake, only the live version decides",
                    StreamModels.MODEL_NAME,
                    loaded);
        } else if (current != null) {
            log.info("shadow of model {} {} ended", StreamModels.MODEL_NAME, current.version());
        }
    }

    private void refreshTables() {
        MccRiskTables tables = models.mccRiskTables();
        context.set(tables.context());
        log.info("MCC risk tables loaded: {}", tables.size());
    }

    private void use(ModelArtifact artifact) {
        InProcessScorer inProcess = new InProcessScorer(artifact);
        FraudScorer next = sageMaker != null && endpoint != null
                ? new FraudScorer(
                        new SageMakerScorer(
                                sageMaker,
                                endpoint,
                                artifact.metadata().modelVersion(),
                                artifact.metadata().featureNames()),
                        inProcess,
                        artifact.metadata().thresholds(),
                        reasonCodes)
                : new FraudScorer(inProcess, inProcess, artifact.metadata().thresholds(), reasonCodes);
        FraudScorer previous = scorer.getAndSet(next);
        log.info(
                "scoring with model {} {} ({}), alert threshold {}",
                StreamModels.MODEL_NAME,
                artifact.metadata().modelVersion(),
                sageMaker != null ? "SageMaker endpoint" : "in process",
                String.format("%.4f", artifact.metadata().thresholds().alert()));
        if (previous != null) {
            previous.close();
        }
    }

    public FraudScorer scorer() {
        return scorer.get();
    }

    /** The version in its shadow period, or null when none shadows. */
    public @Nullable ShadowModel shadow() {
        return shadow.get();
    }

    public TabFormerContext context() {
        return context.get();
    }
}
