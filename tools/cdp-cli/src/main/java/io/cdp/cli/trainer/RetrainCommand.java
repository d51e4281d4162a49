package io.cdp.cli.trainer;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./cdp retrain}: the model-trainer job {@code retrain} (the closed loop, once or on a schedule). */
@Command(
        name = "retrain",
        description = "Run the model-trainer job retrain: labels joined from the lake's evidence, a challenger against"
                + " the live model on the latest fully-labelled week, the promotion policy, drift in the registry"
                + " ([--schedule PT24H] [--no-auto-promote] [--label-delay-days 7] [--primary recall_at_alert]"
                + " [--margin 0.05] [--tolerance 0.02] [--alert-share F] [--shadow-days 7])")
public final class RetrainCommand implements Callable<Integer> {

    @Option(names = "--schedule", description = "run again after this ISO-8601 duration, until stopped (PT24H)")
    @Nullable
    Duration schedule;

    @Option(names = "--no-auto-promote", description = "record the decision only; a person promotes")
    boolean noAutoPromote;

    @Option(names = "--label-delay-days", description = "days until silence counts as not fraud (default 7)")
    @Nullable
    Integer labelDelayDays;

    @Option(names = "--primary", description = "recall_at_alert (default), ap, auc or cp100")
    @Nullable
    String primary;

    @Option(names = "--margin", description = "by how much the challenger must win on the primary metric (0.05)")
    @Nullable
    Double margin;

    @Option(names = "--tolerance", description = "how much worse it may be on each other metric (0.02)")
    @Nullable
    Double tolerance;

    @Option(names = "--alert-share", description = "share of transactions alerted (default 0.005)")
    @Nullable
    Double alertShare;

    @Option(
            names = "--shadow-days",
            description = "days a passing challenger is scored beside the live model (into the lake only) before a"
                    + " later retraining promotes it (default 7; 0 promotes at once)")
    @Nullable
    Integer shadowDays;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auto-promote", Boolean.toString(!noAutoPromote));
        if (schedule != null) {
            settings.put("schedule", schedule.toString());
        }
        if (labelDelayDays != null) {
            settings.put("label-delay-days", labelDelayDays.toString());
        }
        if (primary != null) {
            settings.put("primary-metric", primary);
        }
        if (margin != null) {
            settings.put("promotion-margin", margin.toString());
        }
        if (tolerance != null) {
            settings.put("promotion-tolerance", tolerance.toString());
        }
        if (alertShare != null) {
            settings.put("alert-share", alertShare.toString());
        }
        if (shadowDays != null) {
            settings.put("shadow-days", shadowDays.toString());
        }
        return TrainerJob.run("retrain", settings);
    }
}
