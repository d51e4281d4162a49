package io.cdp.aws.test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without an emulator the tests fail loudly and say how to get one; they never skip. */
class AwsEmulatorDiscoveryTest {

    @Test
    void failsWithInstructionsWhenNoEmulatorCanBeFound(@TempDir Path emptyDir) throws IOException {
        String unusedPort = Integer.toString(freePort());

        assertThatIllegalStateException()
                .isThrownBy(() -> AwsEmulator.find(Map.of("CDP_AWS_PORT", unusedPort)::get, emptyDir, () -> false))
                .withMessageContaining("No AWS emulator found")
                .withMessageContaining("./cdp aws up")
                .withMessageContaining("AWS_ENDPOINT_URL")
                .withMessageContaining("127.0.0.1:" + unusedPort);
    }

    @Test
    void failsWhenTheConfiguredEndpointDoesNotAnswer(@TempDir Path emptyDir) throws IOException {
        String endpoint = "http://127.0.0.1:" + freePort();

        assertThatIllegalStateException()
                .isThrownBy(() -> AwsEmulator.find(Map.of("AWS_ENDPOINT_URL", endpoint)::get, emptyDir, () -> false))
                .withMessageContaining("AWS_ENDPOINT_URL=" + endpoint + " does not answer");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
