package io.cdp.cli.trainer;

import io.cdp.cli.ServiceJars;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model-trainer job as a scheduled container runs it: its executable jar, one job, the local profile, in this
 * shell's namespace and against its emulator ({@code ./cdp} exports both).
 */
final class TrainerJob {

    private TrainerJob() {}

    /** Runs {@code job} with {@code cdp.trainer.*} settings; returns its exit status. */
    static int run(String job, Map<String, String> settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.cborEnabled=false",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                ServiceJars.executable("model-trainer").toString(),
                "--spring.profiles.active=local",
                "--cdp.trainer.job=" + job,
                "--logging.structured.format.console="));
        settings.forEach((k, v) -> command.add("--cdp.trainer." + k + "=" + v));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
