package io.cdp.deploy;

import io.cdp.events.resources.CdpResources.Queue;
import io.cdp.events.resources.CdpResources.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.TopicProps;
import software.constructs.Construct;

/**
 * What an operator watches: alarms on consumer lag (iterator age), dead letters and quarantine depth, the ALB
 * services' 5xx rate and p99 latency and the Bedrock fallback rate, all to one encrypted SNS topic, and a dashboard.
 */
public final class Operations extends Construct {

    /**
     * The metric alerting publishes per composed alert (micrometer CloudWatch registry, namespace {@code CDP}): value 1
     * when the template composer stood in for Bedrock, 0 otherwise, so its average is the fallback rate.
     */
    static final String BEDROCK_FALLBACK_METRIC = "alerting.bedrock.fallback";

    /**
     * What the trainer's {@code retrain} job publishes after each run (model-trainer {@code loop/DriftMetrics}):
     * {@code DriftDetected} is 1 when a feature's or the score's population stability index against the live model's
     * training data reached 0.25.
     */
    static final String MODELS_NAMESPACE = "CDP/Models";

    static final String DRIFT_METRIC = "DriftDetected";

    private final Topic alarmTopic;
    private final List<Alarm> alarms = new ArrayList<>();

    public Operations(Construct scope, String id, CdpSettings settings, KeysAndData data, Compute compute) {
        super(scope, id);
        this.alarmTopic = new Topic(
                this,
                "Alarms",
                TopicProps.builder()
                        .displayName("CDP operations alarms")
                        .masterKey(data.dataKey())
                        .enforceSsl(true)
                        .build());
        List<IWidget> widgets = new ArrayList<>();

        List<IMetric> ages = new ArrayList<>();
        for (Stream stream : Stream.values()) {
            IMetric age = data.stream(stream)
                    .metricGetRecordsIteratorAgeMilliseconds(MetricOptions.builder()
                            .statistic("Maximum")
                            .period(Duration.minutes(1))
                            .build());
            ages.add(age);
            alarm(
                    "IteratorAge-" + stream.baseName(),
                    age,
                    60_000,
                    5,
                    "consumers of " + stream.baseName() + " are more than a minute behind");
        }
        widgets.add(graph("Iterator age (ms)", ages));

        List<IMetric> depths = new ArrayList<>();
        for (Queue queue : Queue.values()) {
            var target = queue.hasDeadLetterQueue() ? data.deadLetterQueue(queue) : data.queue(queue);
            IMetric depth = target.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                    .statistic("Maximum")
                    .period(Duration.minutes(5))
                    .build());
            depths.add(depth);
            alarm(
                    (queue.hasDeadLetterQueue() ? "DeadLetters-" : "Quarantine-") + queue.baseName(),
                    depth,
                    1,
                    1,
                    queue.hasDeadLetterQueue()
                            ? queue.baseName() + " messages failed " + queue.maxReceiveCount() + " times"
                            : "stream records were quarantined (reason and pointer in " + queue.baseName() + ")");
        }
        widgets.add(graph("Dead letters and quarantine", depths));

        compute.targetGroups().forEach((module, group) -> {
            MathExpression errorRate = MathExpression.Builder.create()
                    .label(module + " 5xx %")
                    .expression("100 * FILL(errors, 0) / MAX([FILL(requests, 0), 1])")
                    .usingMetrics(Map.of(
                            "errors", group.getMetrics().httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT),
                            "requests", group.getMetrics().requestCount()))
                    .period(Duration.minutes(5))
                    .build();
            alarm("5xxRate-" + module, errorRate, 1, 2, module + " answers more than 1 % 5xx");
            IMetric p99 = group.getMetrics()
                    .targetResponseTime(MetricOptions.builder()
                            .statistic("p99")
                            .period(Duration.minutes(5))
                            .build());
            // scoring's target is p99 <= 5 ms in the service; the ALB adds its own hop, so alarm at 50 ms
            double limit = module.equals(CdpService.SCORING_API.module()) ? 0.05 : 0.2;
            alarm("P99Latency-" + module, p99, limit, 3, module + " p99 latency above " + limit * 1000 + " ms");
            widgets.add(graph(module + " 5xx % and p99 (s)", List.of(errorRate, p99)));
        });

        IMetric fallback = Metric.Builder.create()
                .namespace("CDP")
                .metricName(BEDROCK_FALLBACK_METRIC)
                .dimensionsMap(Map.of("service", CdpService.ALERTING.module()))
                .statistic("Average")
                .period(Duration.minutes(15))
                .build();
        alarm("BedrockFallbackRate", fallback, 0.2, 2, "more than 20 % of alerts fell back to the template composer");
        widgets.add(graph("Bedrock fallback rate", List.of(fallback)));

        IMetric drift = Metric.Builder.create()
                .namespace(MODELS_NAMESPACE)
                .metricName(DRIFT_METRIC)
                .dimensionsMap(Map.of("Model", "fraud-online-card"))
                .statistic("Maximum")
                .period(Duration.days(1))
                .build();
        alarm(
                "ModelDrift",
                drift,
                1,
                1,
                "the live fraud model's inputs or scores drifted from its training data (PSI >= 0.25; the registry's"
                        + " drift note says which feature)");
        widgets.add(graph("Model drift (retrain job)", List.of(drift)));

        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(settings.names().namespace() + "cdp")
                .build();
        for (IWidget widget : widgets) dashboard.addWidgets(widget);
    }

    private void alarm(String id, IMetric metric, double threshold, int periods, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(new SnsAction(alarmTopic));
        alarms.add(alarm);
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(12).build();
    }

    public Topic alarmTopic() {
        return alarmTopic;
    }

    public List<Alarm> alarms() {
        return alarms;
    }
}
