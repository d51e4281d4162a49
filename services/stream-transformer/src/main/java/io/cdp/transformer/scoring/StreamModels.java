package io.cdp.transformer.scoring;

import io.cdp.features.online.MccRiskTableStore;
import io.cdp.features.online.MccRiskTables;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelRegistry;
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

    /** The serving artifact of the stream model, if one is live and has the stream's feature order. */
    public Optional<ModelArtifact> serving() {
        return registry.serving().map(artifacts::read).filter(a -> matches(a, "live"));
    }

    /** The artifact of the version in its shadow period, if one shadows and has the stream's feature order. */
    public Optional<ModelArtifact> shadowing() {
        return registry.shadowing().map(artifacts::read).filter(a -> matches(a, "shadow"));
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
