package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The emulator lifecycle of the {@code ./cdp} script, on a port of its own so the emulator the other
 * tests use is left alone: up starts it, a second up is a no-op, status reports it, down stops exactly it.
 */
class CdpScriptIT {

    @Test
    void awsUpTwiceIsANoOpAndDownStopsOnlyWhatUpStarted() throws Exception {
        Path root = repositoryRoot();
        String port = Integer.toString(freePort());

        Result first = cdp(root, port, "aws", "up");
        Result second = cdp(root, port, "aws", "up");
        Result status = cdp(root, port, "aws", "status");
        Result down = cdp(root, port, "aws", "down");
        Result after = cdp(root, port, "aws", "status");

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("AWS emulator up at http://127.0.0.1:" + port);
        assertThat(second.exit()).isZero();
        assertThat(second.output())
                .contains("already running")
                .contains("nothing to do")
                .doesNotContain("starting");
        assertThat(status.exit()).isZero();
        assertThat(status.output()).contains("UP").contains("started by cdp");
        assertThat(down.exit()).isZero();
        assertThat(down.output()).contains("stopped");
        assertThat(after.exit()).as("status of a stopped emulator").isEqualTo(3);
        assertThat(after.output()).contains("DOWN");
    }

    record Result(int exit, String output) {}

    private static Result cdp(Path root, String port, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(root.resolve("cdp").toString());
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("CDP_AWS_PORT", port));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("cdp"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the ./cdp script above the working directory").isNotNull();
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
