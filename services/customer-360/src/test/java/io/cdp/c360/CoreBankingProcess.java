package io.cdp.c360;

import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.events.resources.CdpResources;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * core-banking's executable jar ({@code services/core-banking/target/core-banking-<version>-exec.jar}, packaged by the
 * reactor before this module) as a child process in the test's namespace, with the local profile and the test's dev
 * key: what a deployment runs, with its own configuration (its application.yml would be shadowed by this service's in
 * one JVM). Output in {@code target/core-banking-it.log}.
 */
final class CoreBankingProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private CoreBankingProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static CoreBankingProcess start(CdpResources names, AwsEmulator emulator, String devSecret)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, Object> p = new LinkedHashMap<>(emulator.springProperties());
        p.put("spring.profiles.active", "local");
        p.put("cdp.aws.endpoint", emulator.endpoint().toString());
        p.put("cdp.aws.namespace", names.namespace());
        p.put("cdp.aws.bootstrap", "true");
        p.put("cdp.security.dev-secret", devSecret);
        p.put("server.port", Integer.toString(port));
        p.put("logging.structured.format.console", "");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-Daws.cborEnabled=false",
                "-jar",
                jar().toString()));
        p.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = Path.of("target", "core-banking-it.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        CoreBankingProcess started = new CoreBankingProcess(process, log, port);
        PipelineFixture.await("core-banking started", Duration.ofSeconds(180), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "core-banking exited with " + process.exitValue() + ":\n" + started.tail());
            }
            return started.tail().contains("Started CoreBankingApplication");
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
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static Path jar() {
        String version = System.getProperty("cdp.version", "0.1.0-SNAPSHOT");
        Path jar = Path.of("..", "core-banking", "target", "core-banking-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build with './mvnw -pl services/customer-360 -am verify' "
                            + "so the reactor packages core-banking first");
        }
        return jar;
    }
}
