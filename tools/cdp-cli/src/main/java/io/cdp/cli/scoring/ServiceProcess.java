package io.cdp.cli.scoring;

import io.cdp.aws.AwsClients;
import io.cdp.aws.bootstrap.ResourceBootstrap;
import io.cdp.aws.test.RepositoryRoot;
import io.cdp.cli.CliAws;
import io.cdp.cli.ServiceJars;
import io.cdp.events.resources.CdpResources;
import io.cdp.features.online.OnlineFeatures;
import io.cdp.scoring.registry.ModelRegistry;
import io.cdp.training.synthetic.SyntheticModels;
import io.cdp.training.train.Progress;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The service jar as a child process of a command (bench, fuzz): local profile, its own resource namespace and
 * port, output to {@code .cdp/scoring-api-<name>.log}. Closing it stops exactly that process.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The scoring API answers 503 until a model is live, and models come from the trainer, not from the service: the
     * namespace's resources are created and, once per namespace, a model trained on generated card-testing history is
     * published and promoted, as the trainer job and a promotion would.
     */
    static void ensureLiveModel(CdpResources names) {
        AwsClients aws = CliAws.clients();
        new ResourceBootstrap(aws, names).createAll();
        ModelRegistry registry =
                new ModelRegistry(aws.dynamoDb(), names.table(CdpResources.Table.MODELS), OnlineFeatures.MODEL_NAME);
        if (registry.serving().isEmpty()) {
            System.err.println("cdp: no live model in namespace '" + names.namespace()
                    + "': training a fixture model on " + "generated card-testing history and promoting it");
            SyntheticModels.publishLive(
                    aws.s3(), aws.dynamoDb(), names, SyntheticModels.cardTesting(42, Progress.silent()));
        }
    }

    static ServiceProcess start(String name, Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return start(name, environment, jvmOptions, List.of());
    }

    /** {@code arguments}: more Spring arguments after the profile and port, e.g. the token issuer to trust. */
    static ServiceProcess start(
            String name, Map<String, String> environment, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        Path root = RepositoryRoot.find();
        Path jar = ServiceJars.executable("scoring-api");
        ensureLiveModel(CdpResources.fromValue(environment.get("CDP_RESOURCE_NAMESPACE")));
        int port = freePort();
        Path log = root.resolve(".cdp/scoring-api-" + name + ".log");
        Files.createDirectories(log.getParent());
        // run a copy: a rebuild of the module rewrites target/*.jar under a running JVM, which then fails to load
        // classes
        Path copy = root.resolve(".cdp/scoring-api-" + name + ".jar");
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Daws.cborEnabled=false",
                "--enable-native-access=ALL-UNNAMED",
                "-jar",
                copy.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CDP_DEV_KEY_FILE", TokenMain.keyFile().toString());
        builder.environment().putAll(environment);
        ServiceProcess service = new ServiceProcess(builder.start(), port, log);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** CPU time the service's process has used so far (all its threads), or null where the OS does not say. */
    @org.jspecify.annotations.Nullable
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(null);
    }

    Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited while starting (exit " + process.exitValue()
                            + "); see " + RepositoryRoot.find().relativize(log));
                }
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
        }
        close();
        throw new IllegalStateException("the service was not ready within " + timeout.toSeconds() + " s; see "
                + RepositoryRoot.find().relativize(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
