package io.cdp.training.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.resources.CdpResources;
import io.cdp.events.resources.CdpResources.Bucket;
import io.cdp.events.resources.CdpResources.Table;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.artifact.Thresholds;
import io.cdp.scoring.scorer.InProcessScorer;
import io.cdp.training.dataset.Fingerprint;
import io.cdp.training.dataset.TrainingRows;
import io.cdp.training.train.Generated;
import io.cdp.training.train.Progress;
import io.cdp.training.train.TrainedModel;
import io.cdp.training.train.TrainingParameters;
import io.cdp.training.train.XgboostTrainer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishing against the emulator's S3 and DynamoDB, read back with the real SDK clients. */
@AwsEmulatorTest
class ModelPublisherIT {

    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final String bucket;
    private final String table;

    ModelPublisherIT(AwsClients clients, CdpResources names) {
        this.s3 = clients.s3();
        this.dynamoDb = clients.dynamoDb();
        this.bucket = names.bucket(Bucket.MODELS);
        this.table = names.table(Table.MODELS);
    }

    @Test
    void publishesObjectsAndARegistryEntryThatPointsAtThem() throws Exception {
        LocalDate from = LocalDate.of(2024, 3, 1);
        TrainingRows rows = Generated.rows(2_000, 4, from, 5);
        TrainedModel trained = new XgboostTrainer(Progress.silent())
                .train(rows, null, TrainingParameters.defaults().withMaxRounds(10));
        ArtifactMetadata meta = new ArtifactMetadata(
                "20240306T000000Z-it",
                "fraud-it",
                rows.featureNames(),
                from,
                from.plusDays(4),
                Map.of("validation.auc", 0.9),
                new Thresholds(0.2, 0.5, 0.9, "test"),
                Fingerprint.of(rows),
                "3.4.0",
                trained.parameters(),
                Instant.parse("2024-03-06T00:00:00Z"));
        ModelArtifact artifact = new ModelArtifact(meta, trained.modelJson());

        PublishedModel published =
                new ModelPublisher(s3, dynamoDb, bucket, table).publish(artifact, trained.modelBinary());

        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                "modelName",
                                AttributeValue.fromS("fraud-it"),
                                "version",
                                AttributeValue.fromS("20240306T000000Z-it"))))
                .item();
        assertThat(item.get("status").s()).isEqualTo("REGISTERED");
        assertThat(item.get("dataFingerprint").s()).isEqualTo(Fingerprint.of(rows));
        assertThat(item.get("thresholds").m().get("alert").n()).isEqualTo("0.5");
        assertThat(item.get("featureNames").l())
                .extracting(AttributeValue::s)
                .containsExactlyElementsOf(rows.featureNames());
        assertThat(item.get("artifactUri").s()).isEqualTo(published.artifactUri());

        String prefix = "fraud-it/20240306T000000Z-it/";
        byte[] zip = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + "artifact.zip"))
                .asByteArray();
        ModelArtifact back = ModelArtifact.fromZip(zip);
        assertThat(back).isEqualTo(artifact);
        double[] row = rows.features()[0];
        assertThat(new InProcessScorer(back).score(row)).isEqualTo(new InProcessScorer(artifact).score(row));

        byte[] tarGz = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + "model.tar.gz"))
                .asByteArray();
        SageMakerPackageTest.Entry entry = SageMakerPackageTest.readSingleEntry(tarGz);
        assertThat(entry.name()).isEqualTo("xgboost-model");
        assertThat(entry.content()).isEqualTo(trained.modelBinary());
    }

    @Test
    void refusesToOverwriteAPublishedVersion() throws Exception {
        LocalDate from = LocalDate.of(2024, 4, 1);
        TrainingRows rows = Generated.rows(1_000, 5, from, 2);
        TrainedModel trained = new XgboostTrainer(Progress.silent())
                .train(rows, null, TrainingParameters.defaults().withMaxRounds(3));
        ArtifactMetadata meta = new ArtifactMetadata(
                "v-dup",
                "fraud-it",
                rows.featureNames(),
                from,
                from,
                Map.of(),
                new Thresholds(0.1, 0.2, 0.3, "test"),
                Fingerprint.of(rows),
                "3.4.0",
                Map.of(),
                Instant.now());
        ModelPublisher publisher = new ModelPublisher(s3, dynamoDb, bucket, table);
        publisher.publish(new ModelArtifact(meta, trained.modelJson()), trained.modelBinary());
        assertThatThrownBy(() -> publisher.publish(new ModelArtifact(meta, trained.modelJson()), trained.modelBinary()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already registered");
    }
}
