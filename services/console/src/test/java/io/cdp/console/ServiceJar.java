package io.cdp.console;

import io.cdp.aws.test.PipelineFixture;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Another service's executable jar ({@code services/<module>/target/<module>-<version>-exec.jar}, packaged by the
 * reactor before this module) as a child process with its own configuration, as a deployment runs it. Output in
 * {@code target/<module>-it.log}.
 */
final class ServiceJar implements AutoCloseable {

    private final String module;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceJar(String module, Process process, Path log, int port) {
        this.module = module;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServiceJar start(String module, String startedLine, Map<String, Object> properties)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String version = System.getProperty("cdp.version", "0.1.0-SNAPSHOT");
        Path jar = Path.of("..", module, "target", module + "-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with './mvnw -pl services/console -am verify'");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-Daws.cborEnabled=false",
                "-jar",
                jar.toString()));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        command.add("--server.port=" + port);
        command.add("--logging.structured.format.console=");
        Path log = Path.of("target", module + "-it.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServiceJar started = new ServiceJar(module, process, log, port);
        PipelineFixture.await(module + " started", Duration.ofSeconds(240), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        module + " exited with " + process.exitValue() + ":\n" + started.tail());
            }
            return started.tail().contains(startedLine);
        });
        return started;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String tail() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return module + " at " + url();
    }
}
