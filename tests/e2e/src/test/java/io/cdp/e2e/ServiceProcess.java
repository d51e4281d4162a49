package io.cdp.e2e;

import io.cdp.aws.test.AwsEmulator;
import io.cdp.aws.test.PipelineFixture;
import io.cdp.events.resources.CdpResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's executable jar ({@code services/<name>/target/<name>-<version>-exec.jar}, built in the reactor's package
 * phase) started as a child process against the emulator in a test's namespace, its output in
 * {@code target/e2e-logs/<instance>.log}. What a deployment runs, not the classes in this JVM.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServiceProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code service} with the emulator's settings, the namespace and {@code extra}; no token issuer, as none of
     * these tests calls a protected endpoint.
     */
    static ServiceProcess start(
            String service, String instance, CdpResources names, AwsEmulator emulator, Map<String, String> extra)
            throws IOException {
        Map<String, Object> p = new LinkedHashMap<>(emulator.springProperties());
        p.put("cdp.aws.endpoint", emulator.endpoint().toString());
        p.put("cdp.aws.namespace", names.namespace());
        p.put("server.port", "0");
        p.put("logging.structured.format.console", "");
        p.put("logging.level.root", "INFO");
        p.put("logging.level.io.awspring", "WARN");
        p.putAll(extra);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-Daws.cborEnabled=false",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                jar(service).toString()));
        p.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = Path.of("target", "e2e-logs", instance + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(process, log);
    }

    /** Waits until the log says the application started; fails with the log's tail if the process died first. */
    ServiceProcess awaitStarted(String applicationClass, Duration timeout) throws InterruptedException {
        PipelineFixture.await(log.getFileName() + " started", timeout, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(log + " exited with " + process.exitValue() + ":\n" + tail());
            }
            return tail().contains("Started " + applicationClass);
        });
        return this;
    }

    /** Everything the process printed so far (for leak scans). */
    String output() {
        return tail();
    }

    /** A free local port, for a service other processes must be told the address of. */
    static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or checkpointed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private String tail() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static Path jar(String service) {
        String dir = System.getProperty("cdp.services.dir", "../../services");
        String version = System.getProperty("cdp.version", "0.1.0-SNAPSHOT");
        Path jar = Path.of(dir, service, "target", service + "-" + version + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor packages every service before these tests "
                    + "(run them with './mvnw verify', or './mvnw -pl tests/e2e -am verify')");
        }
        return jar;
    }
}
