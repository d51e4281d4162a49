package io.cdp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.AwsEmulatorTest;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.artifact.ArtifactMetadata;
import io.cdp.scoring.artifact.ModelArtifact;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoring.registry.ModelStatus;
import io.cdp.scoringapi.model.LiveModel;
import io.cdp.training.online.OnlineCardTrainer;
import io.cdp.training.publish.ModelPublisher;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import io.cdp.transformer.scoring.StreamModels;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The stream transformer and the scoring API pick the same model version from the same registry, whatever it holds:
 * a newer REGISTERED version never serves, a promotion through the API moves both. Before the registry had one rule,
 * the transformer scored with the newest non-retired version while the API served the promoted one.
 */
@AwsEmulatorTest
class ServingVersionIT {

    @Test
    void theTransformerAndTheApiServeTheSameVersion(AwsClients clients, CdpResources names) {
        String bucket = names.bucket(CdpResources.Bucket.MODELS);
        String table = names.table(CdpResources.Table.MODELS);
        ModelRegistry registry = new ModelRegistry(clients.dynamoDb(), table, OnlineFeatures.MODEL_NAME);
        OnlineCardTrainer.Trained trained = SyntheticModels.takeovers(3, 120, Progress.silent());
        ModelPublisher publisher = new ModelPublisher(clients.s3(), clients.dynamoDb(), bucket, table);
        String v1 = publish(publisher, trained, "20260101T000000Z-v1");
        String v2 = publish(publisher, trained, "20260102T000000Z-v2");
        registry.promote(v1, Instant.parse("2026-01-03T00:00:00Z"));
        registry.promote(v2, Instant.parse("2026-01-04T00:00:00Z"));
        String v3 = publish(publisher, trained, "20260105T000000Z-v3");

        StreamModels transformer = new StreamModels(clients.s3(), clients.dynamoDb(), bucket, table);
        LiveModel api = new LiveModel(registry, new ArtifactStore(clients.s3()));
        assertThat(api.loadLiveFromRegistry()).isTrue();

        assertThat(transformer.serving())
                .get()
                .extracting(a -> a.metadata().modelVersion())
                .isEqualTo(v2);
        assertThat(api.current()).get().extracting(m -> m.entry().version()).isEqualTo(v2);

        api.promote(v3);

        assertThat(transformer.serving())
                .get()
                .extracting(a -> a.metadata().modelVersion())
                .isEqualTo(v3);
        LiveModel anotherApiInstance = new LiveModel(registry, new ArtifactStore(clients.s3()));
        anotherApiInstance.loadLiveFromRegistry();
        assertThat(anotherApiInstance.current())
                .get()
                .extracting(m -> m.entry().version())
                .isEqualTo(v3);
        Map<String, ModelStatus> statuses =
                registry.list().stream().collect(Collectors.toMap(ModelEntry::version, ModelEntry::status));
        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(v1, ModelStatus.RETIRED, v2, ModelStatus.RETIRED, v3, ModelStatus.LIVE));
    }

    private static String publish(ModelPublisher publisher, OnlineCardTrainer.Trained trained, String version) {
        ArtifactMetadata m = trained.artifact().metadata();
        ArtifactMetadata renamed = new ArtifactMetadata(
                version,
                m.modelName(),
                m.featureNames(),
                m.trainingFrom(),
                m.trainingTo(),
                m.metrics(),
                m.thresholds(),
                m.dataFingerprint(),
                m.xgboostVersion(),
                m.parameters(),
                m.createdAt());
        return publisher
                .publish(new ModelArtifact(renamed, trained.artifact().modelJson()), trained.xgboostBinary())
                .version();
    }
}
