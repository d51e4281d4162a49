package io.cdp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml, checked twice: a real compose implementation (compose-spec/compose-go, the library of the
 * {@code docker compose} CLI, in tools/compose-check) parses, validates and resolves it as {@code docker compose config}
 * would; then its resolved model is compared with the service catalog ({@link CdpService}) and with every service
 * module's application.yml, so a port, variable or image name that drifts fails here. New modules under services/ are
 * picked up by themselves.
 */
class ComposeFileTest {

    /** Read by the AWS SDK, Spring Boot or the JVM themselves, not by a placeholder in application.yml. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of(
            "SPRING_PROFILES_ACTIVE",
            "AWS_REGION",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ENDPOINT_URL",
            "CBOR_ENABLED",
            "JAVA_TOOL_OPTIONS");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PORT_DEFAULT = Pattern.compile("port:\\s*\\$\\{PORT:(\\d+)}");

    private static Path root;
    private static JsonNode services;

    @BeforeAll
    static void resolveWithComposeGo() throws Exception {
        root = Repository.root();
        Result result = ComposeCheck.run(root.resolve("docker-compose.yml"));
        assertThat(result.exitCode())
                .as("compose-check output:%n%s", result.stderr())
                .isZero();
        services = JsonMapper.builder().build().readTree(result.stdout()).get("services");
    }

    @Test
    void composeGoResolvesTheFileWithEveryProfile() {
        assertThat(names(services))
                .contains("floci", "localstack", "init", "bedrock-stub")
                .containsAll(CdpService.ALL.stream().map(CdpService::module).toList());
        assertThat(services.get("floci").get("image").asString())
                .as("the default emulator is pinned to a version")
                .matches("floci/floci:\\d+\\.\\d+\\.\\d+");
        assertThat(services.get("localstack").get("profiles").toString()).contains("localstack");
        assertThat(services.get("init").get("entrypoint").toString()).contains("io.cdp.aws.bootstrap.BootstrapMain");
        assertThat(services.get("alerting")
                        .get("environment")
                        .get("AWS_ENDPOINT_URL_BEDROCK_RUNTIME")
                        .asString())
                .isEqualTo("http://bedrock-stub:8080");
    }

    @Test
    void theCheckerRejectsABrokenFile(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("docker-compose.yml");
        Files.writeString(broken, """
                services:
                  api:
                    image: cdp/scoring-api:1
                    depends_on:
                      nowhere:
                        condition: service_healthy
                """);
        Result result = ComposeCheck.run(broken);
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("nowhere");
    }

    @Test
    void everyCatalogEntryHasItsImagePortMemoryHealthCheckAndOrderedStart() {
        String tag = System.getProperty("cdp.version", "0.1.0-SNAPSHOT");
        for (CdpService service : CdpService.ALL) {
            JsonNode entry = services.get(service.module());
            assertThat(entry).as("compose entry for %s", service).isNotNull();
            assertThat(entry.get("image").asString()).as("image of %s", service).isEqualTo(service.image("", tag));
            assertThat(entry.get("mem_limit").asLong())
                    .as("memory limit of %s", service)
                    .isEqualTo(service.memoryMiB() * 1024L * 1024L);
            assertThat(entry.get("environment").get("SPRING_PROFILES_ACTIVE").asString())
                    .isEqualTo("local");
            assertThat(entry.get("environment").get("AWS_ENDPOINT_URL").asString())
                    .startsWith("http://");
            JsonNode dependsOn = entry.get("depends_on");
            assertThat(dependsOn).as("depends_on of %s", service).isNotNull();
            dependsOn
                    .properties()
                    .forEach(dep -> assertThat(dep.getValue().get("condition").asString())
                            .as("%s waits for %s", service, dep.getKey())
                            .isIn("service_healthy", "service_completed_successfully"));
            if (service.isService()) {
                assertThat(entry.get("environment").get("PORT").asString()).isEqualTo(String.valueOf(service.port()));
                assertThat(entry.get("ports").get(0).get("target").asInt()).isEqualTo(service.port());
                assertThat(entry.get("healthcheck").get("test").toString())
                        .contains("io.cdp.service.health.HealthCheck");
            } else {
                assertThat(entry.get("profiles").toString())
                        .as("a job starts on demand")
                        .contains("jobs");
            }
        }
    }

    @Test
    void everyServiceModuleHasAnEntryMatchingItsApplicationYml() throws IOException {
        List<Path> modules = Repository.serviceModules(root);
        assertThat(modules).isNotEmpty();
        for (Path module : modules) {
            String name = module.getFileName().toString();
            CdpService service = CdpService.byModule(name)
                    .orElseThrow(() -> new AssertionError(name + " is a module under services/ but not in CdpService"));
            JsonNode entry = services.get(name);
            assertThat(entry).as("docker-compose.yml has no service %s", name).isNotNull();

            String yml = readConfiguration(module);
            Matcher port = PORT_DEFAULT.matcher(yml);
            if (service.isService()) {
                assertThat(port.find())
                        .as("%s sets server.port: ${PORT:<n>}", name)
                        .isTrue();
                assertThat(Integer.parseInt(port.group(1)))
                        .as("application.yml port of %s", name)
                        .isEqualTo(service.port());
            }
            Set<String> known = new HashSet<>(PLATFORM_VARIABLES);
            Matcher placeholder = PLACEHOLDER.matcher(yml);
            while (placeholder.find()) known.add(placeholder.group(1));
            for (String variable : names(entry.get("environment"))) {
                if (variable.startsWith("AWS_ENDPOINT_URL_")) continue; // the SDK's per-service endpoint override
                assertThat(known)
                        .as("%s sets %s in docker-compose.yml, which its configuration never reads", name, variable)
                        .contains(variable);
            }
        }
    }

    private static String readConfiguration(Path module) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(module.resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application(-[a-z0-9]+)?\\.ya?ml"))
                    .sorted()
                    .toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new java.util.TreeSet<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    record Result(int exitCode, String stdout, String stderr) {}

    /** Builds tools/compose-check with the Go toolchain (once per run) and runs it on a compose file. */
    static final class ComposeCheck {

        private static Path binary;

        static synchronized Result run(Path composeFile) throws IOException, InterruptedException {
            if (binary == null) {
                Path source = Repository.root().resolve("tools/compose-check");
                Path out = Path.of("target", "compose-check").toAbsolutePath();
                Result build = exec(source, List.of(go(), "build", "-o", out.toString(), "."));
                assertThat(build.exitCode())
                        .as("go build of tools/compose-check:%n%s", build.stderr())
                        .isZero();
                binary = out;
            }
            return exec(composeFile.getParent(), List.of(binary.toString(), composeFile.toString()));
        }

        private static String go() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, "go")))
                    return Path.of(dir, "go").toString();
            }
            String goroot = System.getenv("GOROOT");
            if (goroot != null && Files.isExecutable(Path.of(goroot, "bin", "go"))) {
                return Path.of(goroot, "bin", "go").toString();
            }
            throw new AssertionError("the Go toolchain (go on PATH, or GOROOT) is needed to build tools/compose-check");
        }

        private static Result exec(Path dir, List<String> command) throws IOException, InterruptedException {
            Path err = Files.createTempFile("compose-check", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectError(err.toFile())
                    .start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 5 minutes");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            return new Result(process.exitValue(), stdout, stderr);
        }
    }
}
