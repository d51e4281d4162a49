package io.cdp.scoringapi;

import io.cdp.aws.AwsClients;
import io.cdp.events.resources.CdpResources;
import io.cdp.scoring.registry.ArtifactStore;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.scoringapi.features.CardStateWriteBack;
import io.cdp.scoringapi.features.FeatureStore;
import io.cdp.scoringapi.features.FeatureStoreProperties;
import io.cdp.scoringapi.features.OnlineContext;
import io.cdp.scoringapi.model.LiveModel;
import io.cdp.scoringapi.model.ModelProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the feature store and the live model to the AWS clients and resource names of the service support. */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScoringConfiguration.class);

    @Bean
    FeatureStore featureStore(
            FeatureStoreClient client, CdpResources names, FeatureStoreProperties properties, MeterRegistry meters) {
        return new FeatureStore(
                client.dynamoDb(), names.table(CdpResources.Table.FEATURES), properties, Clock.systemUTC(), meters);
    }

    /**
     * The feature store's own DynamoDB client, tuned for the request path (short attempt timeout, one more attempt,
     * a pool no request waits for); the service's shared client keeps the SDK defaults for the registry and startup.
     */
    @Bean(destroyMethod = "close")
    FeatureStoreClient featureStoreClient(AwsClients clients, FeatureStoreProperties properties) {
        return new FeatureStoreClient(
                clients.dynamoDbForRequestPath(properties.readTimeout(), properties.maxConnections()));
    }

    /** Holds the feature store's client apart from the shared {@link DynamoDbClient} bean, and closes it. */
    record FeatureStoreClient(DynamoDbClient dynamoDb) implements AutoCloseable {

        @Override
        public void close() {
            dynamoDb.close();
        }
    }

    /**
     * Only with {@code update-on-score} (the local profile without a stream transformer): the API keeps card states
     * itself, written behind the requests. Closed when the context closes, after the web server's graceful shutdown,
     * so the last accepted transactions are stored before the process ends.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("scoring.features.update-on-score")
    CardStateWriteBack cardStateWriteBack(FeatureStore store, FeatureStoreProperties properties, MeterRegistry meters) {
        CardStateWriteBack writeBack = new CardStateWriteBack(
                store.writeBackend(),
                properties.writeBackThreads(),
                properties.writeBackMaxUnsaved(),
                properties.writeBackDrainTimeout());
        Gauge.builder("cdp.scoring.card_state.unsaved", writeBack, CardStateWriteBack::unsaved)
                .description("scored transactions applied in memory and not yet stored in the feature store")
                .register(meters);
        FunctionCounter.builder(
                        "cdp.scoring.card_state.writes",
                        writeBack,
                        w -> w.stats().writes())
                .description("card-state writes of the write-back")
                .register(meters);
        return writeBack;
    }

    /** The MCC risk tables beside the models, loaded at startup and with every registry check. */
    @Bean
    OnlineContext onlineContext(S3Client s3, CdpResources names) {
        OnlineContext context = new OnlineContext(s3, names.bucket(CdpResources.Bucket.MODELS));
        context.refresh();
        return context;
    }

    @Bean
    ModelRegistry modelRegistry(DynamoDbClient dynamoDb, CdpResources names, ModelProperties properties) {
        return new ModelRegistry(dynamoDb, names.table(CdpResources.Table.MODELS), properties.name());
    }

    @Bean
    LiveModel liveModel(ModelRegistry registry, S3Client s3) {
        return new LiveModel(registry, new ArtifactStore(s3));
    }

    /**
     * Loads the live model before the web server takes traffic. With none promoted, scoring answers 503 (and readiness
     * says why) until one is: models come from the model-trainer job, never from a service inventing one.
     */
    @Bean
    SmartInitializingSingleton liveModelStartup(LiveModel live, ModelProperties properties) {
        return () -> {
            if (!live.loadLiveFromRegistry()) {
                log.warn(
                        "no live version of model {} in the registry: scoring answers 503 until one is promoted "
                                + "(train one with './cdp train', then './cdp promote VERSION' or POST /v1/models/{version}/promotion)",
                        properties.name());
            }
        };
    }

    @Bean
    HealthIndicator liveModelHealth(LiveModel live) {
        return () -> live.current()
                .map(m -> Health.up().withDetail("version", m.entry().version()).build())
                .orElseGet(() -> Health.outOfService()
                        .withDetail("reason", "no live model")
                        .build());
    }

    @Bean
    RegistryFollower registryFollower(LiveModel live, OnlineContext context) {
        return new RegistryFollower(live, context);
    }

    /** Follows promotions made through another instance, and the label tables published with models. */
    static final class RegistryFollower {

        private final LiveModel live;
        private final OnlineContext context;

        RegistryFollower(LiveModel live, OnlineContext context) {
            this.live = live;
            this.context = context;
        }

        @Scheduled(
                fixedDelayString = "${scoring.model.refresh-interval:30s}",
                initialDelayString = "${scoring.model.refresh-interval:30s}")
        void follow() {
            live.followRegistry();
            context.refresh();
        }
    }
}
