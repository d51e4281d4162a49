package io.cdp.cli.trainer;

import io.cdp.cli.ServiceJars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./cdp train}: the model-trainer job as the scheduled container runs it (its executable jar, job
 * {@code train}), in this shell's namespace and against its emulator, with the local profile.
 */
@Command(
        name = "train",
        description = "Run the model-trainer job: train a model and register it, optionally "
                + "promote it ([synthetic|handbook] [--data DIR] [--promote] [--seed S] [--cards N] [trainer options])")
public final class TrainCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "synthetic",
            description = "what to learn from: synthetic (generated card history) or handbook (--data DIR)")
    String source = "synthetic";

    @Option(names = "--data", description = "input directory (handbook)")
    @Nullable
    Path data;

    @Option(names = "--promote", description = "make the new version live at once")
    boolean promote;

    @Option(names = "--seed", description = "seed of the synthetic history")
    @Nullable
    Long seed;

    @Option(names = "--cards", description = "cards of synthetic history")
    @Nullable
    Integer cards;

    @Parameters(index = "1..*", arity = "0..*", description = "options for the handbook training (--train-days ...)")
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.cborEnabled=false",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                ServiceJars.executable("model-trainer").toString(),
                "--spring.profiles.active=local",
                "--cdp.trainer.job=train",
                "--cdp.trainer.source=" + source,
                "--cdp.trainer.promote=" + promote,
                "--logging.structured.format.console="));
        if (data != null) {
            command.add("--cdp.trainer.data=" + data.toAbsolutePath());
        }
        if (seed != null) {
            command.add("--cdp.trainer.seed=" + seed);
        }
        if (cards != null) {
            command.add("--cdp.trainer.cards=" + cards);
        }
        if (!options.isEmpty()) {
            command.add("--cdp.trainer.options=" + String.join(",", options));
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
