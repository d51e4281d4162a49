package io.cdp.training.publish;

import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ModelRegistry;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Publishes a model: the objects go to the models bucket under {@code <name>/<version>/}, then one registry item
 * goes to the models table. The item is written last and only if that version does not exist yet, so a registry
 * entry always points at complete objects and a published version is never overwritten.
 */
public final class ModelPublisher {

    public static final String ARTIFACT_ZIP = "artifact.zip";
    public static final String SAGEMAKER_TAR = "model.tar.gz";

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String bucket;
    private final String table;

    public ModelPublisher(S3Client s3, DynamoDbClient dynamoDb, String bucket, String table) {
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
        this.bucket = bucket;
        this.table = table;
    }

    public PublishedModel publish(ModelArtifact artifact, byte[] xgboostBinaryModel) {
        return publishPackaged(
                artifact,
                SageMakerPackage.modelTarGz(
                        xgboostBinaryModel, artifact.metadata().createdAt().getEpochSecond()));
    }

    /** Publishes an artifact whose SageMaker package ({@value #SAGEMAKER_TAR}) is already built. */
    public PublishedModel publishPackaged(ModelArtifact artifact, byte[] sageMakerTarGz) {
        ArtifactMetadata meta = artifact.metadata();
        String prefix = meta.modelName() + "/" + meta.modelVersion() + "/";
        put(prefix + ModelArtifact.MODEL_FILE, artifact.modelJson(), "application/json");
        put(prefix + ModelArtifact.METADATA_FILE, artifact.metadataJson(), "application/json");
        put(prefix + ARTIFACT_ZIP, artifact.toZip(), "application/zip");
        put(prefix + SAGEMAKER_TAR, sageMakerTarGz, "application/gzip");

        PublishedModel published = new PublishedModel(
                meta.modelName(),
                meta.modelVersion(),
                "s3://" + bucket + "/" + prefix + ARTIFACT_ZIP,
                "s3://" + bucket + "/" + prefix + SAGEMAKER_TAR);
        // the registry item last, so an entry always points at complete objects
        new ModelRegistry(dynamoDb, table, meta.modelName())
                .register(meta, published.artifactUri(), published.sageMakerUri());
        return published;
    }

    private void put(String key, byte[] body, String contentType) {
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .build(),
                RequestBody.fromBytes(body));
    }
}
