package io.cdp.scoringapi.model;

import io.cdp.features.online.OnlineFeatures;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code scoring.model.*}.
 *
 * @param name               the model family this service serves (the registry's partition key): by default the
 *                           online card model the stream transformer publishes and scores with
 * @param refreshInterval    how often the registry is asked whether another instance promoted a version
 * @param reasonCodes        how many reason codes a score carries
 */
@ConfigurationProperties("scoring.model")
public record ModelProperties(
        @DefaultValue(OnlineFeatures.MODEL_NAME) String name,
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue("3") int reasonCodes) {}
