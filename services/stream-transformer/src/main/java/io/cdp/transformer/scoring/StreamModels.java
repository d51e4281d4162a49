package io.cdp.transformer.scoring;

import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the transformer's model comes from: the version of {@link #MODEL_NAME} that serves by the registry's one rule
 * ({@link ModelRegistry#serving()}, the version the scoring API answers with too), if its features are
 * {@link OnlineFeatures#SCHEMA}; the version in its shadow period, if one; and the MCC risk tables published beside
 * the models.
 */
public final class StreamModels {

    /** The online card model of libs/cdp-features: the one the scoring API serves too. */
    public static final String MODEL_NAME = OnlineFeatures.MODEL_NAME;

    private static final Logger log = LoggerFactory.getLogger(StreamModels.class);

    private final S3Client s3;
    private final String modelsBucket;
    private final ModelRegistry registry;
    private final ArtifactStore artifacts;

    public StreamModels(S3Client s3, DynamoDbClient dynamoDb, String modelsBucket, String modelsTable) {
        this.s3 = s3;
        this.modelsBucket = modelsBucket;
        this.registry = new ModelRegistry(dynamoDb, modelsTable, MODEL_NAME);
        this.artifacts = new ArtifactStore(s3);
    }

    /** The live version and the one in its shadow period, from one read of the registry. */
    public record Versions(Optional<ModelEntry> serving, Optional<ModelEntry> shadowing) {}

    public Versions versions() {
        List<ModelEntry> entries = registry.list();
        return new Versions(ModelRegistry.serving(entries), ModelRegistry.shadowing(entries));
    }

    /** The serving artifact of the stream model, if one is live and has the stream's feature order. */
    public Optional<ModelArtifact> serving() {
        return live(versions());
    }

    /** The live artifact of versions already read, if it has the stream's feature order. */
    public Optional<ModelArtifact> live(Versions versions) {
        return versions.serving().flatMap(e -> artifact(e, "live"));
    }

    /** The artifact of {@code entry} (role: live or shadow, for the log), if it has the stream's feature order. */
    public Optional<ModelArtifact> artifact(ModelEntry entry, String role) {
        return Optional.of(artifacts.read(entry)).filter(a -> matches(a, role));
    }

    private static boolean matches(ModelArtifact a, String role) {
        boolean matches = a.metadata().featureNames().equals(OnlineFeatures.SCHEMA.names());
        if (!matches) {
            log.warn(
                    "{} model {} {} has other features than {}; not used",
                    role,
                    MODEL_NAME,
                    a.metadata().modelVersion(),
                    OnlineFeatures.SCHEMA.fingerprint());
        }
        return matches;
    }

    public MccRiskTables mccRiskTables() {
        return MccRiskTableStore.load(s3, modelsBucket);
    }
}
