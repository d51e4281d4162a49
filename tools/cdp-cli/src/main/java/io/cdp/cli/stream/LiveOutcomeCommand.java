package io.cdp.cli.stream;

import io.cdp.aws.AwsClients;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.cli.CliAws;
import io.cdp.events.payload.TransactionRecordedV1;
import io.cdp.events.payload.TransactionScoredV1;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.registry.ModelRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * {@code ./cdp eval live}: how the live model did on the live share of this namespace, from what the streams hold:
 * the labels core banking streamed ({@code cdp.core.transactions}, the generated data carries them) against the scores
 * on {@code cdp.scored.transactions} at the alert threshold of the model version that gave them, each transaction
 * counted once.
 */
@picocli.CommandLine.Command(
        name = "live",
        description = "The live share's outcome in this namespace: transactions scored, frauds, alerts, alert rate,"
                + " precision and recall (labels from the core stream against the scored stream)")
public final class LiveOutcomeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        AwsClients clients = CliAws.clients();
        CdpResources names = CliAws.names();
        try (PipelineFixture streams = new PipelineFixture(clients, names)) {
            Map<String, Boolean> labels = new HashMap<>();
            Map<String, Instant> arrived = new HashMap<>();
            for (List<Record> shard : streams.records(names.stream(CdpResources.Stream.CORE_TRANSACTIONS))
                    .values()) {
                for (Record r : shard) {
                    TransactionRecordedV1 tx = streams.codec
                            .decode(r.data().asByteArray(), TransactionRecordedV1.class)
                            .payload();
                    labels.put(tx.transactionId(), Boolean.TRUE.equals(tx.fraudLabel()));
                    arrived.putIfAbsent(tx.transactionId(), r.approximateArrivalTimestamp());
                }
            }
            // freshness: the scored event's arrival on cdp.scored.transactions after the transaction's arrival on
            // cdp.core.transactions (both stamped by Kinesis), the first scoring of each transaction
            Map<String, Long> freshnessMs = new HashMap<>();
            for (List<Record> shard : streams.records(names.stream(CdpResources.Stream.SCORED_TRANSACTIONS))
                    .values()) {
                for (Record r : shard) {
                    TransactionScoredV1 s = streams.codec
                            .decode(r.data().asByteArray(), TransactionScoredV1.class)
                            .payload();
                    Instant in = arrived.get(s.transactionId());
                    if (in != null) {
                        long ms = Duration.between(in, r.approximateArrivalTimestamp())
                                .toMillis();
                        freshnessMs.merge(s.transactionId(), ms, Math::min);
                    }
                }
            }
            long[] fresh = freshnessMs.values().stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            // alerted: at or over the alert threshold of the model version that scored it (what the transformer does)
            ModelRegistry registry = new ModelRegistry(
                    clients.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
            Map<String, Double> alertThreshold = new HashMap<>();
            Map<String, Boolean> alerted = new HashMap<>();
            for (TransactionScoredV1 s : streams.scoredEvents()) {
                double threshold = alertThreshold.computeIfAbsent(
                        s.modelVersion(),
                        v -> registry.get(v).map(e -> e.thresholds().alert()).orElse(Double.POSITIVE_INFINITY));
                alerted.merge(s.transactionId(), s.score() >= threshold, Boolean::logicalOr);
            }
            long scored = labels.keySet().stream().filter(alerted::containsKey).count();
            long frauds = labels.values().stream().filter(f -> f).count();
            long alerts = alerted.values().stream().filter(a -> a).count();
            long caught = labels.entrySet().stream()
                    .filter(e -> e.getValue() && alerted.getOrDefault(e.getKey(), false))
                    .count();
            System.out.println("| live share | value |");
            System.out.println("|---|---|");
            System.out.printf(Locale.ROOT, "| transactions on the stream | %,d |%n", labels.size());
            System.out.printf(Locale.ROOT, "| scored | %,d |%n", scored);
            System.out.printf(Locale.ROOT, "| frauds (labels of the generated data) | %,d |%n", frauds);
            System.out.printf(
                    Locale.ROOT,
                    "| alerts raised | %,d (%.2f %% of transactions) |%n",
                    alerts,
                    scored == 0 ? 0 : 100.0 * alerts / scored);
            System.out.printf(Locale.ROOT, "| frauds caught at the alert threshold | %,d |%n", caught);
            System.out.printf(
                    Locale.ROOT,
                    "| freshness: on cdp.core.transactions → scored on cdp.scored.transactions, p50 / p99 | %d ms / %d ms |%n",
                    percentile(fresh, 0.50),
                    percentile(fresh, 0.99));
            System.out.printf(
                    Locale.ROOT,
                    "live scored=%d frauds=%d alerts=%d alert_rate=%.4f alert_precision=%.3f alert_recall=%.3f"
                            + " freshness_p50_ms=%d freshness_p99_ms=%d%n",
                    scored,
                    frauds,
                    alerts,
                    scored == 0 ? 0 : (double) alerts / scored,
                    alerts == 0 ? 0 : (double) caught / alerts,
                    frauds == 0 ? 0 : (double) caught / frauds,
                    percentile(fresh, 0.50),
                    percentile(fresh, 0.99));
            return scored == labels.size() ? 0 : 1;
        }
    }

    /** Nearest-rank percentile of sorted values; -1 when there are none. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
