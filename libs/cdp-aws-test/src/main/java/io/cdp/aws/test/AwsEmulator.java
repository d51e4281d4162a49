package io.cdp.aws.test;

import io.cdp.aws.AwsClients;
import io.cdp.aws.AwsSettings;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The AWS emulator of this test JVM, found once, in this order:
 * <ol>
 *   <li>{@code AWS_ENDPOINT_URL} (environment or system property), used as given;</li>
 *   <li>one started by {@code ./cdp aws up}: {@code .cdp/moto-<port>.pid} in an ancestor directory and an answer on
 *       {@code CDP_AWS_PORT} (default 4566) of 127.0.0.1;</li>
 *   <li>where a Docker engine answers, a Testcontainers {@code LocalStackContainer} (Floci image by
 *       default, {@code CDP_EMULATOR_IMAGE} to change it);</li>
 *   <li>otherwise a failure that says how to start one. Never a silent skip: a skipped integration test
 *       proves nothing.</li>
 * </ol>
 */
public final class AwsEmulator {

    private static final String DEFAULT_IMAGE = "floci/floci:latest";
    private static volatile @Nullable AwsEmulator shared;

    private final URI endpoint;
    private final String source;
    private final AwsClients clients;

    private AwsEmulator(URI endpoint, String source) {
        this.endpoint = endpoint;
        this.source = source;
        this.clients = new AwsClients(AwsSettings.local(endpoint));
    }

    /** The emulator for this JVM; found (or started) on first use. */
    public static AwsEmulator shared() {
        AwsEmulator current = shared;
        if (current == null) {
            synchronized (AwsEmulator.class) {
                current = shared;
                if (current == null) {
                    current = find();
                    shared = current;
                }
            }
        }
        return current;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** How it was found, for test logs: {@code AWS_ENDPOINT_URL}, {@code ./cdp aws up} or {@code testcontainers}. */
    public String source() {
        return source;
    }

    /** SDK clients configured for the emulator. */
    public AwsClients clients() {
        return clients;
    }

    /**
     * Spring properties that point Spring Cloud AWS (and the Kinesis binder) at the emulator; for
     * {@code @DynamicPropertySource} or {@code SpringApplication.setDefaultProperties}.
     */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.aws.endpoint", endpoint.toString());
        properties.put(
                "spring.cloud.aws.region.static", clients.settings().region().id());
        properties.put("spring.cloud.aws.credentials.access-key", "testing");
        properties.put("spring.cloud.aws.credentials.secret-key", "testing");
        return properties;
    }

    private static AwsEmulator find() {
        return find(
                name -> Optional.ofNullable(System.getProperty(name)).orElse(System.getenv(name)),
                Path.of("").toAbsolutePath(),
                DockerEmulator::dockerAvailable);
    }

    /** The discovery order, with the environment, working directory and Docker probe passed in for tests. */
    static AwsEmulator find(Function<String, @Nullable String> env, Path workingDirectory, BooleanSupplier docker) {
        String configured = env.apply("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.trim());
            if (!answers(uri)) {
                throw new IllegalStateException("AWS_ENDPOINT_URL=" + uri + " does not answer. Start the emulator with "
                        + "'./cdp aws up' (or fix the variable), then run the tests again.");
            }
            return new AwsEmulator(uri, "AWS_ENDPOINT_URL");
        }
        String port = Optional.ofNullable(env.apply("CDP_AWS_PORT")).orElse("4566");
        URI local = URI.create("http://127.0.0.1:" + port);
        if (startedByCdp(workingDirectory, port) && answers(local)) {
            return new AwsEmulator(local, "./cdp aws up");
        }
        if (docker.getAsBoolean()) {
            String image = Optional.ofNullable(env.apply("CDP_EMULATOR_IMAGE")).orElse(DEFAULT_IMAGE);
            return new AwsEmulator(DockerEmulator.start(image), "testcontainers (" + image + ")");
        }
        throw new IllegalStateException("""
                No AWS emulator found for the integration tests. Either:
                  - run './cdp aws up' in the repository (moto server on 127.0.0.1:%s), or
                  - set AWS_ENDPOINT_URL to a running emulator (moto, LocalStack, Floci), or
                  - run where a Docker engine is available (Testcontainers starts %s).
                './cdp test' does the first for you.""".formatted(port, DEFAULT_IMAGE));
    }

    /** True when a {@code ./cdp aws up} of this repository (or an ancestor checkout) is running. */
    private static boolean startedByCdp(Path workingDirectory, String port) {
        Path dir = workingDirectory;
        while (dir != null) {
            Path pid = dir.resolve(".cdp").resolve("moto-" + port + ".pid");
            if (Files.isRegularFile(pid)) {
                try {
                    String value = Files.readString(pid).trim();
                    return !value.isEmpty() && Files.exists(Path.of("/proc", value));
                } catch (IOException e) {
                    return false;
                }
            }
            dir = dir.getParent();
        }
        return false;
    }

    static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            connection.setConnectTimeout((int) Duration.ofSeconds(2).toMillis());
            connection.setReadTimeout((int) Duration.ofSeconds(5).toMillis());
            connection.getResponseCode();
            connection.disconnect();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
