package io.cdp.cli.trainer;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./cdp features backfill}: the model-trainer job {@code backfill}. */
@Command(
        name = "backfill",
        description = "Seed the feature store with every card's state at the end of the lake's history (the"
                + " model-trainer job), so live transactions are not scored as cold starts; cards already there are"
                + " left alone")
public final class BackfillCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException, InterruptedException {
        return TrainerJob.run("backfill", Map.of());
    }
}
