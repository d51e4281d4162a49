package io.cdp.cli.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./cdp train}: the model-trainer job {@code train}. */
@Command(
        name = "train",
        description = "Run the model-trainer job: train the fraud model on the lake's history (lake), the customer"
                + " segments (segments) or lifetime-value model (clv) on its card transactions, on generated"
                + " data (synthetic) or the handbook's (handbook), register it, optionally promote it"
                + " ([lake|online|synthetic|handbook|segments|clv] [--promote] [--alert-share F] [--data DIR] [--seed S] [--cards N]);"
                + " --schedule PT24H runs the retraining job (./cdp retrain) on that schedule instead")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "lake",
            description = "what to learn from: lake (or online: the online card model from the history core banking"
                    + " exported), segments, clv (the customer models from the same history), synthetic, handbook")
    String source = "lake";

    @Option(names = "--data", description = "input directory (handbook)")
    @Nullable
    Path data;

    @Option(names = "--promote", description = "make the new version live at once")
    boolean promote;

    @Option(names = "--alert-share", description = "share of transactions to review and alert (lake; default 0.005)")
    @Nullable
    Double alertShare;

    @Option(names = "--decline-share", description = "share of transactions to decline (lake; default 0.0005)")
    @Nullable
    Double declineShare;

    @Option(names = "--seed", description = "seed of the synthetic history")
    @Nullable
    Long seed;

    @Option(names = "--cards", description = "cards of synthetic history")
    @Nullable
    Integer cards;

    @Option(
            names = "--schedule",
            description = "retrain the live fraud model on this ISO-8601 schedule until stopped (PT24H): the closed"
                    + " loop of ./cdp retrain, whose first model comes from ./cdp train lake --promote")
    @Nullable
    Duration schedule;

    @Parameters(index = "1..*", arity = "0..*", description = "options for the handbook training (--train-days ...)")
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (schedule != null) {
            if (!source.equals("lake") && !source.equals("online")) {
                System.err.println("train: --schedule retrains the online fraud model from the lake; it does not apply"
                        + " to '" + source + "'");
                return 2;
            }
            // the scheduled training of the live fraud model is its retraining: challenger, policy, shadow, drift
            Map<String, String> retrain = new LinkedHashMap<>();
            retrain.put("schedule", schedule.toString());
            if (alertShare != null) {
                retrain.put("alert-share", alertShare.toString());
            }
            return TrainerJob.run("retrain", retrain);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source", source);
        settings.put("promote", Boolean.toString(promote));
        if (data != null) {
            settings.put("data", data.toAbsolutePath().toString());
        }
        if (alertShare != null) {
            settings.put("alert-share", alertShare.toString());
        }
        if (declineShare != null) {
            settings.put("decline-share", declineShare.toString());
        }
        if (seed != null) {
            settings.put("seed", seed.toString());
        }
        if (cards != null) {
            settings.put("cards", cards.toString());
        }
        if (!options.isEmpty()) {
            settings.put("options", String.join(",", options));
        }
        return TrainerJob.run("train", settings);
    }
}
