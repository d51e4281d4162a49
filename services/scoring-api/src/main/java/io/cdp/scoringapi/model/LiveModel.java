package io.cdp.scoringapi.model;

import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.service.problem.ProblemException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * The model that answers requests now. Promotion loads and checks the new version completely, then swaps one
 * reference: requests in flight finish with the model they started with, new ones get the new model, and nothing
 * waits or fails in between. Other instances follow through {@link #followRegistry()}.
 */
public final class LiveModel {

    private static final Logger log = LoggerFactory.getLogger(LiveModel.class);

    private final ModelRegistry registry;
    private final ArtifactStore artifacts;
    private final AtomicReference<@Nullable LoadedModel> current = new AtomicReference<>();

    public LiveModel(ModelRegistry registry, ArtifactStore artifacts) {
        this.registry = registry;
        this.artifacts = artifacts;
    }

    public Optional<LoadedModel> current() {
        return Optional.ofNullable(current.get());
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The live model, or a 503 problem while none is loaded. */
    public LoadedModel require() {
        LoadedModel model = current.get();
        if (model == null) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "no-live-model",
                    "No live model",
                    "No model version is live yet; train one (the model-trainer job; locally ./cdp train) and promote it"
                            + " (POST /v1/models/{version}/promotion).");
        }
        return model;
    }

    /** Makes {@code version} live here and in the registry. */
    public synchronized LoadedModel promote(String version) {
        ModelEntry entry = registry.get(version)
                .orElseThrow(() -> new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "model-not-found",
                        "Model version not found",
                        "The registry has no such version of model " + registry.modelName() + "."));
        LoadedModel loaded = load(entry);
        LoadedModel previous = current.get();
        // the registry's one promotion: it retires the version the registry served, which another instance may have
        // promoted after this one loaded its own
        ModelEntry live = registry.promote(version, Instant.now());
        LoadedModel next = new LoadedModel(live, loaded.scorer());
        current.set(next);
        log.info(
                "model {} version {} is live (was {})",
                entry.modelName(),
                version,
                previous == null ? "none" : previous.entry().version());
        return next;
    }

    /** Loads the registry's live version at startup; false when there is none. */
    public synchronized boolean loadLiveFromRegistry() {
        Optional<ModelEntry> live = registry.serving();
        if (live.isEmpty()) {
            return false;
        }
        LoadedModel model = current.get();
        if (model == null || !model.entry().version().equals(live.get().version())) {
            current.set(load(live.get()));
            log.info(
                    "model {} version {} loaded from the registry",
                    live.get().modelName(),
                    live.get().version());
        }
        return true;
    }

    /** Picks up a promotion made by another instance; a failing registry leaves the current model serving. */
    public void followRegistry() {
        try {
            loadLiveFromRegistry();
        } catch (RuntimeException e) {
            log.warn(
                    "could not refresh the live model from the registry ({}); keeping the current one",
                    e.getClass().getSimpleName());
        }
    }

    private LoadedModel load(ModelEntry entry) {
        if (!entry.featureNames().equals(OnlineFeatures.SCHEMA.names())) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "incompatible-model",
                    "Incompatible model",
                    "This version expects other features than this service computes ("
                            + OnlineFeatures.SCHEMA.fingerprint() + "); it cannot be served here.");
        }
        ModelArtifact artifact = artifacts.read(entry);
        if (!artifact.metadata().featureNames().equals(entry.featureNames())) {
            throw new ProblemException(
                    HttpStatus.CONFLICT,
                    "incompatible-model",
                    "Incompatible model",
                    "The artifact's features differ from its registry entry.");
        }
        return new LoadedModel(entry, new InProcessScorer(artifact));
    }
}
