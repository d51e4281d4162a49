package io.cdp.training.publish;

/**
 * Where a published model lives.
 *
 * @param modelName    registry partition key
 * @param version      registry sort key
 * @param artifactUri  s3:// URI of the artifact zip (model.json + metadata.json)
 * @param sageMakerUri s3:// URI of model.tar.gz for SageMaker's XGBoost container
 */
public record PublishedModel(String modelName, String version, String artifactUri, String sageMakerUri) {}
