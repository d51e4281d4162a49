package io.cdp.c360.models;

import io.cdp.customers.analytics.ClvModel;
import io.cdp.customers.analytics.SegmentModel;
import io.cdp.scoring.registry.ModelEntry;
import io.cdp.scoring.registry.ModelRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the LIVE versions from the {@code models} table and their artifacts from S3, again after {@code refresh}: a
 * promotion reaches the consumer within that time. A failed refresh keeps the model it had (or none) and is retried
 * at the next refresh; it never fails an event.
 */
public final class RegistryCustomerModels implements CustomerModels {

    private static final Logger log = LoggerFactory.getLogger(RegistryCustomerModels.class);

    private final Loaded<SegmentModel> segments;
    private final Loaded<ClvModel> clv;

    public RegistryCustomerModels(
            DynamoDbClient dynamoDb, S3Client s3, String modelsTable, Duration refresh, Clock clock) {
        this.segments = new Loaded<>(
                new ModelRegistry(dynamoDb, modelsTable, SEGMENTS), s3, SegmentModel::fromJson, refresh, clock);
        this.clv = new Loaded<>(new ModelRegistry(dynamoDb, modelsTable, CLV), s3, ClvModel::read, refresh, clock);
    }

    @Override
    public Optional<SegmentModel> segments() {
        return segments.get();
    }

    @Override
    public Optional<ClvModel> clv() {
        return clv.get();
    }

    private static final class Loaded<M> {
        private final ModelRegistry registry;
        private final S3Client s3;
        private final Function<byte[], M> reader;
        private final Duration refresh;
        private final Clock clock;
        private volatile @Nullable M model;
        private volatile @Nullable String version;
        private volatile Instant checkedAt = Instant.EPOCH;

        Loaded(ModelRegistry registry, S3Client s3, Function<byte[], M> reader, Duration refresh, Clock clock) {
            this.registry = registry;
            this.s3 = s3;
            this.reader = reader;
            this.refresh = refresh;
            this.clock = clock;
        }

        Optional<M> get() {
            Instant now = clock.instant();
            if (now.isAfter(checkedAt.plus(refresh))) {
                synchronized (this) {
                    if (now.isAfter(checkedAt.plus(refresh))) {
                        checkedAt = now;
                        reload();
                    }
                }
            }
            return Optional.ofNullable(model);
        }

        private void reload() {
            try {
                Optional<ModelEntry> live = registry.serving();
                if (live.isEmpty()) {
                    return;
                }
                ModelEntry entry = live.get();
                if (entry.version().equals(version)) {
                    return;
                }
                URI uri = URI.create(entry.artifactUri());
                byte[] bytes = s3.getObjectAsBytes(
                                b -> b.bucket(uri.getHost()).key(uri.getPath().substring(1)))
                        .asByteArray();
                model = reader.apply(bytes);
                version = entry.version();
                log.info("model {} version {} loaded", registry.modelName(), entry.version());
            } catch (RuntimeException e) {
                log.warn(
                        "model {} not refreshed ({}); keeping version {}",
                        registry.modelName(),
                        e.getClass().getSimpleName(),
                        version);
            }
        }
    }
}
