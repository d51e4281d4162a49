package io.cdp.trainer.loop;

import io.cdp.aws.AwsClients;
import io.cdp.features.online.OnlineFeatures;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Drift as CloudWatch metrics ({@value #NAMESPACE}, dimension {@code Model}): {@code FeaturePsiMax} and
 * {@code ScorePsi} of each retraining, and {@code DriftDetected} (1 when either reaches {@link Psi#SIGNIFICANT}),
 * what an alarm watches. A failure to send is logged and never fails the retraining: the registry already holds the
 * same numbers.
 */
public final class DriftMetrics {

    public static final String NAMESPACE = "CDP/Models";

    private static final Logger log = LoggerFactory.getLogger(DriftMetrics.class);

    private DriftMetrics() {}

    public static List<MetricDatum> data(Retraining.Challenge c, String status, Instant at) {
        Dimension model = Dimension.builder()
                .name("Model")
                .value(OnlineFeatures.MODEL_NAME)
                .build();
        return List.of(
                datum("FeaturePsiMax", c.maxPsi().getValue(), model, at),
                datum("ScorePsi", Double.isNaN(c.scorePsi()) ? 0 : c.scorePsi(), model, at),
                datum("DriftDetected", "DRIFT".equals(status) ? 1 : 0, model, at));
    }

    public static void publish(AwsClients clients, Retraining.Challenge c, String status) {
        try (CloudWatchAsyncClient cloudWatch = clients.cloudWatchAsync()) {
            cloudWatch
                    .putMetricData(b -> b.namespace(NAMESPACE).metricData(data(c, status, Instant.now())))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn("trainer: drift metrics not sent to CloudWatch ({}); the registry holds them", e.toString());
        }
    }

    private static MetricDatum datum(String name, double value, Dimension model, Instant at) {
        return MetricDatum.builder()
                .metricName(name)
                .value(value)
                .unit(StandardUnit.NONE)
                .dimensions(model)
                .timestamp(at)
                .build();
    }
}
