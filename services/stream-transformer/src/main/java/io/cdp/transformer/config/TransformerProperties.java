package io.cdp.transformer.config;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cdp.transformer.*}.
 *
 * @param scorer          {@code in-process} (default) or {@code sagemaker}
 * @param sagemakerEndpoint endpoint name when {@code scorer=sagemaker}
 * @param modelWait       how long startup waits for a live model in the registry before it fails (0: fail at once);
 *                        models come from the model-trainer job and an explicit promotion, never from this service
 * @param reasonCodes     reason codes per scored transaction at or over the review threshold
 * @param cacheEntries    feature-store entries kept in memory
 * @param alertRetention  how long an alert claim is kept (the dedup horizon for alerts)
 * @param modelRefresh    how often the registry and the label tables are checked for a newer version
 * @param retryInitial    first wait before retrying a failed effect (or a failed batch)
 * @param retryMax        longest wait between retries
 * @param retryAttempts   attempts of one effect before the batch fails (the quarantine alone retries until stored)
 * @param batchAttempts   attempts of a failed batch before it is processed record by record
 * @param recordAttempts  attempts of one record alone before it is quarantined ({@code processing-failed})
 * @param claimRetention  how long the stream position that first carried a transaction is kept: a producer
 *                        duplicate arriving within it changes nothing
 * @param kclClientVersion KCL mode only: {@code 2x} (default; KCL 2.x lease taking, works on containers and the
 *                        emulator) or {@code 3x} (KCL 3 utilization-aware lease assignment, needs EC2/ECS metrics)
 * @param kclFailover     KCL mode only: a lease not renewed for this long is taken over by another worker; workers
 *                        renew every third of it and look for leases to take every two of it
 */
@ConfigurationProperties("cdp.transformer")
public record TransformerProperties(
        @DefaultValue("in-process") String scorer,
        @Nullable String sagemakerEndpoint,
        @DefaultValue("0s") Duration modelWait,
        @DefaultValue("3") int reasonCodes,
        @DefaultValue("200000") int cacheEntries,
        @DefaultValue("30d") Duration alertRetention,
        @DefaultValue("5m") Duration modelRefresh,
        @DefaultValue("100ms") Duration retryInitial,
        @DefaultValue("5s") Duration retryMax,
        @DefaultValue("5") int retryAttempts,
        @DefaultValue("3") int batchAttempts,
        @DefaultValue("2") int recordAttempts,
        @DefaultValue("7d") Duration claimRetention,
        @DefaultValue("2x") String kclClientVersion,
        @DefaultValue("10s") Duration kclFailover) {}
