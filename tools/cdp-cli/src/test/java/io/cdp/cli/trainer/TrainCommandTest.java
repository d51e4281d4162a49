package io.cdp.cli.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {

    @Test
    void aScheduleIsReadAsAnIsoDuration() {
        TrainCommand train = new TrainCommand();
        new CommandLine(train).parseArgs("--schedule", "PT24H");
        assertThat(train.schedule).isEqualTo(Duration.ofHours(24));
        assertThat(train.source).isEqualTo("lake");
    }

    @Test
    void aScheduleForTheCustomerModelsIsRefusedBeforeAnyJobStarts() {
        PrintStream err = System.err;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new TrainCommand()).execute("segments", "--schedule", "PT1H"))
                    .isEqualTo(2);
        } finally {
            System.setErr(err);
        }
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("does not apply to 'segments'");
    }
}
