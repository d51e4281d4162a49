package io.cdp.trainer.publish;

import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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
    /** Newly published models wait for promotion (scoring-api) before serving traffic. */
    public static final String STATUS_REGISTERED = "REGISTERED";

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
        ArtifactMetadata meta = artifact.metadata();
        String prefix = meta.modelName() + "/" + meta.modelVersion() + "/";
        put(prefix + ModelArtifact.MODEL_FILE, artifact.modelJson(), "application/json");
        put(prefix + ModelArtifact.METADATA_FILE, artifact.metadataJson(), "application/json");
        put(prefix + ARTIFACT_ZIP, artifact.toZip(), "application/zip");
        put(prefix + SAGEMAKER_TAR, SageMakerPackage.modelTarGz(xgboostBinaryModel,
                meta.createdAt().getEpochSecond()), "application/gzip");

        PublishedModel published = new PublishedModel(meta.modelName(), meta.modelVersion(),
                "s3://" + bucket + "/" + prefix + ARTIFACT_ZIP, "s3://" + bucket + "/" + prefix + SAGEMAKER_TAR);
        try {
            dynamoDb.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(registryItem(meta, published))
                    .conditionExpression("attribute_not_exists(#v)")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("model " + meta.modelName() + " version " + meta.modelVersion()
                    + " is already registered; versions are immutable", e);
        }
        return published;
    }

    static Map<String, AttributeValue> registryItem(ArtifactMetadata meta, PublishedModel published) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("modelName", s(meta.modelName()));
        item.put("version", s(meta.modelVersion()));
        item.put("status", s(STATUS_REGISTERED));
        item.put("artifactUri", s(published.artifactUri()));
        item.put("sageMakerModelUri", s(published.sageMakerUri()));
        item.put("featureNames", AttributeValue.fromL(meta.featureNames().stream().map(ModelPublisher::s).toList()));
        item.put("trainingFrom", s(meta.trainingFrom().toString()));
        item.put("trainingTo", s(meta.trainingTo().toString()));
        Map<String, AttributeValue> metrics = new HashMap<>();
        meta.metrics().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                metrics.put(k, AttributeValue.fromN(Double.toString(v)));
            }
        });
        item.put("metrics", AttributeValue.fromM(metrics));
        item.put("thresholds", AttributeValue.fromM(Map.of(
                "review", AttributeValue.fromN(Double.toString(meta.thresholds().review())),
                "alert", AttributeValue.fromN(Double.toString(meta.thresholds().alert())),
                "decline", AttributeValue.fromN(Double.toString(meta.thresholds().decline())),
                "operatingPoint", s(meta.thresholds().operatingPoint()))));
        item.put("dataFingerprint", s(meta.dataFingerprint()));
        item.put("xgboostVersion", s(meta.xgboostVersion()));
        item.put("createdAt", s(meta.createdAt().toString()));
        return item;
    }

    private void put(String key, byte[] body, String contentType) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build(),
                RequestBody.fromBytes(body));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
